package jp.kiban.childallowance;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 児童手当の額 and the dates it depends on, by 児童手当法 as amended by 令和6年法律第47号 (子ども・子育て支援法等の一部を
 * 改正する法律), in force from the allowance for October 2024 ({@link #RULES_FROM}). Plain Java, no I/O.
 * <ul>
 * <li>第3条第1項: a 児童 is a person up to the first 31 March on or after the day of reaching 18
 * ({@link #highSchoolAgeEnd}); the day of reaching an age is the day before the birthday (年齢計算ニ関スル法律, 民法第143条),
 * so a child born on 1 April leaves a year earlier than one born on 2 April (早生まれ).</li>
 * <li>第6条第1項: per month, per child 15,000 yen while 3歳に満たない, 10,000 yen from 3 years up to high-school age, and
 * 30,000 yen for the third and later child whatever the age; no income limit (the 所得制限 was abolished).
 * The order counts the 児童 and, after high-school age up to the first 31 March on or after reaching 22
 * ({@link #olderChildEnd}), the children the recipient cares for and supports (監護に相当する日常生活上の世話及び必要な
 * 保護をし、その生計費の相当部分を負担する者); these are counted but not paid for. The eldest counted is the first.</li>
 * <li>The 3-year line (第6条第1項: 三歳に満たない児童、月の初日に生まれた児童については出生の日から三年を経過しない児童):
 * the child reaches 3 on the day before the 3rd birthday, or for a child born on the 1st of a month the 3 years end
 * on the birthday itself; either way the fact arises in the month of the 3rd birthday and the lower amount applies from
 * the next month (第9条第3項: 減額改定は事由が生じた日の属する月の翌月から). So: 15,000 yen up to and including the month
 * of the 3rd birthday ({@link #lastUnderThreeMonth}).</li>
 * <li>第8条第2項: payment starts with the month after the month of the 認定請求 and ends with the month in which the
 * entitlement ends; 第8条第3項: after a 住所の変更 (転入) or a birth the 請求 within 15 days keeps the month after the event
 * (15日特例, {@link #startMonth}).</li>
 * <li>第8条第4項: paid six times a year, in February, April, June, August, October and December, each time for the
 * months up to the one before ({@link #payMonth}).</li>
 * </ul>
 */
public final class AllowanceCalculator {
    /** The first month these rules apply to (令和6年10月分). */
    public static final YearMonth RULES_FROM = YearMonth.of(2024, 10);
    public static final long UNDER_THREE = 15_000;
    public static final long STANDARD = 10_000;
    public static final long THIRD_OR_LATER = 30_000;
    /** The 15日特例: a 請求 made within this many days after the event (the day after the event being the first). */
    public static final int SPECIAL_RULE_DAYS = 15;

    private AllowanceCalculator() {
    }

    /**
     * The day a person born on {@code birth} reaches {@code years}: the day before the anniversary; for a birthday on
     * 29 February in a common year, 28 February (民法第143条第2項ただし書: no corresponding day, the month's last day).
     */
    public static LocalDate reachesAge(LocalDate birth, int years) {
        LocalDate anniversary = birth.plusYears(years);
        if (birth.getMonth() == Month.FEBRUARY && birth.getDayOfMonth() == 29 && anniversary.getDayOfMonth() == 28) {
            return anniversary;
        }
        return anniversary.minusDays(1);
    }

    /** The first 31 March on or after the day. */
    public static LocalDate firstMarch31OnOrAfter(LocalDate day) {
        LocalDate march31 = LocalDate.of(day.getYear(), 3, 31);
        return day.isAfter(march31) ? march31.plusYears(1) : march31;
    }

    /** The last day as a 児童 (高校生年代の終わり): the first 31 March on or after reaching 18 (第3条第1項). */
    public static LocalDate highSchoolAgeEnd(LocalDate birth) {
        return firstMarch31OnOrAfter(reachesAge(birth, 18));
    }

    /** The last day an older child counts for the order: the first 31 March on or after reaching 22. */
    public static LocalDate olderChildEnd(LocalDate birth) {
        return firstMarch31OnOrAfter(reachesAge(birth, 22));
    }

    /** The last month at the under-3 amount: the month of the 3rd birthday (see the class comment). */
    public static YearMonth lastUnderThreeMonth(LocalDate birth) {
        return YearMonth.from(birth.plusYears(3));
    }

    /**
     * How the child counts in the month by age alone (attachment to the recipient aside).
     *
     * @param supported whether care and support after high-school age is confirmed for that month
     */
    public static Band band(LocalDate birth, YearMonth month, boolean supported) {
        if (month.isBefore(YearMonth.from(birth))) {
            return Band.NOT_COUNTED;
        }
        if (!month.isAfter(lastUnderThreeMonth(birth))) {
            return Band.UNDER_THREE;
        }
        if (!month.isAfter(YearMonth.from(highSchoolAgeEnd(birth)))) {
            return Band.THREE_TO_HIGH_SCHOOL;
        }
        if (supported && !month.isAfter(YearMonth.from(olderChildEnd(birth)))) {
            return Band.OLDER_COUNTED;
        }
        return Band.NOT_COUNTED;
    }

    /** Whether the child is a 児童 (paid for) in the month by age: born, and not past high-school age. */
    public static boolean isChild(LocalDate birth, YearMonth month) {
        Band b = band(birth, month, false);
        return b == Band.UNDER_THREE || b == Band.THREE_TO_HIGH_SCHOOL;
    }

    /**
     * The allowance for one month: every child gets a line (in the given order), the counted ones an order by age
     * (the eldest first; the same birth date in the order given) and the paid ones an amount.
     *
     * @throws ChildAllowanceException {@code calc.beforeRules} for a month before October 2024
     */
    public static MonthlyAmount monthly(YearMonth month, List<ChildFacts> children) {
        if (month.isBefore(RULES_FROM)) {
            throw new ChildAllowanceException("calc.beforeRules", month);
        }
        Map<String, Band> bands = new HashMap<>();
        List<ChildFacts> counted = new ArrayList<>();
        for (ChildFacts c : children) {
            boolean supported = c.supportedFrom().map(s -> !month.isBefore(s)).orElse(false);
            Band b = c.attachedIn(month) ? band(c.birthDate(), month, supported) : Band.NOT_COUNTED;
            bands.put(c.key(), b);
            if (b != Band.NOT_COUNTED) {
                counted.add(c);
            }
        }
        counted.sort(Comparator.comparing(ChildFacts::birthDate)); // stable: twins in the order given
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < counted.size(); i++) {
            order.put(counted.get(i).key(), i + 1);
        }
        List<ChildLine> lines = new ArrayList<>();
        long total = 0;
        for (ChildFacts c : children) {
            Band b = bands.get(c.key());
            int n = order.getOrDefault(c.key(), 0);
            long amount = switch (b) {
                case UNDER_THREE -> n >= 3 ? THIRD_OR_LATER : UNDER_THREE;
                case THREE_TO_HIGH_SCHOOL -> n >= 3 ? THIRD_OR_LATER : STANDARD;
                case OLDER_COUNTED, NOT_COUNTED -> 0;
            };
            total += amount;
            lines.add(new ChildLine(c.key(), b, n, amount));
        }
        return new MonthlyAmount(month, lines, total);
    }

    /** Whether any child is paid for in the month (a 支給要件児童 remains). */
    public static boolean anyChildPaid(YearMonth month, List<ChildFacts> children) {
        return children.stream().anyMatch(c -> c.attachedIn(month) && isChild(c.birthDate(), month));
    }

    /**
     * The month the allowance (or an increase) starts: the month after the 請求 (第8条第2項), or after a birth or a
     * 転入 the month after the event if the 請求 came within {@value #SPECIAL_RULE_DAYS} days of it (第8条第3項,
     * 15日特例; the day after the event is the first of the 15).
     */
    public static YearMonth startMonth(LocalDate applicationDate, ApplicationTrigger trigger, Optional<LocalDate> eventDate) {
        YearMonth normal = YearMonth.from(applicationDate).plusMonths(1);
        if (trigger == ApplicationTrigger.NORMAL || eventDate.isEmpty()) {
            return normal;
        }
        LocalDate event = eventDate.get();
        if (event.isAfter(applicationDate) || applicationDate.isAfter(event.plusDays(SPECIAL_RULE_DAYS))) {
            return normal;
        }
        return YearMonth.from(event).plusMonths(1);
    }

    /** Whether the 15日特例 applies (the start month is earlier than the month after the 請求). */
    public static boolean specialRuleApplies(LocalDate applicationDate, ApplicationTrigger trigger, Optional<LocalDate> eventDate) {
        return startMonth(applicationDate, trigger, eventDate).isBefore(YearMonth.from(applicationDate).plusMonths(1));
    }

    /** The 支払期月 of the allowance for a month: the next even month after it (第8条第4項). */
    public static YearMonth payMonth(YearMonth entitlement) {
        return entitlement.getMonthValue() % 2 == 1 ? entitlement.plusMonths(1) : entitlement.plusMonths(2);
    }

    /** The six 支払期月 of a fiscal year (April to March): April, June, August, October, December and February. */
    public static List<YearMonth> payMonths(int fiscalYear) {
        List<YearMonth> out = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            out.add(YearMonth.of(fiscalYear, 4).plusMonths(2L * i));
        }
        return out;
    }

    /** The two months a 支払期月 pays for. */
    public static List<YearMonth> monthsPaidIn(YearMonth payMonth) {
        if (payMonth.getMonthValue() % 2 != 0) {
            throw new IllegalArgumentException("not a payment month: " + payMonth);
        }
        return List.of(payMonth.minusMonths(2), payMonth.minusMonths(1));
    }

    /** The 年度 (April to March) a day or month falls in. */
    public static int fiscalYearOf(YearMonth month) {
        return month.getMonthValue() >= 4 ? month.getYear() : month.getYear() - 1;
    }
}
