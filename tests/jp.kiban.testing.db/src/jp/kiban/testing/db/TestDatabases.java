package jp.kiban.testing.db;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Assertions;

import jp.kiban.persistence.Dialect;
import jp.kiban.persistence.impl.Databases;

/**
 * The two engines every persistence test runs on: a fresh in-memory Derby database, and a fresh
 * schema in the PostgreSQL at {@code kiban.test.pg.url} (127.0.0.1:5432 by default). When no
 * PostgreSQL answers, that half is skipped with a visible message, unless
 * {@code kiban.test.pg.required=true} (set by {@code ./kiban test} once it has started one): then it fails.
 */
public final class TestDatabases {
    private TestDatabases() {
    }

    public static Stream<Dialect> engines() {
        return Stream.of(Dialect.DERBY, Dialect.POSTGRESQL);
    }

    /** A new, empty database of the given engine; close it to drop it. */
    public static Databases.CloseableDatabase fresh(Dialect dialect) throws Exception {
        if (dialect == Dialect.DERBY) {
            return Databases.derby("memory:t" + UUID.randomUUID().toString().replace("-", ""));
        }
        String url = System.getProperty("kiban.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getProperty("kiban.test.pg.user", "postgres");
        String password = System.getProperty("kiban.test.pg.password", "");
        String schema = "kiban_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Databases.CloseableDatabase admin = Databases.postgresql(url, user, password, null);
        try (Connection c = admin.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (Exception e) {
            String message = "PostgreSQL half SKIPPED: no PostgreSQL at " + url + " (" + e.getMessage() + ")";
            if (Boolean.getBoolean("kiban.test.pg.required")) {
                Assertions.fail("PostgreSQL is required (kiban.test.pg.required=true) but " + message, e);
            }
            System.out.println("*** " + message);
            Assumptions.abort(message);
        }
        Databases.CloseableDatabase db = Databases.postgresql(url, user, password, schema);
        return db.onClose(() -> {
            try (Connection c = admin.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (Exception e) {
                System.out.println("could not drop test schema " + schema + ": " + e.getMessage());
            }
        });
    }
}
