package jp.kiban.persistence.impl;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import javax.sql.PooledConnection;

/**
 * A small connection pool over the driver's own {@link ConnectionPoolDataSource} (Derby's
 * {@code EmbeddedConnectionPoolDataSource}, PostgreSQL's {@code PGConnectionPoolDataSource}): a closed
 * connection goes back to an idle list instead of being closed, and the next {@link #getConnection()}
 * takes it again. Without it every transaction opened a new connection: about 0.2 ms on embedded Derby,
 * and on PostgreSQL a new server process with authentication, 5–10 ms on the project machine (see
 * docs/performance.md).
 * <p>
 * The driver resets a pooled connection for its next user (rolls back what was left open, auto-commit on;
 * Derby also isolation and read-only); this pool also turns read-only off, which PostgreSQL keeps.
 * Session state that outlives a transaction is not otherwise reset: Kiban sets none (the central store's
 * role and municipality are {@code SET LOCAL}). A connection idle for longer than {@link #VALIDATE_AFTER_MS}
 * is checked with {@link Connection#isValid} before it is handed out (a restarted server, a Derby
 * database shut down by a restore); one that fails, or that the driver reports broken, is closed.
 * <p>
 * Bounded in what it keeps, not in what it hands out: at most {@code maxIdle} idle connections, each
 * closed once idle for {@code idleMillis}; as many connections as callers ask for, as without a pool, so a
 * slow transaction never makes another wait. Connecting errors come straight from the driver (no retry,
 * no waiting), so {@link ExplainingDataSource} still explains them at once.
 * <p>
 * Why not HikariCP (the usual choice): its OSGi manifest imports {@code org.slf4j;version="[1.6,2)"},
 * which the SLF4J 2 bundle of the platform (for Jetty) does not satisfy, up to HikariCP 7.0.2.
 */
public final class PooledDataSource implements DataSource, AutoCloseable {
    public static final long VALIDATE_AFTER_MS = 1_000;

    private record Idle(PooledConnection connection, long since) {
    }

    private final ConnectionPoolDataSource source;
    private final int maxIdle;
    private final long idleMillis;
    private final LongSupplier clock;
    private final Deque<Idle> idle = new ArrayDeque<>();
    private final ConnectionEventListener listener = new ConnectionEventListener() {
        @Override
        public void connectionClosed(ConnectionEvent event) {
            released((PooledConnection) event.getSource());
        }

        @Override
        public void connectionErrorOccurred(ConnectionEvent event) {
            broken((PooledConnection) event.getSource());
        }
    };
    private int opened;
    private int reused;
    private boolean closed;

    public PooledDataSource(ConnectionPoolDataSource source, int maxIdle, long idleMillis) {
        this(source, maxIdle, idleMillis, System::currentTimeMillis);
    }

    /** With a clock in milliseconds (tests). */
    public PooledDataSource(ConnectionPoolDataSource source, int maxIdle, long idleMillis, LongSupplier clock) {
        if (maxIdle < 0 || idleMillis < 0) {
            throw new IllegalArgumentException("maxIdle and idleMillis must not be negative");
        }
        this.source = source;
        this.maxIdle = maxIdle;
        this.idleMillis = idleMillis;
        this.clock = clock;
    }

    @Override
    public Connection getConnection() throws SQLException {
        while (true) {
            Idle candidate;
            List<PooledConnection> expired;
            synchronized (this) {
                if (closed) {
                    throw new SQLException("The connection pool is closed", "08003");
                }
                expired = expire();
                candidate = idle.pollFirst(); // the most recently used: warm, and lets the others expire
            }
            expired.forEach(PooledDataSource::closeQuietly);
            if (candidate == null) {
                break;
            }
            Connection c = reuse(candidate);
            if (c != null) {
                synchronized (this) {
                    reused++;
                }
                return c;
            }
        }
        PooledConnection fresh = source.getPooledConnection();
        fresh.addConnectionEventListener(listener);
        try {
            Connection c = fresh.getConnection();
            synchronized (this) {
                opened++;
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(fresh);
            throw e;
        }
    }

    /** The logical connection of an idle one, or null if it no longer works (then it is closed). */
    private Connection reuse(Idle candidate) {
        Connection c = null;
        try {
            c = candidate.connection().getConnection();
            if (clock.getAsLong() - candidate.since() > VALIDATE_AFTER_MS && !c.isValid(5)) {
                throw new SQLException("not valid any more");
            }
            if (c.isReadOnly()) {
                c.setReadOnly(false);
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            forget(candidate.connection());
            closeQuietly(candidate.connection());
            return null;
        }
    }

    private void released(PooledConnection pc) {
        boolean keep;
        List<PooledConnection> expired;
        synchronized (this) {
            keep = !closed && idle.size() < maxIdle;
            if (keep) {
                idle.addFirst(new Idle(pc, clock.getAsLong()));
            }
            expired = expire();
        }
        if (!keep) {
            closeQuietly(pc);
        }
        expired.forEach(PooledDataSource::closeQuietly);
    }

    private void broken(PooledConnection pc) {
        forget(pc);
        closeQuietly(pc);
    }

    private synchronized void forget(PooledConnection pc) {
        idle.removeIf(i -> i.connection() == pc);
    }

    /** Removes the idle connections past their time (oldest are at the end); the caller closes them outside the lock. */
    private List<PooledConnection> expire() {
        List<PooledConnection> out = new ArrayList<>();
        long now = clock.getAsLong();
        while (!idle.isEmpty() && now - idle.peekLast().since() > idleMillis) {
            out.add(idle.pollLast().connection());
        }
        return out;
    }

    private static void closeQuietly(PooledConnection pc) {
        try {
            pc.close();
        } catch (SQLException | RuntimeException e) {
            // already broken or closed: nothing more to release
        }
    }

    /** Idle connections now. */
    public synchronized int idleCount() {
        return idle.size();
    }

    /** Physical connections opened so far. */
    public synchronized int openedCount() {
        return opened;
    }

    /** Times an idle connection was handed out again. */
    public synchronized int reusedCount() {
        return reused;
    }

    /** Closes the idle connections; connections still in use are closed when they are returned. */
    @Override
    public void close() {
        List<Idle> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(idle);
            idle.clear();
        }
        all.forEach(i -> closeQuietly(i.connection()));
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        // other credentials than the pool's: not pooled
        PooledConnection pc = source.getPooledConnection(username, password);
        Connection c = pc.getConnection();
        pc.addConnectionEventListener(new ConnectionEventListener() {
            @Override
            public void connectionClosed(ConnectionEvent event) {
                closeQuietly(pc);
            }

            @Override
            public void connectionErrorOccurred(ConnectionEvent event) {
                closeQuietly(pc);
            }
        });
        return c;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return source.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        source.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        source.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return source.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return source.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(source)) {
            return iface.cast(source);
        }
        throw new SQLException("Not a wrapper of " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(source);
    }
}
