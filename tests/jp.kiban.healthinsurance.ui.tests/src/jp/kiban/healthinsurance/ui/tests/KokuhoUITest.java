package jp.kiban.healthinsurance.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.widgets.ProgressBar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import jp.kiban.core.address.Address;
import jp.kiban.core.address.PostalCode;
import jp.kiban.core.address.Prefecture;
import jp.kiban.core.date.RecordedDate;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.core.id.LocalGovernmentCode;
import jp.kiban.core.name.Furigana;
import jp.kiban.core.name.KanjiName;
import jp.kiban.healthinsurance.AcquisitionReason;
import jp.kiban.healthinsurance.HealthInsurance;
import jp.kiban.healthinsurance.KokuhoBatch;
import jp.kiban.healthinsurance.KokuhoNotices;
import jp.kiban.healthinsurance.ui.internal.BatchPart;
import jp.kiban.healthinsurance.ui.internal.HouseholdPart;
import jp.kiban.healthinsurance.ui.internal.HouseholdsPart;
import jp.kiban.healthinsurance.ui.internal.RatesPart;
import jp.kiban.healthinsurance.ui.internal.TasksPart;
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
import jp.kiban.testing.ui.ProgressGate;
import jp.kiban.testing.ui.ScreenshotOnFailure;
import jp.kiban.ui.UiKeys;

/**
 * 国民健康保険 in the real desk client, as the administrator (国保 staff rights through 審査, and the rates): the
 * demo town's households, a family that moved in (資格取得 by the clerk with the refusals by the field, incomes, the
 * tax and its 納税通知書), the task the 転入 left, the rates, and the yearly batch with its progress bar, a cancel and a
 * full run.
 */
