package jp.kiban.childallowance.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import jp.kiban.childallowance.AllowanceCalculator;
import jp.kiban.childallowance.ApplicationTrigger;
import jp.kiban.childallowance.Band;
import jp.kiban.childallowance.ChildAllowanceException;
import jp.kiban.childallowance.ChildFacts;
import jp.kiban.childallowance.MonthlyAmount;

/**
 * Worked examples of the 児童手当 from October 2024 (児童手当法第3条・第6条・第8条・第9条 as amended by 令和6年法律第47号),
 * with the boundaries: the month of the 3rd birthday, the 31 March of high-school age, the third-child count with a
 * supported older sibling (20 counts, 23 does not), the even-month schedule and the 15日特例.
 */
class AllowanceCalculatorTest {
    static final YearMonth FROM = YearMonth.of(2024, 10);

    static ChildFacts child(String key, LocalDate birth) {
        return new ChildFacts(key, birth, FROM, Optional.empty(), Optional.empty());
    }

    static ChildFacts supported(String key, LocalDate birth) {
        return new ChildFacts(key, birth, FROM, Optional.empty(), Optional.of(FROM));
    }

    static long total(YearMonth month, ChildFacts... children) {
        return AllowanceCalculator.monthly(month, List.of(children)).total();
    }

    /** Three children, all 児童: 10,000 + 10,000 + 30,000 (the youngest is the third, under 3 or not). */
    @Test
    void threeChildrenTheYoungestIsTheThird() {
        YearMonth oct2025 = YearMonth.of(2025, 10);
        MonthlyAmount a = AllowanceCalculator.monthly(oct2025, List.of(child("high", LocalDate.of(2008, 5, 10)),
                child("middle", LocalDate.of(2015, 7, 7)), child("baby", LocalDate.of(2023, 11, 20))));
        assertEquals(Band.THREE_TO_HIGH_SCHOOL, a.line("high").orElseThrow().band());
        assertEquals(1, a.line("high").orElseThrow().order());
        assertEquals(10_000, a.line("high").orElseThrow().amount());
        assertEquals(10_000, a.line("middle").orElseThrow().amount());
        assertEquals(Band.UNDER_THREE, a.line("baby").orElseThrow().band());
        assertEquals(3, a.line("baby").orElseThrow().order());
        assertEquals(30_000, a.line("baby").orElseThrow().amount());
        assertEquals(50_000, a.total());
        assertEquals(3, a.paidChildren());
        // one child under 3 and one older: 15,000 + 10,000; no income limit enters anywhere
        assertEquals(25_000, total(oct2025, child("a", LocalDate.of(2016, 1, 1)), child("b", LocalDate.of(2024, 1, 1))));
    }

    /** The month of the 3rd birthday is still 15,000; the month after is 10,000 (第6条第1項, 第9条第3項). */
    @Test
    void thirdBirthdayChangesTheAmountFromTheNextMonth() {
        ChildFacts mid = child("k", LocalDate.of(2022, 6, 15));
        assertEquals(15_000, total(YearMonth.of(2025, 5), mid));
        assertEquals(15_000, total(YearMonth.of(2025, 6), mid), "the month of the 3rd birthday");
        assertEquals(10_000, total(YearMonth.of(2025, 7), mid), "the month after");
        // born on the 1st: 三年を経過しない児童 — the 3 years end on the birthday itself, so the same month counts
        ChildFacts first = child("k", LocalDate.of(2022, 6, 1));
        assertEquals(YearMonth.of(2025, 6), AllowanceCalculator.lastUnderThreeMonth(first.birthDate()));
        assertEquals(15_000, total(YearMonth.of(2025, 6), first));
        assertEquals(10_000, total(YearMonth.of(2025, 7), first));
        // born on the last day of a month: the day before the birthday is in the same month
        ChildFacts last = child("k", LocalDate.of(2022, 5, 31));
        assertEquals(15_000, total(YearMonth.of(2025, 5), last));
        assertEquals(10_000, total(YearMonth.of(2025, 6), last));
        // 29 February: 2027 has no 29 February, the 3 years end on 28 February
        assertEquals(YearMonth.of(2027, 2), AllowanceCalculator.lastUnderThreeMonth(LocalDate.of(2024, 2, 29)));
        assertEquals(LocalDate.of(2026, 2, 28), AllowanceCalculator.reachesAge(LocalDate.of(2008, 2, 29), 18));
    }

