package jp.kiban.resident;

/**
 * 異動事由: why a snapshot was written. Each confirmed change is published under
 * {@link #topic()}; the name of the constant is the last topic segment and never changes.
 */
public enum ChangeReason {
    DOMESTIC_MOVE_IN("11", "国内転入", Kind.ENTRY),
    MOVE_IN_FROM_ABROAD("12", "国外転入", Kind.ENTRY),
    BIRTH("13", "出生", Kind.ENTRY),
    DOMESTIC_MOVE_OUT("21", "国内転出", Kind.REMOVAL),
    MOVE_OUT_ABROAD("22", "国外転出", Kind.REMOVAL),
    DEATH("23", "死亡", Kind.REMOVAL),
    MOVE_WITHIN_TOWN("31", "転居", Kind.AMENDMENT),
    HOUSEHOLD_SPLIT("32", "世帯分離", Kind.AMENDMENT),
    HOUSEHOLD_MERGE("33", "世帯合併", Kind.AMENDMENT),
    HEAD_CHANGE("34", "世帯主変更", Kind.AMENDMENT),
    EX_OFFICIO_CORRECTION("35", "職権修正", Kind.AMENDMENT),
    CLERICAL_CORRECTION("36", "誤記修正", Kind.AMENDMENT),
    CANCELLATION("40", "取消", Kind.AMENDMENT);

    /** 記載 (a person enters the register), 消除 (leaves it) or 修正 (anything else). */
    public enum Kind {
        ENTRY("記載"), REMOVAL("消除"), AMENDMENT("修正");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String code;
    private final String label;
    private final Kind kind;

    ChangeReason(String code, String label, Kind kind) {
        this.code = code;
        this.label = label;
        this.kind = kind;
    }

    /** Kiban's own two-digit code, stored and published. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    /** The EventAdmin topic of confirmed changes of this reason, e.g. {@code jp/kiban/resident/change/BIRTH}. */
    public String topic() {
        return ResidentEvents.TOPIC_PREFIX + name();
    }

    public static ChangeReason ofCode(String code) {
        for (ChangeReason r : values()) {
            if (r.code.equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException("Unknown change reason code " + code);
    }
}
