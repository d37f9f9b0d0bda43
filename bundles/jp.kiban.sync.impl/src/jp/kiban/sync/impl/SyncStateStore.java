package jp.kiban.sync.impl;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jp.kiban.persistence.Transactions;

/**
 * This terminal's sync state that must survive a restart (table sync_state): whether 災害モード is on (who switched
 * it, when) and when the last pull from the central store ended well (how current the local replica is).
 */
public final class SyncStateStore {

    static final String DISASTER = "disaster.mode";
    static final String LAST_PULL = "last.pull";

    /** One value, when it was set and by whom. */
    public record Entry(String value, Instant changedAt, String changedBy) {
    }

    private final Transactions tx;

    public SyncStateStore(Transactions tx) {
        this.tx = tx;
    }

    public Optional<Entry> get(String key) {
        return tx.readOnly(em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT state_value, changed_at, changed_by FROM sync_state"
                    + " WHERE state_key = ?").setParameter(1, key).getResultList();
            if (rows.isEmpty()) {
                return Optional.<Entry>empty();
            }
            Object[] r = rows.get(0);
            return Optional.of(new Entry(r[0] == null ? null : String.valueOf(r[0]), instant(r[1]),
                    r[2] == null ? null : String.valueOf(r[2])));
        });
    }

    private static Instant instant(Object o) {
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.LocalDateTime l) {
            return Timestamp.valueOf(l).toInstant();
        }
        return o instanceof Instant i ? i : null;
    }

    /** Sets a value (in the caller's transaction, or a new one). */
    public void put(String key, String value, Instant at, String by) {
        Timestamp when = Timestamp.from(at.truncatedTo(ChronoUnit.MILLIS));
        tx.requiredRun(em -> {
            int n = em.createNativeQuery("UPDATE sync_state SET state_value = ?, changed_at = ?, changed_by = ?"
                    + " WHERE state_key = ?").setParameter(1, value).setParameter(2, when).setParameter(3, by)
                    .setParameter(4, key).executeUpdate();
            if (n == 0) {
                em.createNativeQuery("INSERT INTO sync_state (state_key, state_value, changed_at, changed_by)"
                        + " VALUES (?, ?, ?, ?)").setParameter(1, key).setParameter(2, value).setParameter(3, when)
                        .setParameter(4, by).executeUpdate();
            }
        });
    }

    /** Whether 災害モード is on, and since when (by whom); empty when off (or never switched). */
    public Optional<Entry> disaster() {
        return get(DISASTER).filter(e -> "on".equals(e.value()));
    }

    public void disaster(boolean on, Instant at, String by) {
        put(DISASTER, on ? "on" : "off", at, by);
    }

    /** When the last pull from the central store ended well (it started at that time: the data is as of then). */
    public Optional<Instant> lastPull() {
        return get(LAST_PULL).map(Entry::changedAt);
    }

    public void pulled(Instant startedAt) {
        put(LAST_PULL, null, startedAt, null);
    }
}
