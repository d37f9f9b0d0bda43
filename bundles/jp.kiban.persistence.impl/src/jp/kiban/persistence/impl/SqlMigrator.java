package jp.kiban.persistence.impl;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jp.kiban.persistence.Database;
import jp.kiban.persistence.Dialect;
import jp.kiban.persistence.MigrationException;
import jp.kiban.persistence.MigrationInfo;
import jp.kiban.persistence.MigrationInfo.State;
import jp.kiban.persistence.SchemaMigrations;

/**
 * Versioned, forward-only SQL migrations kept in {@value #HISTORY_TABLE}, one row per applied script
 * (module, version, checksum). Each script runs in its own transaction; on PostgreSQL an advisory
 * lock keeps two servers from migrating at once.
 *
 * <p>Why not Flyway or Liquibase: see docs/decisions/0002-schema-migrations.md.
 */
public final class SqlMigrator implements SchemaMigrations {
    public static final String HISTORY_TABLE = "kiban_schema_history";
    private static final long PG_LOCK_KEY = 0x4B4942414EL; // "KIBAN"
    private static final System.Logger LOG = System.getLogger(SqlMigrator.class.getName());

    private final Database database;
    private final Supplier<List<MigrationScript>> scripts;

    /** @param scripts every module's scripts for this database's dialect, read anew on each call */
    public SqlMigrator(Database database, Supplier<List<MigrationScript>> scripts) {
        this.database = database;
        this.scripts = scripts;
    }

    private record Applied(String module, int version, String description, String checksum, Instant appliedAt) {
    }

