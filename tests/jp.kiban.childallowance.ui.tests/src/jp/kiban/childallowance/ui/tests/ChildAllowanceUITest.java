package jp.kiban.childallowance.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import jp.kiban.childallowance.ChildAllowance;
import jp.kiban.childallowance.Recipient;
import jp.kiban.childallowance.ui.internal.ApplicationPart;
import jp.kiban.childallowance.ui.internal.RecipientPart;
import jp.kiban.childallowance.ui.internal.RecipientsPart;
import jp.kiban.childallowance.ui.internal.TasksPart;
import jp.kiban.core.address.Address;
import jp.kiban.core.address.PostalCode;
import jp.kiban.core.address.Prefecture;
import jp.kiban.core.date.RecordedDate;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.core.id.LocalGovernmentCode;
import jp.kiban.core.name.Furigana;
import jp.kiban.core.name.KanjiName;
import jp.kiban.forms.ui.FormPreviewDialog;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;
import jp.kiban.platform.Operator;
import jp.kiban.resident.ChangeRequest;
import jp.kiban.resident.ChangeResult;
import jp.kiban.resident.MoveOutCertificate;
import jp.kiban.resident.PersonData;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.ResidentChanges;
import jp.kiban.resident.Sex;
import jp.kiban.testing.ui.Bot;
import jp.kiban.testing.ui.Desk;
import jp.kiban.testing.ui.ScreenshotOnFailure;
import jp.kiban.ui.UiKeys;

/**
 * 児童手当 in the real desk client, as the demo administrator (児童手当 staff rights through 審査): the demo town's
 * recipients, a family that moved in ten days ago (テアテ …) with a student of 20, a pupil and a toddler: the 認定請求
 * refused by the field, then certified with the student counted so that the toddler is the third child (30,000), the
 * recipient with the schedule and the 認定通知書, and the 転入's task.
 */
