package jp.kiban.addressee;

import java.util.regex.Pattern;

/**
 * The business a mailing address or a label run is for: lower-case ASCII words joined by
 * {@code .} or {@code -}, starting with a letter, at most {@value #MAX_LENGTH} characters, e.g.
 * {@code tax.resident}, {@code nhi}, {@code child-allowance}. Each business bundle names its own;
 * the addressee base does not keep a list.
 *
 * @param value the code as given (it is never changed, so a typo is refused rather than "fixed")
 */
public record BusinessCode(String value) implements Comparable<BusinessCode> {

    public static final int MAX_LENGTH = 40;
    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*");

    public BusinessCode {
        if (value == null || value.isBlank()) {
            throw new AddresseeException("input.blank", Labels.BUSINESS);
        }
        if (value.length() > MAX_LENGTH || !FORM.matcher(value).matches()) {
            throw new AddresseeException("business.form", MAX_LENGTH);
        }
    }

    public static BusinessCode of(String value) {
        return new BusinessCode(value);
    }

    @Override
    public int compareTo(BusinessCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
