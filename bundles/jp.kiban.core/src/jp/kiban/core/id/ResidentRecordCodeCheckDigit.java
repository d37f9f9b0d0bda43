package jp.kiban.core.id;

/**
 * Check digit of the 住民票コード.
 * <p>
 * <b>UNCONFIRMED:</b> the algorithm below (modulus 11, weights 5,4,3,2,7,6,5,4,3,2 from the left,
 * r ≤ 1 → 0 else 11 − r) has not been verified against the J-LIS specification; it only matches
 * the one sample we have. It lives here alone so that it can be corrected in one place.
 */
final class ResidentRecordCodeCheckDigit {

    private static final int[] WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private ResidentRecordCodeCheckDigit() {
    }

    /** The check digit for the first ten digits. */
    static int compute(String firstTen) {
        return CheckDigits.mod11(firstTen, WEIGHTS);
    }
}
