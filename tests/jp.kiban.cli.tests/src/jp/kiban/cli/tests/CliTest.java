package jp.kiban.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
    @Order(6)
    void municipalityIsConfiguredWithAVerifiedCode() {
        Result none = run("municipality", "show", "--json");
        assertEquals(0, none.code(), none.err());
        assertFalse(none.json().path("configured").asBoolean());

        Result wrong = run("municipality", "set", "--code", "131017", "--name", "千代田区");
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().contains("--code 131017"), wrong.err());
        assertTrue(wrong.err().contains("check digit"), wrong.err());
        assertFalse(run("municipality", "show", "--json").json().path("configured").asBoolean(),
                "a refused code must not be stored");

        Result ok = run("municipality", "set", "--code", "13101", "--name", "千代田区", "--mayor-title", "区長",
                "--mayor-name", "千代田 花子", "--json");
        assertEquals(0, ok.code(), ok.err());
        assertEquals("131016", ok.json().path("municipality").path("code").asText());

        Result shown = run("municipality", "show");
        assertTrue(shown.out().contains("Name        千代田区"), shown.out());
        assertTrue(shown.out().contains("Mayor       区長 千代田 花子"), shown.out());
        assertTrue(run("municipality", "--help").out().contains("set"));
    }

    @Test
    @Order(7)
    void aDifferentDataFolderThanTheOneInUseIsRefusedClearly() {
        Result r = run("--data", "/nonexistent/elsewhere", "version", "--json");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("differs from the data folder in use"), r.err());
        assertTrue(r.json().path("error").asText().contains("--data"));
    }
}
