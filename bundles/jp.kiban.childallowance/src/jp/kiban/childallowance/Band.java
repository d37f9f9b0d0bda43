package jp.kiban.childallowance;

/** How a child counts in one month (児童手当法第6条第1項, from 令和6年10月分). */
public enum Band {
    /** 3歳に満たない児童 (up to the month of the 3rd birthday): 15,000 yen, 30,000 as the third or later child. */
    UNDER_THREE("3歳未満"),
    /** 3歳以上 to the first 31 March after reaching 18 (高校生年代まで): 10,000 yen, 30,000 as the third or later child. */
    THREE_TO_HIGH_SCHOOL("3歳以上高校生年代まで"),
    /**
     * Past high-school age up to the first 31 March after reaching 22, cared for (監護に相当する日常生活上の世話及び必要な
     * 保護) and supported (生計費の相当部分の負担) by the recipient: no allowance, but counted for the third-child rule.
     */
    OLDER_COUNTED("18歳到達後の子（数に算入）"),
    /** Not counted this month: not yet or no longer with the recipient, too old, or past high-school age and not supported. */
    NOT_COUNTED("算定外");

    private final String label;

    Band(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
