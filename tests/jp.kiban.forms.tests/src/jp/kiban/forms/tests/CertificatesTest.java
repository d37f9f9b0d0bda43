package jp.kiban.forms.tests;

import static jp.kiban.forms.tests.ResidentCopyTest.squeeze;
import static jp.kiban.forms.tests.ResidentCopyTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kiban.cli.KibanCli;
import jp.kiban.cli.OsgiServices;
import jp.kiban.core.address.Address;
import jp.kiban.core.date.WarekiDate;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.demo.DemoTown;
import jp.kiban.forms.CertificateKind;
import jp.kiban.forms.CertificateService;
import jp.kiban.forms.FormException;
import jp.kiban.forms.IssueHistory;
import jp.kiban.forms.IssueRecord;
import jp.kiban.forms.IssuedCertificate;
import jp.kiban.forms.ResidentCopyOptions;
import jp.kiban.forms.StatedItem;
import jp.kiban.forms.StatedItemsOptions;
import jp.kiban.forms.impl.ResidentCopyComponent;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Role;
import jp.kiban.core.date.RecordedDate;
import jp.kiban.core.name.AlphabetName;
import jp.kiban.core.name.Furigana;
import jp.kiban.resident.ChangeRequest;
import jp.kiban.resident.ForeignResidence;
import jp.kiban.resident.PersonData;
import jp.kiban.resident.Household;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.ResidentChanges;
import jp.kiban.resident.ResidentException;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentRegistry;
import jp.kiban.resident.ResidentStatus;
import jp.kiban.resident.ResidentType;
import jp.kiban.resident.SupportMeasure;
import jp.kiban.resident.SupportMeasures;

/**
 * 除票の写し, 記載事項証明書, 履歴, 転出証明書, 公印, 支援措置 and the 交付履歴, read back from the PDFs, on households
 * generated for this class (each test changes its own household).
 */
class CertificatesTest {
    static final Operator COUNTER = new Operator("madoguchi", "窓口 花子", "counter-01", Set.of(Role.COUNTER));
    static final Operator SUPERVISOR = new Operator("kacho", "審査 一郎", "counter-02", Set.of(Role.SUPERVISOR));
    static final String COPY_CERTIFICATION = "この写しは、住民票の原本と相違ないことを証明する。";

    static OsgiServices services;
    static CertificateService certificates;
    static ResidentRegistry registry;
    static ResidentChanges changes;
    static SupportMeasures support;
    static IssueHistory history;
    /** Japanese households of at least two members with a 世帯主, 世帯主 first; each test takes its own. */
    static List<List<ResidentRecord>> households;

    static int next;

    @BeforeAll
    static void town() {
        services = new OsgiServices(FrameworkUtil.getBundle(CertificatesTest.class).getBundleContext());
        MunicipalityService towns = services.get(MunicipalityService.class);
        if (towns.current().isEmpty()) {
            towns.configure(Municipality.demoTown());
        }
        registry = services.get(ResidentRegistry.class);
        Set<String> before = new HashSet<>();
        registry.exportCurrent(Operator.system(), true, r -> before.add(r.householdNumber().value()));
        services.get(DemoTown.class).generate(120, 29, DemoTown.Progress.NONE);
        certificates = services.get(CertificateService.class);
        changes = services.get(ResidentChanges.class);
        support = services.get(SupportMeasures.class);
        history = services.get(IssueHistory.class);
        Map<String, List<ResidentRecord>> all = new LinkedHashMap<>();
        registry.exportCurrent(Operator.system(), false, r -> {
            if (r.status() == ResidentStatus.RESIDENT && !before.contains(r.householdNumber().value())) {
                all.computeIfAbsent(r.householdNumber().value(), k -> new ArrayList<>()).add(r);
            }
        });
        households = all.values().stream()
                .filter(h -> h.size() >= 2 && h.stream().allMatch(r -> r.person().type() == ResidentType.JAPANESE)
                        && h.stream().anyMatch(ResidentRecord::isHead))
                .map(h -> h.stream().sorted(Household.MEMBER_ORDER).toList()).toList();
        assertTrue(households.size() >= 8, "households: " + households.size());
    }

    @AfterAll
    static void close() {
        System.clearProperty("kiban." + ResidentCopyComponent.SEAL_IMAGE_SETTING);
        System.clearProperty("kiban." + ResidentCopyComponent.SEAL_COLOUR_SETTING);
        services.close();
    }

    static synchronized List<ResidentRecord> household() {
        return households.get(next++);
    }

