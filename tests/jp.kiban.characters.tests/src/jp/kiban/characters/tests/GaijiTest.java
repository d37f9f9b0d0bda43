package jp.kiban.characters.tests;

import static jp.kiban.characters.tests.RepertoireTest.KATSU_E0102;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.FrameworkUtil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kiban.characters.CharacterException;
import jp.kiban.characters.GaijiApplied;
import jp.kiban.characters.GaijiImportResult;
import jp.kiban.characters.GaijiMapping;
import jp.kiban.characters.GaijiTable;
import jp.kiban.cli.KibanCli;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Role;
import jp.kiban.resident.ResidentQuery;
import jp.kiban.resident.ResidentRegistry;

/** The 外字 table: import with every bad line reported, apply, export round trip, and the CLI around it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GaijiTest {
    static final String HEADER = "legacy_code,unicode,note\n";
    static final Operator ADMIN = new Operator("admin", "管理 者", "", Set.of(Role.ADMINISTRATOR));

    static GaijiTable table;

    @BeforeAll
    static void services() throws Exception {
        MunicipalityService towns = Services.get(MunicipalityService.class);
        if (towns.current().isEmpty()) {
            towns.configure(Municipality.demoTown());
        }
        table = Services.get(GaijiTable.class);
    }

    static GaijiImportResult importCsv(String csv, boolean replace) throws Exception {
        return table.importCsv(ADMIN, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), replace);
    }

    record Result(int code, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (jp.kiban.cli.OsgiServices services = new jp.kiban.cli.OsgiServices(
                FrameworkUtil.getBundle(GaijiTest.class).getBundleContext())) {
            // the demo town has accounts: log in as its administrator (who also confirms, for the import)
            String[] all = new String[args.length + 2];
            all[0] = "--user";
            all[1] = "kanri";
            System.arraycopy(args, 0, all, 2, args.length);
            int code = new KibanCli(services, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), java.util.Map.of("KIBAN_PASSWORD", "kanri-demo-2026"),
                    prompt -> null).run(all);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    @Order(1)
    void badLinesAreAllReportedAndNothingIsImported() throws Exception {
        GaijiImportResult r = importCsv(HEADER
                + "U+E000,U+845B U+E0102,葛（MJ000000 相当）\n"  // good
                + "U+4E00,U+4E00,\n"                              // not private use
                + "U+E001,U+845B U+E0100,\n"                      // sequence the font lacks
                + "U+E002,U+9FA6,\n"                              // base the font lacks
                + "U+E003,葛城,\n"                                // two characters
                + "U+E000,高,\n"                                  // U+E000 again
                + "SJIS:F07F,高,\n"                               // not a Shift_JIS code
                + "U+E004,1,\n"                                   // not a name character
                + "U+E005,,\n"                                    // empty target
                + "U+E006\n", false);                             // field count
        assertFalse(r.applied());
        List<String> p = r.problems();
        assertEquals(9, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("line 3: legacy_code U+4E00 is not a Private Use Area code point"), p.get(0));
        assertTrue(p.get(1).startsWith("line 4: unicode U+845B U+E0100 is not in the character repertoire"), p.get(1));
        assertTrue(p.get(2).startsWith("line 5: unicode U+9FA6 is not in the character repertoire"), p.get(2));
        assertTrue(p.get(3).startsWith("line 6: unicode U+845B U+57CE must be one character"), p.get(3));
        assertEquals("line 7: U+E000 is already mapped on line 2", p.get(4));
        assertTrue(p.get(5).startsWith("line 8: legacy_code SJIS:F07F is not a Shift_JIS user-defined code"), p.get(5));
        assertTrue(p.get(6).startsWith("line 9: unicode U+0031 is not a character a name may hold"), p.get(6));
        assertTrue(p.get(7).startsWith("line 10: unicode is empty"), p.get(7));
        assertEquals("line 11: expected 3 fields, found 1", p.get(8));
        assertEquals(List.of(), table.all(), "nothing imported");

        assertFalse(importCsv("code,char\nU+E000,高\n", false).applied(), "wrong header");
        assertFalse(importCsv(HEADER, false).applied(), "no data lines");
        assertThrows(CharacterException.class, () -> table.importCsv(
                new Operator("tanaka", "田中", "", Set.of(Role.COUNTER)), new ByteArrayInputStream(new byte[0]), false));
    }

    @Test
    @Order(2)
    void importApplyExportAndReplace() throws Exception {
        GaijiImportResult r = importCsv("\uFEFF" + HEADER
                + "U+E000,U+845B U+E0102,葛（異体）\n"
                + "SJIS:F041,845B_E0103,\n"        // Windows-31J: F041 = U+E001
                + "U+E010,辻,旧システム 0x7F21\n"
                + "U+F0000,\uD842\uDF9F,\n", false);   // plane 15 private use -> 𠮟 (extension B)
        assertTrue(r.applied(), r.problems().toString());
        assertEquals(4, r.added());
        assertEquals("SJIS:F041", table.find(0xE001).orElseThrow().legacyCode());
        assertEquals("葛\uDB40\uDD03", table.find(0xE001).orElseThrow().character());

        GaijiApplied applied = table.apply("\uE000城　\uE001\uE010\uDB80\uDC00\uE0FF\uE0FF\uE0FE");
        assertEquals(KATSU_E0102 + "城　葛\uDB40\uDD03辻\uD842\uDF9F\uE0FF\uE0FF\uE0FE", applied.text());
        assertEquals(4, applied.replaced());
        assertEquals(List.of(0xE0FF, 0xE0FE), applied.unmapped());
        assertEquals("U+E0FF U+E0FE", applied.unmappedCodes());
        assertEquals("山田", table.apply("山田").text());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table.exportCsv(out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFlegacy_code,unicode,note\r\nU+E000,U+845B U+E0102,葛（異体）\r\n"), csv);
        assertTrue(csv.contains("SJIS:F041,U+845B U+E0103,\r\n"), csv);
        GaijiImportResult again = importCsv(csv, true);
        assertEquals(List.of(0, 0, 4, 0), List.of(again.added(), again.updated(), again.unchanged(), again.removed()));

        GaijiImportResult replaced = importCsv(HEADER + "U+E000,U+845B U+E0104,直した\n", true);
        assertEquals(List.of(0, 1, 0, 3), List.of(replaced.added(), replaced.updated(), replaced.unchanged(), replaced.removed()));
        List<GaijiMapping> all = table.all();
        assertEquals(1, all.size());
        assertEquals("U+845B U+E0104", all.get(0).codes());
    }

    static final String RESIDENT_HEADER = "household,relationship,family_name,given_name,furigana,birth_date,sex,type,"
            + "alphabet_name,nationality,residence_status,period_of_stay,stay_expires_on,card_number,individual_number,"
            + "resident_record_code,town,lot,building,postal_code,moved_in_on,notified_on,previous_address,"
            + "from_town_code,domicile,domicile_head\n";

    static String residentLine(String household, String relationship, String family, String given, String kana) {
        return household + "," + relationship + "," + family + "," + given + "," + kana
                + ",1970-01-02,女,日本人,,,,,,,,,本町,9番地,,,2024-05-01,2024-05-02,アメリカ合衆国,,,\n";
    }

    @Test
    @Order(3)
    void theCliImportsChecksAndAppliesTheTableToResidentImports() throws Exception {
        Path dir = Files.createTempDirectory("kiban-gaiji");
        Path mapFile = dir.resolve("gaiji.csv");
        Files.writeString(mapFile, HEADER + "U+E000,U+845B U+E0102,葛\nU+E001,U+8FBB U+E0102,辻\n");
        Result imported = cli("gaiji", "import", mapFile.toString(), "--replace", "--json");
        assertEquals(0, imported.code(), imported.err());
        // the table holds U+E000 from the test before: it is updated, U+E001 added
        assertEquals(1, imported.json().path("added").asInt(), imported.out());
        assertEquals(1, imported.json().path("updated").asInt(), imported.out());

        Result list = cli("gaiji", "list");
        assertTrue(list.out().contains("U+E000") && list.out().contains("U+845B U+E0102"), list.out());
        Result listJson = cli("gaiji", "list", "--json");
        assertEquals("U+8FBB U+E0102", listJson.json().path("entries").get(1).path("unicode").asText());

        Path export = dir.resolve("export.csv");
        assertEquals(0, cli("gaiji", "export", export.toString()).code());
        assertTrue(Files.readString(export).contains("U+E001,U+8FBB U+E0102,辻"));

        Path residents = dir.resolve("residents.csv");
        Files.writeString(residents, RESIDENT_HEADER
                + residentLine("G1", "世帯主", "\uE000城", "花子", "カツラギ　ハナコ")
                + residentLine("G1", "子", "\uE000城", "\uE002\uE003美", "カツラギ　サトミ")
                + residentLine("G2", "世帯主", "\uE001本", "龦", "ツジモト　ハナ"));
        Result check = cli("gaiji", "check", residents.toString(), "--json");
        assertEquals(1, check.code(), check.out());
        JsonNode problems = check.json().path("problems");
        assertEquals(2, problems.size(), problems.toString());
        assertEquals(3, problems.get(0).path("line").asInt());
        assertEquals("given_name", problems.get(0).path("column").asText());
        assertTrue(problems.get(0).path("message").asText().contains("unmapped 外字 U+E002 U+E003"), problems.toString());
        assertEquals(4, problems.get(1).path("line").asInt());
        assertTrue(problems.get(1).path("message").asText().contains("(U+9FA6) at position 1 is not in the character repertoire"));
        assertEquals(3, check.json().path("replaced").asInt());

        Result refused = cli("resident", "import", residents.toString());
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("line 3, column given_name: unmapped 外字 U+E002 U+E003"), refused.err());
        assertTrue(refused.err().contains("line 4, column given_name: '龦' (U+9FA6)"), refused.err());

        Files.writeString(residents, RESIDENT_HEADER
                + residentLine("G1", "世帯主", "\uE000城", "花子", "カツラギ　ハナコ")
                + residentLine("G2", "世帯主", "\uE001本", "一", "ツジモト　ハジメ"));
        assertEquals(0, cli("gaiji", "check", residents.toString()).code());
        Result ok = cli("resident", "import", residents.toString(), "--json");
        assertEquals(0, ok.code(), ok.err());
        assertEquals(2, ok.json().path("gaijiReplaced").asInt());
        ResidentRegistry registry = Services.get(ResidentRegistry.class);
        Operator counter = new Operator("tanaka", "田中", "", Set.of(Role.COUNTER));
        assertTrue(registry.search(counter, ResidentQuery.builder().name("カツラギ").build()).hits().stream()
                .anyMatch(h -> h.person().name().family().equals(KATSU_E0102 + "城")), "the mapped name is on the register");

        assertEquals(0, cli("gaiji", "--help").code());
        for (String sub : List.of("import", "export", "list", "check")) {
            Result help = cli("gaiji", sub, "--help");
            assertEquals(0, help.code());
            assertTrue(help.out().contains("Usage: kiban cli gaiji " + sub), help.out());
        }
        assertTrue(cli("--help").out().contains("gaiji"));
    }
}
