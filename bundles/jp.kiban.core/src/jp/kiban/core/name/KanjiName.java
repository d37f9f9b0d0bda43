package jp.kiban.core.name;

import jp.kiban.core.CounterInput;
import jp.kiban.core.DomainException;
import jp.kiban.core.DomainException.Label;

/**
 * 氏名 as registered: family name (氏) and given name (名, may be empty, e.g. for some foreign
 * residents). Text is kept exactly as given (after trimming): in particular no Unicode
 * normalisation, which would replace CJK compatibility ideographs and so change the registered
 * character.
 * <p>
 * Allowed: ideographs (incl. extension planes, compatibility ideographs, 〆, 〇), 々, 〻,
 * hiragana, full-width katakana, ー, ・, Latin letters (ASCII or full-width), each optionally
 * followed by variation selectors (IVS/SVS). Refused: blank family name, white space inside a part
 * (U+3000 is the separator of {@link #fullName()}), half-width katakana, digits, symbols, control
 * and private-use characters (外字 must be mapped to standard or IVS characters first), CJK
 * radicals, and a variation selector with no base character.
 *
 * @param family 氏, never blank
 * @param given  名, possibly empty, never null
 */
public record KanjiName(String family, String given) {

    /** Maximum length of each part in name characters. */
    public static final int MAX_PART_LENGTH = 50;

    private static final Label FAMILY = new Label("familyName");
    private static final Label GIVEN = new Label("givenName");

    public KanjiName {
        family = part(family, FAMILY, true);
        given = part(given, GIVEN, false);
    }

    public static KanjiName of(String family, String given) {
        return new KanjiName(family, given);
    }

    /** Splits a full name at the first (half- or full-width) space: 山田　太郎. */
    public static KanjiName parse(String fullName) {
        String text = CounterInput.requireText(fullName, FAMILY);
        int space = 0;
        while (space < text.length() && !CounterInput.isSpace(text.charAt(space))) {
            space++;
        }
        return new KanjiName(text.substring(0, space), space < text.length() ? text.substring(space + 1) : "");
    }

    /** 氏 and 名 joined by a full-width space, or only 氏 if there is no 名. */
    public String fullName() {
        return given.isEmpty() ? family : family + CounterInput.FULL_WIDTH_SPACE + given;
    }

    /** Length of 氏 plus 名 in name characters, without the separator. */
    public int length() {
        return NameCharacters.count(family) + NameCharacters.count(given);
    }

    @Override
    public String toString() {
        return fullName();
    }

    private static String part(String input, Label label, boolean required) {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            if (required) {
                throw new DomainException("input.blank", label);
            }
            return "";
        }
        int position = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int cp = text.codePointAt(i);
            if (NameCharacters.isVariationSelector(cp)) {
                if (position == 0) {
                    throw new DomainException("name.orphanSelector", label, CounterInput.describe(cp));
                }
                continue;
            }
            position++;
            if (cp >= 0xFF61 && cp <= 0xFF9F) {
                throw new DomainException("name.halfWidthKana", label, CounterInput.describe(cp), position);
            }
            if (!allowed(cp)) {
                throw new DomainException("input.character", label, CounterInput.describe(cp), position);
            }
        }
        if (position > MAX_PART_LENGTH) {
            throw new DomainException("name.tooLong", label, MAX_PART_LENGTH, position);
        }
        return text;
    }

    private static boolean allowed(int cp) {
        return Character.isIdeographic(cp) || cp == '々' || cp == '〻'
                || (cp >= 0x3041 && cp <= 0x3096) || cp == 'ゝ' || cp == 'ゞ'
                || (cp >= 0x30A1 && cp <= 0x30FE) || (cp >= 0x31F0 && cp <= 0x31FF)
                || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z')
                || (cp >= 'Ａ' && cp <= 'Ｚ') || (cp >= 'ａ' && cp <= 'ｚ');
    }
}
