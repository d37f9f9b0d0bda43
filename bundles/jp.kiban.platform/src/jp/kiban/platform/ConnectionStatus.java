package jp.kiban.platform;

import java.time.Instant;
import java.util.Optional;

/**
 * The state of the link to the central Government-Cloud store, as shown in the status line.
 * Changes are posted on the EventAdmin topic {@link #TOPIC} with the new {@link State} under "state"
 * (and "pending", "conflicts", "progress"). Implemented by the sync service ({@code jp.kiban.sync.impl}).
 */
public interface ConnectionStatus {
    String TOPIC = "jp/kiban/platform/connection/CHANGED";

    enum State {
        /** No central store configured: the terminal works standalone. */
        NOT_CONFIGURED,
        /** The central store answered the last sync. */
        ONLINE,
        /** A sync is running (see {@link ConnectionStatus#progress()}). */
        SYNCING,
        /** Configured but unreachable (or refusing): the counter keeps working and changes wait in the outbox. */
        OFFLINE,
        /**
         * 災害モード: switched on at this terminal by an administrator or supervisor; no sync is attempted, the counter
         * works on the local replica (as of {@link ConnectionStatus#dataAsOf()}) and changes wait in the outbox.
         */
        DISASTER
    }

    State state();

    /** The configured central address, or empty when not configured. */
    String centralAddress();

    /** Changes written here that the central store has not acknowledged yet. */
    default long pendingChanges() {
        return 0;
    }

    /**
     * Open conflicts in the municipality's review queue (changes based on an older 履歴番号), as the central
     * store counted them at the last sync; before the first contact, this terminal's own such changes.
     */
    default long conflicts() {
        return 0;
    }

    /** Since when the central store has not answered (empty while online or not configured). */
    default Optional<Instant> offlineSince() {
        return Optional.empty();
    }

    /** When the last sync ended well. */
    default Optional<Instant> lastSync() {
        return Optional.empty();
    }

    /** 0–100 while {@link State#SYNCING}, else -1. */
    default int progress() {
        return -1;
    }

    /** Why the link is down (English, for the log and the administrator). */
    default Optional<String> problem() {
        return Optional.empty();
    }

    /** Starts a sync now (on demand); false when no sync is configured or 災害モード is on. */
    default boolean syncNow() {
        return false;
    }

    /** Whether 災害モード is on (kept across restarts until switched off). */
    default boolean disasterMode() {
        return false;
    }

    /** Since when 災害モード is on (empty when off). */
    default Optional<Instant> disasterSince() {
        return Optional.empty();
    }

    /**
     * How current this terminal's data is: the start of the last pull from the central store that ended well (kept
     * across restarts; empty before the first one).
     */
    default Optional<Instant> dataAsOf() {
        return Optional.empty();
    }

    /**
     * Switches 災害モード on (no sync attempts until it is switched off) or off (sync resumes at once). Needs
     * {@link Permission#SWITCH_DISASTER_MODE}; refused on a terminal without a central store.
     *
     * @throws SecurityException     the operator may not
     * @throws IllegalStateException no central store is configured
     */
    default void setDisasterMode(Operator operator, boolean on) {
        throw new IllegalStateException("no sync service on this installation");
    }
}
