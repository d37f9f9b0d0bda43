package jp.kiban.healthinsurance.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.healthinsurance.InsuredPeriod;
import jp.kiban.healthinsurance.Installment;
import jp.kiban.healthinsurance.KokuhoException;
import jp.kiban.healthinsurance.KokuhoRates;
import jp.kiban.healthinsurance.KokuhoTaxCalculator;
import jp.kiban.healthinsurance.Part;
import jp.kiban.healthinsurance.PartAssessment;
import jp.kiban.healthinsurance.TaxAssessment;
import jp.kiban.healthinsurance.TaxHousehold;
import jp.kiban.healthinsurance.TaxMember;

/**
 * Worked examples of the 国民健康保険税 (地方税法第703条の4, 第703条の5; 施行令第56条の88の2, 第56条の89), FY2025
 * (令和7年度), all with the demo town's rates ({@link KokuhoRates#defaults(int)}):
 * 医療分 7.00% / 均等割 30,000 / 平等割 25,000 / 限度額 660,000; 支援金分 2.50% / 11,000 / 9,000 / 260,000;
 * 介護分 2.20% / 12,000 / 7,000 / 170,000; 基礎控除 430,000; 軽減 43万 + 10万×(給与所得者等−1), 5割 +30.5万, 2割 +56万
 * per person. Every expected figure is worked out by hand in the comment above it.
 */
class TaxWorkedExamplesTest {
    static final int FY = 2025;
    static final KokuhoRates RATES = KokuhoRates.defaults(FY);
    private static int serial = 1;

    static TaxMember member(boolean head, String birth, long income, boolean wage, InsuredPeriod... periods) {
        return new TaxMember(AddresseeNumber.fromSerial(serial++), LocalDate.parse(birth), head, List.of(periods), income,
                wage, Optional.empty());
    }

    static InsuredPeriod since(String date) {
        return InsuredPeriod.open(LocalDate.parse(date));
    }

    static TaxAssessment assess(int fy, TaxMember... members) {
        return KokuhoTaxCalculator.assess(new TaxHousehold(HouseholdNumber.fromSerial(9), fy, List.of(members)),
                KokuhoRates.defaults(fy));
    }

    static void part(TaxAssessment a, Part p, long income, long perCapita, long perHousehold, long reduction, long amount) {
        PartAssessment x = a.part(p);
        assertEquals(income, x.incomeLevy(), p + " 所得割");
        assertEquals(perCapita, x.perCapitaLevy(), p + " 均等割");
        assertEquals(perHousehold, x.perHouseholdLevy(), p + " 平等割");
        assertEquals(reduction, x.reduction(), p + " 軽減");
        assertEquals(amount, x.amount(), p + " 税額");
    }

    /**
     * One person, 35, insured all year, 総所得金額等 2,000,000 (給与). 軽減: 2,000,000 > 43万+56万 → none.
     * 医療 (2,000,000−430,000)×7% = 109,900 + 30,000 + 25,000 = 164,900; 支援 39,250 + 11,000 + 9,000 = 59,250;
     * 介護 none (35). Σ 224,150 → 年税額 224,100 (100円未満切捨て). 8 期: 224,100/8 = 28,012 → 28,000 × 7, 第1期 28,100.
     */
    @Test
    void singlePersonHousehold_地方税法第703条の4() {
        TaxAssessment a = assess(FY, member(true, "1990-05-01", 2_000_000, true, since("2020-04-01")));
        assertEquals(0, a.reductionTenths());
        part(a, Part.MEDICAL, 109_900, 30_000, 25_000, 0, 164_900);
        part(a, Part.SUPPORT, 39_250, 11_000, 9_000, 0, 59_250);
        part(a, Part.CARE, 0, 0, 0, 0, 0);
        assertEquals(224_150, a.total());
        assertEquals(224_100, a.annualTax());
        List<Installment> inst = a.installments();
        assertEquals(8, inst.size());
        assertEquals(28_100, inst.get(0).amount());
        for (Installment i : inst.subList(1, 8)) {
            assertEquals(28_000, i.amount());
        }
        assertEquals(a.annualTax(), inst.stream().mapToLong(Installment::amount).sum());
        // 納期限: month ends, a Saturday/Sunday moved to the Monday (地方税法第20条の5第2項)
        assertEquals(LocalDate.of(2025, 7, 31), inst.get(0).dueDate());
        assertEquals(LocalDate.of(2025, 9, 1), inst.get(1).dueDate()); // 2025-08-31 is a Sunday
        assertEquals(LocalDate.of(2026, 3, 2), inst.get(7).dueDate()); // 2026-02-28 is a Saturday
    }

