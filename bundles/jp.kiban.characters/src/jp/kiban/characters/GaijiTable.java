package jp.kiban.characters;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

import jp.kiban.platform.Operator;

/**
 * The 外字 table for migration (文字同定): which standard character (Unicode base, with an IVS where the
 * glyph needs it) each 外字 of the old system stands for. Old systems export their 外字 as Private Use
 * Area code points; {@link #apply} replaces them in imported names, and {@link #apply} reports the
 * ones with no entry so that they are identified before the import, not stored.
 *
 * <h2>CSV layout (import and export)</h2>
 * <ul>
 * <li>UTF-8 (BOM allowed), RFC 4180, header line exactly {@code legacy_code,unicode,note}.</li>
 * <li>{@code legacy_code}: a Private Use Area code point {@code U+E000}–{@code U+F8FF} (or in the
 * supplementary private use planes, {@code U+F0000}–{@code U+10FFFD}), or a Shift_JIS user-defined
 * code {@code SJIS:F040}–{@code SJIS:F9FC}, which stands for the code point Windows-31J decodes it to
 * (F040 → U+E000, the 1,880 codes of rows 95–114 in order). Unique in the file by code point.</li>
 * <li>{@code unicode}: the standard character, as code points ({@code U+845B U+E0102}, also
 * {@code 845B_E0102}) or as the character itself: exactly one name character (a base and at most
 * one variation selector), which must be allowed in a name and covered by the repertoire
 * ({@link CharacterRepertoire}), so a mapped name can always be registered and printed.</li>
 * <li>{@code note}: free text (e.g. the MJ文字図形名 or who identified it), at most 200 characters.</li>
 * <li>All or nothing: every bad line is reported with its line number and nothing is changed.
 * Needs {@code Permission.ADMINISTER}.</li>
 * <li>Export writes a BOM, CR LF and the code-point notation, ordered by legacy code point; it
 * imports back to the same table.</li>
 * </ul>
 */
public interface GaijiTable {

    /** Every entry, ordered by legacy code point. */
    List<GaijiMapping> all();

    /** The entry for a legacy (Private Use Area) code point. */
    Optional<GaijiMapping> find(int legacyCodePoint);

    /**
     * Imports a CSV file (see the class comment).
     *
     * @param replace true: the file becomes the whole table; false: add or update by code point
     * @throws CharacterException {@code permission.administer} if the operator may not
     */
    GaijiImportResult importCsv(Operator operator, InputStream csv, boolean replace) throws IOException;

    /** Writes the whole table as CSV; the stream is not closed. */
    void exportCsv(OutputStream out) throws IOException;

    /**
     * Replaces every mapped 外字 in {@code text} by its standard character and lists the private use
     * code points left without an entry (each once, in order of appearance).
     */
    GaijiApplied apply(String text);

    /** True for a code point of a Private Use Area (BMP U+E000–U+F8FF, planes 15 and 16). */
    static boolean isPrivateUse(int cp) {
        return (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xF0000 && cp <= 0xFFFFD) || (cp >= 0x100000 && cp <= 0x10FFFD);
    }
}
