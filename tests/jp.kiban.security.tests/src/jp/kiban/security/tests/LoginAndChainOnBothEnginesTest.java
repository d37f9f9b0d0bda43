package jp.kiban.security.tests;

import static jp.kiban.security.tests.Stage.ADMIN;
import static jp.kiban.security.tests.Stage.AUDITOR;
import static jp.kiban.security.tests.Stage.CLERK;
import static jp.kiban.security.tests.Stage.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.persistence.Dialect;
import jp.kiban.platform.Role;
import jp.kiban.resident.ResidentAccess;
import jp.kiban.security.AccessEntry;
import jp.kiban.security.AccessEvent;
import jp.kiban.security.AccessKind;
import jp.kiban.security.AuditFilter;
import jp.kiban.security.AuditFinding;
import jp.kiban.security.AuditQueries;
import jp.kiban.security.Authentication;
import jp.kiban.security.SecondFactor;
import jp.kiban.security.SecurityRefusal;
import jp.kiban.security.UserAccount;
import jp.kiban.security.impl.Totp;
import jp.kiban.testing.db.TestDatabases;

/** Users, login, lockout, TOTP and the hash-chained access log on Derby and PostgreSQL. */
class LoginAndChainOnBothEnginesTest {

    private static SecurityRefusal refused(String code, org.junit.jupiter.api.function.Executable e) {
        SecurityRefusal r = assertThrows(SecurityRefusal.class, e);
        assertEquals(code, r.code(), r.getMessage());
        return r;
    }

    @ParameterizedTest
    @MethodSource("jp.kiban.testing.db.TestDatabases#engines")
    void loginLockoutUnlockAndPasswordChange(Dialect dialect) throws Exception {
        try (Stage s = new Stage(TestDatabases.fresh(dialect))) {
            assertFalse(s.users.anyUser());
            s.users.addFirstAdministrator(user("admin", Set.of(), "first-Boss-2026"), "setup");
            assertTrue(s.users.anyUser());
            refused("user.bootstrapClosed", () -> s.users.addFirstAdministrator(user("other", Set.of(), "second-Boss-2026"), "x"));

            s.users.add(ADMIN, user("tanaka", Set.of(Role.COUNTER), "initial-pass-1"));
            Authentication.Login first = s.users.login("tanaka", "initial-pass-1".toCharArray(), null, "counter-01");
            assertTrue(first.mustChangePassword(), "an initial password set by the administrator must be changed");
            assertEquals(Set.of(Role.COUNTER), first.operator().roles());
            assertEquals("counter-01", first.operator().terminal());
            refused("password.wrong", () -> s.users.changePassword("tanaka", "not-it-123".toCharArray(),
                    "brand-new-pass-2".toCharArray(), "counter-01"));
            s.users.changePassword("tanaka", "initial-pass-1".toCharArray(), "brand-new-pass-2".toCharArray(), "counter-01");
            assertFalse(s.users.login("tanaka", "brand-new-pass-2".toCharArray(), null, "c").mustChangePassword());
            refused("login.failed", () -> s.users.login("tanaka", "initial-pass-1".toCharArray(), null, "c"));

            // an unknown id and a wrong password read the same
            SecurityRefusal unknown = refused("login.failed", () -> s.users.login("nobody", "whatever-1".toCharArray(), null, "c"));
            assertEquals("利用者IDまたはパスワードが違います。", unknown.getMessage(Locale.JAPANESE));

            // five failures in a row lock the account (the earlier one counts: 1 + 4 more)
            for (int i = 0; i < 3; i++) {
                refused("login.failed", () -> s.users.login("tanaka", "wrong-pass-9".toCharArray(), null, "c"));
            }
            refused("login.locked", () -> s.users.login("tanaka", "wrong-pass-9".toCharArray(), null, "c"));
            UserAccount locked = s.users.find(ADMIN, "tanaka").orElseThrow();
            assertTrue(locked.locked());
            assertEquals(5, locked.failedLogins());
            // even the right password does not open a locked account
            refused("login.locked", () -> s.users.login("tanaka", "brand-new-pass-2".toCharArray(), null, "c"));
            refused("permission.manageUsers", () -> s.users.unlock(CLERK, "tanaka"));
            s.users.unlock(ADMIN, "tanaka");
            assertEquals(Set.of(Role.COUNTER), s.users.login("tanaka", "brand-new-pass-2".toCharArray(), null, "c")
                    .operator().roles());

            // a disabled user cannot log in; the last administrator cannot be disabled
            s.users.setEnabled(ADMIN, "tanaka", false);
            refused("login.disabled", () -> s.users.login("tanaka", "brand-new-pass-2".toCharArray(), null, "c"));
            refused("user.self", () -> s.users.setEnabled(ADMIN, "admin", false));
            refused("user.lastAdministrator", () -> s.users.update(ADMIN, "admin", "管理者", "", Set.of(Role.COUNTER), Set.of()));

            List<AccessEntry> logins = s.log.list(AUDITOR, new AuditFilter(Optional.empty(), Optional.of("tanaka"),
                    Optional.empty(), Optional.empty(), Set.of(AccessKind.LOGIN, AccessKind.LOGIN_FAILED), 100));
            assertEquals(3, logins.stream().filter(e -> e.kind() == AccessKind.LOGIN).count());
            assertEquals(7, logins.stream().filter(e -> e.kind() == AccessKind.LOGIN_FAILED).count(), logins.toString());
            assertTrue(logins.stream().anyMatch(e -> e.detail().contains("account locked after 5")), logins.toString());
            assertTrue(s.log.verify(AUDITOR).intact());
        }
    }

