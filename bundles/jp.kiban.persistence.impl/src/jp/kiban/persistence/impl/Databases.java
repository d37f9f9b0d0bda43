package jp.kiban.persistence.impl;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedConnectionPoolDataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.ds.common.BaseDataSource;

import jp.kiban.persistence.Database;
import jp.kiban.persistence.Dialect;

/**
 * Builds the {@link Database} from settings. Keys (from kiban.properties or -Dkiban.&lt;key&gt;):
 * <ul>
 * <li>{@code db.type}: {@code derby} (default) or {@code postgresql}</li>
 * <li>{@code db.url}: JDBC URL; default Derby in {@code <data>/db}; e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/kiban} or {@code jdbc:derby:memory:trial}</li>
 * <li>{@code db.user}, {@code db.password}: PostgreSQL credentials</li>
 * <li>{@code db.schema}: PostgreSQL schema (default: the server's search path)</li>
 * <li>{@code db.pool}: {@code true} (default) keeps closed connections for the next transaction
 * ({@link PooledDataSource}); {@code false} opens a new connection per transaction</li>
 * <li>{@code db.pool.maxIdle} (default 8), {@code db.pool.idleSeconds} (default 300): how many idle
 * connections are kept, and for how long</li>
 * </ul>
 */
public final class Databases {
    private Databases() {
    }

    public static CloseableDatabase create(Function<String, Optional<String>> settings, Path defaultDerbyDirectory) {
        Optional<String> url = settings.apply("db.url").filter(s -> !s.isBlank());
        Dialect dialect = settings.apply("db.type").filter(s -> !s.isBlank()).map(Dialect::of)
                .orElseGet(() -> url.map(Dialect::of).orElse(Dialect.DERBY));
        Pool pool = settings.apply("db.pool").map(String::strip).filter(s -> s.equalsIgnoreCase("false")).isPresent() ? null
                : new Pool(number(settings, "db.pool.maxIdle", 8), number(settings, "db.pool.idleSeconds", 300) * 1000L);
        return switch (dialect) {
        case DERBY -> derby(url.map(Databases::derbyName).orElse(defaultDerbyDirectory.toString()), pool);
        case POSTGRESQL -> postgresql(url.orElseThrow(() -> new IllegalArgumentException(
                "db.type=postgresql needs db.url, e.g. jdbc:postgresql://127.0.0.1:5432/kiban")),
                settings.apply("db.user").orElse(null), settings.apply("db.password").orElse(null),
                settings.apply("db.schema").orElse(null), pool);
        };
    }

    /** How closed connections are kept ({@link PooledDataSource}). */
    public record Pool(int maxIdle, long idleMillis) {
    }

    private static int number(Function<String, Optional<String>> settings, String key, int def) {
        Optional<String> v = settings.apply(key).map(String::strip).filter(s -> !s.isEmpty());
        try {
            int n = v.map(Integer::parseInt).orElse(def);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number of at least 0, not " + v.orElse(""));
        }
    }

    /** Embedded Derby; {@code name} is a folder path or {@code memory:NAME}. Created when absent. A new connection per use. */
    public static CloseableDatabase derby(String name) {
        return derby(name, null);
    }

    /** Embedded Derby, with closed connections kept for reuse unless {@code pool} is null. */
    public static CloseableDatabase derby(String name, Pool pool) {
        DataSource ds;
        PooledDataSource pooled = null;
        if (pool == null) {
            EmbeddedDataSource simple = new EmbeddedDataSource();
            simple.setDatabaseName(name);
            simple.setCreateDatabase("create");
            ds = simple;
        } else {
            EmbeddedConnectionPoolDataSource source = new EmbeddedConnectionPoolDataSource();
            source.setDatabaseName(name);
            source.setCreateDatabase("create");
            ds = pooled = new PooledDataSource(source, pool.maxIdle(), pool.idleMillis());
        }
        PooledDataSource toClose = pooled;
        return new CloseableDatabase(new ExplainingDataSource(ds, "jdbc:derby:" + name), Dialect.DERBY,
                "jdbc:derby:" + name, true) {
            @Override
            public void close() {
                if (toClose != null) {
                    toClose.close();
                }
                EmbeddedDataSource shutdown = new EmbeddedDataSource();
                shutdown.setDatabaseName(name);
                shutdown.setShutdownDatabase("shutdown");
                try (Connection c = shutdown.getConnection()) {
                    // a successful connection means it was not shut down; nothing else to do
                } catch (SQLException expected) {
                    // Derby reports a clean shutdown as SQLState 08006; a database never opened as XJ004
                }
            }
        };
    }

