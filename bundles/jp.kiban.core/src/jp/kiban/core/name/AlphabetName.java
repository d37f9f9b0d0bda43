package jp.kiban.core.name;

import jp.kiban.core.CounterInput;
import jp.kiban.core.DomainException;
import jp.kiban.core.DomainException.Label;

/**
 * Name of a foreign resident in Latin letters, as on the 在留カード: capital letters A–Z, space,
 * hyphen, apostrophe, comma and period. Full-width input is converted to half-width, lower case to
 * upper case, ’ to ', and spaces are trimmed and collapsed. Letters with diacritics are refused
 * (the 在留カード does not use them).
 * <p>
 * {@link #MAX_LENGTH} is 100 characters: long names are shortened on the card itself, but the
 * register keeps the full name; 100 leaves room for that while bounding database columns.
 *
 * @param value the normalised name
 */
public record AlphabetName(String value) {

    public static final int MAX_LENGTH = 100;

    private static final Label LABEL = new Label("alphabetName");

    public AlphabetName {
        String text = CounterInput.toHalfWidth(value == null ? "" : value);
        StringBuilder out = new StringBuilder();
        boolean pendingSpace = false;
        boolean letter = false;
        int position = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int cp = text.codePointAt(i);
            position++;
            if (CounterInput.isSpace(cp)) {
                pendingSpace = !out.isEmpty();
                continue;
            }
            if (cp >= 'a' && cp <= 'z') {
                cp -= 'a' - 'A';
            } else if (cp == '\u2019') {
                cp = '\'';
            }
            if (!(cp >= 'A' && cp <= 'Z') && "-',.".indexOf(cp) < 0) {
                throw new DomainException("input.character", LABEL, CounterInput.describe(value.codePointAt(i)), position);
            }
            letter |= cp >= 'A' && cp <= 'Z';
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append((char) cp);
        }
        if (out.isEmpty()) {
            throw new DomainException("input.blank", LABEL);
        }
        if (!letter) {
            throw new DomainException("name.noLetter", LABEL);
        }
        if (out.length() > MAX_LENGTH) {
            throw new DomainException("name.tooLong", LABEL, MAX_LENGTH, out.length());
        }
        value = out.toString();
    }

    public static AlphabetName of(String text) {
        return new AlphabetName(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
