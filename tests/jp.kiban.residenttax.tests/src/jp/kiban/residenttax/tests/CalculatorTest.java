package jp.kiban.residenttax.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.residenttax.Exemption;
import jp.kiban.residenttax.IncomeDeclaration;
import jp.kiban.residenttax.Installment;
import jp.kiban.residenttax.ResidentTaxCalculator;
import jp.kiban.residenttax.ResidentTaxException;
import jp.kiban.residenttax.SingleStatus;
import jp.kiban.residenttax.Spouse;
import jp.kiban.residenttax.TaxComputation;
import jp.kiban.residenttax.TaxRules;
import jp.kiban.residenttax.Taxpayer;
import jp.kiban.residenttax.TaxpayerKind;

/**
 * Worked examples of the 個人住民税 (令和8年度 = tax year 2026, income of 2025, a town of 3級地 unless said), each
 * figure worked out by hand from 地方税法 and 所得税法; the article is named in the test or next to the figure.
 */
class CalculatorTest {
    static final int Y = 2026;
    static final TaxRules RULES = TaxRules.of(Y, 3);
    static final AddresseeNumber P = AddresseeNumber.fromSerial(424242);

    static Taxpayer taxpayer(TaxpayerKind kind, LocalDate birth, Boolean female) {
        return new Taxpayer(Y, P, kind, "住民　太郎", "ジュウミン　タロウ", Optional.ofNullable(birth),
                Optional.ofNullable(female), "100-0001", "東京都デモ町", Optional.empty(), true);
    }

    static final Taxpayer ADULT = taxpayer(TaxpayerKind.REGISTERED, LocalDate.of(1980, 5, 5), false);

    static IncomeDeclaration salary(long revenue, long socialInsurance) {
        return IncomeDeclaration.salary(Y, P, revenue, socialInsurance);
    }

    static IncomeDeclaration income(long salary, long other, long social, Spouse spouse, int under16, int general,
            int specific, int elderly, int cohabiting, boolean disabled, SingleStatus single, boolean assistance) {
        return new IncomeDeclaration(Y, P, salary, other, social, spouse, under16, general, specific, elderly, cohabiting,
                disabled, single, assistance, "input");
    }

    static TaxComputation compute(Taxpayer t, IncomeDeclaration in) {
        return ResidentTaxCalculator.compute(t, Optional.of(in), RULES);
    }

    @Test
    void singleSalaryEarnerWorkedExample() {
        // 給与収入 3,000,000: 別表第五 (所得税法第28条第4項) → 3,000,000×70%−80,000 = 2,020,000
        TaxComputation c = compute(ADULT, salary(3_000_000, 450_000));
        assertEquals(2_020_000, c.salaryIncome());
        assertEquals(2_020_000, c.totalIncome());
        // 所得控除: 社会保険料 450,000 + 基礎控除 430,000 (地方税法第314条の2)
        assertEquals(880_000, c.totalDeductions());
        assertEquals(1_140_000, c.taxableIncome());
        // 所得割 6% / 4% (第314条の3, 第35条)
        assertEquals(68_400, c.municipalGrossIncomeLevy());
        assertEquals(45_600, c.prefecturalGrossIncomeLevy());
        // 調整控除 (第314条の6): 人的控除額の差 50,000 (基礎) ≤ 課税総所得 ≤ 200万 → 3% 1,500, 2% 1,000
        assertEquals(50_000, c.personalDifference());
        assertEquals(1_500, c.municipalAdjustment());
        assertEquals(1_000, c.prefecturalAdjustment());
        assertEquals(66_900, c.municipalIncomeLevy());
        assertEquals(44_600, c.prefecturalIncomeLevy());
        // 均等割 3,000 (第310条) + 1,000 (第38条), 森林環境税 1,000
        assertEquals(3_000, c.municipalPerCapita());
        assertEquals(1_000, c.prefecturalPerCapita());
        assertEquals(1_000, c.forestTax());
        assertEquals(Exemption.NONE, c.exemption());
        assertEquals(69_900, c.municipalTax());
        assertEquals(45_600, c.prefecturalTax());
        assertEquals(116_500, c.annualTax());
        // 4 期 (第320条): 1,000円未満の端数は第1期 (第20条の4の2第6項); 10/31/2026 is a Saturday, 1/31/2027 a Sunday
        assertEquals(List.of(new Installment(1, LocalDate.of(2026, 6, 30), 29_500),
                new Installment(2, LocalDate.of(2026, 8, 31), 29_000),
                new Installment(3, LocalDate.of(2026, 11, 2), 29_000),
                new Installment(4, LocalDate.of(2027, 2, 1), 29_000)), c.installments());
    }

