package jp.kiban.addressee.impl.csv;

import jp.kiban.core.csv.Csv;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jp.kiban.addressee.AddresseeException;
import jp.kiban.addressee.TownCsvProblem;
import jp.kiban.addressee.TownEntry;
import jp.kiban.core.DomainException;
import jp.kiban.core.address.PostalCode;

/**
 * The 住所辞書 CSV layout (documented on {@code TownDictionary}): reading checks every line and
 * collects every problem; writing produces what reading accepts.
 */
public final class TownCsvFile {

    public static final List<String> COLUMNS = List.of("code", "name", "kana", "postal_code", "municipality");
    private static final List<String> REQUIRED = COLUMNS.subList(0, 4);

    /** An entry and the line it was read from. */
    public record Line(int line, TownEntry entry) {
    }

    /** The entries of a file without problems, or the problems (then {@code lines} is empty). */
    public record Result(List<Line> lines, List<TownCsvProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private TownCsvFile() {
    }

    public static Result read(byte[] bytes) {
        String text;
        try {
            text = Csv.decodeUtf8(bytes);
        } catch (Csv.NotUtf8Exception e) {
            return refused(List.of(problem(e.line(), "", new AddresseeException("csv.notUtf8"))));
        }
        Csv.Parsed parsed = Csv.parse(text);
        List<TownCsvProblem> problems = new ArrayList<>();
        parsed.problems().forEach(p -> problems.add(problem(p.line(), "", new AddresseeException(p.code()))));
        List<Csv.Row> rows = parsed.rows();
        if (rows.isEmpty() || rows.get(0).line() != 1 || !isHeader(rows.get(0).fields())) {
            problems.add(0, problem(1, "", new AddresseeException("csv.header")));
            return refused(sorted(problems));
        }
        int columns = rows.get(0).fields().size();
        Map<String, Integer> firstLineOfCode = new HashMap<>();
        List<Line> lines = new ArrayList<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            List<String> f = row.fields();
            if (f.size() != columns) {
                problems.add(problem(row.line(), "", new AddresseeException("csv.columnCount", f.size(), columns)));
                continue;
            }
            int before = problems.size();
            String code = check(problems, row.line(), "code", () -> TownEntry.checkCode(f.get(0)));
            String name = check(problems, row.line(), "name", () -> TownEntry.checkName(f.get(1)));
            String kana = check(problems, row.line(), "kana", () -> TownEntry.readingKey(f.get(2)));
            Optional<PostalCode> postal = check(problems, row.line(), "postal_code",
                    () -> f.get(3).isBlank() ? Optional.<PostalCode>empty() : Optional.of(PostalCode.of(f.get(3))));
            Optional<String> municipality = columns < 5 ? Optional.empty()
                    : check(problems, row.line(), "municipality", () -> TownEntry.checkMunicipality(f.get(4)));
            if (code != null) {
                Integer first = firstLineOfCode.putIfAbsent(code, row.line());
                if (first != null) {
                    problems.add(problem(row.line(), "code", new AddresseeException("csv.duplicateCode", first)));
                }
            }
            if (problems.size() == before) {
                lines.add(new Line(row.line(), new TownEntry(code, name, kana, postal, municipality)));
            }
        }
        if (problems.isEmpty() && lines.isEmpty()) {
            problems.add(problem(1, "", new AddresseeException("csv.noData")));
        }
        return problems.isEmpty() ? new Result(lines, List.of()) : refused(sorted(problems));
    }

    /** The file for these entries: BOM, five-column header, CR LF; in the order given. */
    public static byte[] write(List<TownEntry> entries) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append(Csv.format(COLUMNS)).append("\r\n");
        for (TownEntry e : entries) {
            sb.append(Csv.format(List.of(e.code(), e.name(), e.kana(), e.postalCode().map(PostalCode::format).orElse(""),
                    e.municipality().orElse("")))).append("\r\n");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static boolean isHeader(List<String> fields) {
        List<String> names = fields.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        return names.equals(REQUIRED) || names.equals(COLUMNS);
    }

    private interface Check<T> {
        T get();
    }

    private static <T> T check(List<TownCsvProblem> problems, int line, String column, Check<T> check) {
        try {
            return check.get();
        } catch (DomainException e) {
            problems.add(problem(line, column, e));
            return null;
        }
    }

    private static TownCsvProblem problem(int line, String column, DomainException reason) {
        return new TownCsvProblem(line, column, reason);
    }

    private static List<TownCsvProblem> sorted(List<TownCsvProblem> problems) {
        List<TownCsvProblem> copy = new ArrayList<>(problems);
        copy.sort((a, b) -> Integer.compare(a.line(), b.line())); // stable: columns keep their order
        return copy;
    }

    private static Result refused(List<TownCsvProblem> problems) {
        return new Result(List.of(), problems);
    }
}
