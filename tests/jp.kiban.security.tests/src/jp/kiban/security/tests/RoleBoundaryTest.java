package jp.kiban.security.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import jp.kiban.core.DomainException;
import jp.kiban.core.address.Address;
import jp.kiban.core.address.PostalCode;
import jp.kiban.core.address.Prefecture;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.IndividualNumber;
import jp.kiban.core.id.LocalGovernmentCode;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Permission;
import jp.kiban.platform.Role;
import jp.kiban.resident.ChangeRequest;
import jp.kiban.resident.ChangeRequest.NewMember;
import jp.kiban.resident.ChangeResult;
import jp.kiban.resident.Domicile;
import jp.kiban.resident.MoveOutCertificate;
import jp.kiban.resident.PersonData;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.ResidentChanges;
import jp.kiban.resident.ResidentException;
import jp.kiban.resident.ResidentQuery;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentRegistry;
import jp.kiban.resident.Sex;
import jp.kiban.security.AccessEntry;
import jp.kiban.security.AccessKind;
import jp.kiban.security.AuditFilter;
import jp.kiban.security.AuditQueries;
import jp.kiban.security.Authorisation;
import jp.kiban.security.NewUser;
import jp.kiban.security.SecurityRefusal;
import jp.kiban.security.Users;


/**
 * Every role boundary through the real services in OSGi (resident base + security, DS-wired, one
 * Derby database): the UI is not needed to enforce any of these.
 */
class RoleBoundaryTest {
    static final Operator CLERK = new Operator("rb-clerk", "窓口", "counter-01", Set.of(Role.COUNTER));
    static final Operator SUPERVISOR = new Operator("rb-super", "審査", "counter-02", Set.of(Role.SUPERVISOR));
    static final Operator KOKUHO = new Operator("rb-kokuho", "国保担当", "hoken-01", Set.of(Role.BUSINESS), Set.of("kokuho"));
    static final Operator JIDOTEATE = new Operator("rb-jido", "児童手当担当", "kodomo-01", Set.of(Role.BUSINESS),
            Set.of("jidoteate"));
    static final Operator ADMIN = new Operator("rb-admin", "管理", "admin-01", Set.of(Role.ADMINISTRATOR));
    static final Operator AUDITOR = new Operator("rb-audit", "監査", "audit-01", Set.of(Role.AUDITOR));

    static <T> T service(Class<T> type) throws InterruptedException {
        org.osgi.framework.BundleContext ctx = org.osgi.framework.FrameworkUtil.getBundle(RoleBoundaryTest.class)
                .getBundleContext();
        org.osgi.util.tracker.ServiceTracker<T, T> tracker = new org.osgi.util.tracker.ServiceTracker<>(ctx, type, null);
        tracker.open();
        T s = tracker.waitForService(30_000);
        org.junit.jupiter.api.Assertions.assertNotNull(s, "no OSGi service " + type.getName());
        return s;
    }

    /** Stand-ins for two business modules: each service checks its business on every call. */
    record TestBusiness(String id, Authorisation authorisation) {
        String open(Operator operator) {
            authorisation.requireBusiness(operator, id, id + ".open");
            return id + " opened by " + operator.id();
        }
    }

    static IndividualNumber newIndividualNumber() {
        while (true) {
            String base = String.format("%011d", ThreadLocalRandom.current().nextLong(1, 99_999_999_999L));
            for (int d = 0; d <= 9; d++) {
                try {
                    return IndividualNumber.of(base + d);
                } catch (DomainException wrongCheckDigit) {
                    // next digit
                }
            }
        }
    }

    /** A confirmed 転入 of one person with a 個人番号. */
    static ResidentRecord resident(String given) throws Exception {
        ResidentChanges changes = service(ResidentChanges.class);
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(3);
        PersonData p = PersonData.builder().name("権限", given).furigana("ケンゲン　バンゴウ").birthDate("昭和60年1月2日")
                .sex(Sex.FEMALE).domicile(new Domicile("東京都千代田区霞が関二丁目1番地", "権限　" + given))
                .individualNumber(newIndividualNumber()).build();
        Address home = Address.of(Prefecture.TOKYO, "デモ町", "本町一丁目", given.length() + "-1")
                .withLocalGovernmentCode(LocalGovernmentCode.of("13999"));
        ChangeResult r = changes.register(CLERK, new ChangeRequest.DomesticMoveIn(day, day, home,
                Optional.of(PostalCode.of("100-0001")), "東京都千代田区霞が関一丁目1番1号",
                new MoveOutCertificate(LocalGovernmentCode.of("13101"), day.minusDays(3), "東京都デモ町"), Optional.empty(),
                List.of(new NewMember(p, Relationship.HEAD))));
        changes.confirm(SUPERVISOR, r.changeId());
        return service(ResidentRegistry.class).current(CLERK, r.persons().get(0)).orElseThrow();
    }

