package jp.kiban.forms;

/**
 * What the forms post (OSGi EventAdmin, asynchronously, after the commit) when a certificate has been issued, so
 * that other modules can react (e.g. 本人通知) without reading the 交付履歴's tables. Refused attempts and drafts
 * are not posted. Properties are strings (and a string array for the persons).
 */
public final class IssueEvents {
    /** One certificate issued. */
    public static final String TOPIC_ISSUED = "jp/kiban/forms/certificate/ISSUED";
    /** The id of the line in the 交付履歴. */
    public static final String ENTRY_ID = "entryId";
    /** {@link CertificateKind} name. */
    public static final String KIND = "kind";
    /** 宛名番号 of the person asked for. */
    public static final String REQUESTED_FOR = "requestedFor";
    /** 宛名番号 of every person on the form ({@code String[]}). */
    public static final String PERSONS = "persons";
    /** 発行番号. */
    public static final String ISSUE_NUMBER = "issueNumber";
    /** 枚数, as decimal text. */
    public static final String PAGES = "pages";
    /** When it was issued (ISO-8601 instant). */
    public static final String ISSUED_AT = "issuedAt";
    /** Who issued it (ユーザID). */
    public static final String OPERATOR = "operatorId";

    private IssueEvents() {
    }
}
