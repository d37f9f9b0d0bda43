package jp.kiban.resident;

/**
 * 住民状態 of a snapshot as seen on a given date. A 転出 is stored as {@link #MOVING_OUT} with its
 * planned date; every view on or after that date shows {@link #REMOVED} without a further change
 * being written (the 転出 itself is the 消除 record).
 */
public enum ResidentStatus {
    /** 住民: on the register. */
    RESIDENT("住民"),
    /** 転出予定: a 転出届 was taken, the planned date has not come yet; still on the register. */
    MOVING_OUT("転出予定"),
    /** 消除: 転出 (date passed), 死亡, 取消 of a 記載 …; kept as 除票. */
    REMOVED("消除");

    private final String label;

    ResidentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the person counts as living in the town (on the register). */
    public boolean onRegister() {
        return this != REMOVED;
    }
}
