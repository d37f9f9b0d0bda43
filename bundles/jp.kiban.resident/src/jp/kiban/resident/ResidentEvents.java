package jp.kiban.resident;

/**
 * What other businesses receive through OSGi EventAdmin: one event per confirmed change, posted
 * after the commit, in the order of confirmation (see {@link #SEQUENCE}). Never for provisional or
 * rejected changes. Subscribe to {@link #TOPIC_ALL} or to one {@link ChangeReason#topic()}; read
 * the details through {@link ResidentRegistry}, never from the resident tables.
 */
public final class ResidentEvents {

    public static final String TOPIC_PREFIX = "jp/kiban/resident/change/";
    /** Every confirmed change. */
    public static final String TOPIC_ALL = TOPIC_PREFIX + "*";

    /** {@code String}: the change id (UUID), shared by all snapshots the change wrote. */
    public static final String CHANGE_ID = "changeId";
    /** {@code String}: {@link ChangeReason#code()}. */
    public static final String REASON_CODE = "reasonCode";
    /** {@code String}: {@link ChangeReason#name()}. */
    public static final String REASON = "reason";
    /** {@code String}: 異動日, ISO 8601 (yyyy-MM-dd). */
    public static final String CHANGE_DATE = "changeDate";
    /** {@code String[]}: the 宛名番号 of every person the change wrote a snapshot for. */
    public static final String ADDRESSEE_NUMBERS = "addresseeNumbers";
    /** {@code int[]}: the 履歴番号 written, in the order of {@link #ADDRESSEE_NUMBERS}. */
    public static final String HISTORY_NUMBERS = "historyNumbers";
    /** {@code String[]}: every 世帯番号 the persons were in before or after the change, sorted. */
    public static final String HOUSEHOLD_NUMBERS = "householdNumbers";
    /** {@code Long}: the confirmation sequence; strictly increasing in publication order. */
    public static final String SEQUENCE = "sequence";

    private ResidentEvents() {
    }
}
