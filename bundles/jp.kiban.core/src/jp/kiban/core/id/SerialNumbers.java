package jp.kiban.core.id;

import jp.kiban.core.DomainException;
import jp.kiban.core.DomainException.Label;

/**
 * The scheme shared by Kiban's own serial numbers ({@link AddresseeNumber}, {@link HouseholdNumber}):
 * a 10-digit serial (1 to 9,999,999,999, zero-padded) and a modulus 11 check digit with weights
 * 2–7 cycling from the right (the digit next to the check digit has weight 2). With r = Σ mod 11
 * the check digit is 11 − r, and 0 for both r = 0 and r = 1 (11 − 1 = 10 does not fit in one digit).
 */
final class SerialNumbers {

    static final int SERIAL_DIGITS = 10;
    static final int LENGTH = SERIAL_DIGITS + 1;
    static final long MAX_SERIAL = 9_999_999_999L;

    private static final int[] WEIGHTS = CheckDigits.weights2To7FromRight(SERIAL_DIGITS);

    private SerialNumbers() {
    }

    static String fromSerial(long serial, Label label) {
        if (serial < 1 || serial > MAX_SERIAL) {
            throw new DomainException("id.serialRange", label, serial, 1, MAX_SERIAL);
        }
        String digits = String.format("%010d", serial);
        return digits + CheckDigits.mod11(digits, WEIGHTS);
    }

    static String verify(String text, Label label) {
        String digits = CheckDigits.digits(text, label, LENGTH);
        CheckDigits.verify(label, digits.charAt(SERIAL_DIGITS), CheckDigits.mod11(digits.substring(0, SERIAL_DIGITS), WEIGHTS));
        if (serial(digits) == 0) {
            throw new DomainException("id.serialRange", label, 0, 1, MAX_SERIAL);
        }
        return digits;
    }

    static long serial(String value) {
        return Long.parseLong(value.substring(0, SERIAL_DIGITS));
    }
}
