package jp.kiban.characters;

import jp.kiban.core.name.NameCharacterPolicy;

/**
 * One entry of the 外字 table.
 *
 * @param legacyCodePoint the Private Use Area code point the old system's data holds
 * @param legacyCode      the code as the table names it: {@code U+E000} or {@code SJIS:F040}
 * @param character       the standard name character (base, or base + IVS)
 * @param note            free text, possibly empty
 */
public record GaijiMapping(int legacyCodePoint, String legacyCode, String character, String note) {

    /** The standard character's code points, {@code U+845B U+E0102}. */
    public String codes() {
        return NameCharacterPolicy.codes(character);
    }
}