    @Override
    public List<MigrationInfo> status() {
        try (Connection c = database.dataSource().getConnection()) {
            return compare(readHistory(c), scripts.get());
        } catch (SQLException e) {
            throw new MigrationException("Cannot read the schema history of " + database.displayUrl() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<MigrationInfo> migrate() {
        List<MigrationScript> shipped = scripts.get();
        try (Connection c = database.dataSource().getConnection()) {
            boolean pg = database.dialect() == Dialect.POSTGRESQL;
            if (pg) {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT pg_advisory_lock(" + PG_LOCK_KEY + ")");
                }
            }
            try {
                ensureHistoryTable(c);
                List<MigrationInfo> before = compare(readHistory(c), shipped);
                refuseInconsistent(before);
                List<MigrationInfo> applied = new ArrayList<>();
                for (MigrationInfo info : before) {
                    if (info.state() != State.PENDING) {
                        continue;
                    }
                    MigrationScript script = shipped.stream()
                            .filter(s -> s.module().equals(info.module()) && s.version() == info.version())
                            .findFirst().orElseThrow();
                    applied.add(apply(c, script));
                }
                return applied;
            } finally {
                if (pg) {
                    try (Statement s = c.createStatement()) {
                        c.setAutoCommit(true);
                        s.execute("SELECT pg_advisory_unlock(" + PG_LOCK_KEY + ")");
                    }
                }
            }
        } catch (SQLException e) {
            throw new MigrationException("Cannot migrate " + database.displayUrl() + ": " + e.getMessage(), e);
        }
    }

    private static void refuseInconsistent(List<MigrationInfo> status) {
        for (MigrationInfo m : status) {
            if (m.state() == State.CHANGED) {
                throw new MigrationException("Migration " + m.module() + " V" + m.version() + " (" + m.description()
                        + ") was changed after it was applied (checksum differs). Released scripts must never be"
                        + " edited: restore the original script and add a new version instead.");
            }
            if (m.state() == State.UNKNOWN) {
                throw new MigrationException("The database has migration " + m.module() + " V" + m.version()
                        + " that this Kiban does not ship: the database is newer than the software. Install the"
                        + " matching or a newer Kiban version.");
            }
        }
    }

    private MigrationInfo apply(Connection c, MigrationScript script) throws SQLException {
        long start = System.nanoTime();
        c.setAutoCommit(false);
        int n = 0;
        try (Statement s = c.createStatement()) {
            for (String sql : script.statements()) {
                n++;
                s.execute(sql);
            }
            Instant now = Instant.now();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + HISTORY_TABLE
                    + " (module, version, description, script, checksum, applied_at, execution_ms)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, script.module());
                insert.setInt(2, script.version());
                insert.setString(3, script.description());
                insert.setString(4, script.fileName());
                insert.setString(5, script.checksum());
                insert.setTimestamp(6, Timestamp.from(now));
                insert.setInt(7, (int) ((System.nanoTime() - start) / 1_000_000));
                insert.executeUpdate();
            }
            c.commit();
            LOG.log(System.Logger.Level.INFO, "Applied migration {0} {1} on {2}", script.module(),
                    script.fileName(), database.displayUrl());
            return new MigrationInfo(script.module(), script.version(), script.description(), State.APPLIED,
                    script.checksum(), now);
        } catch (SQLException e) {
            c.rollback();
            throw new MigrationException("Migration " + script.module() + "/" + script.fileName() + " failed at"
                    + " statement " + n + " and was rolled back: " + e.getMessage(), e);
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static List<MigrationInfo> compare(Map<String, Applied> history, List<MigrationScript> shipped) {
        List<MigrationInfo> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (MigrationScript s : shipped) {
            String key = s.module() + "#" + s.version();
            seen.add(key);
            Applied a = history.get(key);
            if (a == null) {
                out.add(new MigrationInfo(s.module(), s.version(), s.description(), State.PENDING, s.checksum(), null));
            } else {
                State state = a.checksum().equals(s.checksum()) ? State.APPLIED : State.CHANGED;
                out.add(new MigrationInfo(s.module(), s.version(), a.description(), state, a.checksum(), a.appliedAt()));
            }
        }
        Set<String> shippedModules = new HashSet<>();
        shipped.forEach(s -> shippedModules.add(s.module()));
        for (Map.Entry<String, Applied> e : history.entrySet()) {
            if (!seen.contains(e.getKey())) {
                Applied a = e.getValue();
                State state = shippedModules.contains(a.module()) ? State.UNKNOWN : State.NOT_INSTALLED;
                out.add(new MigrationInfo(a.module(), a.version(), a.description(), state, a.checksum(),
                        a.appliedAt()));
            }
        }
        out.sort(Comparator.comparing(MigrationInfo::module).thenComparingInt(MigrationInfo::version));
        return out;
    }

    private Map<String, Applied> readHistory(Connection c) throws SQLException {
        Map<String, Applied> out = new HashMap<>();
        if (!historyTableExists(c)) {
            return out;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT module, version, description, checksum, applied_at FROM " + HISTORY_TABLE)) {
            while (rs.next()) {
                Applied a = new Applied(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4).trim(),
                        rs.getTimestamp(5).toInstant());
                out.put(a.module() + "#" + a.version(), a);
            }
        }
        return out;
    }

    private boolean historyTableExists(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = database.dialect() == Dialect.POSTGRESQL ? c.getSchema() : null;
        for (String name : new String[] { HISTORY_TABLE, HISTORY_TABLE.toUpperCase(java.util.Locale.ROOT) }) {
            try (ResultSet rs = md.getTables(null, schema, name, new String[] { "TABLE" })) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private void ensureHistoryTable(Connection c) throws SQLException {
        if (historyTableExists(c)) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + HISTORY_TABLE + " ("
                    + "module VARCHAR(64) NOT NULL, "
                    + "version INTEGER NOT NULL, "
                    + "description VARCHAR(200) NOT NULL, "
                    + "script VARCHAR(200) NOT NULL, "
                    + "checksum CHAR(64) NOT NULL, "
                    + "applied_at TIMESTAMP NOT NULL, "
                    + "execution_ms INTEGER NOT NULL, "
                    + "PRIMARY KEY (module, version))");
        }
    }
}
