package jp.kiban.core.name;

import java.util.ArrayList;
import java.util.List;

/**
 * Counting and cutting names by "name character": a base code point (a surrogate pair counts as
 * one) together with the variation selectors that follow it. Kanji names carry IVS (e.g. 葛 +
 * U+E0100 for the 葛城 glyph); cutting between base and selector, or inside a surrogate pair,
 * would corrupt the name, and {@code String.length()} would miscount it.
 */
public final class NameCharacters {

    private NameCharacters() {
    }

    /** Ideographic (U+E0100–U+E01EF) or standardized (U+FE00–U+FE0F) variation selector. */
    public static boolean isVariationSelector(int cp) {
        return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    /**
     * Splits into name characters. A variation selector without a preceding base (at the start)
     * becomes a name character of its own; {@link KanjiName} refuses such text.
     */
    public static List<String> split(CharSequence text) {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int end = next(text, i);
            result.add(text.subSequence(i, end).toString());
            i = end;
        }
        return result;
    }

    public static int count(CharSequence text) {
        int count = 0;
        for (int i = 0; i < text.length(); i = next(text, i)) {
            count++;
        }
        return count;
    }

    /** The first {@code max} name characters (all of {@code text} if it is not longer). */
    public static String truncate(CharSequence text, int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max < 0: " + max);
        }
        int end = 0;
        for (int n = 0; n < max && end < text.length(); n++) {
            end = next(text, end);
        }
        return text.subSequence(0, end).toString();
    }

    /** Index just after the name character starting at {@code i}. */
    private static int next(CharSequence text, int i) {
        int end = i + Character.charCount(Character.codePointAt(text, i));
        while (end < text.length() && isVariationSelector(Character.codePointAt(text, end))) {
            end += Character.charCount(Character.codePointAt(text, end));
        }
        return end;
    }
}
