package jp.kiban.core.id;

import jp.kiban.core.CounterInput;
import jp.kiban.core.DomainException;
import jp.kiban.core.DomainException.Label;

/** Shared modulus arithmetic and input handling for the identifier schemes of this package. */
final class CheckDigits {

    private CheckDigits() {
    }

    /** Normalised ASCII digits of {@code input}, which must have exactly {@code length} digits. */
    static String digits(String input, Label label, int length) {
        String digits = CounterInput.digits(input, label);
        if (digits.length() != length) {
            throw new DomainException("input.digitCount", label, length, digits.length());
        }
        return digits;
    }

    /** Σ digit·weight, where {@code weights[i]} applies to the i-th digit from the left. */
    static int weightedSum(String digits, int[] weights) {
        if (digits.length() != weights.length) {
            throw new IllegalArgumentException("expected " + weights.length + " digits: " + digits.length());
        }
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum;
    }

    /**
     * Modulus 11 check digit: r = Σ mod 11; 0 if r ≤ 1 (the value 10 cannot be written as one
     * digit and is folded to 0), else 11 − r.
     */
    static int mod11(String payload, int[] weights) {
        int r = weightedSum(payload, weights) % 11;
        return r <= 1 ? 0 : 11 - r;
    }

    /** Weights 2, 3, 4, 5, 6, 7, 2, 3, ... assigned from the rightmost digit, returned left to right. */
    static int[] weights2To7FromRight(int length) {
        int[] weights = new int[length];
        for (int fromRight = 0; fromRight < length; fromRight++) {
            weights[length - 1 - fromRight] = 2 + fromRight % 6;
        }
        return weights;
    }

    static void verify(Label label, char given, int expected) {
        if (given - '0' != expected) {
            throw new DomainException("id.checkDigit", label, given, expected);
        }
    }
}
