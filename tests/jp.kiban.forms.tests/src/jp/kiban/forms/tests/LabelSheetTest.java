package jp.kiban.forms.tests;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kiban.addressee.AddressLabel;
import jp.kiban.addressee.AddresseeKind;
import jp.kiban.addressee.AddresseeNumbers;
import jp.kiban.addressee.LabelRun;
import jp.kiban.addressee.NonResident;
import jp.kiban.addressee.NonResidentData;
import jp.kiban.addressee.NonResidents;
import jp.kiban.cli.KibanCli;
import jp.kiban.cli.OsgiServices;
import jp.kiban.core.address.Address;
import jp.kiban.core.address.PostalCode;
import jp.kiban.core.address.Prefecture;
import jp.kiban.core.date.RecordedDate;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.name.Furigana;
import jp.kiban.core.name.KanjiName;
import jp.kiban.forms.FormException;
import jp.kiban.forms.LabelCharacterException;
import jp.kiban.forms.LabelDocument;
import jp.kiban.forms.LabelLayout;
import jp.kiban.forms.LabelOptions;
import jp.kiban.forms.LabelProgress;
import jp.kiban.forms.LabelService;
import jp.kiban.forms.LabelWriting;
import jp.kiban.platform.Role;
import jp.kiban.security.AccessEvent;
import jp.kiban.security.AccessKind;
import jp.kiban.security.AccessLog;

/**
 * 宛名ラベル read back from the PDF: every text run of the content streams with its position (the
 * labels are drawn by glyph id, so the runs are read from the content, with ActualText for vertical and
 * IVS glyphs), checked against the label positions of each layout.
 */
class LabelSheetTest {
    static final float MM = 72f / 25.4f;
    static final float A4_HEIGHT = 297 * MM;
    static final String KATSU_IVS = "葛\uDB40\uDD02"; // 葛 + U+E0102 (IPAmj明朝 has it)

    static OsgiServices services;
    static LabelService labels;
    static NonResidents nonResidents;
    static AddresseeNumbers numbers;

    /** One text run: a line of horizontal text, or one character of a vertical column. */
    record Run(int page, float x, float y, float size, String text, float width) {
        /** Left edge in mm from the left of the sheet. */
        float leftMm() {
            return x / MM;
        }

        /** Baseline in mm from the top of the sheet. */
        float baselineMm() {
            return (A4_HEIGHT - y) / MM;
        }
    }

    @BeforeAll
    static void services() {
        services = new OsgiServices(FrameworkUtil.getBundle(LabelSheetTest.class).getBundleContext());
        labels = services.get(LabelService.class);
        nonResidents = services.get(NonResidents.class);
        numbers = services.get(AddresseeNumbers.class);
    }

    @AfterAll
    static void close() {
        services.close();
    }

    @AfterEach
    void clearSettings() {
        for (String key : List.of("labels.writing", "labels.offset.12.x", "labels.offset.12.y", "labels.offset.24.x",
                "labels.offset.naga3.y")) {
            System.clearProperty("kiban." + key);
        }
    }

    static jp.kiban.platform.Operator clerk() {
        return new jp.kiban.platform.Operator("sato", "佐藤 花子", "counter-02", java.util.Set.of(Role.COUNTER));
    }

    static AddresseeNumber nonResident(String family, String given, String kana, String postal, String town,
            String lot, String building) {
        Address address = Address.of(Prefecture.NAGANO, "北安曇郡白馬村", town, lot).withBuilding(building);
        NonResident p = nonResidents.register(jp.kiban.platform.Operator.system(),
                NonResidentData.of(KanjiName.of(family, given), Furigana.of(kana), RecordedDate.unknown())
                        .withAddress(PostalCode.of(postal), address));
        return p.number();
    }

    /** Numbers for labels made up in the test (no directory knows them; a run of given labels needs none). */
    static final java.util.concurrent.atomic.AtomicLong SERIAL = new java.util.concurrent.atomic.AtomicLong(9_000_000_000L);

