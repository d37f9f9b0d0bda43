package jp.kiban.persistence.tests;

import jp.kiban.testing.db.TestDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import jp.kiban.persistence.Database;
import jp.kiban.persistence.Dialect;
import jp.kiban.persistence.MigrationException;
import jp.kiban.persistence.MigrationInfo;
import jp.kiban.persistence.MigrationInfo.State;
import jp.kiban.persistence.SchemaContribution;
import jp.kiban.persistence.impl.BundleScripts;
import jp.kiban.persistence.impl.Databases;
import jp.kiban.persistence.impl.MigrationScript;
import jp.kiban.persistence.impl.SqlMigrator;

/** The migration runner on Derby and on PostgreSQL, with the same scripts. */
class MigrationTest {

    static SchemaContribution contribution(String module, String path) {
        return new SchemaContribution() {
            @Override
            public String module() {
                return module;
            }

            @Override
            public String migrationPath() {
                return path;
            }
        };
    }

    static Bundle self() {
        return FrameworkUtil.getBundle(MigrationTest.class);
    }

    static Bundle bundle(String symbolicName) {
        return Arrays.stream(self().getBundleContext().getBundles())
                .filter(b -> b.getSymbolicName().equals(symbolicName)).findFirst().orElseThrow();
    }

    static SqlMigrator migrator(Database db, Bundle bundle, SchemaContribution... contributions) {
        return new SqlMigrator(db, () -> {
            List<MigrationScript> all = new ArrayList<>();
            for (SchemaContribution c : contributions) {
                all.addAll(BundleScripts.load(bundle, c, db.dialect()));
            }
            return all;
        });
    }

