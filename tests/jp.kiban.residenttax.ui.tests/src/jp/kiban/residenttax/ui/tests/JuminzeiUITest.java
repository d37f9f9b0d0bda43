package jp.kiban.residenttax.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

import jp.kiban.addressee.NonResidentData;
import jp.kiban.core.address.Address;
import jp.kiban.core.address.PostalCode;
import jp.kiban.core.address.Prefecture;
import jp.kiban.core.date.RecordedDate;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.name.Furigana;
import jp.kiban.core.name.KanjiName;
import jp.kiban.platform.Operator;
import jp.kiban.residenttax.ResidentTax;
import jp.kiban.residenttax.ResidentTaxBatch;
import jp.kiban.residenttax.Taxpayer;
import jp.kiban.residenttax.TaxpayerKind;
import jp.kiban.residenttax.ui.internal.BatchPart;
import jp.kiban.residenttax.ui.internal.TaxpayerPart;
import jp.kiban.residenttax.ui.internal.TaxpayersPart;
import jp.kiban.testing.ui.Bot;
import jp.kiban.testing.ui.Desk;
import jp.kiban.testing.ui.ProgressGate;
import jp.kiban.testing.ui.ScreenshotOnFailure;
import jp.kiban.ui.UiKeys;

/**
 * 個人住民税 in the real desk client, as the administrator: the demo town's taxpayers of the current tax year, a
 * 住登外 taxpayer of our own (ジュウミン タロウ) whose income the clerk enters (refusals by the field, nothing typed
 * lost), the tax and its 納税通知書, and the yearly batch with its progress bar, a cancel and a full run.
 */