    /**
     * Two pensioners (70 and 68): 総所得金額等 400,000 + 0, one 給与所得者等. 400,000 ≤ 430,000 → 7割軽減.
     * 医療: 所得割 0 (below 基礎控除), 均等割 60,000, 平等割 25,000, 軽減 42,000 + 17,500 → 25,500.
     * 支援: 22,000 + 9,000 − (15,400 + 6,300) = 9,300. Σ 34,800; 期別 4,350 → 4,000 × 7, 第1期 6,800.
     */
    @Test
    void sevenTenthsReduction_施行令第56条の89() {
        TaxAssessment a = assess(FY, member(true, "1955-01-10", 400_000, true, since("2015-04-01")),
                member(false, "1957-03-03", 0, false, since("2015-04-01")));
        assertEquals(7, a.reductionTenths());
        assertEquals(List.of(430_000L, 1_040_000L, 1_550_000L), a.thresholds());
        part(a, Part.MEDICAL, 0, 60_000, 25_000, 59_500, 25_500);
        part(a, Part.SUPPORT, 0, 22_000, 9_000, 21_700, 9_300);
        assertEquals(34_800, a.annualTax());
        assertEquals(6_800, a.installments().get(0).amount());
        assertEquals(4_000, a.installments().get(7).amount());
    }

    /**
     * 50 and 48, 総所得金額等 15,000,000 + 0. 医療 1,019,900 + 60,000 + 25,000 = 1,104,900 → 限度額 660,000;
     * 支援 364,250 + 22,000 + 9,000 = 395,250 → 260,000; 介護 (both 40–64) 320,540 + 24,000 + 7,000 = 351,540 →
     * 170,000. 年税額 1,090,000 (施行令第56条の88の2, FY2025 限度額).
     */
    @Test
    void householdOverTheCaps_限度額() {
        TaxAssessment a = assess(FY, member(true, "1975-08-20", 15_000_000, true, since("2010-04-01")),
                member(false, "1977-02-02", 0, false, since("2010-04-01")));
        part(a, Part.MEDICAL, 1_019_900, 60_000, 25_000, 0, 660_000);
        part(a, Part.SUPPORT, 364_250, 22_000, 9_000, 0, 260_000);
        part(a, Part.CARE, 320_540, 24_000, 7_000, 0, 170_000);
        assertTrue(a.parts().stream().allMatch(PartAssessment::capped));
        assertEquals(1_104_900, a.part(Part.MEDICAL).beforeCap());
        assertEquals(1_090_000, a.annualTax());
    }

    /**
     * Born 1985-10-01: reaches 40 on 2025-09-30 (年齢計算ニ関スル法律), so 介護分 from September: 7 months.
     * 介護 所得割 2,570,000 × 2.2% × 7/12 = 32,981; 均等割 12,000 × 7/12 = 7,000; 平等割 7,000 × 7/12 = 4,083.
     * 医療 179,900 + 30,000 + 25,000 = 234,900; 支援 64,250 + 11,000 + 9,000 = 84,250. Σ 363,214 → 363,200.
     */
    @Test
    void memberTurning40_介護分は40歳到達月から() {
        TaxAssessment a = assess(FY, member(true, "1985-10-01", 3_000_000, true, since("2020-01-01")));
        assertEquals(7, a.part(Part.CARE).personMonths());
        part(a, Part.CARE, 32_981, 7_000, 4_083, 0, 44_064);
        part(a, Part.MEDICAL, 179_900, 30_000, 25_000, 0, 234_900);
        assertEquals(363_200, a.annualTax());
    }

    /** 65歳到達日 (the day before the 65th birthday) ends 介護分 from its month on. */
    @ParameterizedTest(name = "born {0}: {1} 介護 months in FY2025")
    @CsvSource({ "1960-04-02, 0", "1960-05-01, 0", "1960-05-02, 1", "1961-04-01, 11", "1961-04-02, 12",
            "1986-04-02, 0", "1985-04-02, 12", "1985-05-01, 12", "1985-05-02, 11" })
    void careMonthsAtThe40thAnd65thBirthdays(String birth, int months) {
        TaxAssessment a = assess(FY, member(true, birth, 0, false, since("2000-01-01")));
        assertEquals(months, a.part(Part.CARE).personMonths());
    }

