package jp.kiban.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import jp.kiban.persistence.Dialect;
import jp.kiban.persistence.impl.Databases;
import jp.kiban.testing.db.TestDatabases;

/** Database.updateStatistics after a bulk load: PostgreSQL's planner learns the tables' sizes; Derby needs nothing. */
class StatisticsTest {

    @ParameterizedTest
    @MethodSource("jp.kiban.testing.db.TestDatabases#engines")
    void aBulkLoadedTableIsAnalysedOnPostgresql(Dialect dialect) throws Exception {
        try (Databases.CloseableDatabase db = TestDatabases.fresh(dialect)) {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bulk_loaded (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20) NOT NULL)");
                try (PreparedStatement p = c.prepareStatement("INSERT INTO bulk_loaded (id, name) VALUES (?, ?)")) {
                    for (int i = 0; i < 2000; i++) {
                        p.setInt(1, i);
                        p.setString(2, "n" + i);
                        p.addBatch();
                    }
                    p.executeBatch();
                }
            }
            int analysed = db.updateStatistics();
            if (dialect == Dialect.DERBY) {
                assertEquals(0, analysed, "Derby keeps its index statistics itself");
                return;
            }
            assertTrue(analysed >= 1, "every table of the schema is analysed, got " + analysed);
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT c.reltuples, t.last_analyze IS NOT NULL FROM pg_class c"
                            + " JOIN pg_stat_user_tables t ON t.relid = c.oid"
                            + " WHERE c.relname = 'bulk_loaded' AND c.relnamespace = current_schema()::regnamespace")) {
                assertTrue(rs.next(), "the table is in the current schema");
                assertEquals(2000, rs.getDouble(1), 0.5, "the planner knows the number of rows");
                assertTrue(rs.getBoolean(2), "ANALYZE ran on the table");
            }
        }
    }
}
