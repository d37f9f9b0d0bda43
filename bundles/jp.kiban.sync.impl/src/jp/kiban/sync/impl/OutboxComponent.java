package jp.kiban.sync.impl;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kiban.persistence.Transactions;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;
import jp.kiban.sync.Outbox;
import jp.kiban.sync.OutboxEntry;
import jp.kiban.sync.OutboxEvent;

/** The outbox in table sync_outbox, written inside the caller's transaction. */
@Component(service = Outbox.class)
public class OutboxComponent implements Outbox {

    /** The payload column's size; a bigger payload is refused rather than cut. */
    static final int MAX_PAYLOAD = 32000;

    @Reference
    private Transactions tx;

    @Reference
    private MunicipalityService municipalities;

    private final ObjectMapper json = new ObjectMapper();
    private Supplier<Optional<String>> municipalityCode = () -> municipalities.current()
            .map(Municipality::code).map(c -> c.value());
    private Clock clock = Clock.systemUTC();

    /** For DS. */
    public OutboxComponent() {
    }

    /** Outside DS (tests on a second engine, tools). */
    public static OutboxComponent create(Transactions tx, Supplier<Optional<String>> municipalityCode) {
        OutboxComponent c = new OutboxComponent();
        c.tx = tx;
        c.municipalityCode = municipalityCode;
        return c;
    }

    @Override
    public OutboxEntry append(OutboxEvent event) {
        String payload;
        try {
            payload = json.writeValueAsString(event.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("outbox payload of " + event.type() + " is not JSON-serialisable: "
                    + e.getOriginalMessage(), e);
        }
        if (payload.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("outbox payload of " + event.type() + " has " + payload.length()
                    + " characters; at most " + MAX_PAYLOAD + " are allowed");
        }
        return tx.required(em -> {
            OutboxEntity e = new OutboxEntity();
            e.eventId = UUID.randomUUID().toString();
            e.municipalityCode = municipalityCode.get().orElse(null);
            e.type = event.type();
            e.groupId = event.groupId();
            e.aggregateKey = event.aggregateKey();
            e.baseHistory = event.baseHistory();
            e.newHistory = event.newHistory();
            e.payload = payload;
            e.createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            em.persist(e);
            em.flush(); // assigns local_seq
            // not kept in the persistence context: a big transaction (an import) would otherwise flush-check
            // every earlier entry again on each append, quadratic in the number of entries
            em.detach(e);
            return e.toEntry();
        });
    }

    @Override
    public List<OutboxEntry> pending(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
        // Two steps, each bounded by max whatever the size of the outbox. Asked for whole rows in one query
        // ("WHERE pushed_at IS NULL ORDER BY local_seq" with a row limit), Derby's optimizer ignores the limit,
        // scans the whole table and sorts every waiting row with its payload (an external sort of 80,000 rows,
        // about 2 s per batch in a town of 50,000): the push slowed down with the size of the outbox.
        return tx.readOnly(em -> {
            // 1. the local sequences of the oldest waiting entries, from index ix_sync_outbox_pending alone
            //    (pushed_at is NULL for all of them, so the index's order is local order: no sort, no table rows)
            long first;
            long last;
            java.sql.Connection c = em.unwrap(java.sql.Connection.class);
            try (java.sql.PreparedStatement p = c.prepareStatement("SELECT local_seq FROM sync_outbox WHERE pushed_at IS NULL"
                    + " ORDER BY pushed_at, local_seq FETCH FIRST " + max + " ROWS ONLY");
                    java.sql.ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return List.of();
                }
                first = r.getLong(1);
                last = first;
                while (r.next()) {
                    last = r.getLong(1);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("outbox read failed: " + e.getMessage(), e);
            }
            // 2. those rows: a range of the same index, (NULL, first) to (NULL, last). An entry committed meanwhile
            //    with a sequence inside the range is waiting too and belongs there in local order; the rest is cut at max.
            List<OutboxEntry> out = em.createQuery("SELECT e FROM SyncOutbox e WHERE e.pushedAt IS NULL"
                    + " AND e.localSeq BETWEEN :first AND :last ORDER BY e.localSeq", OutboxEntity.class)
                    .setParameter("first", first).setParameter("last", last).getResultList().stream()
                    .map(OutboxEntity::toEntry).toList();
            return out.size() > max ? out.subList(0, max) : out;
        });
    }

    @Override
    public long pendingCount() {
        return tx.readOnly(em -> em.createQuery("SELECT COUNT(e) FROM SyncOutbox e WHERE e.pushedAt IS NULL",
                Long.class).getSingleResult());
    }

    @Override
    public Optional<Instant> oldestPending() {
        // The creation time of the first waiting entry in local order. MIN(created_at) over the waiting entries read
        // every one of them (no index holds created_at: a full scan of the outbox on Derby, 1–2 s at 80,000
        // entries); local_seq is assigned right after created_at is taken, in the same transaction, so local
        // order is creation order but for concurrent appends within the same milliseconds. Two steps: the first
        // waiting local sequence from index ix_sync_outbox_pending alone (as in pending), then that row by key.
        return tx.readOnly(em -> {
            java.sql.Connection c = em.unwrap(java.sql.Connection.class);
            while (true) {
                long first;
                try (java.sql.PreparedStatement p = c.prepareStatement("SELECT local_seq FROM sync_outbox"
                        + " WHERE pushed_at IS NULL ORDER BY pushed_at, local_seq FETCH FIRST 1 ROWS ONLY");
                        java.sql.ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        return Optional.<Instant>empty();
                    }
                    first = r.getLong(1);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException("outbox read failed: " + e.getMessage(), e);
                }
                List<Instant> created = em.createQuery("SELECT e.createdAt FROM SyncOutbox e WHERE e.localSeq = :s",
                        Instant.class).setParameter("s", first).getResultList();
                if (!created.isEmpty()) {
                    return Optional.of(created.get(0));
                }
                // the row went between the two steps (outbox rows are not deleted today): read again
            }
        });
    }