@ExtendWith(ScreenshotOnFailure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChildAllowanceUITest {
    static final String CATEGORY = "児童手当";
    static final Bot bot = new Bot(UiKeys.KEY);
    static final Desk desk = new Desk(bot, CATEGORY);
    static BundleContext context;
    static LocalDate moveIn;
    static AddresseeNumber father;
    static HouseholdNumber family;

    static <T> T service(Class<T> type) {
        return context.getService(context.getServiceReference(type));
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Tokyo"));
    }

    @BeforeAll
    static void family() {
        context = FrameworkUtil.getBundle(ChildAllowanceUITest.class).getBundleContext();
        ChildAllowance allowance = Bot.waitFor("the 児童手当 service", () -> {
            var ref = context.getServiceReference(ChildAllowance.class);
            return ref == null ? null : context.getService(ref);
        }, Duration.ofSeconds(60));
        Bot.waitFor("the demo town's recipients", () -> allowance.recipients(Operator.system(), "", false,
                YearMonth.from(today()), 1).isEmpty() ? null : Boolean.TRUE, Duration.ofMinutes(3));
        Municipality town = service(MunicipalityService.class).current().orElseThrow();
        Prefecture prefecture = Prefecture.ofCode(town.code().prefectureCode());
        moveIn = today().minusDays(10);
        ChangeResult r = service(ResidentChanges.class).apply(Operator.system(),
                new ChangeRequest.DomesticMoveIn(moveIn, moveIn,
                        Address.of(prefecture, town.name(), "本町", "77番地").withBuilding("手当荘2号"),
                        Optional.of(PostalCode.of("0000101")), "東京都千代田区霞が関一丁目1番1号",
                        new MoveOutCertificate(LocalGovernmentCode.of("131016"), moveIn.minusDays(1), town.name()),
                        Optional.empty(), List.of(
                                new ChangeRequest.NewMember(person("手当", "太郎", "テアテ　タロウ", LocalDate.of(1980, 5, 10), Sex.MALE), Relationship.HEAD),
                                new ChangeRequest.NewMember(person("手当", "花子", "テアテ　ハナコ", LocalDate.of(1982, 6, 1), Sex.FEMALE), Relationship.WIFE),
                                new ChangeRequest.NewMember(person("手当", "学", "テアテ　マナブ", today().minusYears(20), Sex.MALE), Relationship.CHILD),
                                new ChangeRequest.NewMember(person("手当", "二葉", "テアテ　フタバ", today().minusYears(12), Sex.FEMALE), Relationship.CHILD),
                                new ChangeRequest.NewMember(person("手当", "三郎", "テアテ　サブロウ", today().minusYears(1), Sex.MALE), Relationship.CHILD))));
        father = r.persons().get(0);
        family = r.households().get(0);
    }

    static PersonData person(String family, String given, String kana, LocalDate birth, Sex sex) {
        return PersonData.builder().name(KanjiName.of(family, given)).furigana(Furigana.of(kana))
                .birthDate(RecordedDate.exact(birth)).sex(sex).build();
    }

    @AfterAll
    static void closeDialogs() {
        Desk.closePreviews();
    }

    @Test
    @Order(1)
    void theDemoTownsRecipientsAreListedAndSearched() {
        desk.open("児童手当 受給者一覧");
        List<List<String>> all = bot.rows(RecipientsPart.RESULTS);
        assertFalse(all.isEmpty(), "the demo town's recipients");
        assertTrue(bot.text(RecipientsPart.STATUS).contains("受給者"), bot.text(RecipientsPart.STATUS));
        Bot.screenshot("jidoteate-01-recipients");

        desk.field("recipients.month", "令和8年13月");
        bot.click(RecipientsPart.SEARCH);
        assertTrue(desk.message("recipients.month").contains("年月ではありません"), desk.message("recipients.month"));
        desk.field("recipients.month", "2026-12");
        desk.field("recipients.text", "テアテ");
        bot.click(RecipientsPart.SEARCH);
        assertEquals("", desk.message("recipients.month"));
        assertTrue(bot.rows(RecipientsPart.RESULTS).isEmpty(), "our family has not applied yet");
    }

    @Test
    @Order(2)
    void theApplicationIsRefusedByTheFieldThenCertified() {
        desk.open("児童手当 認定請求");
        desk.field("app.applicant", father.value());
        bot.click(ApplicationPart.LOAD);
        List<List<String>> rows = bot.rows(ApplicationPart.CHILDREN);
        assertEquals(4, rows.size(), rows.toString());
        int student = desk.rowWith(ApplicationPart.CHILDREN, "手当　学");
        assertTrue(rows.get(student).get(4).contains("高校生年代後"), rows.get(student).toString());
        assertTrue(rows.get(desk.rowWith(ApplicationPart.CHILDREN, "手当　三郎")).get(4).contains("児童"));

        // a 請求日 in the future: refused by the field; nothing typed is lost
        String future = today().plusDays(3).toString();
        desk.field("app.applied", future);
        bot.choose("form.app.trigger", "転入");
        desk.field("app.event", moveIn.toString());
        bot.click(ApplicationPart.CERTIFY);
        assertTrue(desk.message("app.applied").contains("未来の日付"), desk.message("app.applied"));
        assertTrue(bot.text(ApplicationPart.STATUS).contains("入力した内容はそのまま"), bot.text(ApplicationPart.STATUS));
        assertEquals(future, Bot.ui(() -> bot.widget(Text.class, "form.app.applied").getText()));
        Bot.screenshot("jidoteate-02-application-refused");

        // the student (20) ticked: the 確認書 was handed in, so the toddler is the third child
        Table table = bot.widget(Table.class, ApplicationPart.CHILDREN);
        Bot.ui(() -> table.getItem(student).setChecked(true));
        desk.field("app.applied", today().minusDays(5).toString());
        bot.click(ApplicationPart.CERTIFY);
        Bot.waitFor("the recipient part", () -> bot.text(RecipientPart.TITLE).contains("手当　太郎") ? Boolean.TRUE : null);

        Recipient r = service(ChildAllowance.class).recipientOf(Operator.system(), father).orElseThrow();
        YearMonth start = YearMonth.from(moveIn).plusMonths(1);
        assertEquals(start, r.startMonth(), "the 15日特例: the month after the 転入");
        desk.field("view.month", start.toString());
        bot.click(RecipientPart.SHOW);
        List<List<String>> children = bot.rows(RecipientPart.CHILDREN);
        List<String> toddler = children.get(desk.rowWith(RecipientPart.CHILDREN, "手当　三郎"));
        assertEquals("第3子", toddler.get(4));
        assertEquals("30,000", toddler.get(5));
        assertTrue(bot.text(RecipientPart.SUMMARY).contains("40,000円"), bot.text(RecipientPart.SUMMARY));
        assertEquals(7, bot.rows(RecipientPart.SCHEDULE).size(), "six payments and the total");
        Bot.screenshot("jidoteate-03-recipient");

        bot.clickAsync(RecipientPart.NOTICE);
        Shell preview = bot.shell("the notice preview", s -> FormPreviewDialog.SHELL.equals(s.getData(UiKeys.KEY)));
        org.eclipse.swt.widgets.Label image = bot.widget(org.eclipse.swt.widgets.Label.class, FormPreviewDialog.IMAGE);
        Bot.waitFor("the rendered page", () -> Bot.ui(() -> image.getImage() != null ? Boolean.TRUE : null));
        Bot.screenshot("jidoteate-04-notice-preview");
        Bot.ui(preview::close);
    }

    @Test
    @Order(3)
    void theMoveInLeftATaskThatTheCertificationAnswered() {
        desk.open("児童手当 確認事項");
        assertTrue(bot.rows(TasksPart.TABLE).stream().noneMatch(r -> r.get(3).equals(family.value())),
                "the 認定 closed the 勧奨");
        bot.check(TasksPart.DONE, true);
        int row = desk.rowWith(TasksPart.TABLE, family.value());
        List<String> task = bot.rows(TasksPart.TABLE).get(row);
        assertTrue(task.get(1).contains("転入：認定請求の勧奨"), task.toString());
        assertTrue(task.get(2).contains("完了") && task.get(2).contains("認定により完了"), task.toString());
        assertFalse(task.get(6).isBlank(), "the last day of the 15日特例");
        Bot.screenshot("jidoteate-05-tasks");
    }
}