    @Test
    void familyWithSpouseAndDependantsWorkedExample() {
        // 給与収入 5,000,000 → 5,000,000×80%−440,000 = 3,560,000
        TaxComputation c = compute(ADULT, income(5_000_000, 0, 720_000, Spouse.GENERAL, 1, 0, 1, 0, 0, false,
                SingleStatus.NONE, false));
        assertEquals(3_560_000, c.totalIncome());
        // 社会保険料 720,000 + 配偶者 330,000 + 特定扶養 450,000 (年少扶養 0) + 基礎 430,000
        assertEquals(1_930_000, c.totalDeductions());
        assertEquals(1_630_000, c.taxableIncome());
        // 人的控除額の差: 基礎 5万 + 配偶者 5万 + 特定扶養 18万 = 28万 (≤ 課税総所得 1,630,000)
        assertEquals(280_000, c.personalDifference());
        assertEquals(97_800 - 8_400, c.municipalIncomeLevy());
        assertEquals(65_200 - 5_600, c.prefecturalIncomeLevy());
        assertEquals(89_400 + 59_600 + 5_000, c.annualTax());
        assertEquals(3, c.supportedPersons());
    }

    @Test
    void taxableIncomeOverTwoMillionKeepsTheMinimumAdjustment() {
        // 給与収入 8,000,000 (660万円以上は算式): 8,000,000×90%−1,100,000 = 6,100,000
        TaxComputation c = compute(ADULT, salary(8_000_000, 1_200_000));
        assertEquals(6_100_000, c.totalIncome());
        assertEquals(4_470_000, c.taxableIncome());
        // 第314条の6第1号ロ: (5万 − (447万 − 200万)) < 5万 → 5万: 1,500 / 1,000
        assertEquals(1_500, c.municipalAdjustment());
        assertEquals(1_000, c.prefecturalAdjustment());
        assertEquals(266_700, c.municipalIncomeLevy());
        assertEquals(177_800, c.prefecturalIncomeLevy());
        assertEquals(449_500, c.annualTax());
    }

    @Test
    void roundingOfTheTaxBaseAndOfTheTax() {
        // 総所得 1,561,456 − 基礎 430,000 = 1,131,456 → 課税総所得 1,131,000 (第20条の4の2第1項: 1,000円未満切捨て)
        TaxComputation c = compute(ADULT, income(0, 1_561_456, 0, Spouse.NONE, 0, 0, 0, 0, 0, false, SingleStatus.NONE, false));
        assertEquals(1_131_000, c.taxableIncome());
        // 67,860 − 1,500 = 66,360 → 66,300; 45,240 − 1,000 = 44,240 → 44,200 (第20条の4の2第3項: 100円未満切捨て)
        assertEquals(67_860, c.municipalGrossIncomeLevy());
        assertEquals(66_300, c.municipalIncomeLevy());
        assertEquals(45_240, c.prefecturalGrossIncomeLevy());
        assertEquals(44_200, c.prefecturalIncomeLevy());
        assertEquals(115_500, c.annualTax());
    }

    @Test
    void salaryIncomeByTheTableAndTheFormula() {
        // 令和7年分以後 (令和8年度): 給与所得控除 at least 65万円 up to 190万円
        assertEquals(0, ResidentTaxCalculator.salaryIncome(650_000, RULES));
        assertEquals(1, ResidentTaxCalculator.salaryIncome(650_001, RULES));
        assertEquals(1_249_999, ResidentTaxCalculator.salaryIncome(1_899_999, RULES));
        assertEquals(1_250_000, ResidentTaxCalculator.salaryIncome(1_900_000, RULES));
        // 別表第五: below 660万円 the revenue is rounded down to 4,000円: 6,599,999 → 6,596,000×80%−440,000
        assertEquals(4_836_800, ResidentTaxCalculator.salaryIncome(6_599_999, RULES));
        assertEquals(4_840_000, ResidentTaxCalculator.salaryIncome(6_600_000, RULES));
        assertEquals(6_550_000, ResidentTaxCalculator.salaryIncome(8_500_000, RULES));
        assertEquals(6_550_001, ResidentTaxCalculator.salaryIncome(8_500_001, RULES));
        // 令和6年度 (income of 2023): the 55万円 minimum
        TaxRules r2024 = TaxRules.of(2024, 3);
        assertEquals(450_000, ResidentTaxCalculator.salaryIncome(1_000_000, r2024));
        assertEquals(1_076_800, ResidentTaxCalculator.salaryIncome(1_628_000, r2024));
        assertEquals(350_000, ResidentTaxCalculator.salaryIncome(1_000_000, RULES));
    }

