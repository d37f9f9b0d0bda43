package jp.kiban.residenttax;

import java.time.LocalDate;
import java.util.List;

import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.platform.Operator;

/**
 * 市町村民税・道府県民税 納税通知書 (普通徴収) as PDF, laid out by the forms' notice writer: the taxpayer as recipient,
 * the 所得 and 所得控除, the 課税標準, 所得割・均等割・森林環境税 for each tax, the 年税額 and the four 期. Business staff of
 * {@value ResidentTax#BUSINESS}, supervisors and administrators; every print is written to the access log.
 */
public interface ResidentTaxNotices {

    byte[] taxNotice(Operator operator, int taxYear, AddresseeNumber person, LocalDate noticeDate);

    /** Many taxpayers in one PDF, in the given order; those who owe nothing are left out. */
    byte[] taxNotices(Operator operator, int taxYear, List<AddresseeNumber> persons, LocalDate noticeDate);
}
