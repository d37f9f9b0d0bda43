package jp.kiban.childallowance.tests;

import static jp.kiban.childallowance.tests.Town.JIDOTEATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kiban.childallowance.AllowanceNotices;
import jp.kiban.childallowance.Application;
import jp.kiban.childallowance.ApplicationTrigger;
import jp.kiban.childallowance.ChildAllowance;
import jp.kiban.childallowance.ChildEntry;
import jp.kiban.childallowance.ExtinctionReason;
import jp.kiban.childallowance.Recipient;
import jp.kiban.cli.KibanCli;
import jp.kiban.cli.OsgiServices;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;
import jp.kiban.resident.ChangeResult;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.Sex;

/**
 * 児童手当認定通知書, 額改定通知書 and 受給資格消滅通知書 say what the service says (PDF text), and
 * {@code kiban cli jidoteate list|show|schedule|notice|tasks}.
 */
class NoticeAndCliTest {
    static final LocalDate NOTICE_DATE = LocalDate.of(2025, 6, 2);

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

    @Test
    void noticesAndTheCommandLine() throws Exception {
        MunicipalityService towns = Town.service(MunicipalityService.class);
        if (towns.current().isEmpty()) {
            towns.configure(Municipality.demoTown());
        }
        ChildAllowance jidoteate = Town.service(ChildAllowance.class);
        AllowanceNotices notices = Town.service(AllowanceNotices.class);
        LocalDate moveIn = LocalDate.of(2025, 3, 1);
        ChangeResult in = Town.apply(Town.moveIn(moveIn, "7-1", List.of(
                Town.member(Town.person("通知", "健一", "つうち　けんいち", LocalDate.of(1980, 7, 7), Sex.MALE), Relationship.HEAD),
                Town.member(Town.person("通知", "大学", "つうち　だいがく", LocalDate.of(2004, 10, 10), Sex.MALE), Relationship.CHILD),
                Town.member(Town.person("通知", "高子", "つうち　たかこ", LocalDate.of(2009, 4, 1), Sex.FEMALE), Relationship.CHILD),
                Town.member(Town.person("通知", "幼子", "つうち　おさなこ", LocalDate.of(2022, 6, 1), Sex.FEMALE), Relationship.CHILD))));
        AddresseeNumber father = in.persons().get(0);
        // 請求 in May: from June 2025. 大学 (20, supported) 1st, 高子 (16) 2nd 10,000, 幼子 (2, 3rd) 30,000
        Recipient r = jidoteate.certify(JIDOTEATE, new Application(father, LocalDate.of(2025, 5, 12), ApplicationTrigger.NORMAL,
                Optional.empty(), List.of(ChildEntry.resident(in.persons().get(1), true), ChildEntry.resident(in.persons().get(2), false),
                        ChildEntry.resident(in.persons().get(3), false))));
        assertEquals(YearMonth.of(2025, 6), r.startMonth());
        assertEquals(40_000, r.amount(YearMonth.of(2025, 6)).total());

        Path dir = Path.of("target", "notices");
        Files.createDirectories(dir);
        byte[] pdf = notices.notice(JIDOTEATE, r.id(), NOTICE_DATE);
        Files.write(dir.resolve("jidoteate-certification.pdf"), pdf);
        String t = text(pdf);
        for (String s : List.of("児童手当認定通知書", "通知健一様", "宛名番号" + father.value(), "令和7年6月2日", "令和7年5月12日に請求のあった",
                "児童手当法第7条第1項", "支給開始月令和7年6月分から", "手当月額40,000円", "通知大学", "18歳到達後の子（数に算入）", "第1子",
                "通知高子", "第2子", "10,000円", "通知幼子", "第3子", "30,000円", "合計40,000円", "支払予定", "令和7年8月80,000円（6・7月分）",
                "令和8年2月80,000円（12・1月分）", "審査請求", "行政事件訴訟法")) {
            assertTrue(t.contains(s), "missing " + s + " in " + t);
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages(), "the 認定通知書 fits one page");
        }
        // 高子 (born 1 April 2009) leaves high-school age on 31 March 2027; 大学 stays counted to March 2027 (22 on 9 Oct 2026)
        assertTrue(t.contains("令和9年4月分から"), t);

        // 消滅 → 受給資格消滅通知書
        Recipient ended = jidoteate.extinguish(JIDOTEATE, r.id(), LocalDate.of(2025, 9, 30), ExtinctionReason.CARE_ENDED);
        byte[] extinction = notices.notice(JIDOTEATE, ended.id(), LocalDate.of(2025, 10, 3));
        Files.write(dir.resolve("jidoteate-extinction.pdf"), extinction);
        String te = text(extinction);
        for (String s : List.of("児童手当受給資格消滅通知書", "消滅事由監護・生計同一の事実の消滅", "消滅年月日令和7年9月30日",
                "支給最終月令和7年9月分まで", "最後の支払令和7年10月80,000円（8・9月分）")) {
            assertTrue(te.contains(s), "missing " + s + " in " + te);
        }

        // kiban cli jidoteate … (the CLI runs as the system operator here: no users exist in this test)
        Cli show = cli("jidoteate", "show", "--person", father.value(), "--month", "2025-07", "--json");
        assertEquals(0, show.code(), show.err());
        JsonNode doc = new ObjectMapper().readTree(show.out());
        assertEquals(40_000, doc.path("monthlyAmount").asLong());
        assertEquals("OLDER_COUNTED", doc.path("children").get(0).path("band").asText());
        assertEquals(3, doc.path("children").get(2).path("order").asInt());

        Cli schedule = cli("jidoteate", "schedule", "--person", father.value(), "--year", "2025", "--json");
        assertEquals(0, schedule.code(), schedule.err());
        JsonNode pays = new ObjectMapper().readTree(schedule.out());
        assertEquals(6, pays.size());
        assertEquals("2025-08", pays.get(2).path("payMonth").asText());
        assertEquals(80_000, pays.get(2).path("amount").asLong());
        assertEquals(80_000, pays.get(3).path("amount").asLong(), "October pays August and September; ended with September");
        assertEquals(0, pays.get(4).path("amount").asLong());

        Cli list = cli("jidoteate", "list", "--text", "つうち", "--all", "--month", "2025-07");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains(father.value()) && list.out().contains("40,000"), list.out());

        Path out = dir.resolve("jidoteate-cli.pdf");
        Cli notice = cli("jidoteate", "notice", "--person", father.value(), "--date", "2025-10-03", "--out", out.toString());
        assertEquals(0, notice.code(), notice.err());
        assertTrue(text(Files.readAllBytes(out)).contains("児童手当受給資格消滅通知書"));

        Cli tasks = cli("jidoteate", "tasks", "--json");
        assertEquals(0, tasks.code(), tasks.err());
        assertTrue(new ObjectMapper().readTree(tasks.out()).isArray());

        Cli bad = cli("jidoteate", "show", "--person", "0000000001");
        assertEquals(1, bad.code());
        assertFalse(bad.err().isBlank());
    }
}
