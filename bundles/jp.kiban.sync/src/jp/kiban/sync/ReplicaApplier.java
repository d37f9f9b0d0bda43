package jp.kiban.sync;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Published (as an OSGi service) by a module whose changes travel through the central store: it brings its
 * own tables up to date with the events pulled from the central store (the local replica), through its own
 * code, never through the sync module touching its tables. The sync service calls it with the pulled
 * events in central order, one group (one business change) at a time.
 * <p>
 * Rules for an implementation:
 * <ul>
 * <li>Idempotent: an event already applied (e.g. this terminal's own change coming back) changes nothing
 * and answers {@link Outcome#ALREADY_APPLIED}.</li>
 * <li>The central store is authoritative. When the local version of an entity is not the one the event
 * was based on, the local version is a change of this terminal that the central store put in its review
 * queue (the sync service holds the event back while a local change of the entity still waits to be
 * pushed): the local version is withdrawn (it stays in the review queue, where a supervisor decides) and
 * the central one applied.</li>
 * <li>{@code inTransaction} must be called, with the outcome, as the last step of the transaction that
 * applies the group (the sync service marks the events applied there: both commit or neither).</li>
 * </ul>
 */
public interface ReplicaApplier {

    /** The event types this module applies, e.g. {@code resident.snapshot}. */
    Set<String> types();

    /**
     * Applies one group of pulled events (same {@code groupId}, in central order).
     *
     * @param inTransaction called with the outcome inside the applying transaction, as its last step
     * @return what was done; {@link Applied#afterCommit()} is run by the caller after the commit (e.g. to
     *         post the module's events)
     */
    Applied apply(List<PulledEvent> group, Consumer<Outcome> inTransaction);

    enum Outcome {
        /** Applied to the local tables now. */
        APPLIED,
        /** Already there (this terminal's own change, or a page pulled twice): nothing done. */
        ALREADY_APPLIED,
        /** Not understood (e.g. an older payload format): kept in the inbox, nothing done. */
        SKIPPED
    }

    record Applied(Outcome outcome, Runnable afterCommit) {
        public static Applied of(Outcome outcome) {
            return new Applied(outcome, () -> { });
        }
    }

    /**
     * One event from the central store.
     *
     * @param own     written by this terminal
     * @param payload the event's JSON payload as maps, lists, strings, numbers, booleans and nulls
     */
    record PulledEvent(long centralSequence, String eventId, String type, String groupId, String aggregateKey,
            Integer baseHistory, Integer newHistory, Map<String, Object> payload, boolean own) {
    }
}
