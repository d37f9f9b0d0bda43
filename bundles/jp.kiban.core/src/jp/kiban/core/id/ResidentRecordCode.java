package jp.kiban.core.id;

import jp.kiban.core.DomainException.Label;

/**
 * 住民票コード: 10 digits and a check digit, assigned by the 住基ネット. Sensitive like the
 * individual number, so {@link #toString()} hides it. The check digit rule is unconfirmed, see
 * {@code ResidentRecordCodeCheckDigit}.
 *
 * @param value the 11 ASCII digits
 */
public record ResidentRecordCode(String value) {

    public static final int LENGTH = 11;

    private static final Label LABEL = new Label("residentRecordCode");

    public ResidentRecordCode {
        value = CheckDigits.digits(value, LABEL, LENGTH);
        CheckDigits.verify(LABEL, value.charAt(LENGTH - 1), ResidentRecordCodeCheckDigit.compute(value.substring(0, LENGTH - 1)));
    }

    public static ResidentRecordCode of(String text) {
        return new ResidentRecordCode(text);
    }

    @Override
    public String toString() {
        return "ResidentRecordCode[" + "*".repeat(LENGTH) + "]";
    }
}