    /**
     * 社保離脱 on 2025-10-15 (国保法第7条): October–March = 6 months. 軽減判定 on the 取得日: 1,200,000 > 990,000, none.
     * 医療 53,900 × 6/12 = 26,950 + 15,000 + 12,500 = 54,450; 支援 9,625 + 5,500 + 4,500 = 19,625; Σ 74,075 → 74,000.
     * With 喪失 on 2026-01-20 (the 喪失月 January is not levied): 3 months, 医療 13,475 + 7,500 + 6,250 = 27,225,
     * 支援 4,812 + 2,750 + 2,250 = 9,812 → 37,037 → 37,000.
     */
    @Test
    void midYearAcquisition_月割() {
        TaxAssessment a = assess(FY, member(true, "1995-03-03", 1_200_000, true, since("2025-10-15")));
        assertEquals(6, a.part(Part.MEDICAL).personMonths());
        part(a, Part.MEDICAL, 26_950, 15_000, 12_500, 0, 54_450);
        part(a, Part.SUPPORT, 9_625, 5_500, 4_500, 0, 19_625);
        assertEquals(74_000, a.annualTax());

        TaxAssessment b = assess(FY, member(true, "1995-03-03", 1_200_000, true,
                InsuredPeriod.closed(LocalDate.parse("2025-10-15"), LocalDate.parse("2026-01-20"))));
        part(b, Part.MEDICAL, 13_475, 7_500, 6_250, 0, 27_225);
        part(b, Part.SUPPORT, 4_812, 2_750, 2_250, 0, 9_812);
        assertEquals(37_000, b.annualTax());
    }

    /**
     * Two insured, both 給与所得者等: 7割 ≤ 43万 + 10万 = 530,000; 5割 ≤ 530,000 + 30.5万 × 2 = 1,140,000;
     * 2割 ≤ 530,000 + 56万 × 2 = 1,650,000 ("を超えない", so the threshold itself is still reduced).
     */
    @ParameterizedTest(name = "household income {0} → {1}割")
    @CsvSource({ "0, 7", "530000, 7", "530001, 5", "1140000, 5", "1140001, 2", "1650000, 2", "1650001, 0" })
    void reductionThresholdsAreInclusive(long income, int tenths) {
        TaxAssessment a = assess(FY, member(true, "1980-01-01", income, true, since("2020-04-01")),
                member(false, "1982-01-01", 0, true, since("2020-04-01")));
        assertEquals(List.of(530_000L, 1_140_000L, 1_650_000L), a.thresholds());
        assertEquals(tenths, a.reductionTenths());
        assertEquals(2, a.wageEarners());
        assertEquals(2, a.reductionPersons());
    }

    /**
     * 擬制世帯主: the head is not insured but is the 納税義務者; his income counts for the 軽減判定, he is not a person
     * of it and pays no 均等割. 300,000 ≤ 430,000 → 7割: 医療 30,000 + 25,000 − 38,500 = 16,500; 支援 20,000 − 14,000 = 6,000.
     */
    @Test
    void nominalHead_擬制世帯主() {
        TaxAssessment a = assess(FY, member(true, "1950-01-01", 300_000, true),
                member(false, "1990-01-01", 0, false, since("2024-04-01")));
        assertEquals(7, a.reductionTenths());
        assertEquals(1, a.reductionPersons());
        assertEquals(300_000, a.reductionIncome());
        part(a, Part.MEDICAL, 0, 30_000, 25_000, 38_500, 16_500);
        part(a, Part.SUPPORT, 0, 11_000, 9_000, 14_000, 6_000);
        assertEquals(22_500, a.annualTax());
    }

