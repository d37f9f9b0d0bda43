package jp.kiban.core.tests;

import static jp.kiban.core.tests.IdentifierTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import jp.kiban.core.DomainException;
import jp.kiban.core.date.Era;
import jp.kiban.core.date.RecordedDate;
import jp.kiban.core.date.RecordedDate.Kind;
import jp.kiban.core.date.RecordedDate.Leniency;

class RecordedDateTest {

    @ParameterizedTest
    @CsvSource({
            "令和6年4月1日, EXACT, 令和6年4月1日, 2024-04-01, 20240401",
            "2024/4/1, EXACT, 令和6年4月1日, 2024-04-01, 20240401",
            "令和2年3月日不詳, DAY_UNKNOWN, 令和2年3月日不詳, R02-03-00, 20200300",
            "令和元年5月日不詳, DAY_UNKNOWN, 令和元年5月日不詳, R01-05-00, 20190500",
            "1980年3月日不詳, DAY_UNKNOWN, 1980年3月日不詳, 1980-03-00, 19800300",
            "令和2年月日不詳, MONTH_DAY_UNKNOWN, 令和2年月日不詳, R02-00-00, 20200000",
            "平成31年月日不詳, MONTH_DAY_UNKNOWN, 平成31年月日不詳, H31-00-00, 20190000",
            "令和１年月日不詳, MONTH_DAY_UNKNOWN, 令和元年月日不詳, R01-00-00, 20190000",
            "年月日不詳, UNKNOWN, 年月日不詳, 0000-00-00, 0",
            "昭和20年頃, APPROXIMATE_YEAR, 昭和20年頃, ~S20, 19450000",
            "1945年頃, APPROXIMATE_YEAR, 1945年頃, ~1945, 19450000"})
    void parsesFormatsAndStores(String text, Kind kind, String formatted, String stored, int sortKey) {
        RecordedDate d = RecordedDate.parse(text);
        assertEquals(kind, d.kind());
        assertEquals(formatted, d.format());
        assertEquals(stored, d.toStorageString());
        assertEquals(sortKey, d.sortKey());
        assertEquals(d, RecordedDate.fromStorageString(stored));
        assertEquals(d, RecordedDate.parse(formatted));
        assertEquals(kind == Kind.EXACT, d.exactDate().isPresent());
    }

    @Test
    void impossibleDatesOnlyWhenAllowed() {
        refused("date.noSuchDay", () -> RecordedDate.parse("令和2年2月30日"));
        refused("date.beforeEraStart", () -> RecordedDate.parse("平成元年1月1日"));
        RecordedDate feb30 = RecordedDate.parse("令和2年2月30日", Leniency.ALLOW_IMPOSSIBLE);
        assertEquals(Kind.IMPOSSIBLE, feb30.kind());
        assertEquals("令和2年2月30日", feb30.format());
        assertEquals("!R02-02-30", feb30.toStorageString());
        assertEquals(Optional.empty(), feb30.exactDate());
        assertEquals(Optional.of(Era.REIWA), feb30.era());
        assertEquals(OptionalInt.of(30), feb30.day());
        RecordedDate heisei = RecordedDate.parse("平成元年1月1日", Leniency.ALLOW_IMPOSSIBLE);
        assertEquals("平成元年1月1日", heisei.format());
        assertEquals("!H01-01-01", heisei.toStorageString());
        assertEquals(heisei, RecordedDate.fromStorageString("!H01-01-01"));
        assertEquals("!2021-02-29", RecordedDate.parse("2021-02-29", Leniency.ALLOW_IMPOSSIBLE).toStorageString());
        // a real date stays exact, and garbage stays refused, even when impossible dates are allowed
        assertEquals(Kind.EXACT, RecordedDate.parse("令和2年2月29日", Leniency.ALLOW_IMPOSSIBLE).kind());
        refused("date.notImpossible", () -> RecordedDate.impossible(Era.REIWA, 2, 2, 29));
        refused("date.noSuchDay", () -> RecordedDate.parse("令和2年13月1日", Leniency.ALLOW_IMPOSSIBLE));
        refused("date.noSuchDay", () -> RecordedDate.parse("令和2年2月32日", Leniency.ALLOW_IMPOSSIBLE));
        refused("date.lunisolar", () -> RecordedDate.parse("明治5年2月30日", Leniency.ALLOW_IMPOSSIBLE));
    }

