package jp.kiban.residenttax;

import jp.kiban.core.DomainException.Label;
import jp.kiban.core.id.AddresseeNumber;

/**
 * The income and deductions of one taxpayer for the 個人住民税 of {@code taxYear} (the income of the calendar year
 * before), as the clerk enters it or a 給与支払報告書-like CSV row gives it.
 *
 * @param salaryRevenue        給与の収入金額 (円)
 * @param otherIncome          給与以外の所得の金額 (事業・年金・不動産などの所得, 円, already net of expenses)
 * @param socialInsurance      社会保険料の支払額 (社会保険料控除, 地方税法第314条の2第1項第3号)
 * @param spouse               控除対象配偶者
 * @param dependentsUnder16    年少扶養親族 (no deduction, but counted for the 非課税 limits)
 * @param dependentsGeneral    一般の扶養親族 (16〜18歳, 23〜69歳)
 * @param dependentsSpecific   特定扶養親族 (19〜22歳)
 * @param dependentsElderly    老人扶養親族 (70歳以上) not living with the taxpayer
 * @param dependentsElderlyCohabiting 同居老親等
 * @param disabled             障害者 (the taxpayer)
 * @param single               寡婦 / ひとり親 (the taxpayer)
 * @param publicAssistance     生活保護法の生活扶助を受けている (地方税法第295条第1項第1号)
 * @param source               {@code input} (clerk) or {@code import}
 */
public record IncomeDeclaration(int taxYear, AddresseeNumber person, long salaryRevenue, long otherIncome,
        long socialInsurance, Spouse spouse, int dependentsUnder16, int dependentsGeneral, int dependentsSpecific,
        int dependentsElderly, int dependentsElderlyCohabiting, boolean disabled, SingleStatus single,
        boolean publicAssistance, String source) {

    /** The largest amount accepted (円). */
    public static final long MAX_AMOUNT = 99_999_999_999L;
    /** The most dependants of one kind accepted. */
    public static final int MAX_DEPENDANTS = 20;

    public IncomeDeclaration {
        amount("salaryRevenue", salaryRevenue);
        amount("otherIncome", otherIncome);
        amount("socialInsurance", socialInsurance);
        count("dependentsUnder16", dependentsUnder16);
        count("dependentsGeneral", dependentsGeneral);
        count("dependentsSpecific", dependentsSpecific);
        count("dependentsElderly", dependentsElderly);
        count("dependentsElderlyCohabiting", dependentsElderlyCohabiting);
        spouse = spouse == null ? Spouse.NONE : spouse;
        single = single == null ? SingleStatus.NONE : single;
        source = source == null ? "input" : source;
    }

    /** Nothing but a salary. */
    public static IncomeDeclaration salary(int taxYear, AddresseeNumber person, long salaryRevenue, long socialInsurance) {
        return new IncomeDeclaration(taxYear, person, salaryRevenue, 0, socialInsurance, Spouse.NONE, 0, 0, 0, 0, 0,
                false, SingleStatus.NONE, false, "input");
    }

    /** No income, no deductions (未申告 is treated like this, see {@link TaxComputation#declared()}). */
    public static IncomeDeclaration none(int taxYear, AddresseeNumber person) {
        return salary(taxYear, person, 0, 0);
    }

    public IncomeDeclaration withSource(String newSource) {
        return new IncomeDeclaration(taxYear, person, salaryRevenue, otherIncome, socialInsurance, spouse,
                dependentsUnder16, dependentsGeneral, dependentsSpecific, dependentsElderly,
                dependentsElderlyCohabiting, disabled, single, publicAssistance, newSource);
    }

    /** 扶養親族 of every kind, 年少 included. */
    public int dependants() {
        return dependentsUnder16 + dependentsGeneral + dependentsSpecific + dependentsElderly + dependentsElderlyCohabiting;
    }

    /** 同一生計配偶者 and 扶養親族: the head count of the 非課税 limits (besides the taxpayer). */
    public int supportedPersons() {
        return (spouse == Spouse.NONE ? 0 : 1) + dependants();
    }

    private static void amount(String field, long value) {
        if (value < 0) {
            throw new ResidentTaxException("income.negative", new Label(field));
        }
        if (value > MAX_AMOUNT) {
            throw new ResidentTaxException("income.tooLarge", new Label(field));
        }
    }

    private static void count(String field, int value) {
        if (value < 0 || value > MAX_DEPENDANTS) {
            throw new ResidentTaxException("income.dependants", new Label(field), MAX_DEPENDANTS);
        }
    }
}
