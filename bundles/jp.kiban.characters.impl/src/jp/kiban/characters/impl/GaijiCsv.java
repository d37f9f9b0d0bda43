package jp.kiban.characters.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kiban.characters.CharacterRepertoire;
import jp.kiban.characters.GaijiMapping;
import jp.kiban.characters.GaijiTable;
import jp.kiban.core.CounterInput;
import jp.kiban.core.DomainException;
import jp.kiban.core.csv.Csv;
import jp.kiban.core.name.KanjiName;
import jp.kiban.core.name.NameCharacterPolicy;
import jp.kiban.core.name.NameCharacters;

/** Reading the 外字 table's CSV layout (see {@link GaijiTable}): every bad line reported, in line order. */
public final class GaijiCsv {

    public static final List<String> COLUMNS = List.of("legacy_code", "unicode", "note");
    static final int MAX_NOTE = 200;

    private static final Pattern UNICODE = Pattern.compile("(?i)U\\+([0-9A-F]{4,6})");
    private static final Pattern SJIS = Pattern.compile("(?i)SJIS:([0-9A-F]{4})");
    private static final Pattern CODES = Pattern.compile("(?i)(?:U\\+)?([0-9A-F]{4,6})(?:[\\s_]+(?:U\\+)?([0-9A-F]{4,6}))?");

    private GaijiCsv() {
    }

    /** What was read: the entries (when there are no problems) and every problem as {@code line N: …}. */
    public record Read(List<GaijiMapping> mappings, List<String> problems) {
    }

