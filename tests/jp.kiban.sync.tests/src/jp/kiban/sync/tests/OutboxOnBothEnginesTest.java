package jp.kiban.sync.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import jakarta.persistence.EntityManagerFactory;
import jp.kiban.persistence.impl.JpaUnit;
import jp.kiban.persistence.Dialect;
import jp.kiban.persistence.impl.BundleScripts;
import jp.kiban.persistence.impl.Databases;
import jp.kiban.persistence.impl.EntityManagerTransactions;
import jp.kiban.persistence.impl.SqlMigrator;
import jp.kiban.sync.Outbox;
import jp.kiban.sync.OutboxEntry;
import jp.kiban.sync.OutboxEvent;
import jp.kiban.sync.impl.OutboxComponent;
import jp.kiban.sync.impl.SyncSchema;
import jp.kiban.testing.db.TestDatabases;

/** The outbox migration and its JPA mapping (identity sequence, timestamps) on Derby and PostgreSQL. */
class OutboxOnBothEnginesTest {

    static Bundle impl() {
        return FrameworkUtil.getBundle(SyncSchema.class);
    }

    @ParameterizedTest
    @MethodSource("jp.kiban.testing.db.TestDatabases#engines")
    void appendRollbackAndAcknowledge(Dialect dialect) throws Exception {
        try (Databases.CloseableDatabase db = TestDatabases.fresh(dialect)) {
            SyncSchema schema = new SyncSchema();
            new SqlMigrator(db, () -> BundleScripts.load(impl(), schema, db.dialect())).migrate();
            EntityManagerFactory emf = JpaUnit.create(db, schema.entityClasses());
            try {
                EntityManagerTransactions tx = new EntityManagerTransactions(() -> emf);
                OutboxComponent outbox = OutboxComponent.create(tx, () -> Optional.of("139998"));
                OutboxEntry first = outbox.append(new OutboxEvent("resident.snapshot", "g-1", "00000000019", 0, 1,
                        Map.of("name", "齋藤")));
                assertThrows(IllegalStateException.class, () -> tx.requiredRun(em -> {
                    outbox.append(OutboxEvent.record("access.log", Map.of("n", 1)));
                    throw new IllegalStateException("rolled back");
                }));
                OutboxEntry second = outbox.append(OutboxEvent.record("access.log", Map.of("n", 2)));
                assertEquals(2, outbox.pendingCount());
                assertTrue(first.localSequence() < second.localSequence());
                List<OutboxEntry> pending = outbox.pending(10);
                assertEquals(List.of(first.eventId(), second.eventId()), pending.stream().map(OutboxEntry::eventId).toList());
                assertEquals("{\"name\":\"齋藤\"}", pending.get(0).payloadJson());
                assertEquals("139998", pending.get(0).municipalityCode());
                assertEquals(Optional.of(first.createdAt()), outbox.oldestPending());
                assertEquals(1, outbox.acknowledge(List.of(first.eventId())));
                assertEquals(List.of(second.eventId()), outbox.pending(10).stream().map(OutboxEntry::eventId).toList());
            } finally {
                emf.close();
            }
        }
    }