@ExtendWith(ScreenshotOnFailure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JuminzeiUITest {
    static final String CATEGORY = "個人住民税";
    static BundleContext context;
    static int year;
    static Taxpayer ours;
    static final Bot bot = new Bot(UiKeys.KEY);
    static final Desk desk = new Desk(bot, CATEGORY);

    static <T> T service(Class<T> type) {
        return context.getService(context.getServiceReference(type));
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Tokyo"));
    }

    /** After the demo town's 住民税 share is in: a 住登外 taxpayer of our own who lives in the town unregistered. */
    @BeforeAll
    static void taxpayer() {
        context = FrameworkUtil.getBundle(JuminzeiUITest.class).getBundleContext();
        ResidentTax tax = Bot.waitFor("the 住民税 service", () -> {
            var ref = context.getServiceReference(ResidentTax.class);
            return ref == null ? null : context.getService(ref);
        }, Duration.ofSeconds(60));
        year = ResidentTax.taxYearOf(today());
        Bot.waitFor("the demo town's 住民税 incomes", () -> {
            List<Taxpayer> some = tax.taxpayers(Operator.system(), year, "", 20);
            return some.stream().anyMatch(t -> tax.income(Operator.system(), year, t.person()).isPresent()) ? Boolean.TRUE
                    : null;
        }, Duration.ofMinutes(3));
        ours = tax.registerNonResident(Operator.system(), year, NonResidentData.of(KanjiName.of("住民", "太郎"),
                Furigana.of("ジュウミン　タロウ"), RecordedDate.exact(LocalDate.of(1980, 5, 5)))
                .withAddress(PostalCode.of("0000101"), Address.of(Prefecture.TOKYO, "デモ町", "本町", "12番地")),
                TaxpayerKind.UNREGISTERED);
    }

    @AfterAll
    static void closeDialogs() {
        Desk.closePreviews();
    }

    @Test
    @Order(1)
    void theDemoTownsTaxpayersAreListedAndSearched() {
        desk.open("住民税 課税対象者一覧");
        List<List<String>> all = bot.rows(TaxpayersPart.RESULTS);
        assertTrue(all.size() >= 10, "the demo town's taxpayers: " + all.size());
        assertTrue(bot.text(TaxpayersPart.STATUS).contains("人"), bot.text(TaxpayersPart.STATUS));
        Bot.screenshot("juminzei-01-taxpayers");

        desk.field("taxpayers.text", "ジュウミン");
        bot.click(TaxpayersPart.SEARCH);
        List<List<String>> hits = bot.rows(TaxpayersPart.RESULTS);
        assertEquals(1, hits.size(), hits.toString());
        assertEquals(ours.person().value(), hits.get(0).get(0));
        assertEquals("住民　太郎", hits.get(0).get(1));
        assertEquals("住登外", hits.get(0).get(3));

        desk.field("taxpayers.year", "平成");
        bot.click(TaxpayersPart.SEARCH);
        assertTrue(desk.message("taxpayers.year").contains("年度ではありません"), desk.message("taxpayers.year"));
        desk.field("taxpayers.year", Integer.toString(year));
        bot.click(TaxpayersPart.SEARCH);
        assertEquals("", desk.message("taxpayers.year"));
    }

    @Test
    @Order(2)
    void theClerkEntersTheIncomeWithRefusalsByTheFieldAndSeesTheTax() {
        desk.open("住民税 課税対象者一覧");
        desk.field("taxpayers.text", "ジュウミン");
        bot.click(TaxpayersPart.SEARCH);
        bot.selectRows(TaxpayersPart.RESULTS, true, 0);
        Bot.waitFor("the taxpayer", () -> bot.text(TaxpayerPart.TITLE).contains(ours.person().value()) ? Boolean.TRUE : null);
        assertTrue(bot.text(TaxpayerPart.TAX).contains("所得の申告がありません"), bot.text(TaxpayerPart.TAX));

        // refused by the field, nothing typed is lost
        desk.field("salaryRevenue", "三百万");
        desk.field("socialInsurance", "450,000");
        desk.field("dependentsGeneral", "21");
        bot.click(TaxpayerPart.SAVE);
        assertTrue(desk.message("salaryRevenue").contains("金額"), desk.message("salaryRevenue"));
        assertTrue(desk.message("dependentsGeneral").contains("人数"), desk.message("dependentsGeneral"));
        assertTrue(bot.text(TaxpayerPart.STATUS).contains("確認してください"), bot.text(TaxpayerPart.STATUS));
        assertEquals("三百万", Bot.ui(() -> ((org.eclipse.swt.widgets.Text) bot.widget(org.eclipse.swt.widgets.Text.class,
                "form.salaryRevenue")).getText()), "nothing typed is lost");
        Bot.screenshot("juminzei-02-taxpayer-refused");

        // 給与収入 3,000,000, 社会保険料 450,000: the worked example of CalculatorTest, 年税額 116,500円
        desk.field("salaryRevenue", "3,000,000");
        desk.field("dependentsGeneral", "");
        bot.click(TaxpayerPart.SAVE);
        Bot.waitFor("the tax", () -> bot.text(TaxpayerPart.TAX).contains("年税額 116,500円") ? Boolean.TRUE : null);
        assertEquals("", desk.message("salaryRevenue"));
        assertTrue(bot.text(TaxpayerPart.STATUS).contains("保存しました"), bot.text(TaxpayerPart.STATUS));
        List<List<String>> rows = bot.rows(TaxpayerPart.TAX_TABLE);
        assertEquals(List.of("所得割額（100円未満切捨て）", "66,900", "44,600", "111,500"), rows.get(2));
        assertTrue(rows.get(7).get(0).startsWith("第1期"), rows.get(7).toString());
        assertEquals("29,500", rows.get(7).get(3));
        Bot.screenshot("juminzei-03-taxpayer");

        bot.clickAsync(TaxpayerPart.NOTICE);
        desk.preview("juminzei-04-notice-preview");
    }

    /** Holds the first run in its first progress report until the test lets it go. */
    static final class GatedBatch extends ProgressGate implements ResidentTaxBatch {
        final ResidentTaxBatch real;

        GatedBatch(ResidentTaxBatch real) {
            this.real = real;
        }

        @Override
        public Result run(Operator operator, int taxYear, Progress progress, BooleanSupplier cancelled) {
            boolean held = holdsThisRun();
            return real.run(operator, taxYear, (done, total) -> {
                progress.done(done, total);
                reported(held, done);
            }, cancelled);
        }

        @Override
        public Optional<Stored> stored(Operator operator, int taxYear, AddresseeNumber person) {
            return real.stored(operator, taxYear, person);
        }

        @Override
        public int storedCount(Operator operator, int taxYear) {
            return real.storedCount(operator, taxYear);
        }
    }

    @Test
    @Order(3)
    void theBatchShowsItsProgressIsCancelledThenRunsToTheEnd() throws Exception {
        GatedBatch gated = new GatedBatch(service(ResidentTaxBatch.class));
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_RANKING, 100);
        ServiceRegistration<ResidentTaxBatch> reg = context.registerService(ResidentTaxBatch.class, gated, props);
        try {
            desk.open("住民税 当初課税");
            bot.click(BatchPart.RUN);
            assertTrue(gated.reached.await(60, TimeUnit.SECONDS), "the batch started");
            Bot.waitFor("progress shown", () -> bot.text(BatchPart.STATUS).contains("/ ") ? Boolean.TRUE : null);
            ProgressBar bar = bot.widget(ProgressBar.class, BatchPart.PROGRESS);
            assertTrue(Bot.ui(() -> bar.getMaximum()) >= 10, "the demo town's taxpayers");
            Bot.screenshot("juminzei-05-batch-running");
            bot.click(BatchPart.CANCEL);
            gated.release.countDown();
            Bot.waitFor("cancelled", () -> bot.text(BatchPart.STATUS).contains("中止しました") ? Boolean.TRUE : null);
            assertTrue(bot.text(BatchPart.STATUS).contains(" 0人を計算"), bot.text(BatchPart.STATUS));

            bot.click(BatchPart.RUN);
            Bot.waitFor("the full run", () -> bot.text(BatchPart.STATUS).contains("計算して保存しました") ? Boolean.TRUE : null,
                    Duration.ofSeconds(120));
            assertEquals(Bot.ui(() -> bar.getMaximum()), Bot.ui(() -> bar.getSelection()), "the bar is full");
            List<List<String>> result = bot.rows(BatchPart.RESULT);
            assertEquals("計算した人数", result.get(1).get(0));
            assertEquals(result.get(0).get(1), result.get(1).get(1), "every taxpayer computed");
            Bot.screenshot("juminzei-06-batch-done");
            assertEquals(116_500, service(ResidentTaxBatch.class).stored(Operator.system(), year, ours.person())
                    .orElseThrow().annualTax(), "our taxpayer's tax is stored");

            bot.clickAsync(BatchPart.NOTICES);
            desk.preview("juminzei-07-notices-preview");
        } finally {
            gated.release.countDown();
            reg.unregister();
        }
    }
}