    public static Read read(String text, CharacterRepertoire repertoire) {
        List<String> problems = new ArrayList<>();
        Csv.Parsed parsed = Csv.parse(text);
        parsed.problems().forEach(p -> problems.add("line " + p.line() + ": malformed CSV (" + p.code() + ")"));
        List<Csv.Row> rows = parsed.rows().stream().filter(r -> !(r.fields().size() == 1 && r.fields().get(0).isBlank()))
                .toList();
        if (rows.isEmpty()) {
            problems.add("line 1: the file is empty: the header line " + String.join(",", COLUMNS) + " is required");
            return new Read(List.of(), problems);
        }
        Csv.Row header = rows.get(0);
        if (!header.fields().stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList().equals(COLUMNS)) {
            problems.add("line " + header.line() + ": the header must be exactly: " + String.join(",", COLUMNS));
            return new Read(List.of(), problems);
        }
        List<GaijiMapping> mappings = new ArrayList<>();
        Map<Integer, Integer> lineOf = new HashMap<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            if (row.fields().size() != COLUMNS.size()) {
                problems.add("line " + row.line() + ": expected " + COLUMNS.size() + " fields, found " + row.fields().size());
                continue;
            }
            try {
                GaijiMapping m = mapping(row.fields().get(0), row.fields().get(1), row.fields().get(2), repertoire);
                Integer earlier = lineOf.putIfAbsent(m.legacyCodePoint(), row.line());
                if (earlier != null) {
                    problems.add("line " + row.line() + ": " + String.format("U+%04X", m.legacyCodePoint())
                            + " is already mapped on line " + earlier);
                    continue;
                }
                mappings.add(m);
            } catch (IllegalArgumentException e) {
                problems.add("line " + row.line() + ": " + e.getMessage());
            }
        }
        if (problems.isEmpty() && mappings.isEmpty()) {
            problems.add("line " + header.line() + ": the file has no data lines");
        }
        return problems.isEmpty() ? new Read(mappings, List.of()) : new Read(List.of(), problems);
    }

    /** One entry from its three fields; refuses with an English message. */
    static GaijiMapping mapping(String legacy, String unicode, String note, CharacterRepertoire repertoire) {
        String code = CounterInput.toHalfWidth(legacy).strip();
        int legacyCp;
        String legacyCode;
        Matcher u = UNICODE.matcher(code);
        Matcher s = SJIS.matcher(code);
        if (u.matches()) {
            legacyCp = Integer.parseInt(u.group(1), 16);
            if (!GaijiTable.isPrivateUse(legacyCp)) {
                throw new IllegalArgumentException("legacy_code " + code + " is not a Private Use Area code point"
                        + " (U+E000-U+F8FF, U+F0000-U+10FFFD)");
            }
            legacyCode = String.format("U+%04X", legacyCp);
        } else if (s.matches()) {
            int sjis = Integer.parseInt(s.group(1), 16);
            legacyCp = sjisUserDefined(sjis).orElseThrow(() -> new IllegalArgumentException("legacy_code " + code
                    + " is not a Shift_JIS user-defined code (SJIS:F040-SJIS:F9FC, second byte 40-7E or 80-FC)"));
            legacyCode = String.format("SJIS:%04X", sjis);
        } else {
            throw new IllegalArgumentException("legacy_code '" + legacy + "' must be U+E000-U+F8FF (or U+F0000-U+10FFFD)"
                    + " or SJIS:F040-SJIS:F9FC");
        }
        String target = target(unicode);
        if (target.isEmpty()) {
            throw new IllegalArgumentException("unicode is empty: give the standard character, e.g. U+845B U+E0102");
        }
        if (NameCharacters.count(target) != 1 || target.codePointCount(0, target.length()) > 2) {
            throw new IllegalArgumentException("unicode " + NameCharacterPolicy.codes(target)
                    + " must be one character: a base and at most one variation selector");
        }
        try {
            KanjiName.of(target, "");
        } catch (DomainException e) {
            throw new IllegalArgumentException("unicode " + NameCharacterPolicy.codes(target)
                    + " is not a character a name may hold (" + e.getMessage() + ")");
        }
        if (!repertoire.covers(target)) {
            throw new IllegalArgumentException("unicode " + NameCharacterPolicy.codes(target)
                    + " is not in the character repertoire (" + repertoire.source() + ")");
        }
        String n = note == null ? "" : note.strip();
        if (n.length() > MAX_NOTE) {
            throw new IllegalArgumentException("note is longer than " + MAX_NOTE + " characters");
        }
        return new GaijiMapping(legacyCp, legacyCode, target, n);
    }

    /** The standard character from code points ({@code U+845B U+E0102}, {@code 845B_E0102}) or the character itself. */
    static String target(String field) {
        String f = field == null ? "" : field.strip();
        Matcher m = CODES.matcher(CounterInput.toHalfWidth(f));
        if (m.matches() && (f.length() >= 4)) {
            StringBuilder b = new StringBuilder();
            for (int g = 1; g <= 2; g++) {
                if (m.group(g) != null) {
                    int cp = Integer.parseInt(m.group(g), 16);
                    if (!Character.isValidCodePoint(cp)) {
                        throw new IllegalArgumentException("unicode " + m.group(g) + " is not a code point");
                    }
                    b.appendCodePoint(cp);
                }
            }
            return b.toString();
        }
        return f;
    }

    /**
     * The code point Windows-31J gives a Shift_JIS user-defined code: rows 95–114 (lead bytes
     * F0–F9, 188 cells each, second byte 40–7E and 80–FC) are U+E000–U+E757 in order.
     */
    static Optional<Integer> sjisUserDefined(int code) {
        int lead = code >> 8;
        int trail = code & 0xFF;
        if (lead < 0xF0 || lead > 0xF9 || trail < 0x40 || trail > 0xFC || trail == 0x7F) {
            return Optional.empty();
        }
        return Optional.of(0xE000 + (lead - 0xF0) * 188 + (trail < 0x7F ? trail - 0x40 : trail - 0x41));
    }

    /** One line of the export. */
    static String line(GaijiMapping m) {
        return Csv.format(List.of(m.legacyCode(), m.codes(), m.note()));
    }
}
