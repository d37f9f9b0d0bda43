package jp.kiban.resident;

/** 仮登録 → 本登録: only confirmed changes are visible to queries, other businesses and events. */
public enum ChangeState {
    /** 仮登録: waiting for a supervisor; invisible to everything but the pending list. */
    PROVISIONAL("仮登録"),
    /** 本登録: visible, published as an event. */
    CONFIRMED("本登録"),
    /** 却下: refused by the supervisor; nothing visible was changed. */
    REJECTED("却下");

    private final String label;

    ChangeState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
