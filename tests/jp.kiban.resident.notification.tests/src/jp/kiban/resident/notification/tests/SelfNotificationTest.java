package jp.kiban.resident.notification.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import jp.kiban.core.address.Address;
import jp.kiban.core.address.PostalCode;
import jp.kiban.core.address.Prefecture;
import jp.kiban.core.date.RecordedDate;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.LocalGovernmentCode;
import jp.kiban.core.name.Furigana;
import jp.kiban.core.name.KanjiName;
import jp.kiban.forms.CertificateService;
import jp.kiban.forms.IssuedCertificate;
import jp.kiban.forms.ResidentCopyOptions;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Role;
import jp.kiban.resident.ChangeRequest;
import jp.kiban.resident.ChangeResult;
import jp.kiban.resident.MoveOutCertificate;
import jp.kiban.resident.PersonData;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.ResidentChanges;
import jp.kiban.resident.Sex;
import jp.kiban.resident.notification.IssueNotice;
import jp.kiban.resident.notification.NotificationException;
import jp.kiban.resident.notification.Registration;
import jp.kiban.resident.notification.RequesterClass;
import jp.kiban.resident.notification.SelfNotification;
import jp.kiban.security.SecurityRefusal;

/**
 * 本人通知制度 through the real forms: a registered wife is told about a household copy a third party obtained (and
 * her husband, not registered, is not); a copy she asked for herself is not notified; after 廃止 nothing more comes.
 * The bundle claims only the optional functions of 8.1.
 */
class SelfNotificationTest {
    static final Operator COUNTER = new Operator("madoguchi", "窓口 花子", "counter-01", Set.of(Role.COUNTER));
    static final Operator BUSINESS = new Operator("tax", "税務", "", Set.of(Role.BUSINESS), Set.of("kokuho"));
    private final BundleContext context = FrameworkUtil.getBundle(SelfNotificationTest.class).getBundleContext();

