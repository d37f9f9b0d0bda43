package jp.kiban.characters;

import java.util.List;

import jp.kiban.core.name.NameCharacterPolicy;

/**
 * One answer of the 文字コード照会: a name character of the repertoire with what is known about its base.
 *
 * @param character   the name character (base, or base + IVS)
 * @param onReadings  音読み in katakana (from Unihan kJapaneseOn), possibly empty
 * @param kunReadings 訓読み in hiragana (from Unihan kJapaneseKun), possibly empty
 * @param strokes     total strokes of the base (Unihan kTotalStrokes), 0 if unknown
 */
public record CharacterCandidate(String character, List<String> onReadings, List<String> kunReadings, int strokes) {

    public CharacterCandidate {
        onReadings = List.copyOf(onReadings);
        kunReadings = List.copyOf(kunReadings);
    }

    /** Code points as {@code U+845B U+E0102}. */
    public String codes() {
        return NameCharacterPolicy.codes(character);
    }

    /** True if this is a base + variation selector sequence. */
    public boolean isVariant() {
        return character.codePointCount(0, character.length()) > 1;
    }

    /** The readings for display: 音 in katakana, then 訓 in hiragana, separated by "・". */
    public String readings() {
        StringBuilder b = new StringBuilder();
        for (String r : onReadings) {
            b.append(b.isEmpty() ? "" : "・").append(r);
        }
        for (String r : kunReadings) {
            b.append(b.isEmpty() ? "" : "・").append(r);
        }
        return b.toString();
    }
}