    /** Keeps a copy of a form under target/forms-samples for a person to look at (pdftoppm). */
    static String sample(String file, IssuedCertificate cert) {
        try {
            Path dir = Path.of("target", "forms-samples");
            Files.createDirectories(dir);
            Files.write(dir.resolve(file + ".pdf"), cert.pdf());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return text(cert);
    }

    static String name(ResidentRecord r) {
        return squeeze(r.person().name().fullName());
    }

    @Test
    void statedItemsPrintTheFourItemsAndOnlyTheItemsAskedFor() {
        ResidentRecord head = household().get(0);
        IssuedCertificate cert = certificates.statedItems(COUNTER, head.addresseeNumber(), StatedItemsOptions.person());
        String text = squeeze(text(cert));
        for (String item : List.of("住民票記載事項証明書", "氏名", "生年月日", "性別", "住所", name(head),
                head.person().birthDate().format(), head.person().sex().label(), squeeze(head.address().format()),
                "上記の事項は、住民票に記載されていることを証明する。",
                "発行番号" + LocalDate.now().format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "デモ町counter-01"
                        + cert.issueNumber() + "1/1")) {
            assertTrue(text.contains(item), item + " missing in\n" + text);
        }
        for (String omitted : List.of("住民票の写し", "世帯主", "続柄", "本籍", "筆頭者", "住民票コード", "個人番号",
                "住民となった日", "住所を定めた日", "届出日", "従前の住所", squeeze(head.person().furigana().value()),
                COPY_CERTIFICATION)) {
            assertFalse(text.contains(omitted), omitted + " printed without being asked for:\n" + text);
        }

        IssuedCertificate more = certificates.statedItems(COUNTER, head.addresseeNumber(),
                StatedItemsOptions.person(StatedItem.RELATIONSHIP, StatedItem.DOMICILE, StatedItem.FURIGANA,
                        StatedItem.RESIDENT_RECORD_CODE));
        String t = squeeze(sample("stated-items", more));
        for (String item : List.of("世帯主", "続柄", "世帯主", "本籍", "筆頭者", "住民票コード",
                squeeze(head.person().furigana().value()))) {
            assertTrue(t.contains(item), item + " missing");
        }
        head.person().residentRecordCode().ifPresent(c -> assertTrue(t.contains(c.value())));
        for (String omitted : List.of("個人番号", "住民となった日", "住所を定めた日", "届出日", "従前の住所")) {
            assertFalse(t.contains(omitted), omitted + " printed without being asked for");
        }
        // the 個人番号 needs the permission
        Operator business = new Operator("tax", "税務", "", Set.of(Role.BUSINESS));
        FormException e = assertThrows(FormException.class, () -> certificates.statedItems(business,
                head.addresseeNumber(), StatedItemsOptions.person(StatedItem.INDIVIDUAL_NUMBER)));
        assertEquals("individualNumber.notPermitted", e.code());
    }

    @Test
    void statedItemsOfChosenMembersInSpecificationOrder() {
        List<ResidentRecord> family = household();
        ResidentRecord last = family.get(family.size() - 1);
        IssuedCertificate cert = certificates.statedItems(COUNTER, last.addresseeNumber(),
                StatedItemsOptions.household(List.of(last.addresseeNumber(), family.get(0).addresseeNumber()),
                        StatedItem.RELATIONSHIP));
        String text = squeeze(sample("stated-items-members", cert));
        int head = text.indexOf(name(family.get(0)));
        int member = text.indexOf(name(last));
        assertTrue(head >= 0 && member > head, "世帯主 first:\n" + text);
        assertTrue(text.contains(last.relationship().label()));
        if (family.size() > 2) {
            assertFalse(text.contains(name(family.get(1))), "a member not chosen is printed");
        }
        String certification = "上記の事項は、住民票に記載されていることを証明する。";
        assertEquals(text.indexOf(certification), text.lastIndexOf(certification));
    }

    @Test
    void foreignResidentsCarryTheirResidenceItemsUnlessAskedToLeaveThemOut() {
        // 張 玉蓮 moves in from abroad with a 通称, as the specification's own example (5.3)
        Address home = household().get(0).address();
        PersonData zhang = PersonData.builder().type(ResidentType.FOREIGN).name("張", "玉蓮")
                .furigana("チャン　ユウリン").alphabetName(AlphabetName.of("ZHANG YULIN"))
                .commonName(jp.kiban.core.name.KanjiName.of("住民", "花子"), Furigana.of("ジュウミン　ハナコ"))
                .birthDate(RecordedDate.exact(LocalDate.of(1990, 3, 4))).sex(jp.kiban.resident.Sex.FEMALE)
                .foreign(ForeignResidence.midToLongTerm("中国", "技術・人文知識・国際業務", "3年",
                        LocalDate.now().plusYears(2), "AB12345678CD"))
                .build();
        AddresseeNumber number = changes.apply(Operator.system(), new ChangeRequest.MoveInFromAbroad(
                LocalDate.now().minusDays(10), LocalDate.now().minusDays(8), home.localGovernmentCode()
                        .map(Address.of(home.prefecture(), home.municipality(), home.town(), "77番地")
                                ::withLocalGovernmentCode)
                        .orElse(Address.of(home.prefecture(), home.municipality(), home.town(), "77番地")),
                Optional.empty(), "中華人民共和国上海市",
                Optional.empty(), List.of(new ChangeRequest.NewMember(zhang, Relationship.HEAD)))).persons().get(0);
        ResidentRecord f = registry.current(Operator.system(), number).orElseThrow();
        var residence = f.person().foreign().orElseThrow();
        String text = squeeze(sample("resident-copy-foreign", certificates.residentCopy(COUNTER, f.addresseeNumber(),
                ResidentCopyOptions.person())));
        for (String item : List.of("外国人住民となった日", "国籍・地域", squeeze(residence.nationality()), "区分（30条の45）",
                residence.category().label(), "在留資格", squeeze(residence.residenceStatus().orElseThrow()),
                "在留カード等番号", residence.cardNumber().orElseThrow(), "在留期間", "3年",
                (LocalDate.now().getYear() + 2) + "年", "ZHANGYULIN張玉蓮", "通称", "住民花子")) {
            assertTrue(text.contains(item), item + " missing in\n" + text);
        }
        assertFalse(text.contains("住民となった日" + "平成") || text.contains("本籍"), text);
        // dates of foreign residents in 西暦
        assertTrue(text.contains("1990年3月4日"), text);
        String without = squeeze(text(certificates.residentCopy(COUNTER, f.addresseeNumber(),
                ResidentCopyOptions.person().withoutResidenceDetails())));
        assertTrue(without.contains("国籍・地域"), without);
        for (String omitted : List.of("在留資格", "在留カード等番号", residence.cardNumber().orElseThrow(), "区分（30条の45）")) {
            assertFalse(without.contains(omitted), omitted + " printed though left out");
        }
    }

    @Test
    void memberOrderFollowsTheSpecification() {
        // 標準仕様書 5.2: 世帯主, 配偶者, 子 (第1順位), 子の配偶者, 孫 (第2), 父母, 兄弟姉妹, 祖父母 (第3), other relatives,
        // 縁故者, 同居人 (第4)
        List<Relationship> expected = List.of(Relationship.HEAD, Relationship.COMMON_LAW_WIFE, Relationship.CHILD,
                Relationship.CHILDS_WIFE, Relationship.GRANDCHILD, Relationship.GREAT_GRANDCHILD, Relationship.MOTHER,
                Relationship.YOUNGER_SISTER, Relationship.GRANDFATHER, Relationship.WIFES_MOTHER,
                Relationship.RELATIVE, Relationship.COHABITANT);
        List<Relationship> shuffled = new ArrayList<>(expected);
        java.util.Collections.reverse(shuffled);
        shuffled.sort(java.util.Comparator.comparingInt(Relationship::rank));
        assertEquals(expected, shuffled);
        // and the register's households come in that order
        for (List<ResidentRecord> h : households) {
            List<ResidentRecord> members = registry.household(Operator.system(), h.get(0).householdNumber()).members();
            for (int i = 1; i < members.size(); i++) {
                assertTrue(members.get(i - 1).relationship().rank() <= members.get(i).relationship().rank(),
                        members.stream().map(m -> m.relationship().label()).toList().toString());
            }
        }
    }

    @Test
    void removedPersonGetsARemovedCopyNotAResidentCopy() {
        List<ResidentRecord> family = household();
        ResidentRecord member = family.get(family.size() - 1);
        LocalDate died = LocalDate.now().minusDays(3);
        changes.apply(Operator.system(), new ChangeRequest.Death(died, LocalDate.now(), member.addresseeNumber(),
                Optional.empty(), Map.of()));

        FormException refused = assertThrows(FormException.class,
                () -> certificates.residentCopy(COUNTER, member.addresseeNumber(), ResidentCopyOptions.person()));
        assertEquals("person.removedUseRemovedCopy", refused.code());
        assertTrue(refused.getMessage(Locale.JAPANESE).contains("除票の写し"), refused.getMessage(Locale.JAPANESE));

        IssuedCertificate cert = certificates.removedResidentCopy(COUNTER, member.addresseeNumber(),
                ResidentCopyOptions.person());
        String text = squeeze(sample("removed-copy-death", cert));
        for (String item : List.of("住民票の除票の写し", name(member), "消除の年月日", WarekiDate.of(died).format(),
                "消除の事由", "死亡", "この写しは、住民票の除票の原本と相違ないことを証明する。")) {
            assertTrue(text.contains(item), item + " missing in\n" + text);
        }
        assertFalse(text.contains(COPY_CERTIFICATION));
        // the household copy of the others leaves the deceased out
        String household = squeeze(text(certificates.residentCopy(COUNTER, family.get(0).addresseeNumber(),
                ResidentCopyOptions.wholeHousehold())));
        assertFalse(household.contains(name(member)));
        assertTrue(household.contains(name(family.get(0))));
        // a living person has no 除票
        FormException living = assertThrows(FormException.class, () -> certificates
                .removedResidentCopy(COUNTER, family.get(0).addresseeNumber(), ResidentCopyOptions.person()));
        assertEquals("person.notRemoved", living.code());
        // 除票記載事項証明書 for the removed person
        String stated = squeeze(text(certificates.statedItems(COUNTER, member.addresseeNumber(),
                StatedItemsOptions.person())));
        assertTrue(stated.contains("住民票除票記載事項証明書"), stated);
        assertTrue(stated.contains("上記の事項は、住民票の除票に記載されていることを証明する。"), stated);
        assertTrue(stated.contains("死亡"), stated);
    }

    @Test
    void moveOutCertificateAndTheRemovedHouseholdAfterThePlannedDate() {
        List<ResidentRecord> family = household();
        List<AddresseeNumber> all = family.stream().map(ResidentRecord::addresseeNumber).toList();
        LocalDate planned = LocalDate.now().plusDays(10);
        FormException none = assertThrows(FormException.class,
                () -> certificates.moveOutCertificate(COUNTER, family.get(0).addresseeNumber()));
        assertEquals("moveOut.none", none.code());
        changes.apply(Operator.system(), new ChangeRequest.MoveOut(planned, LocalDate.now(), all,
                "北海道札幌市中央区北1条西2丁目1番地", false, Optional.empty(), Map.of()));

        IssuedCertificate cert = certificates.moveOutCertificate(COUNTER, family.get(1).addresseeNumber());
        String text = squeeze(sample("move-out", cert));
        for (String item : List.of("転出証明書", "転出先", "北海道札幌市中央区北1条西2丁目1番地", "転出予定年月日",
                WarekiDate.of(planned).format(), "届出日", WarekiDate.of(LocalDate.now()).format(), "続柄", "本籍",
                "筆頭者", "住民票コード", "個人番号", "上記の者は、転出の届出をしたことを証明する。")) {
            assertTrue(text.contains(squeeze(item)), item + " missing in\n" + text);
        }
        int previous = -1;
        for (ResidentRecord r : family) {
            int at = text.indexOf(name(r));
            assertTrue(at > previous, r.person().name().fullName() + " missing or out of order");
            previous = at;
            r.person().individualNumber().ifPresent(n -> assertTrue(text.contains(n.value())));
        }
        // before the planned date the family is still on the register: 住民票の写し without the 転出 items
        String copy = squeeze(text(certificates.residentCopy(COUNTER, family.get(0).addresseeNumber(),
                ResidentCopyOptions.wholeHousehold())));
        assertFalse(copy.contains("転出"), copy);
        // the certificate carries the 個人番号: not issued to an operator who may not print it
        FormException business = assertThrows(FormException.class, () -> certificates.moveOutCertificate(
                new Operator("tax", "税務", "", Set.of(Role.BUSINESS)), family.get(0).addresseeNumber()));
        assertEquals("individualNumber.notPermitted", business.code());
    }

    @Test
    void removedHouseholdCopyListsThoseWhoMovedOutTogether() {
        List<ResidentRecord> family = household();
        List<AddresseeNumber> all = family.stream().map(ResidentRecord::addresseeNumber).toList();
        LocalDate moved = LocalDate.now().minusDays(2);
        changes.apply(Operator.system(), new ChangeRequest.MoveOut(moved, LocalDate.now().minusDays(5), all,
                "大阪府大阪市北区梅田1丁目1番1号", false, Optional.empty(), Map.of()));
        IssuedCertificate cert = certificates.removedResidentCopy(COUNTER, family.get(1).addresseeNumber(),
                ResidentCopyOptions.wholeHousehold().withRelationship());
        String text = squeeze(sample("removed-copy-household", cert));
        int previous = -1;
        for (ResidentRecord r : family) {
            int at = text.indexOf(name(r));
            assertTrue(at > previous, r.person().name().fullName() + " missing or out of order in\n" + text);
            previous = at;
        }
        for (String item : List.of("住民票の除票の写し", "消除の年月日", WarekiDate.of(moved).format(), "国内転出", "転出先",
                "大阪府大阪市北区梅田1丁目1番1号", "続柄")) {
            assertTrue(text.contains(item), item + " missing in\n" + text);
        }
    }

    @Test
    void historyOptionPrintsEarlierAddresses() {
        List<ResidentRecord> family = household();
        ResidentRecord head = family.get(0);
        Address old = head.address();
        Address moved = Address.of(old.prefecture(), old.municipality(), old.town(), "98番地7");
        if (old.localGovernmentCode().isPresent()) {
            moved = moved.withLocalGovernmentCode(old.localGovernmentCode().get());
        }
        changes.apply(Operator.system(), ChangeRequest.MoveWithinTown.of(LocalDate.now().minusDays(1), LocalDate.now(),
                family.stream().map(ResidentRecord::addresseeNumber).toList(), moved, Optional.empty()));
        List<ResidentRecord> snapshots = registry.history(Operator.system(), head.addresseeNumber());
        assertTrue(snapshots.size() >= 2);

        String plain = squeeze(text(certificates.residentCopy(COUNTER, head.addresseeNumber(),
                ResidentCopyOptions.person())));
        assertFalse(plain.contains("履歴"), plain);
        assertTrue(plain.contains(squeeze(moved.format())));

        IssuedCertificate cert = certificates.residentCopy(COUNTER, head.addresseeNumber(),
                ResidentCopyOptions.person().withHistory());
        String text = squeeze(sample("resident-copy-history", cert));
        for (ResidentRecord s : snapshots) {
            assertTrue(text.contains("履歴" + s.historyNumber()), "履歴" + s.historyNumber() + " missing in\n" + text);
            assertTrue(text.contains(s.change().reason().label()), s.change().reason().label());
            assertTrue(text.contains(WarekiDate.of(s.change().changeDate()).format()), s.change().changeDate() + "");
        }
        assertTrue(text.contains("転居"), text);
        assertTrue(text.indexOf(squeeze(old.format())) >= 0, "the earlier address is missing");
        assertEquals(text.indexOf(COPY_CERTIFICATION), text.lastIndexOf(COPY_CERTIFICATION));
        assertTrue(history.find(Operator.system(), Optional.of(head.addresseeNumber()), null, null).stream()
                .anyMatch(r -> r.issueNumber().orElse("").equals(cert.issueNumber()) && r.items().contains("履歴")));
    }

    @Test
    void supportMeasureBlocksEveryCertificateAboutThePerson() {
        List<ResidentRecord> family = household();
        ResidentRecord protectedPerson = family.get(family.size() - 1);
        AddresseeNumber p = protectedPerson.addresseeNumber();
        // only a supervisor sets it
        ResidentException notAllowed = assertThrows(ResidentException.class,
                () -> support.set(COUNTER, p, "DV", LocalDate.now(), null));
        assertEquals("support.notPermitted", notAllowed.code());
        assertThrows(ResidentException.class, () -> support.set(SUPERVISOR, p, "  ", LocalDate.now(), null));
        ResidentException reversed = assertThrows(ResidentException.class,
                () -> support.set(SUPERVISOR, p, "DV", LocalDate.now(), LocalDate.now().minusDays(1)));
        assertEquals("support.periodReversed", reversed.code());
        assertTrue(support.current(COUNTER, p).isEmpty(), "a refused set stored something");

        support.set(SUPERVISOR, p, "配偶者からの暴力（加害者: 元配偶者）", LocalDate.now(), LocalDate.now().plusYears(1));
        SupportMeasure seenByCounter = support.current(COUNTER, p).orElseThrow();
        assertTrue(seenByCounter.reason().isEmpty() && seenByCounter.reasonWithheld(), "reason shown to the counter");
        assertEquals("配偶者からの暴力（加害者: 元配偶者）", support.current(SUPERVISOR, p).orElseThrow().reason().orElseThrow());
        try {
            FormException own = assertThrows(FormException.class,
                    () -> certificates.residentCopy(COUNTER, p, ResidentCopyOptions.person()));
            assertEquals("support.measure", own.code());
            assertTrue(own.getMessage(Locale.JAPANESE).contains("支援措置"), own.getMessage(Locale.JAPANESE));
            assertFalse(own.getMessage(Locale.JAPANESE).contains("暴力"), "reason shown to the counter");
            FormException forSupervisor = assertThrows(FormException.class,
                    () -> certificates.residentCopy(SUPERVISOR, p, ResidentCopyOptions.person()));
            assertTrue(forSupervisor.getMessage(Locale.JAPANESE).contains("暴力"), forSupervisor.getMessage(Locale.JAPANESE));
            assertFalse(forSupervisor.getMessage().contains("暴力"), "reason in the English (log) text");
            // a household copy asked for by another member includes the person: refused too
            FormException household = assertThrows(FormException.class, () -> certificates
                    .residentCopy(COUNTER, family.get(0).addresseeNumber(), ResidentCopyOptions.wholeHousehold()));
            assertTrue(household.code().startsWith("support.measure"));
            assertThrows(FormException.class, () -> certificates.statedItems(COUNTER, p, StatedItemsOptions.person()));
            // the others alone are still served
            text(certificates.residentCopy(COUNTER, family.get(0).addresseeNumber(), ResidentCopyOptions.person()));

            List<IssueRecord> lines = history.find(Operator.system(), Optional.of(p), LocalDate.now(), LocalDate.now());
            assertTrue(lines.stream().filter(IssueRecord::refused).count() >= 3, lines.toString());
            IssueRecord refused = lines.stream().filter(IssueRecord::refused).filter(l -> l.operatorId().equals("madoguchi"))
                    .findFirst().orElseThrow();
            assertTrue(refused.refusal().orElseThrow().startsWith("support.measure"));
            assertTrue(refused.issueNumber().isEmpty());
            assertEquals("counter-01", refused.terminal());
        } finally {
            support.clear(SUPERVISOR, p, "申出の終了");
        }
        assertTrue(support.current(COUNTER, p).isEmpty());
        text(certificates.residentCopy(COUNTER, p, ResidentCopyOptions.person()));
        ResidentException again = assertThrows(ResidentException.class, () -> support.clear(SUPERVISOR, p, "x"));
        assertEquals("support.none", again.code());
        // a measure starting later does not block yet
        support.set(SUPERVISOR, p, "予定", LocalDate.now().plusDays(5), null);
        try {
            text(certificates.residentCopy(COUNTER, p, ResidentCopyOptions.person()));
        } finally {
            support.clear(SUPERVISOR, p, "取りやめ");
        }
    }

    @Test
    void issueHistoryRecordsWhoWhenWhatForWhom() {
        List<ResidentRecord> family = household();
        ResidentRecord head = family.get(0);
        IssuedCertificate cert = certificates.residentCopy(COUNTER, head.addresseeNumber(),
                ResidentCopyOptions.wholeHousehold().withRelationship().withIndividualNumber());
        sample("resident-copy-household", cert);
        List<IssueRecord> lines = history.find(SUPERVISOR, Optional.of(family.get(1).addresseeNumber()), null, null);
        IssueRecord line = lines.stream().filter(l -> l.issueNumber().equals(Optional.of(cert.issueNumber())))
                .findFirst().orElseThrow(() -> new AssertionError("not recorded: " + lines));
        assertEquals("madoguchi", line.operatorId());
        assertEquals("窓口 花子", line.operatorName());
        assertEquals(CertificateKind.RESIDENT_COPY, line.kind());
        assertEquals(head.addresseeNumber(), line.requestedFor());
        assertEquals(family.stream().map(ResidentRecord::addresseeNumber).toList(), line.persons());
        assertEquals(cert.pages(), line.pages());
        assertTrue(line.individualNumber());
        assertTrue(line.items().contains("世帯連記") && line.items().contains("続柄") && line.items().contains("個人番号"),
                line.items());
        assertFalse(line.refused());
        // by period: today has it, yesterday does not
        assertTrue(history.find(SUPERVISOR, Optional.empty(), LocalDate.now(), LocalDate.now()).contains(line));
        assertFalse(history.find(SUPERVISOR, Optional.empty(), null, LocalDate.now().minusDays(1)).contains(line));
        FormException reversed = assertThrows(FormException.class,
                () -> history.find(SUPERVISOR, Optional.empty(), LocalDate.now(), LocalDate.now().minusDays(1)));
        assertEquals("history.periodReversed", reversed.code());
        // a form that is not produced is recorded as refused, with no 発行番号
        FormException unknown = assertThrows(FormException.class, () -> certificates.residentCopy(COUNTER,
                head.addresseeNumber(), ResidentCopyOptions.wholeHousehold().withMembers(List.of(
                        households.get(households.size() - 1).get(0).addresseeNumber()))));
        assertEquals("member.notInHousehold", unknown.code());
        assertTrue(history.find(SUPERVISOR, Optional.of(head.addresseeNumber()), null, null).stream()
                .anyMatch(l -> l.refusal().equals(Optional.of("member.notInHousehold")) && l.issueNumber().isEmpty()));
        // 処分情報: a certificate issued by mistake is marked, not deleted
        assertTrue(line.disposal().isEmpty());
        FormException noNote = assertThrows(FormException.class, () -> history.dispose(COUNTER, cert.issueNumber(), " "));
        assertEquals("history.disposeNote", noNote.code());
        FormException business = assertThrows(FormException.class, () -> history.dispose(
                new Operator("tax", "税務", "", Set.of(Role.BUSINESS)), cert.issueNumber(), "印刷ミス"));
        assertEquals("history.disposeNotPermitted", business.code());
        history.dispose(COUNTER, String.valueOf(Long.parseLong(cert.issueNumber())), "印刷ミス（用紙詰まり）");
        IssueRecord disposed = history.find(SUPERVISOR, Optional.of(head.addresseeNumber()), null, null).stream()
                .filter(l -> l.id().equals(line.id())).findFirst().orElseThrow();
        assertEquals("印刷ミス（用紙詰まり）", disposed.disposal().orElseThrow().note());
        assertEquals("madoguchi", disposed.disposal().orElseThrow().operatorId());
        assertEquals(Optional.of(cert.issueNumber()), disposed.issueNumber(), "the line stays as it was");
        assertEquals("history.alreadyDisposed", assertThrows(FormException.class,
                () -> history.dispose(COUNTER, cert.issueNumber(), "again")).code());
        assertEquals("history.unknownNumber", assertThrows(FormException.class,
                () -> history.dispose(COUNTER, "99999999", "x")).code());
    }

    @Test
    void sealIsDrawnOverTheMayorsNameOrTakenFromTheTownsImage() throws IOException {
        ResidentRecord head = household().get(0);
        // drawn by the form: the title text inside the seal, black as the specification fixes
        String text = squeeze(sample("resident-copy", certificates.residentCopy(COUNTER, head.addresseeNumber(),
                ResidentCopyOptions.person())));
        assertTrue(text.contains("東京都デモ町町長基盤太郎"), "職名 with the prefecture:\n" + text);
        assertTrue(text.contains("デモ町長之印"), text);
        byte[] black = certificates.residentCopy(COUNTER, head.addresseeNumber(), ResidentCopyOptions.person()).pdf();
        assertEquals(0, pixels(black, 180, 60, 60), "red pixels on a black seal");

        System.setProperty("kiban." + ResidentCopyComponent.SEAL_COLOUR_SETTING, "red");
        try {
            byte[] red = certificates.residentCopy(COUNTER, head.addresseeNumber(), ResidentCopyOptions.person()).pdf();
            assertTrue(pixels(red, 180, 60, 60) > 100, "no red seal");
            sample("resident-copy-red-seal", certificates.residentCopy(COUNTER, head.addresseeNumber(),
                    ResidentCopyOptions.person()));
        } finally {
            System.clearProperty("kiban." + ResidentCopyComponent.SEAL_COLOUR_SETTING);
        }

        Path png = Files.createTempDirectory("seal").resolve("seal.png");
        BufferedImage seal = new BufferedImage(100, 100, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = seal.createGraphics();
        g.setColor(new Color(0, 0, 255));
        g.fillRect(10, 10, 80, 80);
        g.dispose();
        ImageIO.write(seal, "png", png.toFile());
        System.setProperty("kiban." + ResidentCopyComponent.SEAL_IMAGE_SETTING, png.toString());
        try {
            IssuedCertificate withImage = certificates.residentCopy(COUNTER, head.addresseeNumber(),
                    ResidentCopyOptions.person());
            assertFalse(squeeze(sample("resident-copy-seal-image", withImage)).contains("之印"));
            try (PDDocument doc = Loader.loadPDF(withImage.pdf())) {
                var resources = doc.getPage(doc.getNumberOfPages() - 1).getResources();
                boolean image = false;
                for (COSName name : resources.getXObjectNames()) {
                    image |= resources.isImageXObject(name);
                }
                assertTrue(image, "no seal image on the last page");
            }
            assertTrue(pixels(withImage.pdf(), 0, 0, 255) > 500, "the seal image is not drawn");
            System.setProperty("kiban." + ResidentCopyComponent.SEAL_IMAGE_SETTING, png + ".missing");
            FormException missing = assertThrows(FormException.class,
                    () -> certificates.residentCopy(COUNTER, head.addresseeNumber(), ResidentCopyOptions.person()));
            assertEquals("seal.missingFile", missing.code());
        } finally {
            System.clearProperty("kiban." + ResidentCopyComponent.SEAL_IMAGE_SETTING);
        }
    }

    /** Pixels of the last page (72 dpi) with red, green, blue each within 60 of the colour asked for. */
    static int pixels(byte[] pdf, int red, int green, int blue) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(doc.getNumberOfPages() - 1, 72);
            int count = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y);
                    if (Math.abs(((rgb >> 16) & 0xFF) - red) < 60 && Math.abs(((rgb >> 8) & 0xFF) - green) < 60
                            && Math.abs((rgb & 0xFF) - blue) < 60) {
                        count++;
                    }
                }
            }
            return count;
        }
    }

    @Test
    void aDraftForThePreviewTakesNoNumberAndIsNotInTheHistory() throws IOException {
        List<ResidentRecord> family = household();
        ResidentRecord head = family.get(0);
        int before = history.find(SUPERVISOR, Optional.of(head.addresseeNumber()), null, null).size();
        IssuedCertificate first = certificates.residentCopy(COUNTER, head.addresseeNumber(), ResidentCopyOptions.person());
        IssuedCertificate draft = certificates.draft(
                () -> certificates.residentCopy(COUNTER, head.addresseeNumber(), ResidentCopyOptions.wholeHousehold()));
        sample("resident-copy-draft", draft);
        assertEquals("見本", draft.issueNumber());
        try (PDDocument pdf = Loader.loadPDF(draft.pdf())) {
            String text = squeeze(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf));
            assertTrue(text.contains("見本") && text.contains("この見本は証明書ではありません"), text);
            assertTrue(text.contains("住民票の写し"), text);
        }
        // the draft took no 発行番号: the next issued copy follows the first directly; the history has the two only
        IssuedCertificate second = certificates.residentCopy(COUNTER, head.addresseeNumber(), ResidentCopyOptions.person());
        assertEquals(Long.parseLong(first.issueNumber()) + 1, Long.parseLong(second.issueNumber()));
        assertEquals(before + 2, history.find(SUPERVISOR, Optional.of(head.addresseeNumber()), null, null).size());
        // a draft is refused exactly as the certificate would be (a person not in the household)
        FormException refused = assertThrows(FormException.class, () -> certificates.draft(() -> certificates.residentCopy(COUNTER,
                head.addresseeNumber(), ResidentCopyOptions.wholeHousehold().withMembers(List.of(
                        households.get(households.size() - 1).get(0).addresseeNumber())))));
        assertEquals("member.notInHousehold", refused.code());
        // outside draft() the same service issues again
        assertTrue(certificates.residentCopy(COUNTER, head.addresseeNumber(), ResidentCopyOptions.person()).issueNumber()
                .matches("\\d{8}"));
    }

    @Test
    void cliIssuesEveryKindAndShowsTheHistoryAndSupportMeasures() throws IOException {
        List<ResidentRecord> family = household();
        String head = family.get(0).addresseeNumber().value();
        Path dir = Files.createTempDirectory("certs");
        JsonNode stated = json(0, "cert", "stated", "--person", head, "--item", "RELATIONSHIP,FURIGANA", "--out",
                dir.resolve("stated.pdf").toString(), "--json");
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(dir.resolve("stated.pdf")))) {
            String text = squeeze(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf));
            assertTrue(text.contains("住民票記載事項証明書") && text.contains("続柄") && !text.contains("本籍"), text);
        }
        JsonNode lines = json(0, "cert", "history", "--person", head, "--json");
        boolean found = false;
        for (JsonNode line : lines.path("history")) {
            found |= line.path("issueNumber").asText().equals(stated.path("issueNumber").asText())
                    && line.path("kind").asText().equals("STATED_ITEMS");
        }
        assertTrue(found, lines.toString());
        // refusals are reported on stderr with exit code 1, nothing written
        Path none = dir.resolve("none.pdf");
        run(1, "cert", "removed", "--person", head, "--out", none.toString());
        assertFalse(Files.exists(none));
        run(1, "cert", "move-out", "--person", head, "--out", none.toString());
        run(2, "cert", "history", "--from", "yesterday");
        json(0, "cert", "dispose", "--number", stated.path("issueNumber").asText(), "--note", "記載誤り", "--json");
        boolean disposed = false;
        for (JsonNode line : json(0, "cert", "history", "--person", head, "--json").path("history")) {
            disposed |= line.path("issueNumber").asText().equals(stated.path("issueNumber").asText())
                    && line.path("disposalNote").asText().equals("記載誤り");
        }
        assertTrue(disposed, "disposal not in the history");
        run(1, "cert", "dispose", "--number", stated.path("issueNumber").asText(), "--note", "again");

        String member = family.get(1).addresseeNumber().value();
        JsonNode set = json(0, "resident", "support", "set", "--person", member, "--reason", "ストーカー行為",
                "--json");
        assertTrue(set.path("supportMeasure").asBoolean());
        assertEquals("ストーカー行為", json(0, "resident", "support", "show", "--person", member, "--json").path("reason")
                .asText());
        String err = run(1, "cert", "resident", "--person", member, "--out", none.toString());
        assertTrue(err.contains("support measure") && !err.contains("ストーカー"), err);
        json(0, "resident", "support", "clear", "--person", member, "--note", "終了", "--json");
        assertFalse(json(0, "resident", "support", "show", "--person", member, "--json").path("supportMeasure")
                .asBoolean());
        run(1, "resident", "support", "clear", "--person", member, "--note", "again");

        for (String[] help : List.of(new String[] { "cert", "--help" }, new String[] { "cert", "stated", "--help" },
                new String[] { "cert", "removed", "--help" }, new String[] { "cert", "move-out", "--help" },
                new String[] { "cert", "history", "--help" }, new String[] { "cert", "dispose", "--help" }, new String[] { "resident", "support", "--help" })) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new KibanCli(services, new PrintStream(out, true, StandardCharsets.UTF_8), System.err).run(help);
            String h = out.toString(StandardCharsets.UTF_8);
            assertTrue(h.contains("Usage"), Arrays.toString(help) + ": " + h);
            if (help.length == 2 && help[0].equals("cert")) {
                for (String sub : List.of("resident", "removed", "stated", "move-out", "history")) {
                    assertTrue(h.contains(sub), sub + " not in cert --help");
                }
            }
        }
    }

    /** The CLI logs in like a script does once users exist (the demo town has its demo accounts). */
    static String[] loggedIn(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--user";
        all[1] = "shinsa";
        System.arraycopy(args, 0, all, 2, args.length);
        return all;
    }

    static JsonNode json(int expected, String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new KibanCli(services, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), java.util.Map.of("KIBAN_PASSWORD", "shinsa-demo-1"), prompt -> null).run(loggedIn(args));
        assertEquals(expected, code, Arrays.toString(args) + ": " + err.toString(StandardCharsets.UTF_8));
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    static String run(int expected, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new KibanCli(services, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), java.util.Map.of("KIBAN_PASSWORD", "shinsa-demo-1"), prompt -> null).run(loggedIn(args));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(expected, code, Arrays.toString(args) + ": " + e + out.toString(StandardCharsets.UTF_8));
        return e;
    }

    /** Not a test of speed: prints the median time of one 住民票の写し after warm-up, for the record. */
    @Test
    void measureOneResidentCopy() {
        ResidentRecord head = household().get(0);
        for (int i = 0; i < 5; i++) {
            certificates.residentCopy(COUNTER, head.addresseeNumber(), ResidentCopyOptions.person());
        }
        long[] nanos = new long[20];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            IssuedCertificate cert = certificates.residentCopy(COUNTER, head.addresseeNumber(),
                    ResidentCopyOptions.person());
            nanos[i] = System.nanoTime() - start;
            assertEquals(1, cert.pages());
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "MEASURE 住民票の写し (one person, one page): median %.1f ms, min %.1f ms, max %.1f ms"
                + " over %d after 5 warm-up%n", (nanos[9] + nanos[10]) / 2e6, nanos[0] / 1e6, nanos[19] / 1e6,
                nanos.length);
    }
}
