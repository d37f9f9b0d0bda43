package jp.kiban.core.tests;

import static jp.kiban.core.tests.IdentifierTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import jp.kiban.core.DomainException;
import jp.kiban.core.date.Era;
import jp.kiban.core.date.WarekiDate;

class JapaneseDateTest {

    @Test
    void eras() {
        assertEquals(LocalDate.of(1912, 7, 29), Era.MEIJI.lastDay().orElseThrow());
        assertEquals(LocalDate.of(1926, 12, 24), Era.TAISHO.lastDay().orElseThrow());
        assertEquals(LocalDate.of(1989, 1, 7), Era.SHOWA.lastDay().orElseThrow());
        assertEquals(LocalDate.of(2019, 4, 30), Era.HEISEI.lastDay().orElseThrow());
        assertEquals(Optional.empty(), Era.REIWA.lastDay());
        assertEquals(LocalDate.of(1868, 10, 23), Era.MEIJI.firstDay());
        assertEquals("昭和", Era.SHOWA.kanji());
        assertEquals("S", Era.SHOWA.letter());
        assertEquals(3, Era.SHOWA.code());
        assertEquals(Era.REIWA, Era.ofCode(5));
        assertEquals(Era.HEISEI, Era.ofLetter("h"));
        assertEquals(Era.TAISHO, Era.ofKanji("大正"));
        assertEquals(2024, Era.REIWA.toGregorianYear(6));
        assertEquals(Era.MEIJI, Era.of(LocalDate.of(1868, 10, 23)));
        refused("date.beforeMeiji", () -> Era.of(LocalDate.of(1868, 10, 22)));
        refused("date.unknownEra", () -> Era.ofLetter("X"));
    }

    /** Both sides of every era boundary. */
    @ParameterizedTest
    @CsvSource({
            "1912-07-29, 明治45年7月29日, M45.7.29",
            "1912-07-30, 大正元年7月30日, T1.7.30",
            "1926-12-24, 大正15年12月24日, T15.12.24",
            "1926-12-25, 昭和元年12月25日, S1.12.25",
            "1989-01-07, 昭和64年1月7日, S64.1.7",
            "1989-01-08, 平成元年1月8日, H1.1.8",
            "2019-04-30, 平成31年4月30日, H31.4.30",
            "2019-05-01, 令和元年5月1日, R1.5.1",
            "1873-01-01, 明治6年1月1日, M6.1.1",
            "2024-04-01, 令和6年4月1日, R6.4.1"})
    void boundaries(LocalDate date, String long_, String short_) {
        WarekiDate w = WarekiDate.of(date);
        assertEquals(long_, w.format());
        assertEquals(short_, w.formatShort());
        assertEquals(date, WarekiDate.parse(long_).date());
        assertEquals(date, WarekiDate.parse(short_).date());
        assertEquals(date, WarekiDate.parse(w.formatShortPadded()).date());
        assertEquals(w, WarekiDate.of(w.era(), w.eraYear(), date.getMonthValue(), date.getDayOfMonth()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"令和6年4月1日", "令和６年４月１日", "令和 6年 4月 1日", "R6.4.1", "R06.04.01", "r6/4/1", "R6-4-1",
            "Ｒ６．４．１", "2024-04-01", "2024/4/1", "2024.4.1", "20240401", "2024年4月1日", " 2024-04-01 "})
    void parsesCounterForms(String text) {
        assertEquals(LocalDate.of(2024, 4, 1), WarekiDate.parse(text).date());
    }

    @Test
    void gannenIsAcceptedBothWays() {
        assertEquals(LocalDate.of(2019, 5, 1), WarekiDate.parse("令和1年5月1日").date());
        assertEquals(LocalDate.of(2019, 5, 1), WarekiDate.parse("令和元年5月1日").date());
        assertEquals(LocalDate.of(1989, 1, 8), WarekiDate.parse("H1.1.8").date());
    }

    @Test
    void formats() {
        WarekiDate d = WarekiDate.of(LocalDate.of(2024, 4, 1));
        assertEquals("令和6年4月1日", d.format());
        assertEquals("令和6年4月1日(月)", d.formatWithWeekday());
        assertEquals("R6.4.1", d.formatShort());
        assertEquals("R06.04.01", d.formatShortPadded());
        assertEquals("2024-04-01", d.formatIso());
        assertEquals("令和6年4月1日", d.toString());
        assertEquals(Era.REIWA, d.era());
        assertEquals(6, d.eraYear());
        assertTrue(d.compareTo(WarekiDate.parse("R6.4.2")) < 0);
    }

    @ParameterizedTest
    @CsvSource({
            "平成31年5月1日, date.afterEraEnd, 平成31年4月30日",
            "H31.5.1, date.afterEraEnd, 平成31年4月30日",
            "令和1年4月30日, date.beforeEraStart, 令和元年5月1日",
            "平成元年1月1日, date.beforeEraStart, 平成元年1月8日",
            "昭和64年1月8日, date.afterEraEnd, 昭和64年1月7日",
            "大正15年12月25日, date.afterEraEnd, 大正15年12月24日",
            "明治45年7月30日, date.afterEraEnd, 明治45年7月29日",
            "令和0年6月1日, date.beforeEraStart, 令和元年5月1日"})
    void refusesDatesOutsideTheirEra(String text, String code, String boundary) {
        DomainException e = refused(code, () -> WarekiDate.parse(text));
        assertTrue(e.getMessage().contains(boundary), e.getMessage());
        assertTrue(e.getMessage(Locale.JAPANESE).contains(boundary), e.getMessage(Locale.JAPANESE));
    }

    @Test
    void refusesDaysThatDoNotExist() {
        DomainException e = refused("date.noSuchDay", () -> WarekiDate.parse("令和2年2月30日"));
        assertEquals("令和2年2月30日は存在しない日付です。", e.getMessage(Locale.JAPANESE));
        refused("date.noSuchDay", () -> WarekiDate.parse("2023-02-29"));
        refused("date.noSuchDay", () -> WarekiDate.parse("R6.13.1"));
        assertEquals(LocalDate.of(2024, 2, 29), WarekiDate.parse("R6.2.29").date());
    }

    @Test
    void refusesLunisolarMeijiDates() {
        refused("date.lunisolar", () -> WarekiDate.parse("明治5年12月2日"));
        refused("date.lunisolar", () -> WarekiDate.parse("明治元年10月23日"));
        refused("date.lunisolar", () -> WarekiDate.of(LocalDate.of(1872, 12, 31)));
        assertEquals("明治6年1月1日", WarekiDate.parse("M6.1.1").format());
    }

    @ParameterizedTest
    @ValueSource(strings = {"令和6年4月", "R6.4", "X6.4.1", "2024-4/1", "2024/04/01/", "令和六年四月一日", "tomorrow", "202441"})
    void refusesUnrecognisedText(String text) {
        DomainException e = refused("date.unparseable", () -> WarekiDate.parse(text));
        assertTrue(e.getMessage().contains(text), e.getMessage());
        assertFalse(e.getMessage(Locale.JAPANESE).isBlank());
    }
}
