package jp.kiban.forms.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

import jp.kiban.cli.OsgiServices;
import jp.kiban.forms.FormException;
import jp.kiban.forms.Notice;
import jp.kiban.forms.NoticeWriter;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;

/** The shared notice layout of the businesses: what is printed, page breaks, batches, refusals. */
class NoticeWriterTest {
    static OsgiServices services;
    static NoticeWriter writer;

    @BeforeAll
    static void town() {
        services = new OsgiServices(FrameworkUtil.getBundle(NoticeWriterTest.class).getBundleContext());
        MunicipalityService towns = services.get(MunicipalityService.class);
        if (towns.current().isEmpty()) {
            towns.configure(Municipality.demoTown());
        }
        writer = services.get(NoticeWriter.class);
    }

    @AfterAll
    static void close() {
        services.close();
    }

    static Notice notice(String name, List<Notice.Block> body) {
        return new Notice("児童手当認定通知書",
                new Notice.Recipient("1390001", List.of("デモ県デモ町本町一丁目2番3号", "デモ荘101号"), name, "宛名番号 00000000019"),
                LocalDate.of(2026, 12, 1), Optional.of("デ町子第123号"), body, true,
                List.of("この処分に不服がある場合は、この処分があったことを知った日の翌日から起算して3か月以内に、町長に対して審査請求をすることができます。"));
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("[\\s\\p{Z}]", "");
        }
    }

    static int pages(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }

    @Test
    void everyPartOfTheNoticeIsPrinted() throws IOException {
        Municipality town = services.get(MunicipalityService.class).current().orElseThrow();
        byte[] pdf = writer.write(notice("葛\uDB40\uDD02城　花子", List.of(
                new Notice.Paragraph("あなたの児童手当の認定請求について、次のとおり認定したので通知します。"),
                new Notice.Heading("1 認定の内容"),
                new Notice.Fields(List.of(new Notice.Field("受給者氏名", "葛\uDB40\uDD02城　花子"),
                        new Notice.Field("支給開始月", "令和8年12月"), new Notice.Field("手当月額", "25,000円"))),
                new Notice.Table("支給対象児童", List.of("氏名", "生年月日", "月額"), List.of(false, false, true),
                        List.of(List.of("葛城　一郎", "令和6年5月1日", "15,000円"), List.of("葛城　二郎", "令和3年4月2日", "10,000円"),
                                List.of("合計", "", "25,000円")),
                        true))));
        Files.write(Path.of("target", "notice-sample.pdf"), pdf);
        String text = text(pdf);
        for (String expected : List.of("〒139-0001", "デモ県デモ町本町一丁目2番3号", "デモ荘101号", "城花子様", "宛名番号00000000019",
                "デ町子第123号", "令和8年12月1日", town.name() + town.mayorTitle(), town.mayorName().replace(" ", "").replace("　", ""),
                "児童手当認定通知書", "次のとおり認定したので通知します。", "1認定の内容", "支給開始月令和8年12月", "手当月額25,000円",
                "支給対象児童", "氏名生年月日月額", "葛城一郎令和6年5月1日15,000円", "合計25,000円", "審査請求をすることができます。")) {
            assertTrue(text.contains(expected), () -> "missing '" + expected + "' in: " + text);
        }
        assertEquals(1, pages(pdf));
    }

    @Test
    void aLongTableContinuesOnTheNextPageWithItsHeader() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            rows.add(List.of("第" + i + "期", "令和9年" + (i % 12 + 1) + "月末日", String.format(Locale.ROOT, "%,d円", i * 1000)));
        }
        byte[] pdf = writer.write(notice("町民　太郎", List.of(new Notice.Table("納期", List.of("期別", "納期限", "税額"),
                List.of(false, false, true), rows, false))));
        assertTrue(pages(pdf) >= 2, "60 rows do not fit on one page");
        String text = text(pdf);
        assertTrue(text.contains("児童手当認定通知書（続き）町民太郎様"), text);
        assertEquals(pages(pdf), text.split("期別納期限税額", -1).length - 1, "the header row on every page");
        assertTrue(text.contains("第60期"));
    }

    @Test
    void aBatchStartsEveryNoticeOnItsOwnPage() throws IOException {
        List<Notice> all = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            all.add(notice("町民　" + i + "郎", List.of(new Notice.Paragraph("通知の本文 " + i))));
        }
        byte[] pdf = writer.writeAll(all);
        assertEquals(5, pages(pdf));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(4);
            s.setEndPage(4);
            String page4 = s.getText(doc).replaceAll("[\\s\\p{Z}]", "");
            assertTrue(page4.contains("町民4郎様") && page4.contains("通知の本文4") && !page4.contains("町民3郎"), page4);
        }
    }

    @Test
    void aCharacterOutsideTheFontRefusesTheBatchNamingTheRecipient() {
        List<Notice> all = List.of(notice("町民　一郎", List.of(new Notice.Paragraph("本文"))),
                notice("町民　\uD83D\uDE00郎", List.of(new Notice.Paragraph("本文"))));
        FormException e = assertThrows(FormException.class, () -> writer.writeAll(all));
        assertTrue(e.getMessage().contains("町民　\uD83D\uDE00郎") && e.getMessage().contains("U+1F600"), e.getMessage());
        assertTrue(e.getMessage(Locale.JAPANESE).contains("を印刷できません"), e.getMessage(Locale.JAPANESE));
    }

    @Test
    void aTableRowOfTheWrongWidthIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> new Notice.Table("x", List.of("a", "b"), List.of(false, true),
                List.of(List.of("1")), false));
    }
}
