package jp.kiban.persistence;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * What kind of database trouble an exception means, so that the counter can be told in plain
 * Japanese what to do (and the log keeps the technical detail).
 */
public enum DatabaseProblem {
    /** The embedded database is open in another process (a second desk client or a CLI on the same data folder). */
    IN_USE,
    /** The database server cannot be reached (PostgreSQL down, wrong address, network cut). */
    UNREACHABLE,
    /** The schema is not in a state this software accepts (pending, edited or newer migrations). */
    SCHEMA,
    /** Anything else. */
    OTHER;

    /** Derby: "Another instance of Derby may have already booted the database". */
    public static final String DERBY_IN_USE = "XSDB6";

    public static DatabaseProblem of(Throwable t) {
        Set<Throwable> seen = new HashSet<>();
        DatabaseProblem found = OTHER;
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            if (c instanceof MigrationException && found == OTHER) {
                found = SCHEMA;
            }
            if (c instanceof SQLException sql) {
                Set<SQLException> chain = new HashSet<>();
                for (SQLException s = sql; s != null && chain.add(s); s = s.getNextException()) {
                    String state = s.getSQLState();
                    if (DERBY_IN_USE.equals(state)) {
                        return IN_USE;
                    }
                    if (state != null && state.startsWith("08") && !"08006".equals(state)) {
                        return UNREACHABLE;
                    }
                    DatabaseProblem nested = s == sql || s.getCause() == null || seen.contains(s.getCause()) ? OTHER
                            : of(s.getCause());
                    if (nested == IN_USE || nested == UNREACHABLE) {
                        return nested;
                    }
                }
            }
        }
        return found;
    }
}
