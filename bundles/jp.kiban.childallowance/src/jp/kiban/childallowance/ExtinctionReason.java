package jp.kiban.childallowance;

/** Why a recipient's entitlement ends (受給事由の消滅, 児童手当法第8条第2項). */
public enum ExtinctionReason {
    MOVE_OUT("受給者の転出"),
    DEATH("受給者の死亡"),
    NO_CHILD("支給要件児童の不存在"),
    CARE_ENDED("監護・生計同一の事実の消滅"),
    OTHER("その他");

    private final String label;

    ExtinctionReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
