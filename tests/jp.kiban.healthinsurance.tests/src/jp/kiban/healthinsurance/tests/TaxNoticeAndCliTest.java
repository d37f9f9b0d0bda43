package jp.kiban.healthinsurance.tests;

import static jp.kiban.healthinsurance.tests.Town.KOKUHO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kiban.cli.KibanCli;
import jp.kiban.cli.OsgiServices;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.healthinsurance.AcquisitionReason;
import jp.kiban.healthinsurance.HealthInsurance;
import jp.kiban.healthinsurance.Installment;
import jp.kiban.healthinsurance.KokuhoNotices;
import jp.kiban.healthinsurance.Part;
import jp.kiban.healthinsurance.TaxAssessment;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;
import jp.kiban.resident.ChangeResult;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.Sex;

/**
 * 国民健康保険税 納税通知書 (FY2026, the defaults): what the PDF says for a household over the 課税限度額 and one
 * with the 7割軽減, equal to the household calculation; and {@code kiban cli kokuho assess|notice|batch}.
 */
class TaxNoticeAndCliTest {
    static final int FY = 2026;
    static final LocalDate NOTICE_DATE = LocalDate.of(2026, 6, 15);

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("[\\s\\p{Z}]", "");
        }
    }

    static String yen(long v) {
        return NumberFormat.getIntegerInstance(Locale.JAPAN).format(v);
    }

    record Cli(int code, String out, String err) {
    }

    static Cli cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (OsgiServices services = new OsgiServices(FrameworkUtil.getBundle(TaxNoticeAndCliTest.class).getBundleContext())) {
            int code = new KibanCli(services, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
            return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void noticesSayWhatTheCalculationSaysAndTheCliPrintsThem() throws Exception {
        MunicipalityService towns = Town.service(MunicipalityService.class);
        if (towns.current().isEmpty()) {
            towns.configure(Municipality.demoTown());
        }
        HealthInsurance kokuho = Town.service(HealthInsurance.class);
        KokuhoNotices notices = Town.service(KokuhoNotices.class);
        LocalDate moveIn = LocalDate.of(2026, 4, 1);

        // a family over the 医療分 限度額 (a 介護 head aged 40–64) and a pensioner couple with the 7割軽減
        ChangeResult rich = Town.apply(Town.moveIn(moveIn, "n-1", List.of(
                Town.member(Town.person("納税", "一郎", "のうぜい　いちろう", LocalDate.of(1975, 5, 5), Sex.MALE), Relationship.HEAD),
                Town.member(Town.person("納税", "花子", "のうぜい　はなこ", LocalDate.of(1990, 3, 3), Sex.FEMALE), Relationship.WIFE))));
        ChangeResult poor = Town.apply(Town.moveIn(moveIn, "n-2", List.of(
                Town.member(Town.person("軽減", "次郎", "けいげん　じろう", LocalDate.of(1955, 7, 7), Sex.MALE), Relationship.HEAD),
                Town.member(Town.person("軽減", "春子", "けいげん　はるこ", LocalDate.of(1956, 8, 8), Sex.FEMALE), Relationship.WIFE))));
        for (ChangeResult r : List.of(rich, poor)) {
            for (AddresseeNumber p : r.persons()) {
                kokuho.acquire(KOKUHO, p, moveIn, AcquisitionReason.MOVE_IN);
            }
        }
        kokuho.setIncome(KOKUHO, FY, rich.persons().get(0), 15_000_000, true);
        kokuho.setIncome(KOKUHO, FY, rich.persons().get(1), 0, false);
        kokuho.setIncome(KOKUHO, FY, poor.persons().get(0), 200_000, true);
        kokuho.setIncome(KOKUHO, FY, poor.persons().get(1), 0, false);
        HouseholdNumber richHousehold = rich.households().get(0);
        HouseholdNumber poorHousehold = poor.households().get(0);
        TaxAssessment a = kokuho.assess(KOKUHO, richHousehold, FY);
        TaxAssessment b = kokuho.assess(KOKUHO, poorHousehold, FY);
        assertTrue(a.part(Part.MEDICAL).capped(), "the example needs the 限度額");
        assertEquals(7, b.reductionTenths(), "the example needs the 7割軽減");

        byte[] one = notices.taxNotice(KOKUHO, richHousehold, FY, NOTICE_DATE);
        Path dir = Path.of("target", "notices");
        Files.createDirectories(dir);
        Files.write(dir.resolve("kokuho-notice-capped.pdf"), one);
        String t = text(one);
        for (String s : List.of("国民健康保険税納税通知書", "令和8年度", "納税一郎様", "世帯番号" + richHousehold.value(), "医療分",
                "後期高齢者支援金分", "介護納付金分", "所得割額", "均等割額", "平等割額", "軽減額", "課税限度額", "660,000", "課税額",
                "※" + yen(a.part(Part.MEDICAL).amount()), "※の区分は課税限度額を適用しています", "年税額" + yen(a.annualTax()) + "円",
                "軽減該当なし", "審査請求", "第1期", "第8期")) {
            assertTrue(t.contains(s), "missing " + s + " in " + t);
        }
        assertEquals(8, a.installments().size());
        for (Installment i : a.installments()) {
            assertTrue(t.contains("第" + i.number() + "期") && t.contains(yen(i.amount()) + "円"), "installment " + i);
        }
        assertTrue(t.contains("合計" + yen(a.annualTax()) + "円"), "the 期別 total is the 年税額");

        // a run for the post: both households, each on its own page(s)
        byte[] both = notices.taxNotices(KOKUHO, List.of(richHousehold, poorHousehold), FY, NOTICE_DATE);
        Files.write(dir.resolve("kokuho-notices.pdf"), both);
        String tb = text(both);
        assertTrue(tb.contains("軽減次郎様"), tb);
        assertTrue(tb.contains("均等割額・平等割額の7割軽減"), tb);
        assertTrue(tb.contains("△" + yen(b.part(Part.MEDICAL).reduction())), "the 軽減額 of the 医療分");
        assertTrue(tb.contains("年税額" + yen(b.annualTax()) + "円"), tb);
        try (PDDocument doc = Loader.loadPDF(both)) {
            assertTrue(doc.getNumberOfPages() >= 2);
        }

        // kiban cli kokuho …
        Cli assess = cli("kokuho", "assess", "--household", poorHousehold.value(), "--year", Integer.toString(FY), "--json");
        assertEquals(0, assess.code(), assess.err());
        JsonNode doc = new ObjectMapper().readTree(assess.out());
        assertEquals(b.annualTax(), doc.path("annualTax").asLong());
        assertEquals(7, doc.path("reductionTenths").asInt());

        Path pdf = dir.resolve("kokuho-cli.pdf");
        Cli notice = cli("kokuho", "notice", "--household", richHousehold.value(), "--year", Integer.toString(FY), "--out",
                pdf.toString());
        assertEquals(0, notice.code(), notice.err());
        assertTrue(text(Files.readAllBytes(pdf)).contains("年税額" + yen(a.annualTax()) + "円"));

        Cli batch = cli("kokuho", "batch", "--year", Integer.toString(FY), "--json");
        assertEquals(0, batch.code(), batch.err());
        assertTrue(new ObjectMapper().readTree(batch.out()).path("computed").asInt() >= 2, batch.out());

        Cli bad = cli("kokuho", "assess", "--household", "9999999999", "--year", Integer.toString(FY));
        assertEquals(1, bad.code());
        assertFalse(bad.err().isBlank());
    }
}