    @Test
    void partialDatesMustLieInTheirEra() {
        refused("date.beforeEraStart", () -> RecordedDate.parse("令和元年4月日不詳"));
        refused("date.afterEraEnd", () -> RecordedDate.parse("平成31年5月日不詳"));
        refused("date.afterEraEnd", () -> RecordedDate.parse("平成32年月日不詳"));
        refused("date.afterEraEnd", () -> RecordedDate.parse("昭和65年頃"));
        refused("date.noSuchDay", () -> RecordedDate.parse("令和2年13月日不詳"));
        assertEquals("昭和64年1月日不詳", RecordedDate.dayUnknown(Era.SHOWA, 64, 1).format());
        assertEquals("平成元年1月日不詳", RecordedDate.dayUnknown(Era.HEISEI, 1, 1).format());
    }

    @Test
    void partlyUnknownDatesNeverBecomeDays() {
        for (String text : List.of("令和2年3月日不詳", "令和2年月日不詳", "年月日不詳", "昭和20年頃")) {
            RecordedDate d = RecordedDate.parse(text);
            assertEquals(Optional.empty(), d.exactDate(), text);
        }
        RecordedDate d = RecordedDate.parse("令和2年3月日不詳");
        assertEquals(OptionalInt.of(2), d.year());
        assertEquals(OptionalInt.of(3), d.month());
        assertEquals(OptionalInt.empty(), d.day());
        assertEquals(OptionalInt.empty(), RecordedDate.unknown().year());
        assertEquals(LocalDate.of(2020, 3, 1), RecordedDate.exact(LocalDate.of(2020, 3, 1)).exactDate().orElseThrow());
    }

    @Test
    void eraIsKeptAsWritten() {
        RecordedDate heisei = RecordedDate.monthDayUnknown(Era.HEISEI, 31);
        RecordedDate reiwa = RecordedDate.monthDayUnknown(Era.REIWA, 1);
        assertNotEquals(heisei, reiwa);
        assertEquals(heisei.sortKey(), reiwa.sortKey());
        assertNotEquals(0, heisei.compareTo(reiwa));
        assertEquals(RecordedDate.parse("2024-04-01"), RecordedDate.parse("R6.4.1"));
    }

    @Test
    void sortsUnknownPartsFirst() {
        List<String> ordered = List.of("年月日不詳", "昭和20年月日不詳", "昭和20年頃", "昭和20年3月日不詳", "昭和20年3月1日",
                "昭和20年3月31日", "令和2年2月29日", "令和2年2月30日", "令和2年3月日不詳");
        List<RecordedDate> dates = new ArrayList<>();
        for (String s : ordered) {
            dates.add(RecordedDate.parse(s, Leniency.ALLOW_IMPOSSIBLE));
        }
        List<RecordedDate> shuffled = new ArrayList<>(dates);
        Collections.reverse(shuffled);
        Collections.sort(shuffled);
        assertEquals(dates, shuffled);
    }

    @Test
    void storageRoundTripsEveryKind() {
        List<RecordedDate> all = List.of(RecordedDate.exact(LocalDate.of(1873, 1, 1)), RecordedDate.dayUnknown(Era.MEIJI, 5, 3),
                RecordedDate.dayUnknown(null, 2001, 12), RecordedDate.monthDayUnknown(Era.TAISHO, 15),
                RecordedDate.monthDayUnknown(null, 1950), RecordedDate.unknown(), RecordedDate.approximateYear(Era.REIWA, 6),
                RecordedDate.approximateYear(null, 1945), RecordedDate.impossible(Era.SHOWA, 64, 1, 8),
                RecordedDate.impossible(null, 2023, 2, 29));
        assertEquals(Kind.values().length, all.stream().map(RecordedDate::kind).distinct().count());
        for (RecordedDate d : all) {
            RecordedDate back = RecordedDate.fromStorageString(d.toStorageString());
            assertEquals(d, back);
            assertEquals(d.hashCode(), back.hashCode());
            assertEquals(d.format(), back.format());
            assertEquals(d, RecordedDate.parse(d.format(), Leniency.ALLOW_IMPOSSIBLE));
        }
        assertEquals("明治5年3月日不詳", RecordedDate.fromStorageString("M05-03-00").format());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2024-4-1", "R06-04-01", "~R06-01-01", "!R02", "2024-00-05", "0000-01-00", "2024-02-30",
            "!2024-02-29", "R6-04-00", "r02-03-00", "2024-04-01 "})
    void refusesInvalidStorageStrings(String stored) {
        assertThrows(DomainException.class, () -> RecordedDate.fromStorageString(stored));
    }
}
