package jp.kiban.residenttax;

import java.util.List;

import jp.kiban.core.id.AddresseeNumber;

/**
 * The 個人住民税 of one taxpayer for a tax year, every step shown (for the desk, the notice and the tests).
 *
 * @param declared               an income was entered or imported (otherwise computed as no income: 未申告)
 * @param salaryIncome           給与所得 (所得税法第28条, 別表第五)
 * @param totalIncome            合計所得金額 = 総所得金額等 here (給与所得 + other income)
 * @param deductions             所得控除 by kind, in the order of the notice
 * @param taxableIncome          課税総所得金額 (1,000円未満切捨て, 地方税法第20条の4の2第1項)
 * @param supportedPersons       同一生計配偶者 + 扶養親族 counted for the 非課税 limits
 * @param perCapitaLimit         均等割 非課税 limit of the town (合計所得金額)
 * @param incomeLevyLimit        所得割 非課税 limit (総所得金額等)
 * @param personalDifference     人的控除額の差の合計 (調整控除, 第314条の6)
 * @param municipalIncomeLevy    市町村民税 所得割 after 調整控除, 100円未満切捨て
 * @param prefecturalIncomeLevy  道府県民税 所得割 after 調整控除, 100円未満切捨て
 * @param annualTax              市町村民税 + 道府県民税 + 森林環境税
 * @param installments           普通徴収 4 期 (empty when nothing is owed)
 */
public record TaxComputation(int taxYear, AddresseeNumber person, TaxpayerKind kind, boolean declared,
        long salaryIncome, long totalIncome, List<Deduction> deductions, long totalDeductions, long taxableIncome,
        Exemption exemption, int supportedPersons, long perCapitaLimit, long incomeLevyLimit,
        long personalDifference, long municipalGrossIncomeLevy, long prefecturalGrossIncomeLevy,
        long municipalAdjustment, long prefecturalAdjustment, long municipalIncomeLevy, long prefecturalIncomeLevy,
        long municipalPerCapita, long prefecturalPerCapita, long forestTax, long annualTax,
        List<Installment> installments) {

    /** One 所得控除: its Japanese name and amount (円). */
    public record Deduction(String name, long amount) {
    }

    public TaxComputation {
        deductions = List.copyOf(deductions);
        installments = List.copyOf(installments);
    }

    /** 市町村民税 (所得割 + 均等割). */
    public long municipalTax() {
        return municipalIncomeLevy + municipalPerCapita;
    }

    /** 道府県民税 (所得割 + 均等割). */
    public long prefecturalTax() {
        return prefecturalIncomeLevy + prefecturalPerCapita;
    }

    public long incomeLevy() {
        return municipalIncomeLevy + prefecturalIncomeLevy;
    }

    public long perCapita() {
        return municipalPerCapita + prefecturalPerCapita;
    }
}