    static AddressLabel label(String postal, String name, String... lines) {
        AddresseeNumber n = AddresseeNumber.fromSerial(SERIAL.incrementAndGet());
        return new AddressLabel(n, Optional.ofNullable(postal).map(PostalCode::of), List.of(lines), Optional.empty(),
                name + "　様", "テスト", AddressLabel.Source.REGISTERED_ADDRESS);
    }

    static List<AddressLabel> synthetic(int count) {
        List<AddressLabel> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(label(String.format("399%04d", 9000 + i), "白馬　太郎" + "一二三四五".charAt(i % 5),
                    "長野県北安曇郡白馬村大字北城" + (i + 1) + "番地"));
        }
        return list;
    }

    /** Every text run of the PDF, page by page, in drawing order. */
    static List<Run> runs(byte[] pdf) {
        List<Run> runs = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pageIndex = 0;
            for (PDPage page : doc.getPages()) {
                PDFStreamParser parser = new PDFStreamParser(page);
                List<Object> operands = new ArrayList<>();
                PDFont font = null;
                float size = 0;
                float x = 0;
                float y = 0;
                String actual = null;
                for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
                    if (!(token instanceof Operator op)) {
                        operands.add(token);
                        continue;
                    }
                    switch (op.getName()) {
                    case "Tf" -> {
                        font = page.getResources().getFont((COSName) operands.get(0));
                        size = ((COSNumber) operands.get(1)).floatValue();
                    }
                    case "Td" -> {
                        x = ((COSNumber) operands.get(0)).floatValue();
                        y = ((COSNumber) operands.get(1)).floatValue();
                    }
                    case "BDC" -> actual = operands.get(1) instanceof COSDictionary d
                            ? d.getString(COSName.getPDFName("ActualText")) : null;
                    case "EMC" -> actual = null;
                    case "Tj" -> {
                        byte[] bytes = ((COSString) operands.get(0)).getBytes();
                        StringBuilder text = new StringBuilder();
                        float width = 0;
                        for (int i = 0; i + 1 < bytes.length; i += 2) {
                            int code = ((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF);
                            String u = font.toUnicode(code);
                            text.append(u == null ? "?" : u);
                            width += font.getWidth(code) / 1000f * size;
                        }
                        // a full-width space shares its glyph with the space: compare with plain spaces
                        String t = (actual != null ? actual : text.toString()).replaceAll("\\p{Zs}", " ");
                        runs.add(new Run(pageIndex, x, y, size, t, width));
                    }
                    default -> {
                    }
                    }
                    operands.clear();
                }
                pageIndex++;
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return runs;
    }

    static List<Run> named(List<Run> runs, String text) {
        String t = text.replaceAll("\\p{Zs}", " ");
        return runs.stream().filter(r -> r.text().equals(t)).toList();
    }

    static int pages(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** True when the run lies inside label {@code index} of the layout (with the calibration offset). */
    static boolean inside(Run r, LabelLayout layout, int index, float dx, float dy) {
        float left = layout.x(index) + dx;
        float top = layout.y(index) + dy;
        float l = r.leftMm();
        float right = (r.x() + r.width()) / MM;
        float base = r.baselineMm();
        float capTop = base - r.size() * 0.88f / MM;
        return l >= left - 0.01f && right <= left + layout.width() + 0.01f && capTop >= top - 0.01f
                && base <= top + layout.height() + 0.01f;
    }

    @Test
    void twelvePerSheetInMailingOrderEachLabelInItsPlace() {
        // registered in an order unlike the mailing order: postal code, then address (2 before 10), then フリガナ
        List<AddresseeNumber> requested = new ArrayList<>();
        requested.add(nonResident("和田", "一", "ワダ　ハジメ", "3999302", "大字北城", "10", null));
        requested.add(nonResident("阿部", "二", "アベ　ジ", "3999302", "大字北城", "2", null));
        requested.add(nonResident("上野", "三", "ウエノ　サブ", "3999301", "大字神城", "5", "白馬荘101"));
        for (int i = 0; i < 11; i++) {
            requested.add(nonResident("村上", "四郎" + "一二三四五六七八九十百".charAt(i), "ムラカミ　シロウ", "399940" + (i % 10),
                    "大字細野", String.valueOf(100 + i), null));
        }
        AddresseeNumber unknown = numbers.assign(AddresseeKind.RESIDENT); // nobody knows this one
        requested.add(unknown);

        LabelDocument doc = labels.labels(clerk(), requested,
                LabelOptions.of(LabelLayout.SHEET_12).withWriting(LabelWriting.HORIZONTAL), LabelProgress.NONE);
        assertEquals(14, doc.labels());
        assertEquals(2, doc.pages());
        assertEquals(2, pages(doc.pdf()));
        assertEquals(List.of(new LabelRun.Missing(unknown, LabelRun.Reason.UNKNOWN_PERSON)), doc.missing());

        List<Run> runs = runs(doc.pdf());
        List<Run> names = runs.stream().filter(r -> r.text().endsWith(" 様")).toList();
        assertEquals(14, names.size(), names.toString());
        assertEquals(12, names.stream().filter(r -> r.page() == 0).count());
        assertEquals(2, names.stream().filter(r -> r.page() == 1).count());
        assertEquals("上野 三 様", names.get(0).text(), "3999301 first");
        assertEquals("阿部 二 様", names.get(1).text(), "3999302 大字北城2 before 大字北城10");
        assertEquals("和田 一 様", names.get(2).text());
        for (int i = 0; i < names.size(); i++) {
            Run name = names.get(i);
            assertTrue(inside(name, LabelLayout.SHEET_12, i % 12, 0, 0), "label " + i + " " + name);
        }
        // the 〒 line, the address with its 方書 and the 宛名番号 of the first label
        List<Run> first = runs.stream().filter(r -> r.page() == 0 && inside(r, LabelLayout.SHEET_12, 0, 0, 0)).toList();
        List<String> texts = first.stream().map(Run::text).toList();
        assertTrue(texts.contains("〒399-9301"), texts.toString());
        assertTrue(texts.contains("長野県北安曇郡白馬村大字神城5"), texts.toString());
        assertTrue(texts.contains("白馬荘101"), texts.toString());
        assertTrue(texts.contains(requested.get(2).value()), texts.toString());
        // 〒 above the address above the name
        float postalY = named(first, "〒399-9301").get(0).y();
        float addressY = named(first, "長野県北安曇郡白馬村大字神城5").get(0).y();
        assertTrue(postalY > addressY && addressY > names.get(0).y());
        // the 宛名番号 sits in the same corner of every label: column 2 is 86.4 mm to the right, row 2 42.3 mm down
        Run n0 = named(runs, requested.get(2).value()).get(0);
        Run n1 = named(runs, requested.get(1).value()).get(0);
        Run n2 = named(runs, requested.get(0).value()).get(0);
        assertEquals(86.4f, (n1.x() + n1.width() - n0.x() - n0.width()) / MM, 0.05f);
        assertEquals(42.3f, n2.baselineMm() - n0.baselineMm(), 0.05f);
        assertEquals(names.get(0).leftMm() + 86.4f, names.get(1).leftMm(), 0.05f, "names start at the same indent");
    }

    @Test
    void twentyFourPerSheetAndTheStartPosition() {
        LabelRun run = new LabelRun(synthetic(30), List.of());
        LabelDocument doc = labels.labels(clerk(), run,
                LabelOptions.of(LabelLayout.SHEET_24).withWriting(LabelWriting.HORIZONTAL).withStartPosition(7),
                LabelProgress.NONE);
        assertEquals(30, doc.labels());
        assertEquals(2, doc.pages(), "positions 7–24 on sheet 1 (18 labels), 12 on sheet 2");
        List<Run> names = runs(doc.pdf()).stream().filter(r -> r.text().endsWith(" 様")).toList();
        assertEquals(18, names.stream().filter(r -> r.page() == 0).count());
        assertEquals(12, names.stream().filter(r -> r.page() == 1).count());
        for (int i = 0; i < names.size(); i++) {
            int position = (i + 6) % 24;
            assertTrue(inside(names.get(i), LabelLayout.SHEET_24, position, 0, 0), "label " + i + " " + names.get(i));
        }
        // the run's order is kept as given
        assertEquals("白馬 太郎一 様", names.get(0).text());
        assertEquals("白馬 太郎二 様", names.get(1).text());
        assertThrows(FormException.class, () -> LabelOptions.of(LabelLayout.SHEET_24).withStartPosition(25));
    }

    @Test
    void verticalWritingIsAColumnPerLineWithKanjiNumerals() {
        AddressLabel l = label("3999301", "山田　太郎", "長野県北安曇郡白馬村大字神城12-3", "白馬荘101");
        LabelRun run = new LabelRun(List.of(l), List.of());
        LabelDocument horizontal = labels.labels(clerk(), run,
                LabelOptions.of(LabelLayout.SHEET_12).withWriting(LabelWriting.HORIZONTAL), LabelProgress.NONE);
        assertEquals(LabelWriting.HORIZONTAL, horizontal.writing());
        List<Run> h = runs(horizontal.pdf());
        assertEquals(1, named(h, "山田　太郎　様").size(), "one run for the name across");

        // the town's setting makes the run vertical
        System.setProperty("kiban.labels.writing", "vertical");
        LabelDocument vertical = labels.labels(clerk(), run, LabelOptions.of(LabelLayout.SHEET_12), LabelProgress.NONE);
        assertEquals(LabelWriting.VERTICAL, vertical.writing());
        List<Run> v = runs(vertical.pdf());
        assertTrue(named(v, "山田　太郎　様").isEmpty());
        List<Run> name = new ArrayList<>();
        for (String ch : List.of("山", "田", "太", "郎", "様")) {
            List<Run> found = named(v, ch);
            assertEquals(1, found.size(), ch + " in " + v);
            name.add(found.get(0));
        }
        for (int i = 1; i < name.size(); i++) {
            assertEquals(name.get(0).x(), name.get(i).x(), 0.5f, "one column: " + name);
            assertTrue(name.get(i).y() < name.get(i - 1).y(), "top to bottom: " + name);
        }
        // digits become 漢数字 and the hyphen a vertical ー, in the address column right of the name
        for (String ch : List.of("一", "二", "ー", "三", "〇")) {
            assertFalse(named(v, ch).isEmpty(), ch + " missing in " + v);
        }
        assertTrue(named(v, "北").get(0).x() > name.get(0).x(), "the address is right of the name");
        // the postal code stays across at the top right, every character inside the label
        Run postal = named(v, "〒399-9301").get(0);
        assertTrue(postal.x() > name.get(0).x());
        for (Run r : v) {
            assertTrue(inside(r, LabelLayout.SHEET_12, 0, 0, 0), r.toString());
        }
        // the columns right to left, each read top to bottom: numbers are not cut, short lines stay whole
        java.util.Map<Integer, StringBuilder> columns = new java.util.LinkedHashMap<>();
        for (Run r : v) {
            if (r.text().codePointCount(0, r.text().length()) == 1 && r.x() > name.get(0).x() + 5) {
                columns.computeIfAbsent(Math.round(r.x()), k -> new StringBuilder()).append(r.text());
            }
        }
        List<String> texts = columns.values().stream().map(StringBuilder::toString).toList();
        assertTrue(texts.stream().anyMatch(c -> c.contains("一二ー三")), texts.toString());
        assertTrue(texts.contains("白馬荘一〇一"), texts.toString());
        assertEquals("長野県北安曇郡白馬村大字神城一二ー三白馬荘一〇一", String.join("", texts));

        // on both sheets a name that fits one column is in one column
        for (LabelLayout layout : List.of(LabelLayout.SHEET_12, LabelLayout.SHEET_24)) {
            AddressLabel seven = label("3999301", "佐藤　和子", "東京都デモ町中央一丁目22番地10");
            List<Run> sv = runs(labels.labels(clerk(), new LabelRun(List.of(seven), List.of()), LabelOptions.of(layout),
                    LabelProgress.NONE).pdf());
            float x = named(sv, "佐").get(0).x();
            for (String ch : List.of("藤", "和", "子", "様")) {
                assertEquals(x, named(sv, ch).get(0).x(), 0.5f, layout + ": " + ch + " in the name's column");
            }
            // 東京都デモ町 / 中央一丁目 / 二二番地一〇: cut after 町 and 丁目, not inside 二二
            java.util.Map<Integer, StringBuilder> cols = new java.util.LinkedHashMap<>();
            for (Run r : sv) {
                if (r.text().codePointCount(0, r.text().length()) == 1 && r.x() > x + 5) {
                    cols.computeIfAbsent(Math.round(r.x()), k -> new StringBuilder()).append(r.text());
                }
            }
            List<String> c = cols.values().stream().map(StringBuilder::toString).toList();
            assertTrue(c.stream().noneMatch(col -> col.codePointCount(0, col.length()) == 1), "no orphan: " + c);
            assertTrue(c.stream().anyMatch(col -> col.contains("二二番地")), layout + ": " + c);
        }

        // a name in the alphabet stays horizontal on a vertical run
        AddressLabel latin = label("3999301", "SMITH JOHN", "長野県北安曇郡白馬村大字神城1");
        List<Run> lv = runs(labels.labels(clerk(), new LabelRun(List.of(latin), List.of()),
                LabelOptions.of(LabelLayout.SHEET_12), LabelProgress.NONE).pdf());
        assertEquals(1, named(lv, "SMITH JOHN　様").size(), lv.toString());
    }

    @Test
    void calibrationOffsetsMoveEveryLabel() {
        LabelRun run = new LabelRun(synthetic(3), List.of());
        LabelOptions options = LabelOptions.of(LabelLayout.SHEET_12).withWriting(LabelWriting.HORIZONTAL);
        List<Run> plain = runs(labels.labels(clerk(), run, options, LabelProgress.NONE).pdf());
        System.setProperty("kiban.labels.offset.12.x", "2.5");
        System.setProperty("kiban.labels.offset.12.y", "-1.5");
        assertEquals(new LabelService.Offset(2.5f, -1.5f), labels.settings().offset(LabelLayout.SHEET_12));
        List<Run> moved = runs(labels.labels(clerk(), run, options, LabelProgress.NONE).pdf());
        assertEquals(plain.size(), moved.size());
        for (int i = 0; i < plain.size(); i++) {
            assertEquals(plain.get(i).text(), moved.get(i).text());
            assertEquals(2.5f, moved.get(i).leftMm() - plain.get(i).leftMm(), 0.02f, moved.get(i).toString());
            assertEquals(-1.5f, moved.get(i).baselineMm() - plain.get(i).baselineMm(), 0.02f, "up 1.5 mm");
        }
        // the 24 layout has its own offset: not moved
        List<Run> other = runs(labels.labels(clerk(), run, LabelOptions.of(LabelLayout.SHEET_24)
                .withWriting(LabelWriting.HORIZONTAL), LabelProgress.NONE).pdf());
        assertTrue(inside(named(other, run.labels().get(0).name()).get(0), LabelLayout.SHEET_24, 0, 0, 0));

        System.setProperty("kiban.labels.offset.12.x", "25");
        FormException tooFar = assertThrows(FormException.class, () -> labels.labels(clerk(), run, options,
                LabelProgress.NONE));
        assertEquals("labels.badOffset", tooFar.code());
        assertTrue(tooFar.getMessage(Locale.JAPANESE).contains("labels.offset.12.x=25"), tooFar.getMessage());
        System.setProperty("kiban.labels.offset.12.x", "abc");
        assertEquals("labels.badOffset", assertThrows(FormException.class, () -> labels.settings()).code());
        System.clearProperty("kiban.labels.offset.12.x");
        System.setProperty("kiban.labels.writing", "diagonal");
        assertEquals("labels.badWriting", assertThrows(FormException.class, () -> labels.settings()).code());
    }

    @Test
    void longAddressesWrapAndShrinkInsideTheLabel() {
        String building = "白馬村グランドリゾートマンション・レジデンス北城ウエストタワー棟二十三階二三〇一号室（管理事務所気付）";
        AddressLabel l = label("3999301", "長谷川　久美子", "長野県北安曇郡白馬村", "大字北城字八方口一二三四番地五六七", building);
        for (LabelLayout layout : List.of(LabelLayout.SHEET_12, LabelLayout.SHEET_24, LabelLayout.NAGA3_WINDOW)) {
            for (LabelWriting writing : LabelWriting.values()) {
                List<Run> runs = runs(labels.labels(clerk(), new LabelRun(List.of(l), List.of()),
                        LabelOptions.of(layout).withWriting(writing), LabelProgress.NONE).pdf());
                String all = String.join("", runs.stream().map(Run::text).toList());
                assertTrue(all.contains("長谷川"), all);
                for (Run r : runs) {
                    assertTrue(inside(r, layout, 0, 0, 0), layout + " " + writing + ": " + r);
                }
                if (writing == LabelWriting.HORIZONTAL) {
                    // nothing is dropped: the 方書 is all there, over several lines
                    assertTrue(all.contains(building), layout + ": " + all);
                }
            }
        }
    }

    @Test
    void naga3BlockIsInTheWindowOnePerPage() {
        LabelRun run = new LabelRun(synthetic(3), List.of());
        LabelDocument doc = labels.labels(clerk(), run, LabelOptions.of(LabelLayout.NAGA3_WINDOW)
                .withWriting(LabelWriting.VERTICAL), LabelProgress.NONE);
        assertEquals(LabelWriting.HORIZONTAL, doc.writing(), "a window envelope is written across");
        assertEquals(3, doc.pages());
        List<Run> runs = runs(doc.pdf());
        for (int p = 0; p < 3; p++) {
            int page = p;
            List<Run> onPage = runs.stream().filter(r -> r.page() == page).toList();
            assertEquals(1, onPage.stream().filter(r -> r.text().endsWith(" 様")).count());
            for (Run r : onPage) {
                // inside the window of a 長3 envelope: 23–113 mm from the left, 13–58 mm from the top
                assertTrue(r.leftMm() >= 23 && (r.x() + r.width()) / MM <= 113, r.toString());
                assertTrue(r.baselineMm() - r.size() / MM >= 13 && r.baselineMm() <= 58, r.toString());
            }
        }
    }

    @Test
    void aMissingGlyphRefusesTheRunNamingEveryAddressee() {
        AddressLabel ok = label("3999301", KATSU_IVS + "城　花子", "長野県北安曇郡白馬村大字神城1");
        AddressLabel adobe = label("3999302", "葛\uDB40\uDD00" + "西　一郎", "長野県北安曇郡白馬村大字神城2");
        AddressLabel hangul = label("3999303", "金　가영", "長野県北安曇郡白馬村大字神城3");
        // the IVS name prints (ActualText gives base + IVS back)
        List<Run> runs = runs(labels.labels(clerk(), new LabelRun(List.of(ok), List.of()),
                LabelOptions.of(LabelLayout.SHEET_12).withWriting(LabelWriting.HORIZONTAL), LabelProgress.NONE).pdf());
        assertEquals(1, named(runs, KATSU_IVS + "城　花子　様").size(), runs.toString());

        LabelCharacterException e = assertThrows(LabelCharacterException.class,
                () -> labels.labels(clerk(), new LabelRun(List.of(ok, adobe, hangul), List.of()),
                        LabelOptions.of(LabelLayout.SHEET_12), LabelProgress.NONE));
        assertEquals(2, e.problems().size());
        assertEquals(adobe.number(), e.problems().get(0).number());
        assertEquals("葛\uDB40\uDD00西　一郎", e.problems().get(0).name());
        assertEquals("U+845B U+E0100", e.problems().get(0).codes());
        assertEquals(hangul.number(), e.problems().get(1).number());
        assertEquals("가", e.problems().get(1).character());
        String ja = e.getMessage(Locale.JAPANESE);
        assertTrue(ja.contains(adobe.number().value()) && ja.contains("U+845B U+E0100") && ja.contains("ほか 1 名"), ja);
        assertTrue(e.getMessage().contains(adobe.number().value()), e.getMessage());
    }

    @Test
    void printedAndRefusedRunsGoToTheAccessLog() {
        List<AccessEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        AccessLog recording = event -> {
            events.add(event);
            return null;
        };
        java.util.Hashtable<String, Object> ranking = new java.util.Hashtable<>();
        ranking.put(org.osgi.framework.Constants.SERVICE_RANKING, 1000);
        var registration = FrameworkUtil.getBundle(LabelSheetTest.class).getBundleContext()
                .registerService(AccessLog.class, recording, ranking);
        try {
            LabelRun run = new LabelRun(synthetic(3), List.of());
            labels.labels(clerk(), run, LabelOptions.of(LabelLayout.SHEET_24), LabelProgress.NONE);
            AccessEvent printed = events.stream().filter(e -> e.kind() == AccessKind.PRINT).findFirst().orElseThrow();
            assertEquals("sato", printed.operatorId());
            assertEquals("labels.24", printed.action());
            assertEquals(run.labels().stream().map(l -> l.number().value()).toList(), printed.persons());
            AddressLabel bad = label("3999303", "金　가영", "長野県北安曇郡白馬村大字神城3");
            assertThrows(LabelCharacterException.class, () -> labels.labels(clerk(), new LabelRun(List.of(bad), List.of()),
                    LabelOptions.of(LabelLayout.SHEET_12), LabelProgress.NONE));
            AccessEvent refused = events.stream().filter(e -> e.kind() == AccessKind.REFUSED).findFirst().orElseThrow();
            assertEquals(List.of(bad.number().value()), refused.persons());
            assertTrue(refused.detail().contains("labels.missingGlyph"), refused.detail());
        } finally {
            registration.unregister();
        }
    }

    @Test
    void cancellingStopsTheRunAndGivesNothing() {
        LabelRun run = new LabelRun(synthetic(60), List.of());
        AtomicInteger drawn = new AtomicInteger();
        LabelProgress cancelAfterFive = new LabelProgress() {
            @Override
            public void progress(Phase phase, int done, int total) {
                if (phase == Phase.DRAW) {
                    drawn.set(done);
                }
            }

            @Override
            public boolean cancelled() {
                return drawn.get() >= 5;
            }
        };
        assertThrows(CancellationException.class, () -> labels.labels(clerk(), run,
                LabelOptions.of(LabelLayout.SHEET_24), cancelAfterFive));
        assertEquals(5, drawn.get());
        // also while looking up
        assertThrows(CancellationException.class, () -> labels.labels(clerk(),
                run.labels().stream().map(AddressLabel::number).toList(), LabelOptions.of(LabelLayout.SHEET_24),
                new LabelProgress() {
                    @Override
                    public void progress(Phase phase, int done, int total) {
                    }

                    @Override
                    public boolean cancelled() {
                        return true;
                    }
                }));
    }

    @Test
    void anOperatorWithoutViewPermissionIsRefused() {
        jp.kiban.platform.Operator nobody = new jp.kiban.platform.Operator("x", "x", "", java.util.Set.of());
        assertEquals("labels.notPermitted", assertThrows(FormException.class, () -> labels.labels(nobody,
                new LabelRun(synthetic(1), List.of()), LabelOptions.of(LabelLayout.SHEET_12), LabelProgress.NONE))
                .code());
    }

    @Test
    void thousandLabelsTiming() {
        LabelRun run = new LabelRun(synthetic(1000), List.of());
        for (LabelLayout layout : List.of(LabelLayout.SHEET_12, LabelLayout.SHEET_24)) {
            for (LabelWriting writing : LabelWriting.values()) {
                LabelOptions options = LabelOptions.of(layout).withWriting(writing);
                labels.labels(clerk(), run, options, LabelProgress.NONE); // warm-up
                long start = System.nanoTime();
                LabelDocument doc = labels.labels(clerk(), run, options, LabelProgress.NONE);
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertEquals(1000, doc.labels());
                assertEquals((1000 + layout.perPage() - 1) / layout.perPage(), doc.pages());
                System.out.printf(Locale.ROOT, "BENCH labels: 1000 labels, layout %s, %s: %d ms, %d pages, %d bytes%n",
                        layout.id(), writing.id(), millis, doc.pages(), doc.pdf().length);
            }
        }
    }

    @Test
    void cliWritesALabelSheet(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        AddresseeNumber a = nonResident("小林", "一", "コバヤシ　ハジメ", "3999301", "大字神城", "7", null);
        AddresseeNumber b = nonResident("中村", "二", "ナカムラ　ジ", "3999301", "大字神城", "8", null);
        AddresseeNumber unknown = numbers.assign(AddresseeKind.RESIDENT);
        Path persons = dir.resolve("persons.csv");
        Files.writeString(persons, "宛名番号,氏名\n" + a.value() + ",小林\n\n# comment\n" + b.value() + "\n" + unknown.value()
                + "\n");
        Path out = dir.resolve("labels.pdf");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        KibanCli cli = new KibanCli(services, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), java.util.Map.of("KIBAN_PASSWORD", "shinsa-demo-1"), prompt -> null);
        int rc = cli.run("--user", "shinsa", "labels", "--layout", "24", "--persons", persons.toString(), "--out", out.toString(), "--json");
        assertEquals(0, rc, stderr.toString(StandardCharsets.UTF_8));
        JsonNode json = new ObjectMapper().readTree(stdout.toString(StandardCharsets.UTF_8));
        assertEquals(2, json.get("labels").asInt());
        assertEquals(1, json.get("pages").asInt());
        assertEquals(unknown.value(), json.get("missing").get(0).get("number").asText());
        List<Run> runs = runs(Files.readAllBytes(out));
        assertEquals(List.of("小林 一 様", "中村 二 様"),
                runs.stream().map(Run::text).filter(t -> t.endsWith("様")).toList());

        // wrong usage: exit 2, nothing written
        Path none = dir.resolve("none.pdf");
        assertEquals(2, new KibanCli(services, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream())).run("labels", "--layout", "36", "--persons",
                        persons.toString(), "--out", none.toString()));
        assertEquals(2, new KibanCli(services, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream())).run("labels", "--layout", "naga3", "--vertical",
                        "--persons", persons.toString(), "--out", none.toString()));
        Files.writeString(persons, a.value() + "\n12345\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, new KibanCli(services, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run("labels", "--layout", "12", "--persons",
                        persons.toString(), "--out", none.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("line 2"), err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(none));
        // --help documents it
        ByteArrayOutputStream help = new ByteArrayOutputStream();
        new KibanCli(services, new PrintStream(help, true, StandardCharsets.UTF_8), new PrintStream(help))
                .run("labels", "--help");
        String helpText = help.toString(StandardCharsets.UTF_8);
        assertTrue(helpText.contains("--layout") && helpText.contains("naga3") && helpText.contains("--vertical"),
                helpText);
    }
}
