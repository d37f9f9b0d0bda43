package jp.kiban.resident;

/**
 * 続柄 as written on the 住民票: the relation of a member to the 世帯主. This enum is the one list
 * of 続柄 Kiban knows; forms, CSV and certificates use it. The codes are Kiban's own two-digit
 * codes (the 既存住基システム改造仕様書 code table was not available when this was written); map
 * them in the exchange layer, not here.
 * <p>
 * 妻/夫 are used for spouses; 子 for every child (嫡出子・養子 are not told apart on the 住民票 since
 * 平成7年); 子の妻/子の夫 for a child's spouse; 同居人 for an unrelated person living in the
 * household; 縁故者 for a relative not otherwise listed (おじ, おば, いとこ …).
 */
public enum Relationship {
    HEAD("01", "世帯主"),
    WIFE("02", "妻"),
    HUSBAND("03", "夫"),
    CHILD("04", "子"),
    FATHER("05", "父"),
    MOTHER("06", "母"),
    GRANDCHILD("07", "孫"),
    ELDER_BROTHER("08", "兄"),
    ELDER_SISTER("09", "姉"),
    YOUNGER_BROTHER("10", "弟"),
    YOUNGER_SISTER("11", "妹"),
    GRANDFATHER("12", "祖父"),
    GRANDMOTHER("13", "祖母"),
    CHILDS_WIFE("14", "子の妻"),
    CHILDS_HUSBAND("15", "子の夫"),
    WIFES_FATHER("16", "妻の父"),
    WIFES_MOTHER("17", "妻の母"),
    HUSBANDS_FATHER("18", "夫の父"),
    HUSBANDS_MOTHER("19", "夫の母"),
    GREAT_GRANDCHILD("20", "曾孫"),
    COMMON_LAW_WIFE("21", "妻（未届）"),
    COMMON_LAW_HUSBAND("22", "夫（未届）"),
    COHABITANT("90", "同居人"),
    RELATIVE("91", "縁故者");

    private final String code;
    private final String label;

    Relationship(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** The text printed on the 住民票, e.g. 子の妻. */
    public String label() {
        return label;
    }

    /**
     * Where members of this 続柄 come in a household (標準仕様書 5.2, 世帯員の並び順), lower first; members of
     * the same rank go by date of birth, then 宛名番号. 第1順位 世帯主, 配偶者, 子; 第2順位 子の配偶者, 孫, 曾孫;
     * 第3順位 父母, 兄弟姉妹, 祖父母; 第4順位 other relatives (配偶者の父母 …), 縁故者, 同居人. The register
     * does not link a grandchild to its parent, so several child families are not kept apart and
     * 父母 go by date of birth rather than 筆頭者 first.
     */
    public int rank() {
        return switch (this) {
            case HEAD -> 0;
            case WIFE, HUSBAND, COMMON_LAW_WIFE, COMMON_LAW_HUSBAND -> 1;
            case CHILD -> 2;
            case CHILDS_WIFE, CHILDS_HUSBAND -> 3;
            case GRANDCHILD -> 4;
            case GREAT_GRANDCHILD -> 5;
            case FATHER, MOTHER -> 6;
            case ELDER_BROTHER, ELDER_SISTER, YOUNGER_BROTHER, YOUNGER_SISTER -> 7;
            case GRANDFATHER, GRANDMOTHER -> 8;
            case WIFES_FATHER, WIFES_MOTHER, HUSBANDS_FATHER, HUSBANDS_MOTHER -> 9;
            case RELATIVE -> 10;
            case COHABITANT -> 11;
        };
    }

    public boolean isHead() {
        return this == HEAD;
    }

    public static Relationship ofCode(String code) {
        for (Relationship r : values()) {
            if (r.code.equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException("Unknown relationship code " + code);
    }

    /** By the printed label (for CSV import and forms): 世帯主, 子の妻 … */
    public static Relationship ofLabel(String label) {
        String text = label == null ? "" : label.strip();
        for (Relationship r : values()) {
            if (r.label.equals(text)) {
                return r;
            }
        }
        throw new IllegalArgumentException("Unknown relationship " + label);
    }
}
