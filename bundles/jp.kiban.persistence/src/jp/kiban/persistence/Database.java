package jp.kiban.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * The database this installation uses, registered as an OSGi service. Embedded Derby in the data
 * folder by default; PostgreSQL when {@code db.type=postgresql} is set (see docs/architecture.md).
 */
public interface Database {

    DataSource dataSource();

    Dialect dialect();

    /** The JDBC URL without credentials, safe to show in the status line and logs. */
    String displayUrl();

    /** True for an embedded database living in this process (Derby in the data folder or in memory). */
    boolean embedded();

    /**
     * After a bulk load (the demo town, an import of thousands of rows): lets the engine's query planner see the
     * tables' new sizes and value distributions. On PostgreSQL {@code ANALYZE} of every table of the current schema:
     * tables created empty by the migrations have no statistics until autovacuum analyses them (a minute or more
     * later, never when autovacuum is off), and until then the planner may scan a whole index for a search by a key
     * (docs/performance.md: a birth-date search took 9–14 ms instead of 0.06 ms on a town of 10,000). On Derby
     * nothing: it refreshes its index statistics by itself when a statement is compiled.
     *
     * @return how many tables were analysed (0 on Derby)
     * @throws SQLException when the statistics could not be updated (the data is untouched)
     */
    default int updateStatistics() throws SQLException {
        if (dialect() != Dialect.POSTGRESQL) {
            return 0;
        }
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT quote_ident(tablename) FROM pg_tables"
                    + " WHERE schemaname = current_schema() ORDER BY tablename")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (!tables.isEmpty()) {
                boolean auto = c.getAutoCommit();
                c.setAutoCommit(true);
                try {
                    s.execute("ANALYZE " + String.join(", ", tables));
                } finally {
                    c.setAutoCommit(auto);
                }
            }
            return tables.size();
        }
    }
}
