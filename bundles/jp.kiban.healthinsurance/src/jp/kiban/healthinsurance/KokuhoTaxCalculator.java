package jp.kiban.healthinsurance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The 国民健康保険税 of one household for one fiscal year (地方税法第703条の4, 第703条の5). Pure and
 * deterministic: the same household and rates give the same result.
 *
 * <h2>Rules, in the order they are applied</h2>
 * <ol>
 * <li><b>Months (月割).</b> A person counts for a month of the fiscal year (April–March) when a 資格
 * period covers it: from the month of the 取得日 to the month before the month of the 喪失日
 * (国保法第7条・第8条; the towns' 条例 levy by month). The 75th birthday ends 国保 (後期高齢者医療,
 * 国保法第6条第8号), so its month and later ones never count. A 取得 and 喪失 in the same month count
 * no month (同月得喪 is not handled yet).</li>
 * <li><b>介護分</b> counts the months of 介護保険第2号被保険者 only: from the month in which the person
 * reaches 40 (the day before the 40th birthday, 年齢計算ニ関スル法律) to the month before the month
 * in which they reach 65 (地方税法第703条の4第2項, 介護納付金課税被保険者).</li>
 * <li><b>所得割</b> = 税率 × (総所得金額等 − 基礎控除) per person, × months/12, summed, yen below 1 cut.</li>
 * <li><b>均等割</b> = 均等割額 × Σ person-months / 12; <b>平等割</b> = 平等割額 × household months / 12,
 * halved for a 特定世帯 and × 3/4 for a 特定継続世帯 (医療分・支援金分 only; 地方税法第703条の4,
 * decided on the 軽減判定 day: one insured person living with a 特定同一世帯所属者, up to 5 years / the
 * following 3 years after the month of the move to 後期高齢者医療).</li>
 * <li><b>軽減</b> (地方税法第703条の5, 施行令第56条の89): on the 賦課期日 (1 April) or, for a household that
 * becomes liable later, on the first insured day, the household's 総所得金額等 (世帯主 — also a 擬制世帯主 —,
 * 被保険者 and 特定同一世帯所属者) is compared with 基準額 + 10万円 × (給与所得者等の数 − 1): not above → 7割; not
 * above that + 30.5万円 × (被保険者 + 特定同一世帯所属者) → 5割; not above that + 56万円 × … → 2割 (FY2025
 * figures, all from {@link KokuhoRates}). The 均等割 and 平等割 are reduced by that many tenths (yen below
 * 1 of the reduction cut).</li>
 * <li><b>課税限度額</b> per part after the 軽減 (施行令第56条の88の2); the cap is annual, not 月割.</li>
 * <li><b>年税額</b> = Σ parts, 100円未満切捨て (地方税法第20条の4の2第3項).</li>
 * <li><b>期別</b>: {@code installments} 納期 from {@code firstInstallmentMonth}; every 期 after the first
 * takes (年税額 ÷ 期数) with 1000円未満 cut, the first takes the rest; 納期限 the last day of the month,
 * moved to the Monday after a Saturday or Sunday (地方税法第20条の5第2項; national holidays are not
 * known to this class).</li>
 * </ol>
 * Not handled yet: 未就学児の均等割軽減, 産前産後の免除, 非自発的失業者の軽減, the 公的年金等特別控除 (15万円) in the
 * 軽減判定, 同月得喪, 1000円未満 of the 所得割 base.
 */
public final class KokuhoTaxCalculator {

    private KokuhoTaxCalculator() {
    }

    public static TaxAssessment assess(TaxHousehold household, KokuhoRates rates) {
        int fy = household.fiscalYear();
        if (rates.fiscalYear() != fy) {
            throw new KokuhoException("rates.wrongYear", rates.fiscalYear(), fy);
        }
        YearMonth april = YearMonth.of(fy, 4);
        LocalDate start = april.atDay(1);
        LocalDate end = april.plusMonths(12).atDay(1);
        List<TaxMember> members = household.members();

        // the 軽減判定 day: 1 April, or the first insured day of the year for a household that joins later
        Optional<LocalDate> judged = members.stream()
                .flatMap(m -> m.insured().stream().map(p -> p.acquiredOn().isBefore(start) ? start : p.acquiredOn())
                        .filter(d -> d.isBefore(end) && m.insuredOn(d)))
                .min(Comparator.naturalOrder());
        List<PartAssessment> parts = new ArrayList<>();
        if (judged.isEmpty()) {
            for (Part p : Part.values()) {
                parts.add(new PartAssessment(p, 0, 0, 0, 0, 0, 0, 0, 0, 0, rates.part(p).cap(), 0));
            }
            return new TaxAssessment(household.number(), fy, 0, 0, 0, 0, List.of(0L, 0L, 0L), 4, parts, 0, 0, List.of());
        }
        LocalDate day = judged.get();

        // 軽減判定
        List<TaxMember> insuredOnDay = members.stream().filter(m -> m.insuredOn(day)).toList();
        List<TaxMember> specific = members.stream().filter(m -> !m.insuredOn(day))
                .filter(m -> m.lateElderlySince().map(s -> !s.isAfter(day)).orElse(false)).toList();
        long income = 0;
        int wageEarners = 0;
        for (TaxMember m : members) {
            if (m.head() || insuredOnDay.contains(m) || specific.contains(m)) {
                income += m.income();
                wageEarners += m.wageEarner() ? 1 : 0;
            }
        }
        int persons = insuredOnDay.size() + specific.size();
        long t7 = rates.reductionBase() + rates.reductionPerWageEarner() * Math.max(0, wageEarners - 1);
        long t5 = t7 + rates.fiveTenthsPerPerson() * persons;
        long t2 = t7 + rates.twoTenthsPerPerson() * persons;
        int tenths = income <= t7 ? 7 : income <= t5 ? 5 : income <= t2 ? 2 : 0;

        // 特定世帯 / 特定継続世帯 (医療分・支援金分の平等割)
        int factor = 4;
        if (insuredOnDay.size() == 1 && !specific.isEmpty()) {
            LocalDate moved = specific.stream().map(m -> m.lateElderlySince().orElseThrow())
                    .max(Comparator.naturalOrder()).orElseThrow();
            long elapsed = YearMonth.from(moved).until(YearMonth.from(day), java.time.temporal.ChronoUnit.MONTHS);
            factor = elapsed < 60 ? 2 : elapsed < 96 ? 3 : 4;
        }

        long total = 0;
        for (Part p : Part.values()) {
            PartAssessment a = part(p, rates, members, april, tenths, p == Part.CARE ? 4 : factor);
            parts.add(a);
            total += a.amount();
        }
        long annual = total / 100 * 100;
        return new TaxAssessment(household.number(), fy, tenths, income, persons, wageEarners, List.of(t7, t5, t2),
                factor, parts, total, annual, installments(annual, rates));
    }