    @Override
    public int acknowledge(Collection<UUID> eventIds) {
        return acknowledge(eventIds.stream().collect(java.util.stream.Collectors.toMap(id -> id,
                id -> new Acknowledgement("APPLIED", null), (x, y) -> x)));
    }

    @Override
    public int acknowledge(Map<UUID, Acknowledgement> outcomes) {
        if (outcomes.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // one JDBC batch for the whole answer (a push acknowledges up to 1000 entries at a time)
        return tx.required(em -> {
            java.sql.Connection c = em.unwrap(java.sql.Connection.class);
            try (java.sql.PreparedStatement p = c.prepareStatement("UPDATE sync_outbox SET pushed_at = ?, outcome = ?,"
                    + " central_seq = ? WHERE pushed_at IS NULL AND event_id = ?")) {
                for (Map.Entry<UUID, Acknowledgement> a : outcomes.entrySet()) {
                    p.setTimestamp(1, java.sql.Timestamp.from(now));
                    p.setString(2, a.getValue().outcome());
                    if (a.getValue().centralSequence() == null) {
                        p.setNull(3, java.sql.Types.BIGINT);
                    } else {
                        p.setLong(3, a.getValue().centralSequence());
                    }
                    p.setString(4, a.getKey().toString());
                    p.addBatch();
                }
                int n = 0;
                for (int count : p.executeBatch()) {
                    n += Math.max(0, count);
                }
                return n;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("outbox acknowledgement failed: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public boolean waiting(String aggregateKey) {
        // one probe of index ix_sync_outbox_aggregate (aggregate_key, pushed_at), no table row: the replica apply
        // asks this for every change pulled from another terminal, whatever the size of the outbox
        return tx.readOnly(em -> !em.createQuery("SELECT e.aggregateKey FROM SyncOutbox e WHERE e.aggregateKey = :k"
                + " AND e.pushedAt IS NULL", String.class).setParameter("k", aggregateKey).setMaxResults(1)
                .getResultList().isEmpty());
    }

    @Override
    public long conflictCount() {
        // COUNT(*) rather than JPQL's COUNT(e) (COUNT(local_seq)): counted in index ix_sync_outbox_outcome alone
        return tx.readOnly(em -> {
            java.sql.Connection c = em.unwrap(java.sql.Connection.class);
            try (java.sql.PreparedStatement p = c.prepareStatement(
                    "SELECT COUNT(*) FROM sync_outbox WHERE outcome = 'CONFLICT'");
                    java.sql.ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("outbox read failed: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public Optional<OutboxEntry> find(UUID eventId) {
        return tx.readOnly(em -> em.createQuery("SELECT e FROM SyncOutbox e WHERE e.eventId = :id", OutboxEntity.class)
                .setParameter("id", eventId.toString()).getResultStream().findFirst().map(OutboxEntity::toEntry));
    }
}
