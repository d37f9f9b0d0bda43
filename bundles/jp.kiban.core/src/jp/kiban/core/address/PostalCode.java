package jp.kiban.core.address;

import java.util.regex.Pattern;

import jp.kiban.core.CounterInput;
import jp.kiban.core.DomainException;
import jp.kiban.core.DomainException.Label;

/**
 * 郵便番号, seven digits. Accepts 1234567, 123-4567, 〒123-4567 and full-width forms; a hyphen
 * anywhere else is refused because it usually means a digit was dropped or misplaced.
 *
 * @param value the seven ASCII digits
 */
public record PostalCode(String value) {

    private static final Label LABEL = new Label("postalCode");
    private static final Pattern FORM = Pattern.compile("\\d{3}-?\\d{4}");

    public PostalCode {
        // 〒 is replaced by a space (not removed) so that error positions match the input.
        CounterInput.requireText(value, LABEL);
        String text = value.replaceFirst("^(\\s*)〒", "$1 ");
        String digits = CounterInput.digits(text, LABEL);
        if (digits.length() != 7) {
            throw new DomainException("input.digitCount", LABEL, 7, digits.length());
        }
        StringBuilder compact = new StringBuilder();
        text.codePoints().filter(cp -> !CounterInput.isSpace(cp))
                .forEach(cp -> compact.append(CounterInput.isHyphen(cp) ? '-' : cp >= '０' && cp <= '９' ? (char) (cp - 0xFEE0) : (char) cp));
        if (!FORM.matcher(compact).matches()) {
            throw new DomainException("address.postalCodeForm");
        }
        value = digits;
    }

    public static PostalCode of(String text) {
        return new PostalCode(text);
    }

    /** The usual written form, 123-4567. */
    public String format() {
        return value.substring(0, 3) + "-" + value.substring(3);
    }

    @Override
    public String toString() {
        return format();
    }
}
