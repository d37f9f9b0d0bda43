package jp.kiban.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kiban.cli.KibanCli;
import jp.kiban.cli.OsgiServices;

/** The CLI against the real services in OSGi, on a fresh file database in the data folder. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliTest {

    record Result(int code, String out, String err) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + out, e);
            }
        }
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (OsgiServices services = new OsgiServices(FrameworkUtil.getBundle(CliTest.class).getBundleContext())) {
            int code = new KibanCli(services, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    @Order(1)
    void statusBeforeMigrateShowsPendingAndChangesNothing() {
        Result r = run("db", "status", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = r.json();
        assertEquals("Derby", doc.path("database").path("type").asText());
        assertFalse(doc.path("upToDate").asBoolean());
        assertTrue(doc.path("migrations").size() >= 1);
        doc.path("migrations").forEach(m -> assertEquals("PENDING", m.path("state").asText()));
        // reading did not apply anything
        assertFalse(run("db", "status", "--json").json().path("upToDate").asBoolean());
    }

    @Test
    @Order(2)
    void migrateAppliesThenStatusIsUpToDate() {
        Result m = run("db", "migrate", "--json");
        assertEquals(0, m.code(), m.err());
        assertTrue(m.json().path("applied").size() >= 1);
        m.json().path("applied").forEach(a -> assertEquals("APPLIED", a.path("state").asText()));

        Result s = run("db", "status");
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().contains("Schema      up to date"), s.out());
        assertTrue(s.out().contains("platform"), s.out());

        Result again = run("db", "migrate");
        assertEquals(0, again.code());
        assertTrue(again.out().contains("Nothing to migrate"), again.out());
    }

    @Test
    @Order(3)
    void versionTextAndJson() {
        Result text = run("version");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().startsWith("Kiban 0.1.0"), text.out());
        assertTrue(text.out().contains("cli-data"), text.out());
        JsonNode doc = run("version", "--json").json();
        assertEquals("Kiban", doc.path("product").asText());
        assertTrue(doc.path("version").asText().startsWith("0.1.0"));
        assertEquals(Runtime.version().feature(), Runtime.Version.parse(doc.path("java").asText()).feature());
    }

    @Test
    @Order(4)
    void everyCommandHasHelp() {
        for (String[] cmd : new String[][] { { "--help" }, { "version", "--help" }, { "db", "--help" },
                { "db", "status", "--help" }, { "db", "migrate", "--help" } }) {
            Result r = run(cmd);
            assertEquals(0, r.code(), String.join(" ", cmd));
            assertTrue(r.out().contains("Usage:"), String.join(" ", cmd) + ": " + r.out());
        }
        assertTrue(run("--help").out().contains("migrate") || run("db", "--help").out().contains("migrate"));
    }

    @Test
    @Order(5)
    void wrongUsageIsExitCode2WithAMessage() {
        Result unknown = run("frobnicate");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("frobnicate"), unknown.err());
        Result none = run();
        assertEquals(2, none.code());
        assertTrue(none.err().contains("a command is required"), none.err());
        Result noDb = run("db");
        assertEquals(2, noDb.code());
    }

    @Test
    @Order(3)
    void demoTownIsGeneratedWithHistoryAndTownDictionary() {
        Result r = run("demo", "generate", "--residents", "60", "--seed", "7", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = r.json();
        assertTrue(doc.path("persons").asInt() >= 60, doc.toString());
        assertTrue(doc.path("changes").asInt() >= doc.path("households").asInt(), doc.toString());
        // the demo town was set up, and its 住所辞書 comes along for address completion
        assertTrue(run("municipality", "show", "--json").json().path("municipality").path("demo").asBoolean());
        Result towns = run("town", "export", "-");
        assertEquals(0, towns.code(), towns.err());
        assertTrue(towns.out().contains("本町"), towns.out());
        // the first person generated has a history that the CLI shows
        Result history = run("resident", "history", first(), "--json");
        assertEquals(0, history.code(), history.err());
        String reason = history.json().path("history").get(0).path("reason").asText();
        assertTrue(reason.equals("DOMESTIC_MOVE_IN") || reason.equals("MOVE_IN_FROM_ABROAD"), reason);
        assertEquals(1, history.json().path("history").get(0).path("historyNumber").asInt());
        Result badNumber = run("resident", "history", "12345678901");
        assertEquals(2, badNumber.code());
        assertTrue(badNumber.err().contains("check digit"), badNumber.err());
    }

    /** The 宛名番号 of the first person assigned in this data folder (serial 1 with its check digit). */
    static String first() {
        return jp.kiban.core.id.AddresseeNumber.fromSerial(1).value();
    }

    @Test
    @Order(4)
    void residentImportIsAllOrNothingWithLineNumbers() throws Exception {
        String header = "household,relationship,family_name,given_name,furigana,birth_date,sex,type,alphabet_name,"
                + "nationality,residence_status,period_of_stay,stay_expires_on,card_number,individual_number,"
                + "resident_record_code,town,lot,building,postal_code,moved_in_on,notified_on,previous_address,"
                + "from_town_code,domicile,domicile_head\n";
        String good = header
                + "H1,世帯主,鈴木,一郎,スズキ　イチロウ,昭和50年1月2日,男,日本人,,,,,,,,,本町,3番地4,,,2024-05-01,2024-05-02,"
                + "北海道札幌市中央区北一条西二丁目1番地,01100,,\n"
                + "H1,妻,鈴木,良子,すずき よしこ,S52.3.4,女,日本人,,,,,,,,,,,,,,,,,,\n"
                + "H2,世帯主,グエン,アン,グエン　アン,1995-06-07,男,外国人,NGUYEN VAN AN,ベトナム,技能実習,3年,2027-05-01,"
                + "AB12345678CD,,,駅前,5番地,コーポ駅前101,,2024-05-10,2024-05-10,ベトナム,,,\n";
        String bad = header
                + "H1,世帯主,鈴木,一郎,スズキ　イチロウ,昭和50年1月2日,男,日本人,,,,,,,,,本町,3番地4,,,2024-05-01,2024-05-02,"
                + "北海道札幌市中央区北一条西二丁目1番地,01100,,\n"
                + "H1,妻,鈴木,良子,Suzuki,S52.3.4,女,日本人,,,,,,,,,,,,,,,,,,\n"
                + "H3,子,佐藤,花,サトウ　ハナ,2030-01-01,女,日本人,,,,,,,,,,,,,,,,,,\n";
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("kiban-import");
        java.nio.file.Path badFile = dir.resolve("bad.csv");
        java.nio.file.Files.writeString(badFile, bad);
        Result refused = run("resident", "import", badFile.toString());
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("line 3, column furigana"), refused.err());
        assertTrue(refused.err().contains("household H3 has no 世帯主"), refused.err());
        assertTrue(refused.err().contains("nothing imported"), refused.err());

        java.nio.file.Path goodFile = dir.resolve("good.csv");
        java.nio.file.Files.writeString(goodFile, "\uFEFF" + good);
        Result imported = run("resident", "import", goodFile.toString(), "--json");
        assertEquals(0, imported.code(), imported.err());
        assertEquals(2, imported.json().path("households").asInt());
        assertEquals(3, imported.json().path("persons").asInt());
        java.nio.file.Path exported = dir.resolve("export.csv");
        Result export = run("resident", "export", exported.toString(), "--json");
        assertEquals(0, export.code(), export.err());
        String csv = java.nio.file.Files.readString(exported);
        assertTrue(csv.startsWith("\uFEFFhousehold,relationship,family_name"), csv.substring(0, 60));
        assertTrue(csv.contains(",世帯主,鈴木,一郎,スズキ　イチロウ,1975-01-02,男,日本人,"), csv);
        assertTrue(csv.contains("NGUYEN VAN AN,ベトナム,技能実習,3年,2027-05-01,AB12345678CD"), csv);
        assertTrue(csv.contains(",01100"), "the 転出証明書's town code comes along: " + csv);
        assertTrue(export.json().path("persons").asInt() >= 3);
        java.nio.file.Path sjis = dir.resolve("sjis.csv");
        java.nio.file.Files.write(sjis, good.getBytes(java.nio.charset.Charset.forName("Shift_JIS")));
        Result notUtf8 = run("resident", "import", sjis.toString());
        assertEquals(1, notUtf8.code());
        assertTrue(notUtf8.err().contains("not UTF-8"), notUtf8.err());
        Result missing = run("resident", "import", dir.resolve("nope.csv").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("No such file"), missing.err());
    }

    @Test
    @Order(6)
    void municipalityIsConfiguredWithAVerifiedCode() {
        Result none = run("municipality", "show", "--json");
        assertEquals(0, none.code(), none.err());
        assertTrue(none.json().path("municipality").path("demo").asBoolean(), "the demo town from the generator");

        Result wrong = run("municipality", "set", "--code", "131017", "--name", "千代田区");
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().contains("--code 131017"), wrong.err());
        assertTrue(wrong.err().contains("check digit"), wrong.err());
        assertTrue(run("municipality", "show", "--json").json().path("municipality").path("demo").asBoolean(),
                "a refused code must not be stored");

        Result ok = run("municipality", "set", "--code", "13101", "--name", "千代田区", "--mayor-title", "区長",
                "--mayor-name", "千代田 花子", "--json");
        assertEquals(0, ok.code(), ok.err());
        assertEquals("131016", ok.json().path("municipality").path("code").asText());

        Result shown = run("municipality", "show");
        assertTrue(shown.out().contains("Name        千代田区"), shown.out());
        assertTrue(shown.out().contains("Mayor       区長 千代田 花子"), shown.out());
        assertTrue(run("municipality", "--help").out().contains("set"));

        // never demo residents in a real town's register
        Result demo = run("demo", "generate", "--residents", "10");
        assertEquals(1, demo.code());
        assertTrue(demo.err().contains("is a real town"), demo.err());
    }

    @Test
    @Order(7)
    void aDifferentDataFolderThanTheOneInUseIsRefusedClearly() {
        Result r = run("--data", "/nonexistent/elsewhere", "version", "--json");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("differs from the data folder in use"), r.err());
        assertTrue(r.json().path("error").asText().contains("--data"));
    }
    @Test
    @Order(8)
    void specReportShowsWhatTheInstalledModulesProvideAndWhatIsMissing() {
        Result text = run("spec", "report");
        assertEquals(0, text.code(), text.out() + text.err());
        // the resident base provides 1.1.1; 1.1.4 改製 is not implemented yet and shows as missing
        assertTrue(text.out().contains("PROVIDED  juki:1.1.1/must"), text.out());
        assertTrue(text.out().contains("MISSING   juki:1.1.4/must"), text.out());
        assertTrue(text.out().contains("Refused modules: 0"), text.out());

        Result csv = run("spec", "report", "--csv");
        assertTrue(csv.out().startsWith("business,function,section,title,tier,status,modules,reason\r\n"), csv.out());
        assertTrue(csv.out().contains("juki,juki:1.1.1/must,1.1.1,日本人住民データの管理,must,PROVIDED,jp.kiban.resident;jp.kiban.resident.impl,"), csv.out());

        JsonNode modules = run("spec", "modules", "--json").json().path("modules");
        assertTrue(modules.size() > 5);
        modules.forEach(m -> assertFalse(m.path("refused").asBoolean(), m.toString()));
        assertEquals(2, run("spec").code(), "a group command alone is wrong usage");
    }

    @Test
    @Order(95)
    void disasterModeNeedsACentralServerToStopSyncingWith() {
        assertEquals(0, run("db", "migrate").code());
        Result status = run("sync", "disaster", "status", "--json");
        assertEquals(0, status.code(), status.err());
        assertFalse(status.json().path("disasterMode").asBoolean());
        assertTrue(status.json().path("centralAddress").isNull(), status.out());
        Result text = run("sync", "disaster", "status");
        assertTrue(text.out().contains("not configured"), text.out());
        Result on = run("sync", "disaster", "on");
        assertEquals(1, on.code(), on.out());
        assertTrue(on.err().contains("sync is not configured"), on.err());
        assertEquals(2, run("sync", "disaster", "maybe").code(), "on, off or status");
        assertEquals(2, run("sync").code(), "a group command alone is wrong usage");
    }

    @Test
    @Order(100)
    void backupThenRestoreBringsTheDatabaseBackAndABrokenBackupChangesNothing(@TempDir Path tmp) throws Exception {
        assertEquals(0, run("db", "migrate").code());
        assertEquals(0, run("municipality", "set", "--code", "13101", "--name", "千代田区", "--mayor-title", "区長",
                "--mayor-name", "千代田 花子").code());
        Result backup = run("db", "backup", tmp.toString(), "--json");
        assertEquals(0, backup.code(), backup.err());
        Path folder = Path.of(backup.json().path("backup").asText());
        assertTrue(Files.isRegularFile(folder.resolve("db").resolve("service.properties")), folder.toString());

        // after the backup the town is changed; the restore brings the backed-up one back
        assertEquals(0, run("municipality", "set", "--code", "131016", "--name", "変更後の町").code());
        Result check = run("db", "restore", folder.toString(), "--check-only", "--json");
        assertEquals(0, check.code(), check.out() + check.err());
        assertTrue(check.json().path("ok").asBoolean());
        assertTrue(check.json().path("tables").asInt() >= 5, check.out());
        assertEquals("変更後の町", run("municipality", "show", "--json").json().path("municipality").path("name").asText(),
                "a check changes nothing");
        Result restore = run("db", "restore", folder.toString(), "--json");
        assertEquals(0, restore.code(), restore.out() + restore.err());
        Path replaced = Path.of(restore.json().path("replaced").asText());
        assertTrue(Files.isRegularFile(replaced.resolve("service.properties")), "the replaced database is kept: " + replaced);
        assertEquals("千代田区", run("municipality", "show", "--json").json().path("municipality").path("name").asText());

        // a damaged backup (a table's data file cut short) and a folder that is no backup: refused, nothing replaced
        Path broken = tmp.resolve("broken");
        copy(folder, broken);
        try (var files = Files.walk(broken.resolve("db").resolve("seg0"))) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".dat")).toList()) {
                Files.write(f, new byte[] { 1, 2, 3 });
            }
        }
        Result refused = run("db", "restore", broken.toString());
        assertEquals(1, refused.code(), refused.out());
        assertTrue(refused.err().contains("not restored"), refused.err());
        Result none = run("db", "restore", tmp.resolve("nothing-here").toString());
        assertEquals(1, none.code());
        assertTrue(none.err().contains("is not a Derby backup"), none.err());
        assertEquals("千代田区", run("municipality", "show", "--json").json().path("municipality").path("name").asText(),
                "the database in use is untouched by the refused restores");
    }

    static void copy(Path from, Path to) throws IOException {
        try (var all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