    /**
     * 高校生年代の終わり: the first 31 March on or after the day of reaching 18 (第3条第1項). Born 2 April 2007: 18 on
     * 1 April 2025, paid to March 2026. Born 1 April 2007: 18 on 31 March 2025 — that very day, so paid to March 2025.
     */
    @Test
    void highSchoolAgeEndsOnThe31MarchAfterReaching18() {
        LocalDate april2 = LocalDate.of(2007, 4, 2);
        assertEquals(LocalDate.of(2025, 4, 1), AllowanceCalculator.reachesAge(april2, 18));
        assertEquals(LocalDate.of(2026, 3, 31), AllowanceCalculator.highSchoolAgeEnd(april2));
        assertEquals(10_000, total(YearMonth.of(2026, 3), child("k", april2)));
        assertEquals(0, total(YearMonth.of(2026, 4), child("k", april2)));
        assertFalse(AllowanceCalculator.isChild(april2, YearMonth.of(2026, 4)));

        LocalDate april1 = LocalDate.of(2007, 4, 1);
        assertEquals(LocalDate.of(2025, 3, 31), AllowanceCalculator.highSchoolAgeEnd(april1));
        assertEquals(10_000, total(YearMonth.of(2025, 3), child("k", april1)));
        assertEquals(0, total(YearMonth.of(2025, 4), child("k", april1)));
        assertEquals(Band.NOT_COUNTED, AllowanceCalculator.band(april1, YearMonth.of(2025, 4), false));
    }

    /**
     * The third-child count (第6条第1項): an older sibling of 20 whom the recipient cares for and supports counts, so the
     * baby is the third (30,000); without the confirmation, or at 23, the baby is the second (15,000).
     */
    @Test
    void olderSiblingCountsUpTo22OnlyWhenSupported() {
        YearMonth oct2025 = YearMonth.of(2025, 10);
        LocalDate twenty = LocalDate.of(2005, 6, 1);
        LocalDate twentyThree = LocalDate.of(2002, 6, 1);
        ChildFacts second = child("second", LocalDate.of(2012, 1, 1));
        ChildFacts baby = child("baby", LocalDate.of(2024, 2, 2));

        MonthlyAmount with20 = AllowanceCalculator.monthly(oct2025, List.of(supported("older", twenty), second, baby));
        assertEquals(Band.OLDER_COUNTED, with20.line("older").orElseThrow().band());
        assertEquals(1, with20.line("older").orElseThrow().order());
        assertEquals(0, with20.line("older").orElseThrow().amount(), "counted, not paid for");
        assertEquals(10_000, with20.line("second").orElseThrow().amount());
        assertEquals(3, with20.line("baby").orElseThrow().order());
        assertEquals(30_000, with20.line("baby").orElseThrow().amount());
        assertEquals(40_000, with20.total());

        assertEquals(25_000, total(oct2025, child("older", twenty), second, baby), "not confirmed: not counted");

        MonthlyAmount with23 = AllowanceCalculator.monthly(oct2025, List.of(supported("older", twentyThree), second, baby));
        assertEquals(Band.NOT_COUNTED, with23.line("older").orElseThrow().band());
        assertEquals(0, with23.line("older").orElseThrow().order());
        assertEquals(2, with23.line("baby").orElseThrow().order());
        assertEquals(25_000, with23.total());

        // the 22 line: born 2 April 2003, 22 on 1 April 2025, counts to March 2026 and not in April 2026
        LocalDate edge = LocalDate.of(2003, 4, 2);
        assertEquals(LocalDate.of(2026, 3, 31), AllowanceCalculator.olderChildEnd(edge));
        assertEquals(40_000, total(YearMonth.of(2026, 3), supported("older", edge), second, baby));
        assertEquals(25_000, total(YearMonth.of(2026, 4), supported("older", edge), second, baby));
        // born 1 April 2003: 22 on 31 March 2025, no longer counted from April 2025
        assertEquals(LocalDate.of(2025, 3, 31), AllowanceCalculator.olderChildEnd(LocalDate.of(2003, 4, 1)));
    }

    /** Confirmation from a later month only: counted from that month on. */
    @Test
    void supportConfirmedLaterCountsFromThatMonth() {
        ChildFacts older = new ChildFacts("older", LocalDate.of(2005, 6, 1), FROM, Optional.empty(),
                Optional.of(YearMonth.of(2025, 8)));
        ChildFacts second = child("second", LocalDate.of(2012, 1, 1));
        ChildFacts baby = child("baby", LocalDate.of(2024, 2, 2));
        assertEquals(25_000, total(YearMonth.of(2025, 7), older, second, baby));
        assertEquals(40_000, total(YearMonth.of(2025, 8), older, second, baby));
    }

