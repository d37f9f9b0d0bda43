package jp.kiban.security.tests;

import static jp.kiban.security.tests.Stage.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.kiban.persistence.Dialect;
import jp.kiban.platform.Role;
import jp.kiban.security.NewUser;
import jp.kiban.security.SecurityRefusal;
import jp.kiban.security.UserAccount;
import jp.kiban.testing.db.TestDatabases;

/**
 * Bad input on the login and administration forms (empty, too long, control characters, SQL
 * fragments): a clear message in Japanese and English, and nothing stored changes.
 */
class BadInputTest {
    private static Stage s;
    private static final String LONG = "a".repeat(200);

    @BeforeAll
    static void setUp() throws Exception {
        s = new Stage(TestDatabases.fresh(Dialect.DERBY));
        s.users.addFirstAdministrator(Stage.user("admin", Set.of(), "first-Boss-2026"), "setup");
        s.users.add(ADMIN, Stage.user("tanaka", Set.of(Role.COUNTER), "initial-pass-1"));
    }

    @AfterAll
    static void tearDown() throws Exception {
        s.close();
    }

    private static List<UserAccount> snapshot() {
        return s.users.list(ADMIN);
    }

    private static void refusedClearly(SecurityRefusal e, String input) {
        String ja = e.getMessage(Locale.JAPANESE);
        assertFalse(ja.isBlank());
        assertFalse(ja.equals(e.code()), "a text, not a key: " + ja);
        assertFalse(e.getMessage().equals(e.code()), "an English text: " + e.getMessage());
        if (!input.isBlank()) {
            assertFalse(ja.contains(input.strip()), "the message does not echo the input: " + ja);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "tana\u0000ka", "tanaka\n", "tana\u007fka", "' OR '1'='1", "admin'--",
            "x; DROP TABLE security_user", "ＴＡＮＡＫＡ", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" })
    void badLoginIdsAreRefusedAndCountNothing(String id) {
        List<UserAccount> before = snapshot();
        SecurityRefusal e = assertThrows(SecurityRefusal.class, () -> s.users.login(id, "initial-pass-1".toCharArray(), null, "t"));
        assertTrue(e.code().startsWith("input."), e.code());
        refusedClearly(e, id);
        assertEquals(before, snapshot(), "no failure counted, nothing changed");
    }

    @Test
    void badPasswordsAtLogin() {
        List<UserAccount> before = snapshot();
        SecurityRefusal empty = assertThrows(SecurityRefusal.class, () -> s.users.login("tanaka", new char[0], null, "t"));
        assertEquals("input.blank", empty.code());
        assertEquals("パスワードを入力してください。", empty.getMessage(Locale.JAPANESE));
        SecurityRefusal tooLong = assertThrows(SecurityRefusal.class,
                () -> s.users.login("tanaka", LONG.toCharArray(), null, "t"));
        assertEquals("password.tooLong", tooLong.code());
        SecurityRefusal code = assertThrows(SecurityRefusal.class,
                () -> s.users.login("tanaka", "initial-pass-1".toCharArray(), "12\u00003456", "t"));
        assertEquals("input.format", code.code());
        assertEquals(before, snapshot());
        // an SQL fragment as the password is just a wrong password
        SecurityRefusal sql = assertThrows(SecurityRefusal.class,
                () -> s.users.login("tanaka", "' OR '1'='1".toCharArray(), null, "t"));
        assertEquals("login.failed", sql.code());
        s.users.unlock(ADMIN, "tanaka");
    }

    @Test
    void badNewUsersAreRefusedAndNothingIsStored() {
        List<UserAccount> before = snapshot();
        String pw = "good-pass-123";
        List<NewUser> bad = List.of(
                new NewUser("", "名前", "", Set.of(Role.COUNTER), Set.of(), pw.toCharArray()),
                new NewUser("ok1", "", "", Set.of(Role.COUNTER), Set.of(), pw.toCharArray()),
                new NewUser("ok1", "名前\u0007", "", Set.of(Role.COUNTER), Set.of(), pw.toCharArray()),
                new NewUser("ok1", LONG, "", Set.of(Role.COUNTER), Set.of(), pw.toCharArray()),
                new NewUser(LONG, "名前", "", Set.of(Role.COUNTER), Set.of(), pw.toCharArray()),
                new NewUser("ok1'; DELETE FROM security_user;--", "名前", "", Set.of(Role.COUNTER), Set.of(), pw.toCharArray()),
                new NewUser("ok1", "名前", "' OR 1=1", Set.of(Role.COUNTER), Set.of(), pw.toCharArray()),
                new NewUser("ok1", "名前", "", Set.of(), Set.of(), pw.toCharArray()),
                new NewUser("ok1", "名前", "", Set.of(Role.BUSINESS), Set.of(), pw.toCharArray()),
                new NewUser("ok1", "名前", "", Set.of(Role.BUSINESS), Set.of("kokuho; DROP"), pw.toCharArray()),
                new NewUser("ok1", "名前", "", Set.of(Role.COUNTER), Set.of(), "short1".toCharArray()),
                new NewUser("ok1", "名前", "", Set.of(Role.COUNTER), Set.of(), "onlyletterslong".toCharArray()),
                new NewUser("ok1", "名前", "", Set.of(Role.COUNTER), Set.of(), "pass\u0000word12".toCharArray()),
                new NewUser("ok1", "名前", "", Set.of(Role.COUNTER), Set.of(), ("x1" + LONG).toCharArray()),
                new NewUser("ok1", "名前", "", Set.of(Role.COUNTER), Set.of(), "my-ok1-password".toCharArray()),
                new NewUser("tanaka", "名前", "", Set.of(Role.COUNTER), Set.of(), pw.toCharArray()),
                new NewUser("ok1", "名前", "nosuchunit", Set.of(Role.COUNTER), Set.of(), pw.toCharArray()));
        for (NewUser u : bad) {
            SecurityRefusal e = assertThrows(SecurityRefusal.class, () -> s.users.add(ADMIN, u), u.id() + "/" + u.name());
            refusedClearly(e, "");
        }
        assertEquals(before, snapshot(), "nothing stored");
        // an apostrophe is a legal character in a name (O'Brien) and is stored as it is
        UserAccount obrien = s.users.add(ADMIN, new NewUser("obrien", "O'Brien'); DROP TABLE security_user;--", "",
                Set.of(Role.COUNTER), Set.of(), pw.toCharArray()));
        assertEquals("O'Brien'); DROP TABLE security_user;--", s.users.find(ADMIN, "obrien").orElseThrow().name());
        assertEquals(before.size() + 1, snapshot().size());
        assertEquals("obrien", obrien.id());
    }

    @Test
    void badPasswordChangesChangeNothing() {
        List<UserAccount> before = snapshot();
        for (String bad : new String[] { "", "short1", "pass\u0000word12", "tanaka-password1", LONG + "1" }) {
            SecurityRefusal e = assertThrows(SecurityRefusal.class,
                    () -> s.users.changePassword("tanaka", "initial-pass-1".toCharArray(), bad.toCharArray(), "t"));
            refusedClearly(e, "");
        }
        SecurityRefusal same = assertThrows(SecurityRefusal.class,
                () -> s.users.changePassword("tanaka", "initial-pass-1".toCharArray(), "initial-pass-1".toCharArray(), "t"));
        assertEquals("password.same", same.code());
        assertEquals(before, snapshot());
        assertTrue(s.users.login("tanaka", "initial-pass-1".toCharArray(), null, "t").mustChangePassword());
    }
}