    @Test
    void aClerkRegistersButOnlyASupervisorConfirms() throws Exception {
        ResidentChanges changes = service(ResidentChanges.class);
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(2);
        PersonData p = PersonData.builder().name("確認", "待子").furigana("カクニン　マチコ").birthDate("平成2年3月4日")
                .sex(Sex.FEMALE).domicile(new Domicile("東京都千代田区霞が関二丁目1番地", "確認　待子")).build();
        Address home = Address.of(Prefecture.TOKYO, "デモ町", "本町二丁目", "9-9").withLocalGovernmentCode(LocalGovernmentCode.of("13999"));
        ChangeResult r = changes.register(CLERK, new ChangeRequest.DomesticMoveIn(day, day, home, Optional.empty(),
                "東京都千代田区霞が関一丁目1番1号", new MoveOutCertificate(LocalGovernmentCode.of("13101"), day, "東京都"),
                Optional.empty(), List.of(new NewMember(p, Relationship.HEAD))));
        for (Operator notSupervisor : List.of(CLERK, KOKUHO, ADMIN, AUDITOR)) {
            ResidentException e = assertThrows(ResidentException.class, () -> changes.confirm(notSupervisor, r.changeId()),
                    notSupervisor.id());
            assertEquals("permission.confirm", e.code());
        }
        for (Operator mayNotRegister : List.of(KOKUHO, ADMIN, AUDITOR)) {
            assertFalse(mayNotRegister.may(Permission.REGISTER_CHANGE), mayNotRegister.id());
        }
        changes.confirm(SUPERVISOR, r.changeId());
        assertTrue(service(ResidentRegistry.class).current(CLERK, r.persons().get(0)).isPresent());
    }

    @Test
    void businessStaffOfOneBusinessCannotUseAnother() throws Exception {
        Authorisation auth = service(Authorisation.class);
        TestBusiness kokuho = new TestBusiness("kokuho", auth);
        TestBusiness jidoteate = new TestBusiness("jidoteate", auth);
        assertEquals("kokuho opened by rb-kokuho", kokuho.open(KOKUHO));
        assertEquals("jidoteate opened by rb-jido", jidoteate.open(JIDOTEATE));
        SecurityRefusal e = assertThrows(SecurityRefusal.class, () -> jidoteate.open(KOKUHO));
        assertEquals("permission.business", e.code());
        assertEquals("業務「jidoteate」の担当ではありません。", e.getMessage(Locale.JAPANESE));
        assertThrows(SecurityRefusal.class, () -> kokuho.open(JIDOTEATE));
        // neither counter staff nor an administrator are business staff
        assertThrows(SecurityRefusal.class, () -> kokuho.open(CLERK));
        assertThrows(SecurityRefusal.class, () -> kokuho.open(ADMIN));
        // a business id alone without the business role is not enough
        Operator noRole = new Operator("rb-x", "x", "t", Set.of(Role.COUNTER), Set.of("kokuho"));
        assertThrows(SecurityRefusal.class, () -> kokuho.open(noRole));
        List<AccessEntry> refusals = service(AuditQueries.class).list(AUDITOR, new AuditFilter(Optional.empty(),
                Optional.of("rb-kokuho"), Optional.empty(), Optional.empty(), Set.of(AccessKind.REFUSED), 10));
        assertEquals(1, refusals.size());
        assertEquals("jidoteate.open", refusals.get(0).action());
    }

