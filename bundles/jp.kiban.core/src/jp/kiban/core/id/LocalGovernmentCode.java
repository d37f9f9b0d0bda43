package jp.kiban.core.id;

import jp.kiban.core.CounterInput;
import jp.kiban.core.DomainException;
import jp.kiban.core.DomainException.Label;

/**
 * 全国地方公共団体コード: five digits (prefecture + municipality) and a check digit. Many
 * interfaces exchange only the five digits, so both forms are accepted and the six-digit form is kept.
 *
 * @param value the six ASCII digits including the check digit
 */
public record LocalGovernmentCode(String value) implements Comparable<LocalGovernmentCode> {

    private static final Label LABEL = new Label("localGovernmentCode");
    private static final int[] WEIGHTS = {6, 5, 4, 3, 2};

    /** Accepts 5 digits (the check digit is computed) or 6 digits (it is verified). */
    public LocalGovernmentCode {
        String digits = CounterInput.digits(value, LABEL);
        if (digits.length() == 5) {
            digits = digits + checkDigit(digits);
        } else if (digits.length() == 6) {
            CheckDigits.verify(LABEL, digits.charAt(5), checkDigit(digits.substring(0, 5)));
        } else {
            throw new DomainException("id.lengthEither", LABEL, 5, 6, digits.length());
        }
        int prefecture = Integer.parseInt(digits.substring(0, 2));
        if (prefecture < 1 || prefecture > 47) {
            throw new DomainException("id.prefectureCode", LABEL, digits.substring(0, 2));
        }
        value = digits;
    }

    public static LocalGovernmentCode of(String text) {
        return new LocalGovernmentCode(text);
    }

    /** (11 − S mod 11) mod 10 with S = 6a+5b+4c+3d+2e. */
    private static int checkDigit(String five) {
        return (11 - CheckDigits.weightedSum(five, WEIGHTS) % 11) % 10;
    }

    /** JIS prefecture code, "01" to "47". */
    public String prefectureCode() {
        return value.substring(0, 2);
    }

    /** The five-digit code without check digit, as used by many exchange formats. */
    public String withoutCheckDigit() {
        return value.substring(0, 5);
    }

    @Override
    public int compareTo(LocalGovernmentCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
