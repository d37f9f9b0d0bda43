package jp.kiban.childallowance;

/** One step in a recipient's history. */
public enum RevisionKind {
    CERTIFICATION("認定"),
    INCREASE("額改定（増額）"),
    DECREASE("額改定（減額）"),
    /** The children changed but the amount did not (e.g. an older child confirmed while a younger one is first). */
    CHANGE("対象児童の変更"),
    EXTINCTION("消滅");

    private final String label;

    RevisionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