    /**
     * The head's 75th birthday is 2025-11-20 (後期高齢者医療, 国保法第6条第8号): insured April–October = 7 months;
     * the spouse (70) all year. 軽減判定 on 1 April: both insured, income 1,000,000 ≤ 43万 + 30.5万 × 2 → 5割.
     * 医療 39,900 × 7/12 = 23,275; 均等割 30,000 × 19/12 = 47,500; 平等割 25,000; 軽減 23,750 + 12,500 → 59,525.
     * 支援 14,250 × 7/12 = 8,312; 17,416; 9,000; 軽減 8,708 + 4,500 → 21,520. Σ 81,045 → 81,000.
     * <p>
     * FY2026: the former head is a 特定同一世帯所属者 (移行 2025-11); the spouse alone is insured → 特定世帯, 平等割
     * halved; his income and he himself still count for the 軽減 (5割): 医療 30,000 + 12,500 − 21,250 = 21,250;
     * 支援 11,000 + 4,500 − 7,750 = 7,750 → 29,000.
     */
    @Test
    void seventyFifthBirthday_後期高齢者移行と特定世帯() {
        TaxAssessment a = assess(FY, member(true, "1950-11-20", 1_000_000, true, since("2010-04-01")),
                member(false, "1955-02-01", 0, false, since("2010-04-01")));
        assertEquals(5, a.reductionTenths());
        assertEquals(19, a.part(Part.MEDICAL).personMonths());
        part(a, Part.MEDICAL, 23_275, 47_500, 25_000, 36_250, 59_525);
        part(a, Part.SUPPORT, 8_312, 17_416, 9_000, 13_208, 21_520);
        assertEquals(81_000, a.annualTax());

        TaxMember former = new TaxMember(AddresseeNumber.fromSerial(serial++), LocalDate.parse("1950-11-20"), true,
                List.of(InsuredPeriod.closed(LocalDate.parse("2010-04-01"), LocalDate.parse("2025-11-20"))), 1_000_000,
                true, Optional.of(LocalDate.parse("2025-11-20")));
        TaxAssessment next = assess(2026, former, member(false, "1955-02-01", 0, false, since("2010-04-01")));
        assertEquals(2, next.householdFactor());
        assertEquals(5, next.reductionTenths());
        assertEquals(2, next.reductionPersons());
        part(next, Part.MEDICAL, 0, 30_000, 12_500, 21_250, 21_250);
        part(next, Part.SUPPORT, 0, 11_000, 4_500, 7_750, 7_750);
        assertEquals(29_000, next.annualTax());
    }

    /** Nobody insured in the year: nothing to pay, no 期別. */
    @Test
    void householdWithoutInsuredMonthsOwesNothing() {
        TaxAssessment a = assess(FY, member(true, "1980-01-01", 5_000_000, true,
                InsuredPeriod.closed(LocalDate.parse("2020-04-01"), LocalDate.parse("2025-03-15"))));
        assertEquals(0, a.annualTax());
        assertTrue(a.installments().isEmpty());
    }

    /** Rates round-trip through the settings form; bad values are refused with a message in both languages. */
    @Test
    void ratesSettingsRoundTripAndRefusals() {
        KokuhoRates r = KokuhoRates.defaults(2025);
        assertEquals(r, KokuhoRates.fromSettings(2025, r.toSettings()));
        assertEquals("7", r.toSettings().get("medical.incomeRate"));
        assertEquals(74_700, KokuhoRates.ppm("x", "7.47%"));
        var bad = new java.util.LinkedHashMap<>(r.toSettings());
        bad.put("support.cap", "abc");
        KokuhoException e = assertThrows(KokuhoException.class, () -> KokuhoRates.fromSettings(2025, bad));
        assertEquals("rates.invalid", e.code());
        assertTrue(e.getMessage(Locale.JAPANESE).contains("support.cap"), e.getMessage(Locale.JAPANESE));
        var missing = new java.util.LinkedHashMap<>(r.toSettings());
        missing.remove("care.perCapita");
        assertEquals("rates.missing", assertThrows(KokuhoException.class, () -> KokuhoRates.fromSettings(2025, missing)).code());
        assertThrows(KokuhoException.class, () -> KokuhoRates.ppm("x", "-1"));
        assertThrows(KokuhoException.class, () -> KokuhoRates.ppm("x", "1.00001"));
    }

    /** 期別: the 1000円未満 of every later 期 goes to the first; small taxes fall entirely into the first 期. */
    @Test
    void installmentsPutTheOddYenIntoTheFirstPeriod() {
        List<Installment> small = KokuhoTaxCalculator.installments(5_000, RATES);
        assertEquals(1, small.size());
        assertEquals(5_000, small.get(0).amount());
        List<Installment> i = KokuhoTaxCalculator.installments(100_100, RATES);
        List<Long> amounts = new ArrayList<>();
        i.forEach(x -> amounts.add(x.amount()));
        assertEquals(List.of(16_100L, 12_000L, 12_000L, 12_000L, 12_000L, 12_000L, 12_000L, 12_000L), amounts);
        assertFalse(i.stream().anyMatch(x -> YearMonth.from(x.dueDate()).isBefore(YearMonth.of(2025, 7))));
    }
}