    @ParameterizedTest
    @MethodSource("jp.kiban.testing.db.TestDatabases#engines")
    void unitsGiveRolesAndBusinesses(Dialect dialect) throws Exception {
        try (Stage s = new Stage(TestDatabases.fresh(dialect))) {
            s.users.addFirstAdministrator(user("admin", Set.of(), "first-Boss-2026"), "setup");
            s.users.saveUnit(ADMIN, new jp.kiban.security.OrganisationUnit("hoken", "保険年金課", Set.of(Role.BUSINESS),
                    Set.of("kokuho")));
            refused("unit.unknown", () -> s.users.add(ADMIN, new jp.kiban.security.NewUser("x1", "x", "nosuch",
                    Set.of(Role.COUNTER), Set.of(), "some-pass-123".toCharArray())));
            s.users.add(ADMIN, new jp.kiban.security.NewUser("yamada", "山田 太郎", "hoken", Set.of(Role.COUNTER), Set.of(),
                    "initial-pass-1".toCharArray()));
            var op = s.users.login("yamada", "initial-pass-1".toCharArray(), null, "t").operator();
            assertEquals(Set.of(Role.COUNTER, Role.BUSINESS), op.roles());
            assertTrue(op.mayWorkIn("kokuho"));
            assertFalse(op.mayWorkIn("jidoteate"));
        }
    }

    @ParameterizedTest
    @MethodSource("jp.kiban.testing.db.TestDatabases#engines")
    void totpSecondFactor(Dialect dialect) throws Exception {
        try (Stage s = new Stage(TestDatabases.fresh(dialect))) {
            s.users.addFirstAdministrator(user("admin", Set.of(), "first-Boss-2026"), "setup");
            SecondFactor.Enrolment e = s.users.enrolSecondFactor(ADMIN, "admin", "totp");
            assertTrue(e.uri().startsWith("otpauth://totp/Kiban:admin?secret=" + e.shown() + "&issuer=Kiban"), e.uri());
            refused("login.secondFactorRequired", () -> s.users.login("admin", "first-Boss-2026".toCharArray(), null, "t"));
            String code = Totp.codeAt(e.shown(), s.clock.instant());
            String wrong = code.equals("000000") ? "000001" : "000000";
            refused("login.secondFactorWrong", () -> s.users.login("admin", "first-Boss-2026".toCharArray(), wrong, "t"));
            refused("login.failed", () -> s.users.login("admin", "wrong-pass-1".toCharArray(), code, "t"));
            assertEquals("admin", s.users.login("admin", "first-Boss-2026".toCharArray(), code, "t").operator().id());
            // the same code is not accepted twice
            refused("login.secondFactorWrong", () -> s.users.login("admin", "first-Boss-2026".toCharArray(), code, "t"));
            s.clock.now = s.clock.now.plus(Duration.ofSeconds(30));
            assertEquals("admin", s.users.login("admin", "first-Boss-2026".toCharArray(),
                    Totp.codeAt(e.shown(), s.clock.instant()), "t").operator().id());
            assertTrue(s.users.find(ADMIN, "admin").orElseThrow().secondFactor().isPresent());
        }
    }

