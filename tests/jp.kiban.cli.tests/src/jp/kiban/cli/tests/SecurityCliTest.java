package jp.kiban.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.FrameworkUtil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kiban.cli.KibanCli;
import jp.kiban.cli.OsgiServices;
import jp.kiban.persistence.Database;

/**
 * Login on the command line: the bootstrap rule (no user yet: the data-folder owner creates the first
 * administrator), --user with KIBAN_PASSWORD, initial passwords, roles, and the auditor's commands
 * including a tampered entry found by {@code audit verify}. Runs after {@link CliTest} (class order)
 * and removes its users again, so the data folder is back in bootstrap mode.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityCliTest {

    record Result(int code, String out, String err) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + out + err, e);
            }
        }
    }

    static Result run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (OsgiServices services = new OsgiServices(FrameworkUtil.getBundle(SecurityCliTest.class).getBundleContext())) {
            int code = new KibanCli(services, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), env, prompt -> null).run(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    static Map<String, String> env(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static int sql(String statement, Object... params) throws Exception {
        try (OsgiServices services = new OsgiServices(FrameworkUtil.getBundle(SecurityCliTest.class).getBundleContext());
                Connection c = services.get(Database.class).dataSource().getConnection();
                PreparedStatement p = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            return p.executeUpdate();
        }
    }

    static final Map<String, String> CHIEF = env("KIBAN_PASSWORD", "kacho-pass-2026");

    @Test
    @Order(1)
    void bootstrapCreatesTheFirstAdministratorWithoutLogin() {
        assertEquals(0, run(env(), "db", "migrate").code());
        Result noUsers = run(env(), "user", "list", "--json");
        assertEquals(0, noUsers.code(), noUsers.err());
        assertEquals(0, noUsers.json().path("users").size());
        assertTrue(noUsers.err().contains("no users yet"), noUsers.err());

        Result weak = run(env("KIBAN_NEW_PASSWORD", "short"), "user", "add", "--admin", "chief", "--name", "課長");
        assertEquals(1, weak.code());
        assertTrue(weak.err().contains("at least 10 characters"), weak.err());

        Result first = run(env("KIBAN_NEW_PASSWORD", "kacho-pass-2026"), "user", "add", "--admin", "chief", "--name", "課長",
                "--json");
        assertEquals(0, first.code(), first.err());
        assertEquals("chief", first.json().path("user").path("id").asText());
        assertFalse(first.json().path("user").path("mustChangePassword").asBoolean());

        Result second = run(env("KIBAN_NEW_PASSWORD", "other-pass-2026"), "user", "add", "--admin", "other", "--name", "x");
        assertEquals(1, second.code(), "no second bootstrap");
        assertTrue(second.err().contains("--user"), second.err());
    }

    @Test
    @Order(2)
    void onceUsersExistEveryDataCommandNeedsALogin() {
        Result anonymous = run(env(), "resident", "history", "00000000019");
        assertEquals(1, anonymous.code());
        assertTrue(anonymous.err().contains("log in with --user"), anonymous.err());
        Result noPassword = run(env(), "--user", "chief", "user", "list");
        assertEquals(1, noPassword.code());
        assertTrue(noPassword.err().contains("KIBAN_PASSWORD"), noPassword.err());
        Result wrong = run(env("KIBAN_PASSWORD", "wrong-pass-1"), "--user", "chief", "user", "list");
        assertEquals(1, wrong.code());
        assertTrue(wrong.err().contains("Wrong user id or password"), wrong.err());
        // db status and version stay open to the data-folder owner (the smoke test uses them)
        assertEquals(0, run(env(), "db", "status").code());
        assertEquals(0, run(env(), "version").code());
    }

    @Test
    @Order(3)
    void administratorAddsUsersWhoChangeTheirInitialPassword() {
        Result add = run(env("KIBAN_PASSWORD", "kacho-pass-2026", "KIBAN_NEW_PASSWORD", "clerk-initial-1"), "--user", "chief",
                "user", "add", "clerk1", "--name", "窓口 一郎", "--role", "COUNTER");
        assertEquals(0, add.code(), add.err());
        Result auditor = run(env("KIBAN_PASSWORD", "kacho-pass-2026", "KIBAN_NEW_PASSWORD", "audit-initial-1"), "--user",
                "chief", "user", "add", "kansa1", "--name", "監査 一郎", "--role", "AUDITOR");
        assertEquals(0, auditor.code(), auditor.err());

        Result initial = run(env("KIBAN_PASSWORD", "clerk-initial-1"), "--user", "clerk1", "resident", "history", "00000000019");
        assertEquals(1, initial.code());
        assertTrue(initial.err().contains("initial one"), initial.err());
        Result passwd = run(env("KIBAN_PASSWORD", "clerk-initial-1", "KIBAN_NEW_PASSWORD", "clerk-own-pass-2"), "--user",
                "clerk1", "user", "passwd");
        assertEquals(0, passwd.code(), passwd.err());
        assertEquals(0, run(env("KIBAN_PASSWORD", "audit-initial-1", "KIBAN_NEW_PASSWORD", "audit-own-pass-2"), "--user",
                "kansa1", "user", "passwd").code());

        Result clerkAdmin = run(env("KIBAN_PASSWORD", "clerk-own-pass-2"), "--user", "clerk1", "user", "list");
        assertEquals(1, clerkAdmin.code());
        assertTrue(clerkAdmin.err().contains("may not manage users"), clerkAdmin.err());
        Result clerkSetting = run(env("KIBAN_PASSWORD", "clerk-own-pass-2"), "--user", "clerk1", "municipality", "set",
                "--code", "131016", "--name", "千代田区");
        assertEquals(1, clerkSetting.code());
        assertTrue(clerkSetting.err().contains("ADMINISTER"), clerkSetting.err());

        Result bad = run(env("KIBAN_PASSWORD", "kacho-pass-2026", "KIBAN_NEW_PASSWORD", "good-pass-123"), "--user", "chief",
                "user", "add", "x'; DROP TABLE security_user;--", "--name", "x", "--role", "COUNTER");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("The user id"), bad.err());
        Result list = run(CHIEF, "--user", "chief", "user", "list", "--json");
        assertEquals(3, list.json().path("users").size(), list.out());
    }

    @Test
    @Order(4)
    void auditorListsVerifiesAnalysesAndExports() throws Exception {
        Map<String, String> kansa = env("KIBAN_PASSWORD", "audit-own-pass-2");
        Result clerkAudit = run(env("KIBAN_PASSWORD", "clerk-own-pass-2"), "--user", "clerk1", "audit", "verify");
        assertEquals(1, clerkAudit.code());
        assertTrue(clerkAudit.err().contains("may not read the access log"), clerkAudit.err());

        // a certificate (issued, or refused if the generated person has left the town) is logged with the person
        java.nio.file.Path pdf = java.nio.file.Files.createTempFile("cert", ".pdf");
        run(env("KIBAN_PASSWORD", "clerk-own-pass-2"), "--user", "clerk1", "cert", "resident", "--person", "00000000019",
                "--out", pdf.toString());
        Result certs = run(kansa, "--user", "kansa1", "audit", "list", "--operator", "clerk1", "--kind",
                "CERTIFICATE,REFUSED", "--json");
        assertEquals(0, certs.code(), certs.err());
        assertTrue(certs.json().path("entries").size() >= 1, certs.out());
        JsonNode cert = certs.json().path("entries").get(0);
        assertTrue(cert.path("operation").asText().startsWith("cert."), cert.toString());
        assertEquals("00000000019", cert.path("persons").get(0).asText(), cert.toString());

        Result verify = run(kansa, "--user", "kansa1", "audit", "verify", "--json");
        assertEquals(0, verify.code(), verify.out() + verify.err());
        assertTrue(verify.json().path("intact").asBoolean());

        Result failed = run(kansa, "--user", "kansa1", "audit", "list", "--operator", "chief", "--kind", "LOGIN_FAILED", "--json");
        assertEquals(0, failed.code(), failed.err());
        assertEquals(1, failed.json().path("entries").size(), failed.out());
        assertEquals("LOGIN_FAILED", failed.json().path("entries").get(0).path("kind").asText());

        Result csv = run(kansa, "--user", "kansa1", "audit", "export", "-", "--operator", "clerk1");
        assertEquals(0, csv.code(), csv.err());
        assertTrue(csv.out().startsWith("seq,id,time,operator_id"), csv.out());
        assertTrue(csv.out().contains("\"USER_ADMIN\",\"user.changePassword\""), csv.out());

        Result analyse = run(kansa, "--user", "kansa1", "audit", "analyse", "--from", "2026-01-01", "--json");
        assertEquals(0, analyse.code(), analyse.err());
        assertTrue(analyse.json().has("findings"));
        Result badDate = run(kansa, "--user", "kansa1", "audit", "list", "--from", "yesterday");
        assertEquals(2, badDate.code());

        // someone with database access edits entry 3: verify names exactly that entry
        assertEquals(1, sql("UPDATE security_access_entry SET operator_id = ? WHERE seq = 3", "someone-else"));
        Result broken = run(kansa, "--user", "kansa1", "audit", "verify");
        assertEquals(1, broken.code());
        assertTrue(broken.out().contains("BROKEN at entry 3:"), broken.out());
        Result brokenJson = run(kansa, "--user", "kansa1", "audit", "verify", "--json");
        assertEquals(3, brokenJson.json().path("firstBroken").asLong());
    }

    @AfterAll
    static void backToBootstrap() throws Exception {
        sql("DELETE FROM security_user");
    }
}
