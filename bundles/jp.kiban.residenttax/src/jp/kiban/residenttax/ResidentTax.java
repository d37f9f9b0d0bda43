package jp.kiban.residenttax;

import java.io.Reader;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.kiban.addressee.NonResidentData;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.platform.Operator;

/**
 * 個人住民税の課税対象者・所得・税額. Every call names the operator: business staff of {@value #BUSINESS},
 * supervisors and administrators pass; others are refused (and the refusal is logged). Residents are read only
 * through the resident base's {@code ResidentRegistry}; this business keeps its own copy of its taxpayers.
 */
public interface ResidentTax {
    /** The business id (catalogue, roles, access log, CLI). */
    String BUSINESS = "juminzei";

    /** The 年度 (April to March) a day falls in. */
    static int taxYearOf(LocalDate day) {
        return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
    }

    /** 賦課期日: 1 January of the tax year (地方税法第318条). */
    static LocalDate assessmentDate(int taxYear) {
        return LocalDate.of(taxYear, 1, 1);
    }

    /**
     * 課税対象者の抽出: copies every person on the resident register on 1 January of the tax year into this
     * business's taxpayers of that year (new ones added, known ones refreshed, those no longer on the register that
     * day dropped unless an income was entered for them). 住登外 taxpayers are kept. Returns how many residents
     * were on the register that day.
     */
    int extractTaxpayers(Operator operator, int taxYear);

    /**
     * Taxpayers of the year by フリガナ; {@code text} (optional) matches the 宛名番号 or part of the name or
     * フリガナ (spaces ignored).
     */
    List<Taxpayer> taxpayers(Operator operator, int taxYear, String text, int limit);

    int taxpayerCount(Operator operator, int taxYear);

    Optional<Taxpayer> taxpayer(Operator operator, int taxYear, AddresseeNumber person);

    /**
     * A 住登外 taxpayer entered by the clerk: registered in the addressee base's 住登外者 register (a new
     * 宛名番号) and added to the taxpayers of the year. {@code kind} is {@link TaxpayerKind#UNREGISTERED} or
     * {@link TaxpayerKind#PREMISES}.
     */
    Taxpayer registerNonResident(Operator operator, int taxYear, NonResidentData data, TaxpayerKind kind);

    /** The income entered or imported for the tax year (the income of the calendar year before). */
    Optional<IncomeDeclaration> income(Operator operator, int taxYear, AddresseeNumber person);

    /** Stores the clerk's input; the person must be a taxpayer of that year. */
    IncomeDeclaration setIncome(Operator operator, IncomeDeclaration income);

    /**
     * CSV import (UTF-8, header line {@value #CSV_HEADER}); all rows or none. Amounts in 円 (commas allowed),
     * 配偶者 {@code 0}/{@code 1}一般/{@code 2}老人, 寡婦・ひとり親 {@code 0}/{@code 1}寡婦/{@code 2}ひとり親, flags
     * {@code 0}/{@code 1}; the persons must be taxpayers of the year.
     */
    ImportResult importIncomes(Operator operator, int taxYear, Reader csv);

    String CSV_HEADER = "addressee_number,salary_revenue,other_income,social_insurance,spouse,dependents_under16,"
            + "dependents_general,dependents_specific,dependents_elderly,dependents_elderly_cohabiting,disabled,single,"
            + "public_assistance";

    /** The tax of one taxpayer for the year from the stored income (not stored). */
    TaxComputation assess(Operator operator, int taxYear, AddresseeNumber person);

    /** The figures used for the year, with the town's 級地. */
    TaxRules rules(Operator operator, int taxYear);

    /** The town's 級地 (1〜3, default 3) for the 均等割 非課税 limit. */
    int grade(Operator operator);

    /** Sets the town's 級地; administrators only. */
    void setGrade(Operator operator, int grade);
}