    private static PartAssessment part(Part part, KokuhoRates rates, List<TaxMember> members, YearMonth april,
            int tenths, int factor) {
        PartRates r = rates.part(part);
        int persons = 0;
        int personMonths = 0;
        boolean[] householdMonth = new boolean[12];
        long incomeNumerator = 0;
        for (TaxMember m : members) {
            int months = 0;
            for (int i = 0; i < 12; i++) {
                if (counts(part, m, april.plusMonths(i))) {
                    months++;
                    householdMonth[i] = true;
                }
            }
            if (months > 0) {
                persons++;
                personMonths += months;
                long base = Math.max(0, m.income() - rates.basicDeduction());
                incomeNumerator = Math.addExact(incomeNumerator,
                        Math.multiplyExact(Math.multiplyExact(base, r.incomeRatePpm()), months));
            }
        }
        int householdMonths = 0;
        for (boolean b : householdMonth) {
            householdMonths += b ? 1 : 0;
        }
        long incomeLevy = incomeNumerator / (1_000_000L * 12);
        long perCapita = r.perCapita() * personMonths / 12;
        long perHousehold = r.perHousehold() * householdMonths * factor / (12 * 4);
        long perCapitaReduction = perCapita * tenths / 10;
        long perHouseholdReduction = perHousehold * tenths / 10;
        long beforeCap = incomeLevy + perCapita + perHousehold - perCapitaReduction - perHouseholdReduction;
        return new PartAssessment(part, persons, personMonths, householdMonths, incomeLevy, perCapita, perHousehold,
                perCapitaReduction, perHouseholdReduction, beforeCap, r.cap(), Math.min(beforeCap, r.cap()));
    }

    /** Whether the member counts for the part in the month (月割; see the class comment). */
    static boolean counts(Part part, TaxMember m, YearMonth month) {
        if (!month.isBefore(YearMonth.from(m.lateElderlyDay()))) {
            return false;
        }
        boolean insured = m.insured().stream().anyMatch(p -> !month.isBefore(YearMonth.from(p.acquiredOn()))
                && p.lostOn().map(l -> month.isBefore(YearMonth.from(l))).orElse(true));
        if (!insured || part != Part.CARE) {
            return insured;
        }
        YearMonth reaches40 = YearMonth.from(m.birthDate().plusYears(40).minusDays(1));
        YearMonth reaches65 = YearMonth.from(m.birthDate().plusYears(65).minusDays(1));
        return !month.isBefore(reaches40) && month.isBefore(reaches65);
    }

    /** 期別 amounts and 納期限 (see the class comment). Empty for a 年税額 of 0. */
    public static List<Installment> installments(long annual, KokuhoRates rates) {
        List<Installment> out = new ArrayList<>();
        if (annual <= 0) {
            return out;
        }
        int n = rates.installments();
        long later = annual / n / 1000 * 1000;
        long first = annual - later * (n - 1);
        for (int i = 0; i < n; i++) {
            long amount = i == 0 ? first : later;
            if (amount == 0) {
                continue;
            }
            int month = (rates.firstInstallmentMonth() - 1 + i) % 12 + 1;
            int offset = rates.firstInstallmentMonth() - 1 + i >= 12 ? 1 : 0;
            int year = (rates.firstInstallmentMonth() >= 4 ? rates.fiscalYear() : rates.fiscalYear() + 1) + offset;
            out.add(new Installment(i + 1, dueDate(YearMonth.of(year, month)), amount));
        }
        return out;
    }

    /** The last day of the month, moved past a Saturday or Sunday (地方税法第20条の5第2項). */
    static LocalDate dueDate(YearMonth month) {
        LocalDate d = month.atEndOfMonth();
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }
}
