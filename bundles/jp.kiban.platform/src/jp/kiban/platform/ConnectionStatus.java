package jp.kiban.platform;

/**
 * The state of the link to the central Government-Cloud store, as shown in the status line.
 * Changes are posted on the EventAdmin topic {@link #TOPIC} with the new {@link State} under "state".
 */
public interface ConnectionStatus {
    String TOPIC = "jp/kiban/platform/connection/CHANGED";

    enum State {
        /** No central store configured: the terminal works standalone. */
        NOT_CONFIGURED,
        /** The central store answers. */
        ONLINE,
        /** Configured but unreachable: the counter keeps working and changes wait in the outbox. */
        OFFLINE
    }

    State state();

    /** The configured central address, or empty when not configured. */
    String centralAddress();
}
