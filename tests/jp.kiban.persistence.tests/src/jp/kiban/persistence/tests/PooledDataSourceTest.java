package jp.kiban.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import jakarta.persistence.EntityManagerFactory;
import jp.kiban.persistence.Dialect;
import jp.kiban.persistence.Transactions;
import jp.kiban.persistence.impl.Databases;
import jp.kiban.persistence.impl.EntityManagerTransactions;
import jp.kiban.persistence.impl.JpaUnit;
import jp.kiban.persistence.impl.PooledDataSource;
import jp.kiban.testing.db.TestDatabases;

/** The connection pool of the configured database: connections are reused, handed out clean, and dropped when broken. */
class PooledDataSourceTest {
    private static final Databases.Pool POOL = new Databases.Pool(8, 300_000);

    /** A fresh pooled database of the engine (PostgreSQL: a fresh schema, dropped on close). */
    static Databases.CloseableDatabase pooled(Dialect dialect) throws Exception {
        if (dialect == Dialect.DERBY) {
            return Databases.derby("memory:p" + UUID.randomUUID().toString().replace("-", ""), POOL);
        }
        // the schema made (and dropped on close) by the test helper, reopened through a pool
        Databases.CloseableDatabase plain = TestDatabases.fresh(dialect);
        String url = System.getProperty("kiban.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String schema;
        try (Connection c = plain.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_schema()")) {
            rs.next();
            schema = rs.getString(1);
        }
        Databases.CloseableDatabase db = Databases.postgresql(url, System.getProperty("kiban.test.pg.user", "postgres"),
                System.getProperty("kiban.test.pg.password", ""), schema, POOL);
        return db.onClose(plain::close);
    }

    static PooledDataSource pool(Databases.CloseableDatabase db) throws SQLException {
        return db.dataSource().unwrap(PooledDataSource.class);
    }

    @ParameterizedTest
    @MethodSource("jp.kiban.testing.db.TestDatabases#engines")
    void aClosedConnectionIsHandedOutAgainWithoutLeftOverState(Dialect dialect) throws Exception {
        try (Databases.CloseableDatabase db = pooled(dialect)) {
            PooledDataSource pool = pool(db);
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE pool_probe (id INT PRIMARY KEY, note VARCHAR(40))");
                c.setReadOnly(true);
            }
            assertEquals(1, pool.idleCount());
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                assertFalse(c.isReadOnly(), "read-only must not leak to the next user");
                assertTrue(c.getAutoCommit());
                c.setAutoCommit(false);
                s.executeUpdate("INSERT INTO pool_probe VALUES (1, '住民票')");
                c.rollback();
                c.setAutoCommit(true);
                s.executeUpdate("INSERT INTO pool_probe VALUES (2, '転居届')");
            }
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id FROM pool_probe ORDER BY id")) {
                assertTrue(rs.next());
                assertEquals(2, rs.getInt(1));
                assertFalse(rs.next());
            }
            assertEquals(1, pool.openedCount(), "one physical connection for three uses in a row");
            assertEquals(2, pool.reusedCount());
        }
    }

    @ParameterizedTest
    @MethodSource("jp.kiban.testing.db.TestDatabases#engines")
    void transactionsCommitAndRollBackAsWithoutAPool(Dialect dialect) throws Exception {
        try (Databases.CloseableDatabase db = pooled(dialect)) {
            MigrationTest.migrator(db, MigrationTest.self(), MigrationTest.contribution("testmod", "/db/migration/testmod"))
                    .migrate();
            EntityManagerFactory emf = JpaUnit.create(db, List.of(TestOrder.class));
            try {
                Transactions tx = new EntityManagerTransactions(() -> emf);
                for (int i = 0; i < 20; i++) {
                    int id = 100 + i;
                    tx.requiredRun(em -> em.persist(new TestOrder(id, "出生届")));
                    assertThrows(IllegalStateException.class, () -> tx.requiredRun(em -> {
                        em.persist(new TestOrder(id + 1000, "取消"));
                        em.flush();
                        throw new IllegalStateException("refused after the write");
                    }));
                }
                assertEquals(21, TransactionsTest.count(tx)); // row 1 comes from the migration
                assertNull(tx.readOnly(em -> em.find(TestOrder.class, 1100)));
                assertNotNull(tx.readOnly(em -> em.find(TestOrder.class, 119)));
                assertTrue(pool(db).openedCount() <= 3, "connections are reused: " + pool(db).openedCount() + " opened");
            } finally {
                emf.close();
            }
        }
    }

    @Test
    void aDerbyDatabaseShutDownUnderThePoolIsReopened() throws Exception {
        String name = "memory:r" + UUID.randomUUID().toString().replace("-", "");
        try (Databases.CloseableDatabase db = Databases.derby(name, POOL)) {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (id INT)");
                s.execute("INSERT INTO kept VALUES (7)");
            }
            assertEquals(1, pool(db).idleCount());
            // what a restore does to the live database while the desk client's pool holds a connection
            EmbeddedDataSource shutdown = new EmbeddedDataSource();
            shutdown.setDatabaseName(name);
            shutdown.setShutdownDatabase("shutdown");
            assertThrows(SQLException.class, () -> shutdown.getConnection().close());
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id FROM kept")) {
                assertTrue(rs.next());
                assertEquals(7, rs.getInt(1));
            }
            assertEquals(2, pool(db).openedCount(), "the broken connection was replaced");
        } finally {
            drop(name);
        }
    }

    private static void drop(String name) {
        EmbeddedDataSource drop = new EmbeddedDataSource();
        drop.setDatabaseName(name);
        drop.setConnectionAttributes("drop=true");
        try {
            drop.getConnection().close();
        } catch (SQLException expected) {
            // Derby reports a dropped database as an exception
        }
    }
}
