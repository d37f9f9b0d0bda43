package jp.kiban.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import jakarta.persistence.PersistenceException;
import jp.kiban.persistence.DatabaseProblem;
import jp.kiban.persistence.MigrationException;
import jp.kiban.persistence.impl.Databases;

/** Database failures are told apart, so the counter gets the right Japanese sentence. */
class DatabaseProblemTest {

    @Test
    void derbyAlreadyBootedElsewhereIsInUseEvenWhenWrapped() {
        SQLException top = new SQLException("Failed to start database '/x/db'", "XJ040");
        top.setNextException(new SQLException("Another instance of Derby may have already booted the database", "XSDB6"));
        assertEquals(DatabaseProblem.IN_USE, DatabaseProblem.of(top));
        assertEquals(DatabaseProblem.IN_USE,
                DatabaseProblem.of(new PersistenceException("wrapped", new MigrationException("m", top))));
    }

    @Test
    void connectionFailuresAreUnreachableButDerbyShutdownIsNot() {
        assertEquals(DatabaseProblem.UNREACHABLE, DatabaseProblem.of(new SQLException("refused", "08001")));
        assertEquals(DatabaseProblem.OTHER, DatabaseProblem.of(new SQLException("shut down", "08006")));
    }

    @Test
    void schemaAndOtherProblems() {
        assertEquals(DatabaseProblem.SCHEMA, DatabaseProblem.of(new MigrationException("pending")));
        assertEquals(DatabaseProblem.OTHER, DatabaseProblem.of(new IllegalStateException("x")));
        assertEquals(DatabaseProblem.OTHER, DatabaseProblem.of(new SQLException("syntax", "42X01")));
    }

    @Test
    void unreachablePostgresqlSaysSoInOneSentence() {
        // port 1 on loopback: nothing listens there, the connection is refused at once
        Databases.CloseableDatabase db = Databases.postgresql("jdbc:postgresql://127.0.0.1:1/kiban", "kiban", null, null);
        SQLException e = assertThrows(SQLException.class, () -> db.dataSource().getConnection().close());
        assertTrue(e.getMessage().startsWith("Cannot connect to the database jdbc:postgresql://127.0.0.1:1/kiban"),
                e.getMessage());
        assertEquals(DatabaseProblem.UNREACHABLE, DatabaseProblem.of(e));
    }
}