    static String columnType(Database db, String table, String column) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            String schema = db.dialect() == Dialect.POSTGRESQL ? c.getSchema() : null;
            for (String t : new String[] { table, table.toUpperCase(Locale.ROOT) }) {
                for (String col : new String[] { column, column.toUpperCase(Locale.ROOT) }) {
                    try (ResultSet rs = md.getColumns(null, schema, t, col)) {
                        if (rs.next()) {
                            return rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
                        }
                    }
                }
            }
        }
        return null;
    }

    static boolean tableExists(Database db, String table) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT COUNT(*) FROM " + table).close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @ParameterizedTest
    @MethodSource("jp.kiban.testing.db.TestDatabases#engines")
    void pendingThenAppliedThenNothingMore(Dialect dialect) throws Exception {
        try (Databases.CloseableDatabase db = TestDatabases.fresh(dialect)) {
            SqlMigrator m = migrator(db, self(), contribution("testmod", "/db/migration/testmod"));
            List<MigrationInfo> before = m.status();
            assertEquals(List.of(State.PENDING, State.PENDING), before.stream().map(MigrationInfo::state).toList());
            assertFalse(m.upToDate());

            List<MigrationInfo> applied = m.migrate();
            assertEquals(List.of(1, 2), applied.stream().map(MigrationInfo::version).toList());
            assertTrue(m.upToDate());
            assertTrue(m.status().stream().allMatch(i -> i.state() == State.APPLIED && i.appliedAt() != null));
            // idempotent: a second run applies nothing
            assertEquals(List.of(), m.migrate());

            // the semicolon inside the string literal did not split the statement
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT note FROM t_order WHERE id = 1")) {
                assertTrue(rs.next());
                assertEquals("転入届; 受付済み", rs.getString(1));
            }
            // the dialect-specific V002 replaced the common one on PostgreSQL only
            String type = columnType(db, "t_order", "created_at");
            assertNotNull(type, "column created_at missing");
            if (dialect == Dialect.POSTGRESQL) {
                assertEquals("timestamptz", type);
            } else {
                assertEquals("timestamp", type);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("jp.kiban.testing.db.TestDatabases#engines")
    void platformMigrationsRunOnBothEngines(Dialect dialect) throws Exception {
        try (Databases.CloseableDatabase db = TestDatabases.fresh(dialect)) {
            SqlMigrator m = migrator(db, bundle("jp.kiban.platform.impl"),
                    contribution("platform", "/db/migration/platform"));
            assertFalse(m.migrate().isEmpty(), "the platform ships migrations");
            assertTrue(m.upToDate());
            assertTrue(tableExists(db, "kiban_municipality"));
        }
    }

    @ParameterizedTest
    @MethodSource("jp.kiban.testing.db.TestDatabases#engines")
    void failingScriptIsRolledBackAndEarlierOnesStay(Dialect dialect) throws Exception {
        try (Databases.CloseableDatabase db = TestDatabases.fresh(dialect)) {
            SqlMigrator m = migrator(db, self(), contribution("broken", "/db/migration/broken"));
            MigrationException e = assertThrows(MigrationException.class, m::migrate);
            assertTrue(e.getMessage().contains("V002__second_fails.sql"), e.getMessage());
            assertTrue(e.getMessage().contains("statement 2"), e.getMessage());
            List<MigrationInfo> status = m.status();
            assertEquals(State.APPLIED, status.get(0).state());
            assertEquals(State.PENDING, status.get(1).state());
            assertTrue(tableExists(db, "t_broken_first"));
            assertFalse(tableExists(db, "t_broken_second"), "the first statement of the failed script was kept");
        }
    }

    @ParameterizedTest
    @MethodSource("jp.kiban.testing.db.TestDatabases#engines")
    void editedScriptIsRefused(Dialect dialect) throws Exception {
        try (Databases.CloseableDatabase db = TestDatabases.fresh(dialect)) {
            migrator(db, self(), contribution("testmod", "/db/migration/testmod")).migrate();
            // the same module, but V001 edited after release
            SqlMigrator edited = migrator(db, self(), contribution("testmod", "/db/migration/testmod-changed"));
            assertEquals(State.CHANGED, edited.status().get(0).state());
            MigrationException e = assertThrows(MigrationException.class, edited::migrate);
            assertTrue(e.getMessage().contains("changed after it was applied"), e.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("jp.kiban.testing.db.TestDatabases#engines")
    void databaseNewerThanSoftwareIsRefused(Dialect dialect) throws Exception {
        try (Databases.CloseableDatabase db = TestDatabases.fresh(dialect)) {
            SqlMigrator m = migrator(db, self(), contribution("testmod", "/db/migration/testmod"));
            m.migrate();
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO " + SqlMigrator.HISTORY_TABLE + " (module, version, description, script,"
                        + " checksum, applied_at, execution_ms) VALUES ('testmod', 99, 'from the future',"
                        + " 'V099__x.sql', '" + "0".repeat(64) + "', CURRENT_TIMESTAMP, 1)");
            }
            assertEquals(State.UNKNOWN, m.status().get(2).state());
            MigrationException e = assertThrows(MigrationException.class, m::migrate);
            assertTrue(e.getMessage().contains("newer than the software"), e.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("jp.kiban.testing.db.TestDatabases#engines")
    void tablesOfAModuleThatIsNotInstalledAreKeptAndIgnored(Dialect dialect) throws Exception {
        try (Databases.CloseableDatabase db = TestDatabases.fresh(dialect)) {
            // a business module that was installed once, then removed by the administrator
            migrator(db, self(), contribution("testmod", "/db/migration/testmod")).migrate();
            SqlMigrator withoutIt = migrator(db, bundle("jp.kiban.platform.impl"),
                    contribution("platform", "/db/migration/platform"));
            assertFalse(withoutIt.migrate().isEmpty());
            List<MigrationInfo> status = withoutIt.status();
            assertEquals(List.of(State.APPLIED, State.NOT_INSTALLED, State.NOT_INSTALLED),
                    status.stream().map(MigrationInfo::state).toList(), status.toString());
            assertTrue(withoutIt.upToDate());
            assertTrue(tableExists(db, "t_order"), "the removed module's data must be kept");
        }
    }
}
