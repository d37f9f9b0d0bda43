package jp.kiban.persistence.impl;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jp.kiban.persistence.DatabaseProblem;

/**
 * Wraps a driver's DataSource so that the two failures an administrator meets most (the embedded
 * database already open elsewhere, the server unreachable) say so in one English sentence; the
 * driver's exception stays attached as the cause and the SQLState is kept for {@link DatabaseProblem}.
 */
final class ExplainingDataSource implements DataSource {
    private final DataSource delegate;
    private final String description;

    ExplainingDataSource(DataSource delegate, String description) {
        this.delegate = delegate;
        this.description = description;
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            return delegate.getConnection();
        } catch (SQLException e) {
            throw explain(e);
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        try {
            return delegate.getConnection(username, password);
        } catch (SQLException e) {
            throw explain(e);
        }
    }

    private SQLException explain(SQLException e) {
        return switch (DatabaseProblem.of(e)) {
        case IN_USE -> new SQLException("The database " + description + " is already open in another Kiban process"
                + " (a desk client or a CLI using the same data folder). Close that one and try again.",
                DatabaseProblem.DERBY_IN_USE, e);
        case UNREACHABLE -> new SQLException("Cannot connect to the database " + description + ": " + e.getMessage()
                + " Check that the server runs and that db.url is right.", e.getSQLState(), e);
        default -> e;
        };
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(delegate) ? iface.cast(delegate) : delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(delegate) || delegate.isWrapperFor(iface);
    }
}
