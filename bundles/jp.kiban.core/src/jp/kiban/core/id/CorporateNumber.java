package jp.kiban.core.id;

import jp.kiban.core.DomainException.Label;

/**
 * 法人番号: a check digit followed by 12 digits (the check digit comes FIRST). Needed for
 * corporations as addressees (e.g. of tax notices).
 *
 * @param value the 13 ASCII digits
 */
public record CorporateNumber(String value) {

    public static final int LENGTH = 13;

    private static final Label LABEL = new Label("corporateNumber");
    /** Q(n) = 1 for odd n, 2 for even n, with P(n) read from the right; here left to right. */
    private static final int[] WEIGHTS = {2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1};

    public CorporateNumber {
        value = CheckDigits.digits(value, LABEL, LENGTH);
        int expected = 9 - CheckDigits.weightedSum(value.substring(1), WEIGHTS) % 9;
        CheckDigits.verify(LABEL, value.charAt(0), expected);
    }

    public static CorporateNumber of(String text) {
        return new CorporateNumber(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
