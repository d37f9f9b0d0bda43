package jp.kiban.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import jp.kiban.persistence.impl.MigrationScript;

class MigrationScriptTest {

    @Test
    void fileNamesAreParsedStrictly() {
        MigrationScript.Name n = MigrationScript.parseName("V012__add_household_index.postgresql.sql");
        assertEquals(12, n.version());
        assertEquals("add household index", n.description());
        assertEquals("postgresql", n.dialect());
        assertNull(MigrationScript.parseName("V1_missing_underscore.sql"));
        assertNull(MigrationScript.parseName("V1__x.oracle.sql"));
        assertNull(MigrationScript.parseName("R1__repeatable.sql"));
    }

    @Test
    void statementsSplitAtLineEndSemicolonsAndSkipComments() {
        MigrationScript s = new MigrationScript("m", 1, "d", "V1__d.sql", """
                -- comment; not a statement
                CREATE TABLE a (
                  x VARCHAR(10) -- trailing comment is dropped
                );
                INSERT INTO a VALUES ('a;b');

                INSERT INTO a VALUES ('c'); -- a comment after the semicolon; with one inside
                INSERT INTO a VALUES ('-- not a comment');
                """);
        assertEquals(List.of("CREATE TABLE a (\n  x VARCHAR(10) \n)",
                "INSERT INTO a VALUES ('a;b')", "INSERT INTO a VALUES ('c')",
                "INSERT INTO a VALUES ('-- not a comment')"), s.statements());
    }

    @Test
    void checksumIgnoresLineEndingsButNotContent() {
        String lf = "CREATE TABLE a (x INTEGER);\n";
        MigrationScript unix = new MigrationScript("m", 1, "d", "f", lf);
        MigrationScript windows = new MigrationScript("m", 1, "d", "f", lf.replace("\n", "\r\n"));
        MigrationScript other = new MigrationScript("m", 1, "d", "f", lf.replace("INTEGER", "BIGINT"));
        assertEquals(unix.checksum(), windows.checksum());
        assertNotEquals(unix.checksum(), other.checksum());
        assertEquals(64, unix.checksum().length());
    }
}
