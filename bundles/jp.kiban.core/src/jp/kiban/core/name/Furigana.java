package jp.kiban.core.name;

import java.text.Normalizer;

import jp.kiban.core.CounterInput;
import jp.kiban.core.DomainException;
import jp.kiban.core.DomainException.Label;

/**
 * フリガナ, the reading of a name, in full-width katakana: the form used for sorting and searching,
 * so it must be normalised. Input in hiragana or half-width katakana (ｶﾞ, ﾊﾟ, ｳﾞ) is converted,
 * voiced sound marks are combined with their kana, spaces are trimmed and collapsed to one U+3000
 * (between family and given name). Allowed: ァ–ヺ, ー, ・, ヽ, ヾ and that space.
 *
 * @param value the normalised reading
 */
public record Furigana(String value) {

    public static final int MAX_LENGTH = 100;

    private static final Label LABEL = new Label("furigana");

    public Furigana {
        value = normalise(value);
    }

    public static Furigana of(String text) {
        return new Furigana(text);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String normalise(String input) {
        StringBuilder out = new StringBuilder();
        boolean pendingSpace = false;
        int position = 0;
        String text = input == null ? "" : input;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int cp = text.codePointAt(i);
            position++;
            if (CounterInput.isSpace(cp)) {
                pendingSpace = !out.isEmpty();
                continue;
            }
            char mark = combiningMark(cp);
            if (mark != 0) {
                String combined = out.isEmpty() || pendingSpace ? ""
                        : Normalizer.normalize(out.charAt(out.length() - 1) + String.valueOf(mark), Normalizer.Form.NFC);
                if (combined.length() != 1) {
                    throw new DomainException("furigana.voicedMark", CounterInput.describe(cp), position);
                }
                out.setCharAt(out.length() - 1, combined.charAt(0));
                continue;
            }
            char kana = toKatakana(cp);
            if (kana == 0) {
                throw new DomainException("furigana.character", CounterInput.describe(cp), position);
            }
            if (pendingSpace) {
                out.append(CounterInput.FULL_WIDTH_SPACE);
                pendingSpace = false;
            }
            out.append(kana);
        }
        if (out.isEmpty()) {
            throw new DomainException("input.blank", LABEL);
        }
        if (out.length() > MAX_LENGTH) {
            throw new DomainException("name.tooLong", LABEL, MAX_LENGTH, out.length());
        }
        return out.toString();
    }

    /** The combining voiced (U+3099) or semi-voiced (U+309A) mark for any form of it, else 0. */
    private static char combiningMark(int cp) {
        return switch (cp) {
            case 0x3099, 0x309B, 0xFF9E -> '\u3099';
            case 0x309A, 0x309C, 0xFF9F -> '\u309A';
            default -> 0;
        };
    }

    /** Full-width katakana for an allowed kana, else 0. */
    private static char toKatakana(int cp) {
        if ((cp >= 0x30A1 && cp <= 0x30FE)) {
            return (char) cp;
        }
        if ((cp >= 0x3041 && cp <= 0x3096) || cp == 'ゝ' || cp == 'ゞ') {
            return (char) (cp + 0x60);
        }
        if (cp >= 0xFF65 && cp <= 0xFF9D) { // half-width katakana, ･ and ｰ
            return Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKC).charAt(0);
        }
        return 0;
    }
}