    @Test
    void basicDeductionPhasesOutAndAdjustmentStopsAbove25Million() {
        // 第314条の2第2項
        assertEquals(430_000, ResidentTaxCalculator.basicDeduction(24_000_000));
        assertEquals(290_000, ResidentTaxCalculator.basicDeduction(24_000_001));
        assertEquals(150_000, ResidentTaxCalculator.basicDeduction(24_500_001));
        assertEquals(0, ResidentTaxCalculator.basicDeduction(25_000_001));
        TaxComputation rich = compute(ADULT, income(0, 25_000_001, 0, Spouse.NONE, 0, 0, 0, 0, 0, false, SingleStatus.NONE, false));
        assertEquals(0, rich.municipalAdjustment());
        assertEquals(25_000_000, rich.taxableIncome());
        assertEquals(1_500_000, rich.municipalIncomeLevy());
        assertEquals(1_000_000, rich.prefecturalIncomeLevy());
    }

    // ---- 非課税: exactly at the limit and 1 yen above ------------------------------------------------

    @Test
    void perCapitaLimitOfAThirdGradeTownForASinglePerson() {
        // 第295条第3項, 施行令第47条の3: 28万 × 1 + 10万 = 38万 (3級地); 給与収入 1,030,000 → 合計所得 380,000
        TaxComputation at = compute(ADULT, salary(1_030_000, 0));
        assertEquals(380_000, at.perCapitaLimit());
        assertEquals(380_000, at.totalIncome());
        assertEquals(Exemption.PER_CAPITA_LIMIT, at.exemption());
        assertEquals(0, at.annualTax());
        assertEquals(List.of(), at.installments());
        // 1 yen above: 均等割 and 森林環境税, but within the 所得割 limit (附則第3条の3: 35万 + 10万 = 45万)
        TaxComputation above = compute(ADULT, salary(1_030_001, 0));
        assertEquals(Exemption.INCOME_LEVY_LIMIT, above.exemption());
        assertEquals(0, above.incomeLevy());
        assertEquals(5_000, above.annualTax());
        assertEquals(List.of(2_000L, 1_000L, 1_000L, 1_000L), above.installments().stream().map(Installment::amount).toList());
    }

    @Test
    void perCapitaLimitDependsOnTheTownsGrade() {
        // 1級地: 35万 + 10万 = 45万; 2級地: 31.5万 + 10万 = 41.5万
        TaxRules first = TaxRules.of(Y, 1);
        assertEquals(Exemption.PER_CAPITA_LIMIT,
                ResidentTaxCalculator.compute(ADULT, Optional.of(salary(1_100_000, 0)), first).exemption());
        TaxRules second = TaxRules.of(Y, 2);
        assertEquals(415_000, ResidentTaxCalculator.compute(ADULT, Optional.of(salary(1_065_000, 0)), second).perCapitaLimit());
        assertEquals(Exemption.PER_CAPITA_LIMIT,
                ResidentTaxCalculator.compute(ADULT, Optional.of(salary(1_065_000, 0)), second).exemption());
        assertEquals(Exemption.INCOME_LEVY_LIMIT,
                ResidentTaxCalculator.compute(ADULT, Optional.of(salary(1_065_001, 0)), second).exemption());
    }

