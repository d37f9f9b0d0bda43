package jp.kiban.addressee;

import java.time.LocalDate;
import java.util.List;

import jp.kiban.core.id.AddresseeNumber;

/**
 * Address label data for a business's mailing: for each 宛名番号 the 送付先 of the business in
 * effect on the day if there is one, else the registered address from the first
 * {@link AddresseeDirectory} service (highest service ranking first) that knows the person. Every
 * registered directory is asked: the resident base registers one for residents, the addressee base
 * one for 住登外者.
 */
public interface AddressLabels {

    /** Address lines longer than this many characters are split after the 市区町村. */
    int LINE_LENGTH = 20;

    /**
     * Labels for the numbers (a number given twice gets one label). Nobody is silently dropped: a
     * number without a label is in {@link LabelRun#missing()}.
     */
    LabelRun labels(List<AddresseeNumber> numbers, BusinessCode business, LocalDate day);
}
