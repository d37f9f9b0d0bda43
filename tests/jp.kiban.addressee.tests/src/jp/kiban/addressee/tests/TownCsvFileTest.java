package jp.kiban.addressee.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import jp.kiban.addressee.TownCsvProblem;
import jp.kiban.addressee.TownEntry;
import jp.kiban.addressee.impl.csv.TownCsvFile;
import jp.kiban.core.address.PostalCode;

/** The 住所辞書 CSV layout: every line checked, every problem reported with its line number. */
class TownCsvFileTest {

    static TownCsvFile.Result read(String text) {
        return TownCsvFile.read(text.getBytes(StandardCharsets.UTF_8));
    }

    static List<String> where(TownCsvFile.Result r) {
        return r.problems().stream().map(p -> p.line() + ":" + p.column() + ":" + p.messageKey()).toList();
    }

    @Test
    void aGoodFileGivesEntriesWithTheirLines() {
        TownCsvFile.Result r = read("code,name,kana,postal_code\n001,大字上野,おおあざうえの,399-9301\n002,一丁目,ｲｯﾁｮｳﾒ,\n");
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(2, r.lines().size());
        assertEquals(new TownEntry("001", "大字上野", "オオアザウエノ", Optional.of(PostalCode.of("3999301")), Optional.empty()),
                r.lines().get(0).entry());
        assertEquals(2, r.lines().get(0).line());
        TownEntry second = r.lines().get(1).entry();
        assertEquals("イッチョウメ", second.kana(), "half-width kana become full-width katakana");
        assertEquals(Optional.empty(), second.postalCode());
    }

    @Test
    void theMunicipalityColumnIsOptionalAndHeaderCaseIsIgnored() {
        TownCsvFile.Result r = read(" Code , NAME,kana,Postal_Code,municipality\r\n001,大字上野,オオアザウエノ,3999301,白馬村\r\n");
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(Optional.of("白馬村"), r.lines().get(0).entry().municipality());
    }

    @Test
    void everyBadRowIsReportedWithItsLineAndColumnAndNothingIsReturned() {
        String csv = String.join("\n",
                "code,name,kana,postal_code",
                "001,大字上野,オオアザウエノ,3999301", // good
                "00-2,一丁目,イッチョウメ,3999301", // bad code
                "003,二丁目,ニチョウメ,39993", // bad postal code
                "004,三 丁目,サンチョウメ,3999301", // space in name
                "005,四丁目,よん丁目,3999301", // kanji in the reading
                "006,五丁目", // too few columns
                "001,六丁目,ロクチョウメ,3999301", // duplicate code
                ",,,", // blank code, name and kana
                "");
        TownCsvFile.Result r = read(csv);
        assertFalse(r.ok());
        assertEquals(List.of(), r.lines(), "all or nothing");
        assertEquals(List.of("3:code:town.codeForm", "4:postal_code:input.digitCount", "5:name:town.nameSpace",
                "6:kana:furigana.character", "7::csv.columnCount", "8:code:csv.duplicateCode", "9:code:input.blank",
                "9:name:input.blank", "9:kana:input.blank"), where(r));
    }

    @Test
    void problemsReadInEnglishAndJapanese() {
        TownCsvFile.Result r = read("code,name,kana,postal_code\n001,大字上野,オオアザウエノ,3999301\n001,一丁目,イッチョウメ,\n");
        TownCsvProblem p = r.problems().get(0);
        assertEquals("line 3, column code: The town code appears again; it was first given on line 2.", p.message());
        assertEquals("3行目 code：この町字コードは2行目にもあります。", p.message(Locale.JAPANESE));
        assertEquals("csv.duplicateCode", p.messageKey());
    }

    @Test
    void aMissingHeaderIsRefusedAtLineOne() {
        TownCsvFile.Result r = read("001,大字上野,オオアザウエノ,3999301\n");
        assertEquals(List.of("1::csv.header"), where(r));
        assertEquals("line 1: The first line must be the header code,name,kana,postal_code (optionally followed by ,municipality).",
                r.problems().get(0).message());
    }

    @Test
    void aHeaderWithoutDataIsRefused() {
        assertEquals(List.of("1::csv.noData"), where(read("code,name,kana,postal_code\n")));
        assertEquals(List.of("1::csv.header"), where(read("")));
    }

    @Test
    void syntaxErrorsAndFieldErrorsAreReportedTogetherInLineOrder() {
        TownCsvFile.Result r = read("code,name,kana,postal_code\n001,上\"野,ウエノ,3999301\n002,一丁目,イッチョウメ,12\n");
        assertEquals(List.of("2::csv.quoteInField", "3:postal_code:input.digitCount"), where(r));
    }

    @Test
    void shiftJisIsRefusedWithAClearReason() {
        byte[] sjis = "code,name,kana,postal_code\n001,大字上野,オオアザウエノ,3999301\n".getBytes(java.nio.charset.Charset.forName("Shift_JIS"));
        TownCsvFile.Result r = TownCsvFile.read(sjis);
        assertEquals(List.of("2::csv.notUtf8"), where(r));
        assertTrue(r.problems().get(0).message(Locale.JAPANESE).contains("UTF-8ではありません"));
    }

    @Test
    void writtenFilesReadBackToTheSameEntries() {
        List<TownEntry> entries = List.of(
                new TownEntry("001", "大字上野", "オオアザウエノ", Optional.of(PostalCode.of("3999301")), Optional.of("白馬村")),
                new TownEntry("002", "字東,西", "アザヒガシニシ", Optional.empty(), Optional.empty()));
        byte[] bytes = TownCsvFile.write(entries);
        assertEquals((byte) 0xEF, bytes[0], "starts with a BOM");
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains("\r\n002,\"字東,西\",アザヒガシニシ,,\r\n"), text);
        TownCsvFile.Result r = TownCsvFile.read(bytes);
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(entries, r.lines().stream().map(TownCsvFile.Line::entry).toList());
    }
}
