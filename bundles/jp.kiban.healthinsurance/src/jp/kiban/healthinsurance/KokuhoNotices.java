package jp.kiban.healthinsurance;

import java.time.LocalDate;
import java.util.List;

import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.platform.Operator;

/**
 * 国民健康保険税 納税通知書 as PDF, laid out by the forms' notice writer: per household the 納税義務者 (世帯主) as
 * recipient, the three parts (医療分・後期高齢者支援金分・介護納付金分) each with 所得割・均等割・平等割, the 軽減, the
 * 課税限度額, the 年税額 and the 期別 table. Business staff of {@value HealthInsurance#BUSINESS}, supervisors and
 * administrators; every print is written to the access log.
 */
public interface KokuhoNotices {

    /** The 納税通知書 of one household for the fiscal year, from the current 資格, incomes and rates. */
    byte[] taxNotice(Operator operator, HouseholdNumber household, int fiscalYear, LocalDate noticeDate);

    /**
     * Many households in one PDF (a run for the post), each on its own page(s), in the given order; households
     * that owe nothing for the year are left out.
     */
    byte[] taxNotices(Operator operator, List<HouseholdNumber> households, int fiscalYear, LocalDate noticeDate);

    /** The 賦課年度 (April to March) a day falls in. */
    static int fiscalYearOf(LocalDate day) {
        return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
    }
}