    @ParameterizedTest
    @MethodSource("jp.kiban.testing.db.TestDatabases#engines")
    void editingOneEntryInTheDatabaseIsFoundByVerify(Dialect dialect) throws Exception {
        try (Stage s = new Stage(TestDatabases.fresh(dialect))) {
            for (int i = 1; i <= 10; i++) {
                s.log.record(AccessEvent.of(CLERK, AccessKind.VIEW, "resident.view", List.of(String.format("%011d", i)),
                        i % 2 == 0, "entry " + i));
            }
            AuditQueries.Verification ok = s.log.verify(AUDITOR);
            assertTrue(ok.intact(), ok.problem());
            assertEquals(10, ok.entries());
            // each entry also went to the sync outbox, with its hashes, in its transaction
            assertEquals(11, s.shipped.size(), "ten entries and the verification itself");
            assertEquals("access.log", s.shipped.get(5).type());
            assertEquals(6L, s.shipped.get(5).payload().get("seq"));
            assertEquals(List.of("00000000006"), s.shipped.get(5).payload().get("persons"));
            assertEquals(s.shipped.get(4).payload().get("hash"), s.shipped.get(5).payload().get("previousHash"));

            // someone with database access changes who was viewed in entry 6
            assertEquals(1, s.sql("UPDATE security_access_person SET addressee_number = ? WHERE entry_id ="
                    + " (SELECT id FROM security_access_entry WHERE seq = 6)", "99999999999"));
            AuditQueries.Verification broken = s.log.verify(AUDITOR);
            assertEquals(Optional.of(6L), broken.firstBroken(), broken.problem());
            assertTrue(broken.problem().contains("changed"), broken.problem());
            assertEquals(1, s.sql("UPDATE security_access_person SET addressee_number = ? WHERE entry_id ="
                    + " (SELECT id FROM security_access_entry WHERE seq = 6)", "00000000006"));
            assertTrue(s.log.verify(AUDITOR).intact());

            // … or the detail of entry 3, or whether the 個人番号 was shown in entry 4
            assertEquals(1, s.sql("UPDATE security_access_entry SET detail = ? WHERE seq = 3", "nothing to see"));
            assertEquals(Optional.of(3L), s.log.verify(AUDITOR).firstBroken());
            assertEquals(1, s.sql("UPDATE security_access_entry SET detail = ? WHERE seq = 3", "entry 3"));
            assertEquals(1, s.sql("UPDATE security_access_entry SET number_shown = ? WHERE seq = 4", false));
            assertEquals(Optional.of(4L), s.log.verify(AUDITOR).firstBroken());
            assertEquals(1, s.sql("UPDATE security_access_entry SET number_shown = ? WHERE seq = 4", true));

            // removing an entry breaks the link of the next one
            assertEquals(1, s.sql("DELETE FROM security_access_entry WHERE seq = 8"));
            AuditQueries.Verification gap = s.log.verify(AUDITOR);
            assertEquals(Optional.of(9L), gap.firstBroken(), gap.problem());
            assertTrue(gap.problem().contains("missing"), gap.problem());
        }
    }

    @ParameterizedTest
    @MethodSource("jp.kiban.testing.db.TestDatabases#engines")
    void removingTheLastEntriesIsFound(Dialect dialect) throws Exception {
        try (Stage s = new Stage(TestDatabases.fresh(dialect))) {
            for (int i = 1; i <= 5; i++) {
                s.log.record(AccessEvent.of(CLERK, AccessKind.SEARCH, "resident.search", "q" + i));
            }
            assertEquals(1, s.sql("DELETE FROM security_access_entry WHERE seq = 5"));
            AuditQueries.Verification v = s.log.verify(AUDITOR);
            assertEquals(Optional.of(5L), v.firstBroken(), v.problem());
        }
    }