    /** PostgreSQL with a new connection per use (tests, tools). */
    public static CloseableDatabase postgresql(String url, String user, String password, String schema) {
        return postgresql(url, user, password, schema, null);
    }

    /** PostgreSQL, with closed connections kept for reuse unless {@code pool} is null. */
    public static CloseableDatabase postgresql(String url, String user, String password, String schema, Pool pool) {
        BaseDataSource ds = pool == null ? new PGSimpleDataSource() : new PGConnectionPoolDataSource();
        ds.setURL(url);
        if (user != null && !user.isBlank()) {
            ds.setUser(user);
        }
        if (password != null && !password.isEmpty()) {
            ds.setPassword(password);
        }
        if (schema != null && !schema.isBlank()) {
            ds.setCurrentSchema(schema);
        }
        ds.setApplicationName("kiban");
        int q = url.indexOf('?');
        String display = q < 0 ? url : url.substring(0, q);
        if (schema != null && !schema.isBlank()) {
            display += " (schema " + schema + ")";
        }
        ds.setConnectTimeout(10);
        PooledDataSource pooled = pool == null ? null
                : new PooledDataSource((PGConnectionPoolDataSource) ds, pool.maxIdle(), pool.idleMillis());
        return new CloseableDatabase(new ExplainingDataSource(pooled == null ? (PGSimpleDataSource) ds : pooled, display),
                Dialect.POSTGRESQL, display, false) {
            @Override
            public void close() {
                if (pooled != null) {
                    pooled.close(); // PGSimpleDataSource holds no connections
                }
            }
        };
    }

    private static String derbyName(String url) {
        if (!url.startsWith("jdbc:derby:")) {
            throw new IllegalArgumentException("Not a Derby URL: " + url);
        }
        String rest = url.substring("jdbc:derby:".length());
        int semi = rest.indexOf(';');
        return semi < 0 ? rest : rest.substring(0, semi);
    }

    /** A Database that can be shut down when its component goes away. */
    public abstract static class CloseableDatabase implements Database, AutoCloseable {
        private final DataSource dataSource;
        private final Dialect dialect;
        private final String displayUrl;
        private final boolean embedded;

        CloseableDatabase(DataSource dataSource, Dialect dialect, String displayUrl, boolean embedded) {
            this.dataSource = dataSource;
            this.dialect = dialect;
            this.displayUrl = displayUrl;
            this.embedded = embedded;
        }

        @Override
        public DataSource dataSource() {
            return dataSource;
        }

        @Override
        public Dialect dialect() {
            return dialect;
        }

        @Override
        public String displayUrl() {
            return displayUrl;
        }

        @Override
        public boolean embedded() {
            return embedded;
        }

        @Override
        public abstract void close();

        /** The same database, with {@code action} run after it is closed (e.g. dropping a test schema). */
        public CloseableDatabase onClose(Runnable action) {
            CloseableDatabase self = this;
            return new CloseableDatabase(dataSource, dialect, displayUrl, embedded) {
                @Override
                public void close() {
                    try {
                        self.close();
                    } finally {
                        action.run();
                    }
                }
            };
        }

        @Override
        public String toString() {
            return dialect.displayName() + " " + displayUrl;
        }
    }
}
