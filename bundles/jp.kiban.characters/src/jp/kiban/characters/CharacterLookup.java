package jp.kiban.characters;

import java.util.List;

/**
 * The 文字コード照会 at name entry: find a character of the repertoire by reading or by code.
 * <ul>
 * <li>By code: {@code U+845B}, {@code 845B}, {@code U+845B U+E0102} or {@code 845B_E0102} (the IVD
 * notation): that base and all its variants in the font, the asked sequence first. A code the font
 * does not have gives no candidates.</li>
 * <li>By character: typing 葛 gives 葛 and its variants.</li>
 * <li>By reading: hiragana or katakana (ず/づ and じ/ぢ are not told apart): characters with that 音読み
 * or 訓読み, exact matches first, then readings that start with it; each base is followed by its IVS
 * variants. Readings come from Unihan (kJapaneseOn, kJapaneseKun), which lists 訓読み with their
 * okurigana (たかい for 高), so the prefix match finds 高 from たか.</li>
 * </ul>
 * Only characters the repertoire covers are returned. Ordered by match, then strokes, then code.
 */
public interface CharacterLookup {

    /** Maximum {@code limit} of {@link #search}. */
    int MAX_RESULTS = 500;

    /**
     * @param query what the clerk typed (blank gives nothing)
     * @param limit 1 to {@value #MAX_RESULTS} candidates
     */
    List<CharacterCandidate> search(String query, int limit);

    /** The candidate for one name character (its readings), if the repertoire covers it. */
    java.util.Optional<CharacterCandidate> describe(String nameCharacter);
}