    @ParameterizedTest
    @MethodSource("jp.kiban.testing.db.TestDatabases#engines")
    void theResidentBasesEntriesAreWrittenBehindTheCallerAndNoneIsLost(Dialect dialect) throws Exception {
        try (Stage s = new Stage(TestDatabases.fresh(dialect))) {
            // searches and views as the resident base reports them: the listener returns before the entry is committed
            for (int i = 1; i <= 120; i++) {
                s.log.accessed(new ResidentAccess(Instant.now(), CLERK, i % 3 == 0 ? ResidentAccess.Kind.VIEW
                        : ResidentAccess.Kind.SEARCH, List.of(AddresseeNumber.fromSerial(i)), false, "q" + i));
            }
            // an export of a whole town names more persons than one outbox event may carry: the entry is kept whole
            List<AddresseeNumber> town = new java.util.ArrayList<>();
            for (int i = 1; i <= 2_500; i++) {
                town.add(AddresseeNumber.fromSerial(i));
            }
            s.log.accessed(new ResidentAccess(Instant.now(), CLERK, ResidentAccess.Kind.EXPORT, town, false, "export"));

            // reading the log waits for what was queued before: every entry, in order, the chain intact
            AuditQueries.Verification v = s.log.verify(AUDITOR);
            assertTrue(v.intact(), v.problem());
            assertEquals(121, v.entries());
            List<AccessEntry> all = s.log.list(AUDITOR, AuditFilter.all());
            AccessEntry export = all.stream().filter(e -> e.action().equals("resident.export")).findFirst().orElseThrow();
            assertEquals(2_500, export.persons().size());
            assertEquals(List.of("q1", "q2", "q3"), all.stream().filter(e -> e.detail().startsWith("q"))
                    .sorted(java.util.Comparator.comparingLong(AccessEntry::sequence)).limit(3).map(AccessEntry::detail).toList());

            // to the central store: the export's persons in three parts beside the entry, in one group
            List<jp.kiban.sync.OutboxEvent> parts = s.shipped.stream().filter(e -> e.type().equals("access.log.persons")).toList();
            assertEquals(3, parts.size());
            assertEquals(List.of(1000, 1000, 500), parts.stream().map(e -> ((List<?>) e.payload().get("persons")).size()).toList());
            jp.kiban.sync.OutboxEvent main = s.shipped.stream().filter(e -> export.id().toString().equals(e.payload().get("id")))
                    .filter(e -> e.type().equals("access.log")).findFirst().orElseThrow();
            assertEquals(3, main.payload().get("personsParts"));
            assertEquals(2_500, main.payload().get("personsCount"));
            assertEquals(export.hash(), main.payload().get("hash"));
            assertTrue(parts.stream().allMatch(e -> e.groupId().equals(main.groupId())));
        }
    }