@ExtendWith(ScreenshotOnFailure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KokuhoUITest {
    static final String CATEGORY = "国民健康保険";
    static BundleContext context;
    static LocalDate moveIn;
    static HouseholdNumber family;
    static final Bot bot = new Bot(UiKeys.KEY);
    static final Desk desk = new Desk(bot, CATEGORY);

    static <T> T service(Class<T> type) {
        return context.getService(context.getServiceReference(type));
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Tokyo"));
    }

    /** After the demo town's 国保 share is in: a family of our own (コクホ …) that moved in three weeks ago. */
    @BeforeAll
    static void family() {
        context = FrameworkUtil.getBundle(KokuhoUITest.class).getBundleContext();
        HealthInsurance kokuho = Bot.waitFor("the 国保 service", () -> {
            var ref = context.getServiceReference(HealthInsurance.class);
            return ref == null ? null : context.getService(ref);
        }, Duration.ofSeconds(60));
        int year = KokuhoNotices.fiscalYearOf(today());
        Bot.waitFor("the demo town's 国保 households", () -> kokuho.households(Operator.system(), "", year, 1).isEmpty()
                ? null : Boolean.TRUE, Duration.ofMinutes(3));
        Municipality town = service(MunicipalityService.class).current().orElseThrow();
        Prefecture prefecture = Prefecture.ofCode(town.code().prefectureCode());
        moveIn = today().minusDays(21);
        ChangeResult r = service(ResidentChanges.class).apply(Operator.system(),
                new ChangeRequest.DomesticMoveIn(moveIn, moveIn,
                        Address.of(prefecture, town.name(), "本町", "88番地").withBuilding("国保荘1号"),
                        Optional.of(PostalCode.of("0000101")), "東京都千代田区霞が関一丁目1番1号",
                        new MoveOutCertificate(LocalGovernmentCode.of("131016"), moveIn.minusDays(1), town.name()),
                        Optional.empty(), List.of(
                                new ChangeRequest.NewMember(person("国保", "太郎", "コクホ　タロウ", 1978, Sex.MALE), Relationship.HEAD),
                                new ChangeRequest.NewMember(person("国保", "花子", "コクホ　ハナコ", 1981, Sex.FEMALE), Relationship.WIFE))));
        family = r.households().get(0);
        kokuho.acquire(Operator.system(), r.persons().get(0), moveIn, AcquisitionReason.MOVE_IN);
    }

    static PersonData person(String family, String given, String kana, int year, Sex sex) {
        return PersonData.builder().name(KanjiName.of(family, given)).furigana(Furigana.of(kana))
                .birthDate(RecordedDate.exact(LocalDate.of(year, 5, 10))).sex(sex).build();
    }

    @AfterAll
    static void closeDialogs() {
        Desk.closePreviews();
    }

    @Test
    @Order(1)
    void theDemoTownsHouseholdsAreListedAndSearched() {
        desk.open("国保世帯一覧");
        List<List<String>> all = bot.rows(HouseholdsPart.RESULTS);
        assertTrue(all.size() >= 2, "the demo town and our family: " + all);
        assertTrue(bot.text(HouseholdsPart.STATUS).contains("世帯"), bot.text(HouseholdsPart.STATUS));
        Bot.screenshot("kokuho-01-households");

        desk.field("households.text", "コクホ");
        bot.click(HouseholdsPart.SEARCH);
        List<List<String>> ours = bot.rows(HouseholdsPart.RESULTS);
        assertEquals(1, ours.size(), ours.toString());
        assertEquals(family.value(), ours.get(0).get(0));
        assertEquals("国保　太郎", ours.get(0).get(1));

        desk.field("households.year", "平成");
        bot.click(HouseholdsPart.SEARCH);
        assertTrue(desk.message("households.year").contains("年度ではありません"), desk.message("households.year"));
        desk.field("households.year", Integer.toString(KokuhoNotices.fiscalYearOf(today())));
        bot.click(HouseholdsPart.SEARCH);
        assertEquals("", desk.message("households.year"));
    }

    @Test
    @Order(2)
    void theClerkAcquiresForTheWifeWithRefusalsByTheFieldThenEntersIncomes() {
        desk.open("国保世帯一覧");
        desk.field("households.text", "コクホ");
        bot.click(HouseholdsPart.SEARCH);
        bot.selectRows(HouseholdsPart.RESULTS, true, 0);
        assertTrue(bot.text(HouseholdPart.TITLE).contains(family.value()), bot.text(HouseholdPart.TITLE));
        int wife = desk.rowWith(HouseholdPart.MEMBERS, "国保　花子");
        assertTrue(bot.rows(HouseholdPart.MEMBERS).get(wife).get(4).contains("未加入"));
        bot.selectRows(HouseholdPart.MEMBERS, false, wife);
        assertTrue(bot.text(HouseholdPart.SELECTED).contains("国保　花子"));

        // a date that is no date, then a day in the future: refused, with the reason by the field
        desk.field("qual.date", "R8.13.40");
        bot.click(HouseholdPart.ACQUIRE);
        assertFalse(desk.message("qual.date").isBlank(), "a message for an impossible date");
        desk.field("qual.date", today().plusDays(5).toString());
        bot.click(HouseholdPart.ACQUIRE);
        assertTrue(desk.message("qual.date").contains("未来の日付"), desk.message("qual.date"));
        assertTrue(bot.text(HouseholdPart.STATUS).contains("入力した内容はそのまま"), bot.text(HouseholdPart.STATUS));
        assertEquals(today().plusDays(5).toString(), Bot.ui(() -> ((org.eclipse.swt.widgets.Text) bot
                .widget(org.eclipse.swt.widgets.Text.class, "form.qual.date")).getText()), "nothing typed is lost");
        Bot.screenshot("kokuho-02-household-refused");

        desk.field("qual.date", moveIn.toString());
        bot.choose("form.qual.acquire", "転入");
        bot.click(HouseholdPart.ACQUIRE);
        Bot.waitFor("the wife's 資格", () -> bot.rows(HouseholdPart.MEMBERS).get(desk.rowWith(HouseholdPart.MEMBERS, "国保　花子"))
                .get(4).contains("取得（転入）") ? Boolean.TRUE : null);

        // incomes: a bad amount is refused by the field, then the head's income and the wife's
        int head = desk.rowWith(HouseholdPart.MEMBERS, "国保　太郎");
        bot.selectRows(HouseholdPart.MEMBERS, false, head);
        desk.field("income.amount", "三百万");
        bot.click(HouseholdPart.SAVE_INCOME);
        assertTrue(desk.message("income.amount").contains("金額"), desk.message("income.amount"));
        desk.field("income.amount", "3,200,000");
        bot.check(HouseholdPart.WAGE, true);
        bot.click(HouseholdPart.SAVE_INCOME);
        assertEquals("3,200,000", bot.rows(HouseholdPart.MEMBERS).get(desk.rowWith(HouseholdPart.MEMBERS, "国保　太郎")).get(5));
        bot.selectRows(HouseholdPart.MEMBERS, false, desk.rowWith(HouseholdPart.MEMBERS, "国保　花子"));
        desk.field("income.amount", "０");
        bot.check(HouseholdPart.WAGE, false);
        bot.click(HouseholdPart.SAVE_INCOME);
        assertEquals("0", bot.rows(HouseholdPart.MEMBERS).get(desk.rowWith(HouseholdPart.MEMBERS, "国保　花子")).get(5));
        String tax = bot.text(HouseholdPart.TAX);
        assertTrue(tax.contains("医療分") && tax.contains("介護納付金分") && tax.contains("年税額"), tax);
        Bot.screenshot("kokuho-03-household");

        bot.clickAsync(HouseholdPart.NOTICE);
        desk.preview("kokuho-04-notice-preview");
    }

    @Test
    @Order(3)
    void theMoveInLeftATaskThatTheClerkCompletes() {
        desk.open("国保 確認事項");
        int row = desk.rowWith(TasksPart.TABLE, family.value());
        assertTrue(bot.rows(TasksPart.TABLE).get(row).get(1).contains("国保加入の確認"), bot.rows(TasksPart.TABLE).get(row).toString());
        Bot.screenshot("kokuho-05-tasks");
        bot.selectRows(TasksPart.TABLE, false, row);
        bot.widget(org.eclipse.swt.widgets.Text.class, TasksPart.NOTE);
        Bot.ui(() -> bot.widget(org.eclipse.swt.widgets.Text.class, TasksPart.NOTE).setText("世帯主・妻とも国保加入済み"));
        bot.click(TasksPart.RESOLVE);
        assertTrue(bot.text(TasksPart.STATUS).contains("完了にしました"), bot.text(TasksPart.STATUS));
        assertTrue(bot.rows(TasksPart.TABLE).stream().noneMatch(r -> r.get(3).equals(family.value())
                && r.get(1).contains("国保加入の確認")), "done tasks are hidden");
    }

    @Test
    @Order(4)
    void theAdministratorChangesTheRatesWithRefusalsByTheField() {
        desk.open("国保税 税率");
        assertFalse(bot.text(RatesPart.STATE).isBlank());
        desk.field("rates.medical.perCapita", "abc");
        desk.field("rates.medical.incomeRate", "7.123456");
        bot.click(RatesPart.SAVE);
        assertTrue(desk.message("rates.medical.perCapita").contains("金額"), desk.message("rates.medical.perCapita"));
        assertFalse(desk.message("rates.medical.incomeRate").isBlank());
        assertTrue(bot.text(RatesPart.STATUS).contains("確認してください"), bot.text(RatesPart.STATUS));
        Bot.screenshot("kokuho-06-rates-refused");
        desk.field("rates.medical.perCapita", "31,000");
        desk.field("rates.medical.incomeRate", "7.1");
        bot.click(RatesPart.SAVE);
        assertTrue(bot.text(RatesPart.STATUS).contains("保存しました"), bot.text(RatesPart.STATUS));
        assertTrue(bot.text(RatesPart.STATE).contains("登録済み"), bot.text(RatesPart.STATE));
        Bot.screenshot("kokuho-07-rates");
    }

    /** Holds the first run in its first progress report until the test lets it go. */
    static final class GatedBatch extends ProgressGate implements KokuhoBatch {
        final KokuhoBatch real;

        GatedBatch(KokuhoBatch real) {
            this.real = real;
        }

        @Override
        public Result run(Operator operator, int fiscalYear, Progress progress, BooleanSupplier cancelled) {
            boolean held = holdsThisRun();
            return real.run(operator, fiscalYear, (done, total) -> {
                progress.done(done, total);
                reported(held, done);
            }, cancelled);
        }

        @Override
        public Optional<Stored> stored(Operator operator, int fiscalYear, HouseholdNumber household) {
            return real.stored(operator, fiscalYear, household);
        }

        @Override
        public int storedCount(Operator operator, int fiscalYear) {
            return real.storedCount(operator, fiscalYear);
        }
    }

    @Test
    @Order(5)
    void theBatchShowsItsProgressIsCancelledThenRunsToTheEnd() throws Exception {
        GatedBatch gated = new GatedBatch(service(KokuhoBatch.class));
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_RANKING, 100);
        ServiceRegistration<KokuhoBatch> reg = context.registerService(KokuhoBatch.class, gated, props);
        try {
            desk.open("国保税 当初賦課");
            bot.click(BatchPart.RUN);
            assertTrue(gated.reached.await(60, TimeUnit.SECONDS), "the batch started");
            Bot.waitFor("progress shown", () -> bot.text(BatchPart.STATUS).contains("/ ") ? Boolean.TRUE : null);
            ProgressBar bar = bot.widget(ProgressBar.class, BatchPart.PROGRESS);
            assertTrue(Bot.ui(() -> bar.getMaximum()) >= 3, "households of the demo town and ours");
            Bot.screenshot("kokuho-08-batch-running");
            bot.click(BatchPart.CANCEL);
            gated.release.countDown();
            Bot.waitFor("cancelled", () -> bot.text(BatchPart.STATUS).contains("中止しました") ? Boolean.TRUE : null);
            assertTrue(bot.text(BatchPart.STATUS).contains("0 / "), bot.text(BatchPart.STATUS));

            bot.click(BatchPart.RUN);
            Bot.waitFor("the full run", () -> bot.text(BatchPart.STATUS).contains("終わりました") ? Boolean.TRUE : null,
                    Duration.ofSeconds(120));
            assertEquals(Bot.ui(() -> bar.getMaximum()), Bot.ui(() -> bar.getSelection()), "the bar is full");
            List<List<String>> result = bot.rows(BatchPart.RESULT);
            assertEquals("計算した世帯", result.get(1).get(0));
            assertEquals(result.get(0).get(1), result.get(1).get(1), "every household computed");
            Bot.screenshot("kokuho-09-batch-done");
            assertTrue(service(KokuhoBatch.class).stored(Operator.system(), KokuhoNotices.fiscalYearOf(today()), family)
                    .isPresent(), "our family's tax is stored");

            bot.clickAsync(BatchPart.NOTICES);
            desk.preview("kokuho-10-notices-preview");
        } finally {
            gated.release.countDown();
            reg.unregister();
        }
    }
}
