package jp.kiban.addressee;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

import jp.kiban.platform.Operator;

/**
 * The town's 住所辞書: its 町字 with their own codes, readings and postal codes, for address
 * entry at the counter.
 *
 * <h2>CSV layout (import and export)</h2>
 * <ul>
 * <li>UTF-8, with or without a byte order mark; RFC 4180: fields separated by commas, a field that
 * holds a comma, a double quote or a line break is enclosed in double quotes, a double quote inside
 * it is doubled. Lines end with CR LF or LF. Empty lines are ignored.</li>
 * <li>The first line is the header, required, exactly {@code code,name,kana,postal_code} or
 * {@code code,name,kana,postal_code,municipality} (case and blanks around names ignored).</li>
 * <li>{@code code}: 町字コード, 1–12 ASCII letters or digits, unique in the file.
 * {@code name}: 町字名 (e.g. 大字上野, 一丁目), at most 50 characters, no spaces.
 * {@code kana}: its reading in katakana or hiragana (stored as full-width katakana without spaces).
 * {@code postal_code}: 1234567 or 123-4567, or empty. {@code municipality}: optional 市区町村.</li>
 * <li>Import is all or nothing: one bad line and nothing is imported; every bad line is reported
 * with its line number ({@link TownImportResult#problems()}). A file with no data lines is refused.</li>
 * <li>Export writes the five-column header, a BOM (so that Excel opens it as UTF-8) and CR LF, ordered
 * by code; the export of a dictionary imports back to the same dictionary.</li>
 * </ul>
 */
public interface TownDictionary {

    /** Maximum {@code limit} of {@link #complete}. */
    int MAX_COMPLETIONS = 100;

    /**
     * Entries whose name or reading starts with the typed text (hiragana, half-width kana and
     * spaces in the text are handled as for a reading), ordered by reading, then code.
     *
     * @param limit 1 to {@value #MAX_COMPLETIONS}
     */
    List<TownEntry> complete(String typed, int limit);

    Optional<TownEntry> find(String code);

    /** Every entry, ordered by code. */
    List<TownEntry> all();

    /**
     * Imports a CSV file (see the class comment). Needs {@code Permission.ADMINISTER}.
     *
     * @throws AddresseeException {@code permission.administer} if the operator may not
     * @throws IOException        if the stream cannot be read
     */
    TownImportResult importCsv(Operator operator, InputStream csv, TownImportMode mode) throws IOException;

    /** Writes the whole dictionary as CSV (see the class comment); the stream is not closed. */
    void exportCsv(OutputStream out) throws IOException;
}