    @Test
    void incomeLevyLimitForASinglePerson() {
        // 附則第3条の3: 35万 × 1 + 10万 = 45万; 給与収入 1,100,000 → 450,000: 均等割のみ
        TaxComputation at = compute(ADULT, salary(1_100_000, 0));
        assertEquals(450_000, at.incomeLevyLimit());
        assertEquals(Exemption.INCOME_LEVY_LIMIT, at.exemption());
        assertEquals(5_000, at.annualTax());
        // 1 yen above: 課税総所得 20,001 → 20,000; 1,200 − 600 = 600, 800 − 400 = 400
        TaxComputation above = compute(ADULT, salary(1_100_001, 0));
        assertEquals(Exemption.NONE, above.exemption());
        assertEquals(20_000, above.taxableIncome());
        assertEquals(600, above.municipalIncomeLevy());
        assertEquals(400, above.prefecturalIncomeLevy());
        assertEquals(6_000, above.annualTax());
    }

    @Test
    void limitsGrowWithSpouseAndDependants() {
        // spouse + one child under 16 → 2 persons: 均等割 28万×3 + 10万 + 16.8万 = 1,108,000 (3級地);
        // 所得割 35万×3 + 10万 + 32万 = 1,470,000
        IncomeDeclaration at = income(0, 1_108_000, 0, Spouse.GENERAL, 1, 0, 0, 0, 0, false, SingleStatus.NONE, false);
        TaxComputation c = compute(ADULT, at);
        assertEquals(1_108_000, c.perCapitaLimit());
        assertEquals(1_470_000, c.incomeLevyLimit());
        assertEquals(Exemption.PER_CAPITA_LIMIT, c.exemption());
        assertEquals(Exemption.INCOME_LEVY_LIMIT,
                compute(ADULT, income(0, 1_108_001, 0, Spouse.GENERAL, 1, 0, 0, 0, 0, false, SingleStatus.NONE, false)).exemption());
        assertEquals(Exemption.INCOME_LEVY_LIMIT,
                compute(ADULT, income(0, 1_470_000, 0, Spouse.GENERAL, 1, 0, 0, 0, 0, false, SingleStatus.NONE, false)).exemption());
        assertEquals(Exemption.NONE,
                compute(ADULT, income(0, 1_470_001, 0, Spouse.GENERAL, 1, 0, 0, 0, 0, false, SingleStatus.NONE, false)).exemption());
    }

    @Test
    void singleParentAtTheLimitOf135万AndOneYenAbove() {
        // 第295条第1項第2号: ひとり親 with 合計所得金額 135万円以下: 非課税
        IncomeDeclaration at = income(0, 1_350_000, 0, Spouse.NONE, 1, 0, 0, 0, 0, false, SingleStatus.SINGLE_PARENT, false);
        Taxpayer mother = taxpayer(TaxpayerKind.REGISTERED, LocalDate.of(1990, 3, 3), true);
        assertEquals(Exemption.SPECIAL_PERSON, compute(mother, at).exemption());
        assertEquals(0, compute(mother, at).annualTax());
        // 1,350,001: ひとり親控除 30万 + 基礎 43万 → 課税総所得 620,000; 調整控除 (基礎 5万 + ひとり親（母）5万) 10万
        TaxComputation c = compute(mother,
                income(0, 1_350_001, 0, Spouse.NONE, 1, 0, 0, 0, 0, false, SingleStatus.SINGLE_PARENT, false));
        assertEquals(Exemption.NONE, c.exemption());
        assertEquals(620_000, c.taxableIncome());
        assertEquals(100_000, c.personalDifference());
        assertEquals(37_200 - 3_000, c.municipalIncomeLevy());
        assertEquals(24_800 - 2_000, c.prefecturalIncomeLevy());
        assertEquals(62_000, c.annualTax());
        // a father: the 人的控除額の差 of ひとり親 is 1万円
        Taxpayer father = taxpayer(TaxpayerKind.REGISTERED, LocalDate.of(1990, 3, 3), false);
        assertEquals(60_000, compute(father,
                income(0, 1_350_001, 0, Spouse.NONE, 1, 0, 0, 0, 0, false, SingleStatus.SINGLE_PARENT, false)).personalDifference());
    }

