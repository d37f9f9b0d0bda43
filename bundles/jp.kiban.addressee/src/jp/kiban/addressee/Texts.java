package jp.kiban.addressee;

import jp.kiban.core.DomainException.Label;

/** Checks of free text fields shared by the value types. */
final class Texts {
    private Texts() {
    }

    /** Stripped text of 1 to max code points without control characters; refuses null and blank. */
    static String require(String input, Label label, int max) {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            throw new AddresseeException("input.blank", label);
        }
        return check(text, label, max);
    }

    /** Like {@link #require} but null or blank gives null. */
    static String optional(String input, Label label, int max) {
        return input == null || input.isBlank() ? null : check(input.strip(), label, max);
    }

    private static String check(String text, Label label, int max) {
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            throw new AddresseeException("text.control", label);
        }
        int length = text.codePointCount(0, text.length());
        if (length > max) {
            throw new AddresseeException("text.tooLong", label, max, length);
        }
        return text;
    }
}
