package jp.kiban.childallowance;

/**
 * Why a 認定請求 (or a 額改定請求 for another child) is made: after a birth or a move-in the 15日特例 may apply
 * (児童手当法第8条第3項, 第9条第2項).
 */
public enum ApplicationTrigger {
    NORMAL("通常"),
    /** 出生: the day of birth is the event. */
    BIRTH("出生"),
    /** 転入 (住所の変更): the day after the 転出予定日 of the former town, or the 転入日, is the event. */
    MOVE_IN("転入");

    private final String label;

    ApplicationTrigger(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