    <T> T service(Class<T> type) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T s = tracker.waitForService(30_000);
            if (s == null) {
                fail("no OSGi service " + type.getName());
            }
            return s;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T await(Supplier<T> value, Predicate<T> ok, String what) throws InterruptedException {
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

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("[\\s\\p{Z}]", "");
        }
    }

    static PersonData person(String family, String given, String kana, int year, Sex sex) {
        return PersonData.builder().name(KanjiName.of(family, given)).furigana(Furigana.of(kana))
                .birthDate(RecordedDate.exact(LocalDate.of(year, 4, 2))).sex(sex).build();
    }

    List<IssueNotice> noticesOf(SelfNotification n, AddresseeNumber person, boolean includeSent) {
        return n.notices(COUNTER, includeSent).stream().filter(x -> x.person().equals(person)).toList();
    }

    @Test
    void aRegisteredPersonIsToldAboutCopiesOthersObtainedUntilTheRegistrationEnds() throws Exception {
        MunicipalityService towns = service(MunicipalityService.class);
        if (towns.current().isEmpty()) {
            towns.configure(Municipality.demoTown());
        }
        Municipality town = towns.current().orElseThrow();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        LocalDate day = today.minusDays(40);
        ChangeResult in = service(ResidentChanges.class).apply(Operator.system(), new ChangeRequest.DomesticMoveIn(day, day,
                Address.of(Prefecture.ofCode(town.code().prefectureCode()), town.name(), "本町", "7番地"),
                Optional.of(PostalCode.of("0000101")), "東京都千代田区霞が関一丁目1番1号",
                new MoveOutCertificate(LocalGovernmentCode.of("131016"), day.minusDays(1), town.name()), Optional.empty(),
                List.of(new ChangeRequest.NewMember(person("通知", "一郎", "ツウチ　イチロウ", 1970, Sex.MALE), Relationship.HEAD),
                        new ChangeRequest.NewMember(person("通知", "春子", "ツウチ　ハルコ", 1972, Sex.FEMALE), Relationship.WIFE))));
        AddresseeNumber husband = in.persons().get(0);
        AddresseeNumber wife = in.persons().get(1);
        SelfNotification notification = service(SelfNotification.class);
        CertificateService certificates = service(CertificateService.class);

        // 登録, with the refusals
        Registration reg = notification.register(COUNTER, wife, today.minusDays(1), Optional.empty(), "窓口で申出");
        assertEquals("通知　春子", reg.name());
        assertTrue(notification.inForce(COUNTER, wife, today).isPresent());
        NotificationException twice = assertThrows(NotificationException.class,
                () -> notification.register(COUNTER, wife, today, Optional.empty(), ""));
        assertEquals("registration.exists", twice.code());
        assertTrue(twice.getMessage(Locale.JAPANESE).contains("すでに本人通知の登録があります"), twice.getMessage(Locale.JAPANESE));
        assertEquals("registration.period", assertThrows(NotificationException.class, () -> notification.register(COUNTER,
                husband, today, Optional.of(today.minusDays(1)), "")).code());
        assertThrows(SecurityRefusal.class, () -> notification.register(BUSINESS, husband, today, Optional.empty(), ""));

        // a third party obtains the household's copy: a notice for the wife only
        IssuedCertificate copy = certificates.residentCopy(COUNTER, husband, ResidentCopyOptions.wholeHousehold());
        List<IssueNotice> mine = await(() -> noticesOf(notification, wife, false), l -> l.size() == 1, "the wife's notice");
        IssueNotice n = mine.get(0);
        assertEquals(copy.issueNumber(), n.issueNumber());
        assertEquals("住民票の写し", n.kind());
        assertEquals(copy.pages(), n.pages());
        assertEquals(RequesterClass.UNRECORDED, n.requester());
        assertTrue(noticesOf(notification, husband, true).isEmpty(), "the husband is not registered");

        assertEquals(1, notification.setRequester(COUNTER, copy.issueNumber(), RequesterClass.THIRD_PARTY));
        byte[] pdf = notification.print(COUNTER, List.of(n.id()), today);
        Path out = Path.of("target", "notices");
        Files.createDirectories(out);
        Files.write(out.resolve("self-notification.pdf"), pdf);
        String t = text(pdf);
        for (String s : List.of("住民票の写し等交付通知書", "通知春子様", "交付年月日", "証明書の種別住民票の写し",
                "交付枚数" + copy.pages() + "枚", "交付請求者の区分第三者", "発行番号" + copy.issueNumber(), "本人通知制度")) {
            assertTrue(t.contains(s), "missing " + s + " in " + t);
        }
        assertTrue(noticesOf(notification, wife, false).isEmpty(), "sent");
        assertTrue(noticesOf(notification, wife, true).get(0).sentAt().isPresent());
        assertEquals("notice.notDue", assertThrows(NotificationException.class,
                () -> notification.print(COUNTER, List.of(n.id()), today)).code());

        // she asks for her own copy: recorded as 本人, nothing to send
        IssuedCertificate own = certificates.residentCopy(COUNTER, wife, ResidentCopyOptions.person());
        await(() -> noticesOf(notification, wife, true), l -> l.size() == 2, "the second notice");
        notification.setRequester(COUNTER, own.issueNumber(), RequesterClass.SELF);
        assertTrue(noticesOf(notification, wife, false).isEmpty(), "a copy the person asked for is not notified");

        // 廃止: later copies are not notified
        Registration ended = notification.end(COUNTER, reg.id(), today, "本人の申出");
        assertEquals(Optional.of(today), ended.endedOn());
        assertEquals("registration.ended", assertThrows(NotificationException.class,
                () -> notification.end(COUNTER, reg.id(), today, "")).code());
        certificates.residentCopy(COUNTER, husband, ResidentCopyOptions.wholeHousehold());
        IssuedCertificate marker = certificates.residentCopy(COUNTER, husband, ResidentCopyOptions.person());
        // a registered person's copy issued after the marker proves the events before it were handled
        Registration other = notification.register(COUNTER, husband, today, Optional.empty(), "");
        certificates.residentCopy(COUNTER, husband, ResidentCopyOptions.person());
        await(() -> noticesOf(notification, husband, true), l -> l.size() == 1, "the husband's notice");
        assertEquals(2, noticesOf(notification, wife, true).size(), "nothing after the 廃止");
        assertTrue(notification.registrations(COUNTER, false).stream().anyMatch(r -> r.id().equals(other.id())));
        assertTrue(notification.registrations(COUNTER, false).stream().noneMatch(r -> r.id().equals(reg.id())));
        assertTrue(notification.registrations(COUNTER, true).stream().anyMatch(r -> r.id().equals(reg.id())));
        assertTrue(marker.issueNumber() != null);
    }

    /** Only the optional 本人通知 functions of 住民記録 8.1 are claimed (decision 0007). */
    @Test
    void theBundleClaimsOnlyTheOptionalSelfNotificationFunctions() {
        Bundle b = FrameworkUtil.getBundle(SelfNotification.class);
        String claimed = b.getHeaders().get("Kiban-Spec-Functions");
        assertEquals("juki:8.1.1/optional, juki:8.1.3/optional", claimed);
        assertTrue(b.getState() == Bundle.ACTIVE || b.getState() == Bundle.STARTING, "resolved and started: " + b.getState());
    }
}
