package jp.kiban.sync.impl;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jp.kiban.persistence.Transactions;
import jp.kiban.sync.protocol.SyncProtocol.Event;

/** The pulled events (table sync_inbox) and so the last central sequence this terminal has. */
public final class InboxStore {
    private final Transactions tx;
    private final Clock clock = Clock.systemUTC();

    private final SyncStateStore state;

    public InboxStore(Transactions tx) {
        this.tx = tx;
        this.state = new SyncStateStore(tx);
    }

    /** This terminal's sync state (last pull, 災害モード) in the same database. */
    public SyncStateStore state() {
        return state;
    }

    /** The highest central sequence received (0 before the first pull). */
    public long lastSequence() {
        return tx.readOnly(em -> {
            Long max = em.createQuery("SELECT MAX(i.centralSeq) FROM SyncInbox i", Long.class).getSingleResult();
            return max == null ? 0L : max;
        });
    }

    public long count() {
        return tx.readOnly(em -> em.createQuery("SELECT COUNT(i) FROM SyncInbox i", Long.class).getSingleResult());
    }

    /** Events in central order; an event already there (a page fetched twice) is skipped. Returns how many were new. */
    public int store(List<Event> events, String ownTerminalId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return tx.required(em -> {
            int n = 0;
            if (events.isEmpty()) {
                return 0;
            }
            // one query for the sequences already here (a page fetched twice), not one per event
            long low = events.stream().mapToLong(Event::centralSequence).min().getAsLong();
            long high = events.stream().mapToLong(Event::centralSequence).max().getAsLong();
            java.util.Set<Long> here = new java.util.HashSet<>(em.createQuery("SELECT i.centralSeq FROM SyncInbox i"
                    + " WHERE i.centralSeq BETWEEN :l AND :h", Long.class).setParameter("l", low).setParameter("h", high)
                    .getResultList());
            for (Event e : events) {
                if (!here.add(e.centralSequence())) {
                    continue;
                }
                InboxEntity i = new InboxEntity();
                i.centralSeq = e.centralSequence();
                i.eventId = e.eventId();
                i.municipalityCode = e.municipalityCode();
                i.terminalId = e.terminalId();
                i.type = e.type();
                i.groupId = e.groupId();
                i.aggregateKey = e.aggregateKey();
                i.baseHistory = e.baseHistory();
                i.newHistory = e.newHistory();
                i.payload = e.payload();
                i.receivedAt = now;
                i.own = e.terminalId().equals(ownTerminalId);
                em.persist(i);
                n++;
            }
            return n;
        });
    }

    /** Events not yet applied to the local replica, in central order, at most {@code max}. */
    public List<InboxEntity> unapplied(int max) {
        return tx.readOnly(em -> em.createQuery("SELECT i FROM SyncInbox i WHERE i.applied IS NULL ORDER BY i.centralSeq",
                InboxEntity.class).setMaxResults(max).getResultList());
    }

    /** How many pulled events wait to be applied to the local replica. */
    public long unappliedCount() {
        return tx.readOnly(em -> em.createQuery("SELECT COUNT(i) FROM SyncInbox i WHERE i.applied IS NULL", Long.class)
                .getSingleResult());
    }

    /** Marks events as applied (inside the current transaction, or a new one): APPLIED, ALREADY, SKIPPED, NONE, FAILED. */
    public void mark(List<Long> centralSequences, String outcome) {
        tx.requiredRun(em -> {
            for (Long seq : centralSequences) {
                InboxEntity i = em.find(InboxEntity.class, seq);
                if (i != null) {
                    i.applied = outcome;
                }
            }
        });
    }

    /** Event ids of the events applied to the local replica with this outcome, in central order (tests, diagnostics). */
    public List<String> eventIds(String outcome) {
        return tx.readOnly(em -> em.createQuery("SELECT i.eventId FROM SyncInbox i WHERE i.applied = :o ORDER BY i.centralSeq",
                String.class).setParameter("o", outcome).getResultList().stream().map(String::strip).toList());
    }

    /** Event ids in central order (for tests and diagnostics). */
    public List<String> eventIds() {
        return tx.readOnly(em -> em.createQuery("SELECT i.eventId FROM SyncInbox i ORDER BY i.centralSeq", String.class)
                .getResultList().stream().map(String::strip).toList());
    }
}
