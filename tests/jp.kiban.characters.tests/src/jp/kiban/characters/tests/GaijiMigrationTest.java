package jp.kiban.characters.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import jp.kiban.characters.impl.CharactersSchema;
import jp.kiban.persistence.Dialect;
import jp.kiban.persistence.MigrationInfo;
import jp.kiban.persistence.impl.BundleScripts;
import jp.kiban.persistence.impl.Databases;
import jp.kiban.persistence.impl.SqlMigrator;
import jp.kiban.testing.db.TestDatabases;

/** The characters module's script on Derby and PostgreSQL; an IVS target and a plane-15 code point survive. */
class GaijiMigrationTest {

    static Bundle impl() {
        return Arrays.stream(FrameworkUtil.getBundle(GaijiMigrationTest.class).getBundleContext().getBundles())
                .filter(b -> b.getSymbolicName().equals("jp.kiban.characters.impl")).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("jp.kiban.testing.db.TestDatabases#engines")
    void migrationRunsAndKeepsIvsTargets(Dialect dialect) throws Exception {
        try (Databases.CloseableDatabase db = TestDatabases.fresh(dialect)) {
            SqlMigrator m = new SqlMigrator(db, () -> BundleScripts.load(impl(), new CharactersSchema(), db.dialect()));
            List<MigrationInfo> applied = m.migrate();
            assertTrue(applied.size() >= 1);
            assertTrue(applied.stream().allMatch(i -> i.module().equals("characters")));
            assertEquals(List.of(), m.migrate(), "idempotent");
            try (Connection c = db.dataSource().getConnection()) {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO characters_gaiji (legacy_code_point, legacy_code,"
                        + " target, note, updated_at, updated_by) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, 'admin')")) {
                    p.setInt(1, 0xF0000);
                    p.setString(2, "U+F0000");
                    p.setString(3, "葛\uDB40\uDD02");
                    p.setString(4, "葛（MJ 異体）");
                    p.executeUpdate();
                }
                try (PreparedStatement q = c.prepareStatement("SELECT target FROM characters_gaiji WHERE legacy_code_point = ?")) {
                    q.setInt(1, 0xF0000);
                    try (ResultSet rs = q.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals("葛\uDB40\uDD02", rs.getString(1));
                    }
                }
            }
        }
    }
}
