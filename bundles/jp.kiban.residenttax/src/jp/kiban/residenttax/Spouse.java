package jp.kiban.residenttax;

/** 控除対象配偶者 (同一生計配偶者 whose 合計所得金額 is within the limit), as the clerk or the 給与支払報告書 gives it. */
public enum Spouse {
    NONE("なし"),
    /** 一般の控除対象配偶者. */
    GENERAL("一般"),
    /** 老人控除対象配偶者 (70歳以上 at the end of the income year). */
    ELDERLY("老人");

    private final String label;

    Spouse(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
