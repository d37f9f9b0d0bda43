package jp.kiban.childallowance;

/** Why a child stops counting for a recipient (額改定（減額）, 児童手当法第9条第3項). */
public enum ChildEndReason {
    MOVE_OUT("児童の転出（別居監護でない）"),
    DEATH("児童の死亡"),
    CARE_ENDED("監護・生計同一の事実の消滅"),
    SUPPORT_ENDED("監護相当・生計費負担の終了"),
    OTHER("その他");

    private final String label;

    ChildEndReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
