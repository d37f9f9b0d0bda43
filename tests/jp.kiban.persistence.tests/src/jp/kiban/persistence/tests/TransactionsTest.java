package jp.kiban.persistence.tests;

import jp.kiban.testing.db.TestDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.RollbackException;
import jp.kiban.persistence.Dialect;
import jp.kiban.persistence.Transactions;
import jp.kiban.persistence.impl.Databases;
import jp.kiban.persistence.impl.EntityManagerTransactions;
import jp.kiban.persistence.impl.JpaUnit;

/** EclipseLink over the migrated schema, and the transaction helper's commit/rollback/join rules, on both engines. */
class TransactionsTest {

    interface Body {
        void run(Transactions tx);
    }

    static void withTransactions(Dialect dialect, Body body) throws Exception {
        try (Databases.CloseableDatabase db = TestDatabases.fresh(dialect)) {
            MigrationTest.migrator(db, MigrationTest.self(), MigrationTest.contribution("testmod", "/db/migration/testmod"))
                    .migrate();
            EntityManagerFactory emf = JpaUnit.create(db, List.of(TestOrder.class));
            try {
                body.run(new EntityManagerTransactions(() -> emf));
            } finally {
                emf.close();
            }
        }
    }

    static int count(Transactions tx) {
        return tx.readOnly(em -> em.createQuery("select count(o) from TestOrder o", Long.class).getSingleResult())
                .intValue();
    }

    @ParameterizedTest
    @MethodSource("jp.kiban.testing.db.TestDatabases#engines")
    void commitsAndReadsBackJapaneseTextAndInstants(Dialect dialect) throws Exception {
        withTransactions(dialect, tx -> {
            tx.requiredRun(em -> em.persist(new TestOrder(2, "出生届（職権記載）")));
            TestOrder read = tx.readOnly(em -> em.find(TestOrder.class, 2));
            assertEquals("出生届（職権記載）", read.getNote());
            assertEquals(Instant.parse("2024-04-01T00:00:00Z"), read.getCreatedAt());
            assertEquals(2, count(tx)); // row 1 comes from the migration
        });
    }

    @ParameterizedTest
    @MethodSource("jp.kiban.testing.db.TestDatabases#engines")
    void exceptionRollsBackEverythingInTheTransaction(Dialect dialect) throws Exception {
        withTransactions(dialect, tx -> {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> tx.requiredRun(em -> {
                em.persist(new TestOrder(3, "転居届"));
                em.flush();
                throw new IllegalStateException("validation failed after the write");
            }));
            assertEquals("validation failed after the write", e.getMessage());
            assertNull(tx.readOnly(em -> em.find(TestOrder.class, 3)));
            assertEquals(1, count(tx));
        });
    }

    @ParameterizedTest
    @MethodSource("jp.kiban.testing.db.TestDatabases#engines")
    void nestedWorkJoinsTheOuterTransaction(Dialect dialect) throws Exception {
        withTransactions(dialect, tx -> {
            // the change and its "outbox" entry: two pieces of work, one transaction
            assertThrows(IllegalStateException.class, () -> tx.requiredRun(outer -> {
                outer.persist(new TestOrder(4, "change"));
                tx.requiredRun(inner -> inner.persist(new TestOrder(5, "outbox entry")));
                throw new IllegalStateException("outer fails after inner succeeded");
            }));
            assertEquals(1, count(tx), "the inner work must be rolled back with the outer");

            // a nested failure that the outer code swallows still prevents the commit
            assertThrows(RollbackException.class, () -> tx.requiredRun(outer -> {
                outer.persist(new TestOrder(6, "change"));
                try {
                    tx.requiredRun(inner -> {
                        throw new IllegalArgumentException("inner refused");
                    });
                } catch (IllegalArgumentException swallowed) {
                    // the outer code carries on, but must not commit half the work
                }
            }));
            assertEquals(1, count(tx));
        });
    }

    @ParameterizedTest
    @MethodSource("jp.kiban.testing.db.TestDatabases#engines")
    void readOnlyWorkIsNeverCommitted(Dialect dialect) throws Exception {
        withTransactions(dialect, tx -> {
            tx.readOnly(em -> {
                em.persist(new TestOrder(7, "should vanish"));
                em.flush();
                return null;
            });
            assertEquals(1, count(tx));
            // a write nested in a read-only transaction is refused, not silently lost
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> tx.readOnly(em -> tx.required(inner -> {
                        inner.persist(new TestOrder(8, "lost write"));
                        return null;
                    })));
            assertTrue(e.getMessage().contains("read-only"), e.getMessage());
            assertEquals(1, count(tx));
        });
    }

    @org.junit.jupiter.api.Test
    void twoFactoriesOpenAtOnceKeepTheirOwnDatabases() throws Exception {
        try (Databases.CloseableDatabase a = TestDatabases.fresh(Dialect.DERBY);
                Databases.CloseableDatabase b = TestDatabases.fresh(Dialect.DERBY)) {
            for (Databases.CloseableDatabase db : List.of(a, b)) {
                MigrationTest.migrator(db, MigrationTest.self(), MigrationTest.contribution("testmod", "/db/migration/testmod"))
                        .migrate();
            }
            EntityManagerFactory emfA = JpaUnit.create(a, List.of(TestOrder.class));
            EntityManagerFactory emfB = JpaUnit.create(b, List.of(TestOrder.class));
            try {
                Transactions txA = new EntityManagerTransactions(() -> emfA);
                Transactions txB = new EntityManagerTransactions(() -> emfB);
                txA.requiredRun(em -> em.persist(new TestOrder(10, "only in A")));
                assertEquals(2, count(txA));
                assertEquals(1, count(txB), "B must not see A's row: the factories shared a session");
            } finally {
                emfA.close();
                emfB.close();
            }
        }
    }
}
