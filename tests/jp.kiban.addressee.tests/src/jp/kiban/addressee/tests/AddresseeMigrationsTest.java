package jp.kiban.addressee.tests;

import jp.kiban.testing.db.TestDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.framework.Bundle;

import jp.kiban.persistence.Dialect;
import jp.kiban.persistence.MigrationInfo;
import jp.kiban.persistence.SchemaContribution;
import jp.kiban.persistence.impl.BundleScripts;
import jp.kiban.persistence.impl.Databases;
import jp.kiban.persistence.impl.SqlMigrator;

/** The addressee migrations, as shipped in jp.kiban.addressee.impl, on Derby and on PostgreSQL. */
class AddresseeMigrationsTest {

    static Bundle impl() {
        return Arrays.stream(Fixtures.context().getBundles())
                .filter(b -> b.getSymbolicName().equals("jp.kiban.addressee.impl")).findFirst().orElseThrow();
    }

    static SqlMigrator migrator(Databases.CloseableDatabase db) {
        SchemaContribution addressee = new SchemaContribution() {
            @Override
            public String module() {
                return "addressee";
            }

            @Override
            public String migrationPath() {
                return "/db/migration/addressee";
            }
        };
        return new SqlMigrator(db, () -> BundleScripts.load(impl(), addressee, db.dialect()));
    }

    @ParameterizedTest
    @MethodSource("jp.kiban.testing.db.TestDatabases#engines")
    void allScriptsApplyAndTheTablesTakeJapaneseText(Dialect dialect) throws Exception {
        try (Databases.CloseableDatabase db = TestDatabases.fresh(dialect)) {
            SqlMigrator m = migrator(db);
            List<MigrationInfo> applied = m.migrate();
            assertEquals(List.of(1, 2, 3, 4), applied.stream().map(MigrationInfo::version).toList());
            assertTrue(m.upToDate());
            assertEquals(List.of(), m.migrate(), "nothing more to do");
            try (Connection c = db.dataSource().getConnection()) {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO addressee_town (town_code, name, kana,"
                        + " postal_code, municipality, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP, ?)")) {
                    p.setString(1, "ABC123456789");
                    p.setString(2, "𠮷".repeat(50)); // TownEntry.MAX_NAME characters, all outside the BMP
                    p.setString(3, "オオアザヨシノ");
                    p.setString(4, "3999301");
                    p.setString(5, "白馬村");
                    p.setString(6, "admin");
                    p.executeUpdate();
                }
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT name, kana FROM addressee_town WHERE town_code = 'ABC123456789'")) {
                    assertTrue(rs.next());
                    assertEquals("𠮷".repeat(50), rs.getString(1));
                    assertEquals("オオアザヨシノ", rs.getString(2));
                }
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO addressee_mailing (id, addressee_number, business, recipient, postal_code,"
                            + " address_abroad, valid_from, valid_to, created_at, updated_at, updated_by) VALUES"
                            + " ('00000000-0000-0000-0000-000000000001', '00000000019', 'tax.resident', '山田　花子　様方', NULL,"
                            + " 'Paris', CAST('2026-04-01' AS DATE), NULL, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'admin')");
                    s.executeUpdate("INSERT INTO addressee_non_resident (addressee_number, family_name, given_name, furigana,"
                            + " furigana_key, birth_date, created_at, updated_at, updated_by) VALUES ('00000000019', '山田', '太郎',"
                            + " 'ヤマダ　タロウ', 'ヤマダタロウ', '!R02-02-30', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'admin')");
                }
            }
        }
    }
}