    /** A child counts only within its months with the recipient; twins are both counted. */
    @Test
    void attachmentAndTwins() {
        LocalDate born = LocalDate.of(2025, 1, 10);
        ChildFacts first = child("first", LocalDate.of(2010, 3, 3));
        ChildFacts second = child("second", LocalDate.of(2013, 3, 3));
        ChildFacts twinA = new ChildFacts("twinA", born, YearMonth.of(2025, 2), Optional.empty(), Optional.empty());
        ChildFacts twinB = new ChildFacts("twinB", born, YearMonth.of(2025, 2), Optional.of(YearMonth.of(2025, 9)),
                Optional.empty());
        assertEquals(20_000, total(YearMonth.of(2025, 1), first, second, twinA, twinB), "before the twins were added");
        MonthlyAmount feb = AllowanceCalculator.monthly(YearMonth.of(2025, 2), List.of(first, second, twinA, twinB));
        assertEquals(3, feb.line("twinA").orElseThrow().order());
        assertEquals(4, feb.line("twinB").orElseThrow().order());
        assertEquals(10_000 + 10_000 + 30_000 + 30_000, feb.total());
        assertEquals(10_000 + 10_000 + 30_000 + 30_000, total(YearMonth.of(2025, 9), first, second, twinA, twinB));
        assertEquals(10_000 + 10_000 + 30_000, total(YearMonth.of(2025, 10), first, second, twinA, twinB), "twin B left in September");
    }

    /** 第8条第4項: paid in even months for the two months before; six payments a fiscal year. */
    @Test
    void evenMonthSchedule() {
        assertEquals(YearMonth.of(2024, 12), AllowanceCalculator.payMonth(YearMonth.of(2024, 10)));
        assertEquals(YearMonth.of(2024, 12), AllowanceCalculator.payMonth(YearMonth.of(2024, 11)));
        assertEquals(YearMonth.of(2025, 2), AllowanceCalculator.payMonth(YearMonth.of(2024, 12)));
        assertEquals(YearMonth.of(2025, 2), AllowanceCalculator.payMonth(YearMonth.of(2025, 1)));
        assertEquals(YearMonth.of(2025, 4), AllowanceCalculator.payMonth(YearMonth.of(2025, 3)));
        assertEquals(List.of(YearMonth.of(2025, 4), YearMonth.of(2025, 6), YearMonth.of(2025, 8), YearMonth.of(2025, 10),
                YearMonth.of(2025, 12), YearMonth.of(2026, 2)), AllowanceCalculator.payMonths(2025));
        assertEquals(List.of(YearMonth.of(2025, 12), YearMonth.of(2026, 1)), AllowanceCalculator.monthsPaidIn(YearMonth.of(2026, 2)));
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(2025, m);
            YearMonth pay = AllowanceCalculator.payMonth(month);
            assertEquals(0, pay.getMonthValue() % 2, "even");
            assertTrue(AllowanceCalculator.monthsPaidIn(pay).contains(month), month + " paid in " + pay);
        }
        assertThrows(IllegalArgumentException.class, () -> AllowanceCalculator.monthsPaidIn(YearMonth.of(2025, 3)));
    }

    /** 第8条第2項・第3項: from the month after the 請求; after a birth or 転入 within 15 days, the month after the event. */
    @Test
    void startMonthAndTheFifteenDayRule() {
        LocalDate applied = LocalDate.of(2025, 6, 20);
        assertEquals(YearMonth.of(2025, 7), AllowanceCalculator.startMonth(applied, ApplicationTrigger.NORMAL, Optional.empty()));
        LocalDate born = LocalDate.of(2025, 5, 31);
        assertEquals(YearMonth.of(2025, 6), AllowanceCalculator.startMonth(LocalDate.of(2025, 6, 15), ApplicationTrigger.BIRTH,
                Optional.of(born)), "15 days after 31 May is 15 June: still the month after the birth");
        assertTrue(AllowanceCalculator.specialRuleApplies(LocalDate.of(2025, 6, 15), ApplicationTrigger.BIRTH, Optional.of(born)));
        assertEquals(YearMonth.of(2025, 7), AllowanceCalculator.startMonth(LocalDate.of(2025, 6, 16), ApplicationTrigger.BIRTH,
                Optional.of(born)), "the 16th day is too late");
        assertEquals(YearMonth.of(2025, 7), AllowanceCalculator.startMonth(LocalDate.of(2025, 6, 15), ApplicationTrigger.NORMAL,
                Optional.of(born)), "no special rule without a birth or move-in");
        assertEquals(YearMonth.of(2025, 7), AllowanceCalculator.startMonth(LocalDate.of(2025, 6, 25), ApplicationTrigger.MOVE_IN,
                Optional.of(LocalDate.of(2025, 6, 10))), "same month either way");
    }

    /** Months before October 2024 are refused with a clear message, in Japanese for the clerk. */
    @Test
    void monthsBeforeTheNewRulesAreRefused() {
        ChildAllowanceException e = assertThrows(ChildAllowanceException.class,
                () -> AllowanceCalculator.monthly(YearMonth.of(2024, 9), List.of(child("k", LocalDate.of(2020, 1, 1)))));
        assertEquals("calc.beforeRules", e.code());
        assertTrue(e.getMessage(Locale.JAPANESE).contains("令和6年10月分からの制度"), e.getMessage(Locale.JAPANESE));
        assertTrue(e.getMessage().contains("October 2024"), e.getMessage());
        assertEquals(15_000, total(FROM, child("k", LocalDate.of(2024, 1, 1))), "October 2024 itself is fine");
    }
}
