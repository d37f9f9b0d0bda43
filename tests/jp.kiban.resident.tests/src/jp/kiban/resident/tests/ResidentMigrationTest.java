package jp.kiban.resident.tests;

import jp.kiban.testing.db.TestDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import jp.kiban.persistence.Dialect;
import jp.kiban.persistence.MigrationInfo;
import jp.kiban.persistence.impl.BundleScripts;
import jp.kiban.persistence.impl.Databases;
import jp.kiban.persistence.impl.MigrationScript;
import jp.kiban.persistence.impl.SqlMigrator;
import jp.kiban.resident.impl.ResidentSchema;

/** The resident module's scripts on Derby and on PostgreSQL, and the SQL the search relies on. */
class ResidentMigrationTest {

    static Bundle impl() {
        return Arrays.stream(FrameworkUtil.getBundle(ResidentMigrationTest.class).getBundleContext().getBundles())
                .filter(b -> b.getSymbolicName().equals("jp.kiban.resident.impl")).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("jp.kiban.testing.db.TestDatabases#engines")
    void residentMigrationsRunAndTheSearchSqlWorks(Dialect dialect) throws Exception {
        try (Databases.CloseableDatabase db = TestDatabases.fresh(dialect)) {
            ResidentSchema schema = new ResidentSchema();
            SqlMigrator m = new SqlMigrator(db, () -> {
                List<MigrationScript> all = new ArrayList<>(BundleScripts.load(impl(), schema, db.dialect()));
                return all;
            });
            List<MigrationInfo> applied = m.migrate();
            assertTrue(applied.size() >= 1, "the resident module ships migrations");
            assertTrue(applied.stream().allMatch(i -> i.module().equals("resident")));
            assertTrue(m.upToDate());
            assertEquals(List.of(), m.migrate(), "idempotent");

            try (Connection c = db.dataSource().getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO resident_change (change_id, reason, state, change_date, processed_on,"
                            + " registered_by, registered_by_name, registered_at, description, confirm_seq) VALUES"
                            + " ('00000000-0000-0000-0000-000000000001', 'BIRTH', 'CONFIRMED', DATE('2025-06-10'),"
                            + " DATE('2025-06-12'), 'tanaka', '田中 一郎', CURRENT_TIMESTAMP, '', 1)");
                    s.executeUpdate("INSERT INTO resident_person (addressee_number, current_history) VALUES ('00000000019', 1)");
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO resident_snapshot (addressee_number,"
                        + " history_number, change_id, confirmed, valid_from, status, resident_type, family_name, given_name,"
                        + " furigana, birth_date, birth_sort, sex, household_number, relationship, head_family_name,"
                        + " head_given_name, prefecture, municipality, town, lot_number, address_since, became_resident_on,"
                        + " furigana_key, name_key, address_key) VALUES ('00000000019', 1,"
                        + " '00000000-0000-0000-0000-000000000001', ?, DATE('2025-06-10'), 'RESIDENT', 'JAPANESE',"
                        + " ?, '花子', 'ワタナベ　ハナコ', '2025-06-10', 20250610, '2', '00000000019', '04', ?, '太郎', '13',"
                        + " 'デモ町', '本町一丁目', '1-2', DATE('2025-06-10'), DATE('2025-06-10'), 'ワタナベハナコ',"
                        + " '渡辺花子', '本町一丁目1-2')")) {
                    p.setBoolean(1, true);
                    p.setString(2, "渡邉\uDB40\uDD00"); // 邉 with an IVS, kept as stored
                    p.setString(3, "渡邉\uDB40\uDD00");
                    p.executeUpdate();
                }
                // the joins, LIKE … ESCAPE and boolean comparisons the services use
                try (PreparedStatement q = c.prepareStatement("SELECT s.family_name FROM resident_snapshot s, resident_person p"
                        + " WHERE p.addressee_number = s.addressee_number AND p.current_history = s.history_number"
                        + " AND s.confirmed = ? AND s.name_key LIKE ? ESCAPE '\\' AND s.furigana_key LIKE ? ESCAPE '\\'"
                        + " ORDER BY s.furigana_key")) {
                    q.setBoolean(1, true);
                    q.setString(2, "%辺花%");
                    q.setString(3, "%\\%%");
                    try (ResultSet rs = q.executeQuery()) {
                        assertTrue(!rs.next(), "a literal % must not match anything");
                    }
                    q.setString(3, "%ナベハナ%");
                    try (ResultSet rs = q.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals("渡邉\uDB40\uDD00", rs.getString(1), "the IVS survives the round trip");
                    }
                }
            }
        }
    }
}
