package jp.kiban.core;

import jp.kiban.core.DomainException.Label;

/**
 * Lenient normalisation of what clerks type at the counter (窓口): full-width digits and
 * letters, hyphens and spaces inside numbers. Only conversions that cannot change the meaning
 * are done here; everything else is refused by the value types.
 */
public final class CounterInput {

    /** U+3000 IDEOGRAPHIC SPACE, the separator in Japanese written names and addresses. */
    public static final char FULL_WIDTH_SPACE = '\u3000';

    private CounterInput() {
    }

    /** Converts full-width ASCII variants (U+FF01–U+FF5E) and U+3000 to their ASCII forms. */
    public static String toHalfWidth(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                sb.append((char) (c - 0xFEE0));
            } else if (c == FULL_WIDTH_SPACE) {
                sb.append(' ');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Returns the ASCII digits of a number typed with optional full-width digits, spaces and
     * hyphens (including the long vowel mark ー that IMEs produce for a hyphen in full-width mode).
     *
     * @throws DomainException if the text is blank or contains any other character
     */
    public static String digits(String input, Label field) {
        if (input == null) {
            throw new DomainException("input.blank", field);
        }
        StringBuilder sb = new StringBuilder(input.length());
        int position = 0;
        for (int i = 0; i < input.length(); ) {
            int cp = input.codePointAt(i);
            position++;
            if (cp >= '0' && cp <= '9') {
                sb.append((char) cp);
            } else if (cp >= '０' && cp <= '９') {
                sb.append((char) (cp - '０' + '0'));
            } else if (!isSpace(cp) && !isHyphen(cp)) {
                throw new DomainException("input.character", field, describe(cp), position);
            }
            i += Character.charCount(cp);
        }
        if (sb.isEmpty()) {
            throw new DomainException("input.blank", field);
        }
        return sb.toString();
    }

    /** Trims ASCII and full-width white space; refuses null or blank text. */
    public static String requireText(String input, Label field) {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            throw new DomainException("input.blank", field);
        }
        return text;
    }

    /** Space characters accepted as separators: ASCII space, tab and U+3000. */
    public static boolean isSpace(int cp) {
        return cp == ' ' || cp == '\t' || cp == FULL_WIDTH_SPACE;
    }

    /** Characters that are typed as a hyphen in numbers (ASCII, full-width, dashes, ー, ｰ). */
    public static boolean isHyphen(int cp) {
        return cp == '-' || cp == '\uFF0D' || cp == '\u2010' || cp == '\u2011' || cp == '\u2012'
                || cp == '\u2013' || cp == '\u2212' || cp == '\u30FC' || cp == '\uFF70';
    }

    /** A character as shown in messages: {@code 'X' (U+0058)}, or only the code for invisible ones. */
    public static String describe(int cp) {
        String code = String.format("U+%04X", cp);
        int type = Character.getType(cp);
        boolean invisible = Character.isISOControl(cp) || Character.isWhitespace(cp) || type == Character.FORMAT
                || type == Character.SURROGATE || type == Character.NON_SPACING_MARK || type == Character.UNASSIGNED;
        return invisible ? code : "'" + Character.toString(cp) + "' (" + code + ")";
    }
}