    /**
     * pending(max) reads the oldest waiting entries in local order, at most max, wherever they lie among
     * acknowledged ones (acknowledged out of order, in gaps, at both ends), and nothing once all are acknowledged.
     */
    @ParameterizedTest
    @MethodSource("jp.kiban.testing.db.TestDatabases#engines")
    void pendingIsTheOldestWaitingEntriesInLocalOrderAmongAcknowledgedOnes(Dialect dialect) throws Exception {
        try (Databases.CloseableDatabase db = TestDatabases.fresh(dialect)) {
            SyncSchema schema = new SyncSchema();
            new SqlMigrator(db, () -> BundleScripts.load(impl(), schema, db.dialect())).migrate();
            EntityManagerFactory emf = JpaUnit.create(db, schema.entityClasses());
            try {
                EntityManagerTransactions tx = new EntityManagerTransactions(() -> emf);
                OutboxComponent outbox = OutboxComponent.create(tx, () -> Optional.of("139998"));
                List<OutboxEntry> all = new java.util.ArrayList<>();
                tx.requiredRun(em -> {
                    for (int i = 0; i < 300; i++) {
                        all.add(outbox.append(OutboxEvent.record("access.log", Map.of("n", i))));
                    }
                });
                // acknowledged: every third entry, a run of 40 in the middle and the first 10 (out of local order)
                java.util.Set<java.util.UUID> acked = new java.util.LinkedHashSet<>();
                for (int i = 299; i >= 0; i--) {
                    if (i % 3 == 0 || i >= 100 && i < 140 || i < 10) {
                        acked.add(all.get(i).eventId());
                    }
                }
                assertEquals(acked.size(), outbox.acknowledge(acked));
                List<java.util.UUID> waiting = all.stream().map(OutboxEntry::eventId).filter(id -> !acked.contains(id)).toList();
                assertEquals(waiting.size(), outbox.pendingCount());
                assertEquals(waiting.subList(0, 25), outbox.pending(25).stream().map(OutboxEntry::eventId).toList());
                assertEquals(waiting, outbox.pending(1000).stream().map(OutboxEntry::eventId).toList());
                assertEquals(List.of(waiting.get(0)), outbox.pending(1).stream().map(OutboxEntry::eventId).toList());
                List<OutboxEntry> read = outbox.pending(1000);
                for (int i = 1; i < read.size(); i++) {
                    assertTrue(read.get(i - 1).localSequence() < read.get(i).localSequence());
                }
                // batch by batch as the sync client goes: every entry once, in local order
                List<java.util.UUID> pushed = new java.util.ArrayList<>();
                for (List<OutboxEntry> batch = outbox.pending(17); !batch.isEmpty(); batch = outbox.pending(17)) {
                    assertTrue(batch.size() <= 17);
                    List<java.util.UUID> ids = batch.stream().map(OutboxEntry::eventId).toList();
                    pushed.addAll(ids);
                    assertEquals(ids.size(), outbox.acknowledge(ids));
                }
                assertEquals(waiting, pushed);
                assertEquals(0, outbox.pendingCount());
                assertEquals(List.of(), outbox.pending(10));
            } finally {
                emf.close();
            }
        }
    }