    @Test
    void minorOnTheAssessmentDate() {
        // 第295条第1項第2号 未成年者 (民法第4条: 18歳); one turns 18 the day before the 18th birthday
        IncomeDeclaration in = salary(1_600_000, 0); // 合計所得 950,000
        Taxpayer minor = taxpayer(TaxpayerKind.REGISTERED, LocalDate.of(2008, 1, 3), true);
        Taxpayer adult = taxpayer(TaxpayerKind.REGISTERED, LocalDate.of(2008, 1, 2), true);
        assertTrue(ResidentTaxCalculator.isMinorOn(LocalDate.of(2008, 1, 3), LocalDate.of(2026, 1, 1)));
        assertFalse(ResidentTaxCalculator.isMinorOn(LocalDate.of(2008, 1, 2), LocalDate.of(2026, 1, 1)));
        assertEquals(Exemption.SPECIAL_PERSON, compute(minor, in).exemption());
        assertEquals(0, compute(minor, in).annualTax());
        TaxComputation taxed = compute(adult, in);
        assertEquals(Exemption.NONE, taxed.exemption());
        assertTrue(taxed.annualTax() > 5_000);
    }

    @Test
    void publicAssistanceIsExemptWhateverTheIncome() {
        // 第295条第1項第1号
        TaxComputation c = compute(ADULT, income(3_000_000, 0, 0, Spouse.NONE, 0, 0, 0, 0, 0, false, SingleStatus.NONE, true));
        assertEquals(Exemption.PUBLIC_ASSISTANCE, c.exemption());
        assertEquals(0, c.annualTax());
    }

    @Test
    void perCapitaOnlyForPremisesTaxpayers() {
        // 家屋敷課税 (第294条第1項第2号): 均等割 only, no 所得割, no 森林環境税 (paid where the person lives)
        Taxpayer premises = taxpayer(TaxpayerKind.PREMISES, null, null);
        TaxComputation c = compute(premises, salary(9_000_000, 0));
        assertEquals(Exemption.PREMISES_ONLY, c.exemption());
        assertEquals(0, c.incomeLevy());
        assertEquals(0, c.forestTax());
        assertEquals(4_000, c.annualTax());
        assertEquals(List.of(1_000L, 1_000L, 1_000L, 1_000L), c.installments().stream().map(Installment::amount).toList());
        // 住登外 (住所あり, 第294条第3項) is taxed like a registered resident
        assertEquals(116_500, compute(taxpayer(TaxpayerKind.UNREGISTERED, null, null), salary(3_000_000, 450_000)).annualTax());
    }

    @Test
    void undeclaredIncomeIsComputedAsNone() {
        TaxComputation c = ResidentTaxCalculator.compute(ADULT, Optional.empty(), RULES);
        assertFalse(c.declared());
        assertEquals(Exemption.PER_CAPITA_LIMIT, c.exemption());
        assertEquals(0, c.annualTax());
    }

    @Test
    void olderTaxYearsHaveTheReconstructionSurchargeAndNoForestTax() {
        // 2023年度: 均等割 3,500 + 1,500 (復興財源確保法), no 森林環境税; income of 2022 with the 55万円 minimum
        TaxComputation c = ResidentTaxCalculator.compute(ADULT, Optional.of(IncomeDeclaration.salary(2023, P, 1_050_000, 0)),
                TaxRules.of(2023, 3));
        assertEquals(500_000, c.totalIncome());
        assertEquals(3_500, c.municipalPerCapita());
        assertEquals(1_500, c.prefecturalPerCapita());
        assertEquals(0, c.forestTax());
        assertThrows(ResidentTaxException.class, () -> TaxRules.of(2020, 3));
    }

    @Test
    void badInputIsRefusedWithAJapaneseMessageNamingTheField() {
        ResidentTaxException e = assertThrows(ResidentTaxException.class, () -> salary(-1, 0));
        assertEquals("給与収入に負の値は入力できません。", e.getMessage(Locale.JAPANESE));
        assertEquals(Optional.of("salaryRevenue"), e.field());
        ResidentTaxException many = assertThrows(ResidentTaxException.class,
                () -> income(0, 0, 0, Spouse.NONE, 0, 21, 0, 0, 0, false, SingleStatus.NONE, false));
        assertEquals("一般扶養親族は0〜20人で入力してください。", many.getMessage(Locale.JAPANESE));
        ResidentTaxException large = assertThrows(ResidentTaxException.class, () -> salary(0, 100_000_000_000L));
        assertEquals("社会保険料は99,999,999,999円以下で入力してください。", large.getMessage(Locale.JAPANESE));
    }
}
