package jp.kiban.childallowance;

/** What a clerk has to look at (確認事項), raised by a resident event. */
public enum TaskKind {
    /** 出生 into a household without a recipient: recommend the 認定請求 (15日特例). */
    BIRTH_APPLICATION("出生：認定請求の勧奨"),
    /** 出生 into a recipient's household: the 額改定請求 (増額) within 15 days. */
    BIRTH_REVISION("出生：額改定請求の確認"),
    /** 転入 of a household with children: recommend the 認定請求 (15日特例). */
    MOVE_IN_APPLICATION("転入：認定請求の勧奨"),
    /** 転出 of a recipient: 消滅 (paid to the month of the 転出), the new town takes over. */
    RECIPIENT_MOVED_OUT("受給者の転出：消滅処理"),
    /** 転出 of a child: 別居監護 or 額改定 (減額). */
    CHILD_MOVED_OUT("児童の転出：別居監護・減額の確認"),
    /** 死亡 of a recipient: 消滅, and the 未支払の児童手当 (第12条) for the children's carer. */
    RECIPIENT_DIED("受給者の死亡：消滅・未支払手当"),
    /** 死亡 of a child: 額改定 (減額) or 消滅. */
    CHILD_DIED("児童の死亡：減額・消滅"),
    /** A resident change touching a recipient or child was cancelled (取消). */
    CANCELLATION("異動の取消：確認");

    private final String label;

    TaskKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
