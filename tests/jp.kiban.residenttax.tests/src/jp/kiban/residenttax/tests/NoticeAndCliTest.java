package jp.kiban.residenttax.tests;

import static jp.kiban.residenttax.tests.Town.JUMINZEI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;
import jp.kiban.residenttax.IncomeDeclaration;
import jp.kiban.residenttax.ResidentTax;
import jp.kiban.residenttax.ResidentTaxException;
import jp.kiban.residenttax.ResidentTaxNotices;
import jp.kiban.residenttax.SingleStatus;
import jp.kiban.residenttax.Spouse;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.Sex;

/**
 * 納税通知書 (令和8年度, 普通徴収): what the PDF says equals the calculation (the worked examples of
 * {@link CalculatorTest}); the run for the post leaves out who owes nothing; {@code kiban cli juminzei …}.
 * The PDFs are kept in target/notices for a look.
 */
class NoticeAndCliTest {
    static final int Y = 2026;
    static final LocalDate NOTICE_DATE = LocalDate.of(2026, 6, 10);

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("[\\s\\p{Z}]", "");
        }
    }

    record Cli(int code, String out, String err) {
    }

    static Cli cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (OsgiServices services = new OsgiServices(FrameworkUtil.getBundle(NoticeAndCliTest.class).getBundleContext())) {
            int code = new KibanCli(services, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
            return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    static AddresseeNumber resident(String lot, String given, String furigana) throws InterruptedException {
        return Town.apply(Town.moveIn(LocalDate.of(2025, 8, 1), lot, List.of(Town.member(
                Town.person("通知", given, furigana, LocalDate.of(1980, 4, 1), Sex.MALE), Relationship.HEAD))))
                .persons().get(0);
    }

    @Test
    void noticesSayWhatTheCalculationSaysAndTheCliPrintsThem() throws Exception {
        MunicipalityService towns = Town.service(MunicipalityService.class);
        if (towns.current().isEmpty()) {
            towns.configure(Municipality.demoTown());
        }
        ResidentTax tax = Town.service(ResidentTax.class);
        ResidentTaxNotices notices = Town.service(ResidentTaxNotices.class);
        AddresseeNumber family = resident("n-1", "一郎", "つうち　いちろう");
        AddresseeNumber poor = resident("n-2", "二郎", "つうち　じろう");
        tax.extractTaxpayers(JUMINZEI, Y);
        tax.setIncome(JUMINZEI, new IncomeDeclaration(Y, family, 5_000_000, 0, 720_000, Spouse.GENERAL, 1, 0, 1, 0, 0,
                false, SingleStatus.NONE, false, "input"));
        tax.setIncome(JUMINZEI, IncomeDeclaration.salary(Y, poor, 1_000_000, 0)); // 非課税 (所得 350,000 ≤ 380,000)

        byte[] one = notices.taxNotice(JUMINZEI, Y, family, NOTICE_DATE);
        Path dir = Path.of("target", "notices");
        Files.createDirectories(dir);
        Files.write(dir.resolve("juminzei-notice.pdf"), one);
        String t = text(one);
        for (String s : List.of("令和8年度個人住民税（市町村民税・道府県民税）納税通知書", "通知一郎様", "宛名番号" + family.value(),
                "住民登録者", "令和7年中の所得", "給与所得3,560,000", "社会保険料控除△720,000", "配偶者控除△330,000", "扶養控除△450,000",
                "基礎控除△430,000", "課税総所得金額（1,000円未満切捨て）1,630,000", "調整控除額△8,400△5,600△14,000",
                "所得割額（100円未満切捨て）89,40059,600149,000", "均等割額3,0001,0004,000", "森林環境税（国税）1,000",
                "年税額154,000", "第1期", "第4期", "40,000円", "38,000円", "合計154,000円", "審査請求")) {
            assertTrue(t.contains(s), "missing " + s + " in " + t);
        }

        // the run for the post leaves out the 非課税 taxpayer
        byte[] both = notices.taxNotices(JUMINZEI, Y, List.of(family, poor), NOTICE_DATE);
        try (PDDocument doc = Loader.loadPDF(both); PDDocument single = Loader.loadPDF(one)) {
            assertEquals(single.getNumberOfPages(), doc.getNumberOfPages(), "only the taxpayer who owes tax");
            assertFalse(text(both).contains("通知二郎"), "who owes nothing gets no notice");
        }
        ResidentTaxException none = assertThrows(ResidentTaxException.class,
                () -> notices.taxNotices(JUMINZEI, Y, List.of(poor), NOTICE_DATE));
        assertEquals("2026年度に個人住民税のかかる方がいません。", none.getMessage(Locale.JAPANESE));

        // kiban cli juminzei …
        Cli assess = cli("juminzei", "assess", "--person", family.value(), "--year", Integer.toString(Y), "--json");
        assertEquals(0, assess.code(), assess.err());
        JsonNode doc = new ObjectMapper().readTree(assess.out());
        assertEquals(154_000, doc.path("annualTax").asLong());
        assertEquals(89_400, doc.path("municipalIncomeLevy").asLong());
        assertEquals("2026-06-30", doc.path("installments").get(0).path("dueDate").asText());

        Path pdf = dir.resolve("juminzei-cli.pdf");
        Cli notice = cli("juminzei", "notice", "--person", family.value(), "--year", Integer.toString(Y), "--out",
                pdf.toString());
        assertEquals(0, notice.code(), notice.err());
        assertTrue(text(Files.readAllBytes(pdf)).contains("年税額154,000"));

        Path csv = dir.resolve("incomes.csv");
        Files.writeString(csv, ResidentTax.CSV_HEADER + "\n" + poor.value() + ",abc,0,0,0,0,0,0,0,0,0,0,0\n");
        Cli bad = cli("juminzei", "import", "--file", csv.toString(), "--year", Integer.toString(Y));
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("line 2"), bad.err());
        Files.writeString(csv, ResidentTax.CSV_HEADER + "\n" + poor.value() + ",2000000,0,0,0,0,0,0,0,0,0,0,0\n");
        Cli ok = cli("juminzei", "import", "--file", csv.toString(), "--year", Integer.toString(Y));
        assertEquals(0, ok.code(), ok.err());
        assertEquals(2_000_000, tax.income(JUMINZEI, Y, poor).orElseThrow().salaryRevenue());

        Cli batch = cli("juminzei", "batch", "--year", Integer.toString(Y), "--json");
        assertEquals(0, batch.code(), batch.err());
        assertTrue(new ObjectMapper().readTree(batch.out()).path("computed").asInt() >= 2, batch.out());

        Cli grade = cli("juminzei", "grade");
        assertEquals(0, grade.code(), grade.err());
        assertTrue(grade.out().contains("Grade (級地): " + tax.grade(JUMINZEI)), grade.out());
        Cli premises = cli("juminzei", "nonresident", "--family", "家屋", "--given", "一郎", "--furigana", "カオク　イチロウ",
                "--abroad", "Paris, France", "--premises", "--year", Integer.toString(Y));
        assertEquals(0, premises.code(), premises.err());
        assertTrue(premises.out().contains("PREMISES"), premises.out());
        AddresseeNumber registered = AddresseeNumber.of(premises.out().replaceAll("(?s).*Registered (\\d{11}) .*", "$1"));
        assertEquals(4_000, tax.assess(JUMINZEI, Y, registered).annualTax(), "家屋敷課税: 均等割 only");

        Cli unknown = cli("juminzei", "assess", "--person", "99999999999", "--year", Integer.toString(Y));
        assertEquals(1, unknown.code());
        assertFalse(unknown.err().isBlank());
    }
}
