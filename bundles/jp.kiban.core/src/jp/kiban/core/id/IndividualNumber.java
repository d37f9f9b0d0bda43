package jp.kiban.core.id;

import jp.kiban.core.DomainException.Label;

/**
 * 個人番号 (My Number), 11 digits plus a modulus 11 check digit. The number is sensitive personal
 * data: {@link #toString()} never shows it, and messages about a wrong number do not echo it.
 *
 * @param value the 12 ASCII digits
 */
public record IndividualNumber(String value) {

    public static final int LENGTH = 12;

    private static final Label LABEL = new Label("individualNumber");
    /** Q(n) for P(n) read from the right: n+1 for n ≤ 6, n−5 for 7 ≤ n ≤ 11; here left to right. */
    private static final int[] WEIGHTS = {6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    /** Normalises (full-width digits, spaces, hyphens) and verifies the check digit. */
    public IndividualNumber {
        value = CheckDigits.digits(value, LABEL, LENGTH);
        CheckDigits.verify(LABEL, value.charAt(LENGTH - 1), CheckDigits.mod11(value.substring(0, LENGTH - 1), WEIGHTS));
    }

    /** Parses counter input such as {@code "6214 9832 0257"}. */
    public static IndividualNumber of(String text) {
        return new IndividualNumber(text);
    }

    /** The number with all but the last four digits hidden, for confirmation on screen. */
    public String masked() {
        return "*".repeat(LENGTH - 4) + value.substring(LENGTH - 4);
    }

    /** Fully masked; the number must not end up in logs. */
    @Override
    public String toString() {
        return "IndividualNumber[" + "*".repeat(LENGTH) + "]";
    }
}