    /**
     * waiting(key), conflictCount() and oldestPending() with acknowledged and waiting entries mixed (V006's indexes
     * and the queries that use them): waiting only for keys with an entry not yet acknowledged, whatever the
     * acknowledged ones of the same key; conflicts counted among acknowledged entries of every outcome; the oldest
     * waiting entry after acknowledged older ones.
     */
    @ParameterizedTest
    @MethodSource("jp.kiban.testing.db.TestDatabases#engines")
    void waitingConflictsAndOldestAmongAcknowledgedEntries(Dialect dialect) throws Exception {
        try (Databases.CloseableDatabase db = TestDatabases.fresh(dialect)) {
            SyncSchema schema = new SyncSchema();
            new SqlMigrator(db, () -> BundleScripts.load(impl(), schema, db.dialect())).migrate();
            EntityManagerFactory emf = JpaUnit.create(db, schema.entityClasses());
            try {
                EntityManagerTransactions tx = new EntityManagerTransactions(() -> emf);
                OutboxComponent outbox = OutboxComponent.create(tx, () -> Optional.of("139998"));
                List<String> keys = List.of("00000000019", "00000000027", "00000000035", "00000000043", "0000000001");
                assertFalse(outbox.waiting("00000000019"));
                assertEquals(0, outbox.conflictCount());
                assertEquals(Optional.empty(), outbox.oldestPending());

                OutboxEntry a1 = outbox.append(new OutboxEvent("resident.snapshot", null, "00000000019", 0, 1, Map.of("n", 1)));
                OutboxEntry b1 = outbox.append(new OutboxEvent("resident.snapshot", null, "00000000027", 0, 1, Map.of("n", 2)));
                OutboxEntry log = outbox.append(OutboxEvent.record("access.log", Map.of("n", 3)));
                OutboxEntry a2 = outbox.append(new OutboxEvent("resident.snapshot", null, "00000000019", 1, 2, Map.of("n", 4)));
                OutboxEntry c1 = outbox.append(new OutboxEvent("resident.snapshot", null, "00000000035", 0, 1, Map.of("n", 5)));
                OutboxEntry d1 = outbox.append(new OutboxEvent("resident.snapshot", null, "00000000043", 0, 1, Map.of("n", 6)));
                assertWaiting(outbox, keys, "00000000019", "00000000027", "00000000035", "00000000043");
                assertEquals(0, outbox.conflictCount());
                assertEquals(Optional.of(a1.createdAt()), outbox.oldestPending());

                // the central store's answers for the older half: one CONFLICT among the other outcomes
                assertEquals(3, outbox.acknowledge(Map.of(
                        a1.eventId(), new Outbox.Acknowledgement("CONFLICT", null),
                        b1.eventId(), new Outbox.Acknowledgement("APPLIED", 41L),
                        log.eventId(), new Outbox.Acknowledgement("DUPLICATE", 42L))));
                assertWaiting(outbox, keys, "00000000019", "00000000035", "00000000043");
                assertEquals(1, outbox.conflictCount());
                assertEquals(Optional.of(a2.createdAt()), outbox.oldestPending());

                // out of local order: the newest first, then the oldest waiting one
                assertEquals(1, outbox.acknowledge(Map.of(d1.eventId(), new Outbox.Acknowledgement("CONFLICT", null))));
                assertWaiting(outbox, keys, "00000000019", "00000000035");
                assertEquals(2, outbox.conflictCount());
                assertEquals(Optional.of(a2.createdAt()), outbox.oldestPending());
                assertEquals(1, outbox.acknowledge(Map.of(a2.eventId(), new Outbox.Acknowledgement("APPLIED", 43L))));
                assertWaiting(outbox, keys, "00000000035");
                assertEquals(Optional.of(c1.createdAt()), outbox.oldestPending());

                // a new entry for an acknowledged key waits again
                OutboxEntry b2 = outbox.append(new OutboxEvent("resident.snapshot", null, "00000000027", 1, 2, Map.of("n", 7)));
                assertWaiting(outbox, keys, "00000000027", "00000000035");
                assertEquals(Optional.of(c1.createdAt()), outbox.oldestPending());

                assertEquals(2, outbox.acknowledge(Map.of(
                        c1.eventId(), new Outbox.Acknowledgement("CONFLICT", null),
                        b2.eventId(), new Outbox.Acknowledgement("APPLIED", 44L))));
                assertWaiting(outbox, keys);
                assertEquals(3, outbox.conflictCount());
                assertEquals(Optional.empty(), outbox.oldestPending());
                assertEquals(0, outbox.pendingCount());
                // acknowledging again changes nothing
                assertEquals(0, outbox.acknowledge(Map.of(a1.eventId(), new Outbox.Acknowledgement("APPLIED", 45L))));
                assertEquals(3, outbox.conflictCount());
            } finally {
                emf.close();
            }
        }
    }

    /** Exactly the keys given wait, and waiting(key) agrees with the pending entries read whole. */
    private static void assertWaiting(OutboxComponent outbox, List<String> keys, String... waiting) {
        java.util.Set<String> inPending = new java.util.HashSet<>();
        outbox.pending(1000).forEach(e -> inPending.add(e.aggregateKey()));
        for (String k : keys) {
            boolean expected = List.of(waiting).contains(k);
            assertEquals(expected, outbox.waiting(k), k);
            assertEquals(expected, inPending.contains(k), k);
        }
    }
}
