package jp.kiban.residenttax.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jp.kiban.core.address.Address;
import jp.kiban.core.address.PostalCode;
import jp.kiban.core.address.Prefecture;
import jp.kiban.core.date.RecordedDate;
import jp.kiban.core.id.LocalGovernmentCode;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Role;
import jp.kiban.resident.ChangeRequest;
import jp.kiban.resident.ChangeRequest.NewMember;
import jp.kiban.resident.ChangeResult;
import jp.kiban.resident.Domicile;
import jp.kiban.resident.MoveOutCertificate;
import jp.kiban.resident.PersonData;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.ResidentChanges;
import jp.kiban.resident.Sex;

/** Residents made through the real resident base, and the operators of the 住民税 tests. */
final class Town {
    static final Operator SUPERVISOR = new Operator("sato", "佐藤 花子", "counter-02", Set.of(Role.SUPERVISOR));
    static final Operator JUMINZEI = new Operator("zeimu", "住民税 担当", "tax-01", Set.of(Role.BUSINESS), Set.of("juminzei"));
    static final Operator KOKUHO = new Operator("kokuho", "国保 担当", "kokuho-01", Set.of(Role.BUSINESS), Set.of("kokuho"));
    static final Operator JIDOTEATE = new Operator("jido", "児童手当 担当", "jido-01", Set.of(Role.BUSINESS), Set.of("jidoteate"));
    static final Operator ADMIN = new Operator("kanri", "管理 太郎", "admin-01", Set.of(Role.ADMINISTRATOR));

    private Town() {
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Tokyo"));
    }

    static Address address(String lot) {
        return Address.of(Prefecture.TOKYO, "デモ町", "住民税町一丁目", lot).withLocalGovernmentCode(LocalGovernmentCode.of("13999"));
    }

    static PersonData person(String family, String given, String furigana, LocalDate birth, Sex sex) {
        return PersonData.builder().name(family, given).furigana(furigana).birthDate(RecordedDate.exact(birth)).sex(sex)
                .domicile(new Domicile("東京都千代田区霞が関二丁目1番地", family + "　" + given)).build();
    }

    static ChangeRequest.DomesticMoveIn moveIn(LocalDate date, String lot, List<NewMember> members) {
        return new ChangeRequest.DomesticMoveIn(date, date, address(lot), Optional.of(PostalCode.of("100-0001")),
                "東京都千代田区霞が関一丁目1番1号", new MoveOutCertificate(LocalGovernmentCode.of("13101"), date.minusDays(3),
                        "東京都デモ町"), Optional.empty(), members);
    }

    static <T> T service(Class<T> type) throws InterruptedException {
        org.osgi.framework.BundleContext ctx = org.osgi.framework.FrameworkUtil.getBundle(Town.class).getBundleContext();
        org.osgi.util.tracker.ServiceTracker<T, T> tracker = new org.osgi.util.tracker.ServiceTracker<>(ctx, type, null);
        tracker.open();
        T s = tracker.waitForService(30_000);
        if (s == null) {
            fail("no OSGi service " + type.getName());
        }
        return s;
    }

    static ChangeResult apply(ChangeRequest request) throws InterruptedException {
        return service(ResidentChanges.class).apply(SUPERVISOR, request);
    }

    /** Waits (20 s at most) until the condition holds: events are delivered asynchronously. */
    static <T> T await(Supplier<T> value, java.util.function.Predicate<T> ok, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        T v = value.get();
        while (!ok.test(v)) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what + "; last value " + v);
            }
            Thread.sleep(20);
            v = value.get();
        }
        return v;
    }

    static NewMember member(PersonData p, Relationship r) {
        return new NewMember(p, r);
    }
}
