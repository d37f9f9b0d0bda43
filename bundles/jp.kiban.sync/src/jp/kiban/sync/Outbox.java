package jp.kiban.sync;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The local outbox: every confirmed change is written here in the same transaction as the change
 * itself (through {@code Transactions.required}, which joins the caller's transaction), so that a change
 * is shipped exactly when it is committed. Any module may append; the sync service pushes the entries in
 * {@link OutboxEntry#localSequence() local order} and acknowledges them once the central store has
 * committed them.
 */
public interface Outbox {

    /**
     * Appends one entry inside the current transaction (or a new one if there is none). If the caller's
     * transaction rolls back, the entry is gone with it.
     */
    OutboxEntry append(OutboxEvent event);

    /** Entries not yet acknowledged, oldest first, at most {@code max}. */
    List<OutboxEntry> pending(int max);

    /** How many entries wait for the central store. */
    long pendingCount();

    /** When the oldest waiting entry was written. */
    Optional<Instant> oldestPending();

    /**
     * Marks entries as committed by the central store. Unknown or already acknowledged ids are ignored
     * (an acknowledgement may arrive twice); returns how many were newly acknowledged.
     */
    int acknowledge(Collection<UUID> eventIds);

    /** What the central store answered for one entry: APPLIED, DUPLICATE or CONFLICT, and its central sequence. */
    record Acknowledgement(String outcome, Long centralSequence) {
    }

    /** As {@link #acknowledge(Collection)}, recording the central store's answer for each entry. */
    int acknowledge(Map<UUID, Acknowledgement> outcomes);

    /** Entries the central store put in its review queue (not applied there; see the review queue). */
    long conflictCount();

    /**
     * True when a change of the entity {@code aggregateKey} waits to be pushed: an event pulled for that
     * entity is held back until the central store has answered for the local change.
     */
    default boolean waiting(String aggregateKey) {
        return pending(Integer.MAX_VALUE).stream().anyMatch(e -> aggregateKey.equals(e.aggregateKey()));
    }

    /** One entry by its event id. */
    Optional<OutboxEntry> find(UUID eventId);
}