    @ParameterizedTest
    @MethodSource("jp.kiban.testing.db.TestDatabases#engines")
    void analysesFindNightHolidayFailedLoginsAndManyPersons(Dialect dialect) throws Exception {
        try (Stage s = new Stage(TestDatabases.fresh(dialect))) {
            s.settings.put("audit.manyPersons", "5");
            // Wednesday 2026-06-03, 10:00 and 23:30 in Japan
            s.clock.now = Instant.parse("2026-06-03T01:00:00Z");
            s.log.record(AccessEvent.of(CLERK, AccessKind.VIEW, "resident.view", List.of("00000000019"), false, "day"));
            s.clock.now = Instant.parse("2026-06-03T14:30:00Z");
            s.log.record(AccessEvent.of(CLERK, AccessKind.VIEW, "resident.view", List.of("00000000027"), false, "night"));
            // 秋分の日 2026-09-23 (Wednesday), 11:00 in Japan
            s.clock.now = Instant.parse("2026-09-23T02:00:00Z");
            s.log.record(AccessEvent.of(CLERK, AccessKind.SEARCH, "resident.search", List.of(), false, "holiday"));
            // 2026-06-04: three failed logins for one id, and a colleague viewing 6 different people
            s.clock.now = Instant.parse("2026-06-04T01:00:00Z");
            for (int i = 0; i < 3; i++) {
                s.log.record(new AccessEvent("sato", "", "t", AccessKind.LOGIN_FAILED, "login", List.of(), false, "wrong"));
            }
            s.log.record(new AccessEvent("ito", "", "t", AccessKind.LOGIN_FAILED, "login", List.of(), false, "wrong once"));
            jp.kiban.platform.Operator busy = new jp.kiban.platform.Operator("busy", "多忙", "t", Set.of(Role.COUNTER));
            for (int i = 1; i <= 6; i++) {
                s.log.record(AccessEvent.of(busy, AccessKind.VIEW, "resident.view", List.of(String.format("%011d", i)), false, ""));
            }
            s.log.record(AccessEvent.of(busy, AccessKind.VIEW, "resident.view", List.of(String.format("%011d", 1)), false, ""));

            List<AuditFinding> all = s.log.analyse(AUDITOR, AuditFilter.all());
            assertEquals(List.of("NIGHT_ACCESS clerk 2026-06-03 1", "REPEATED_FAILED_LOGINS sato 2026-06-04 3",
                    "MANY_PERSONS_VIEWED busy 2026-06-04 6", "HOLIDAY_ACCESS clerk 2026-09-23 1"),
                    all.stream().map(f -> f.type() + " " + f.operator() + " " + f.day() + " " + f.count()).toList());
            assertTrue(all.get(3).detail().contains("秋分の日"), all.get(3).detail());

            // a period limits the analysis
            List<AuditFinding> june3 = s.log.analyse(AUDITOR, new AuditFilter(Optional.empty(), Optional.empty(),
                    Optional.of(Instant.parse("2026-06-02T15:00:00Z")), Optional.of(Instant.parse("2026-06-03T15:00:00Z")),
                    Set.of(), 1000));
            assertEquals(1, june3.size());
            refused("audit.period", () -> s.log.analyse(AUDITOR, new AuditFilter(Optional.empty(), Optional.empty(),
                    Optional.of(Instant.parse("2026-06-03T15:00:00Z")), Optional.of(Instant.parse("2026-06-02T15:00:00Z")),
                    Set.of(), 1000)));
            refused("permission.readLog", () -> s.log.analyse(CLERK, AuditFilter.all()));
        }
    }

    @ParameterizedTest
    @MethodSource("jp.kiban.testing.db.TestDatabases#engines")
    void exportAndFilterByPerson(Dialect dialect) throws Exception {
        try (Stage s = new Stage(TestDatabases.fresh(dialect))) {
            s.log.record(AccessEvent.of(CLERK, AccessKind.VIEW, "resident.view", List.of("00000000019"), true, "=HYPERLINK(\"x\")"));
            s.log.record(AccessEvent.of(CLERK, AccessKind.VIEW, "resident.view", List.of("00000000027"), false, "other"));
            AuditFilter byPerson = new AuditFilter(Optional.of("00000000019"), Optional.empty(), Optional.empty(),
                    Optional.empty(), Set.of(), 100);
            List<AccessEntry> found = s.log.list(AUDITOR, byPerson);
            assertEquals(1, found.size());
            assertEquals(List.of("00000000019"), found.get(0).persons());
            assertTrue(found.get(0).individualNumberShown());

            StringWriter csv = new StringWriter();
            assertEquals(1, s.log.exportCsv(AUDITOR, byPerson, csv));
            String[] lines = csv.toString().split("\r\n");
            assertEquals(2, lines.length, csv.toString());
            assertTrue(lines[0].startsWith("seq,id,time,operator_id"), lines[0]);
            assertTrue(lines[1].contains("\"clerk\",\"窓口 花子\",\"counter-01\",\"VIEW\",\"resident.view\",\"00000000019\",\"true\""),
                    lines[1]);
            assertTrue(lines[1].contains("\"'=HYPERLINK(\"\"x\"\")\""), "a formula is neutralised: " + lines[1]);
            assertTrue(lines[1].contains("2026-06-03T10:00:00+09:00"), lines[1]);
            refused("permission.readLog", () -> s.log.exportCsv(CLERK, byPerson, new StringWriter()));
            // reading the log is itself logged
            assertTrue(s.log.list(AUDITOR, AuditFilter.all()).stream().anyMatch(e -> e.kind() == AccessKind.AUDIT
                    && e.action().equals("audit.export")));
            assertTrue(s.log.verify(AUDITOR).intact());
        }
    }
}
