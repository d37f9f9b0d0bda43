package jp.kiban.forms;

/** The kinds of certificate Kiban issues; the constant's name is stored in the 交付履歴 and never changes. */
public enum CertificateKind {
    RESIDENT_COPY("住民票の写し"),
    REMOVED_RESIDENT_COPY("住民票の除票の写し"),
    STATED_ITEMS("住民票記載事項証明書"),
    REMOVED_STATED_ITEMS("住民票除票記載事項証明書"),
    MOVE_OUT("転出証明書");

    private final String label;

    CertificateKind(String label) {
        this.label = label;
    }

    /** The title as printed, e.g. 住民票記載事項証明書. */
    public String label() {
        return label;
    }
}
