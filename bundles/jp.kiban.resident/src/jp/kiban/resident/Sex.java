package jp.kiban.resident;

/** 男女の別 (住民基本台帳法 第7条第3号). Codes as on most exchange layouts: 1 男, 2 女. */
public enum Sex {
    MALE("1", "男"),
    FEMALE("2", "女");

    private final String code;
    private final String label;

    Sex(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** Japanese label for forms and certificates. */
    public String label() {
        return label;
    }

    public static Sex ofCode(String code) {
        for (Sex s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown sex code " + code);
    }
}