    @Test
    void nobodyWithoutTheRightSeesAnIndividualNumber() throws Exception {
        ResidentRegistry registry = service(ResidentRegistry.class);
        ResidentRecord seen = resident("番号");
        AddresseeNumber who = seen.addresseeNumber();
        IndividualNumber number = seen.person().individualNumber().orElseThrow(() -> new AssertionError("clerk sees the number"));
        assertTrue(registry.current(SUPERVISOR, who).orElseThrow().person().individualNumber().isPresent());

        for (Operator op : List.of(KOKUHO, ADMIN)) {
            ResidentRecord r = registry.current(op, who).orElseThrow();
            assertEquals(Optional.empty(), r.person().individualNumber(), op.id() + " must not see the 個人番号");
            assertTrue(registry.history(op, who).stream().allMatch(h -> h.person().individualNumber().isEmpty()), op.id());
            ResidentException e = assertThrows(ResidentException.class,
                    () -> registry.search(op, ResidentQuery.builder().individualNumber(number).build()), op.id());
            assertEquals("individualNumber.notPermitted", e.code());
        }
        // the auditor reads the log, not the register
        ResidentException e = assertThrows(ResidentException.class, () -> registry.current(AUDITOR, who));
        assertEquals("permission.view", e.code());
        assertEquals(List.of(who), registry.search(CLERK, ResidentQuery.builder().individualNumber(number).build()).hits()
                .stream().map(ResidentRecord::addresseeNumber).toList());

        // the log says who saw the person and whether the number was shown
        List<AccessEntry> views = service(AuditQueries.class).list(AUDITOR, new AuditFilter(
                Optional.of(who.value()), Optional.empty(), Optional.empty(), Optional.empty(), Set.of(AccessKind.VIEW), 100));
        assertTrue(views.stream().anyMatch(v -> v.operatorId().equals("rb-clerk") && v.individualNumberShown()), views.toString());
        assertTrue(views.stream().anyMatch(v -> v.operatorId().equals("rb-kokuho") && !v.individualNumberShown()),
                views.toString());
        assertTrue(views.stream().noneMatch(v -> v.detail().contains(number.value())), "never a 個人番号 in the log");
        List<AccessEntry> searches = service(AuditQueries.class).list(AUDITOR, new AuditFilter(
                Optional.of(who.value()), Optional.of("rb-clerk"), Optional.empty(), Optional.empty(), Set.of(AccessKind.SEARCH), 10));
        assertEquals(1, searches.size());
        assertTrue(searches.get(0).individualNumberShown(), "searched by 個人番号");
    }

    @Test
    void aSupportMeasureIsLoggedWithoutItsReason() throws Exception {
        ResidentRecord protectedPerson = resident("支援");
        AddresseeNumber who = protectedPerson.addresseeNumber();
        jp.kiban.resident.SupportMeasures measures = service(jp.kiban.resident.SupportMeasures.class);
        measures.set(SUPERVISOR, who, "DV被害の申出（加害者は元配偶者）", LocalDate.now(ZoneId.of("Asia/Tokyo")), null);
        measures.clear(SUPERVISOR, who, "申出の取下げ");
        List<AccessEntry> changes = service(AuditQueries.class).list(AUDITOR, new AuditFilter(Optional.of(who.value()),
                Optional.of("rb-super"), Optional.empty(), Optional.empty(), Set.of(AccessKind.CHANGE), 10));
        List<String> details = changes.stream().filter(e -> e.action().equals("resident.support_measure"))
                .map(AccessEntry::detail).toList();
        assertEquals(2, details.size(), changes.toString());
        assertTrue(details.get(0).equals("support measure cleared") && details.get(1).startsWith("support measure set from"),
                details.toString());
        assertTrue(details.stream().noneMatch(d -> d.contains("DV") || d.contains("申出")), "never the reason: " + details);
    }

    @Test
    void onlyAdministratorsManageUsersAndOnlyAuditorsReadTheLog() throws Exception {
        Users users = service(Users.class);
        AuditQueries audit = service(AuditQueries.class);
        NewUser u = new NewUser("rb-new", "新人", "", Set.of(Role.COUNTER), Set.of(), "initial-pass-1".toCharArray());
        for (Operator op : List.of(CLERK, SUPERVISOR, KOKUHO, AUDITOR)) {
            SecurityRefusal e = assertThrows(SecurityRefusal.class, () -> users.add(op, u), op.id());
            assertEquals("permission.manageUsers", e.code());
            assertThrows(SecurityRefusal.class, () -> users.list(op), op.id());
        }
        assertEquals("rb-new", users.add(ADMIN, u).id());
        for (Operator op : List.of(CLERK, SUPERVISOR, KOKUHO, ADMIN)) {
            SecurityRefusal e = assertThrows(SecurityRefusal.class, () -> audit.verify(op), op.id());
            assertEquals("permission.readLog", e.code());
            assertThrows(SecurityRefusal.class, () -> audit.list(op, AuditFilter.all()), op.id());
        }
        assertTrue(audit.verify(AUDITOR).intact());
    }
}
