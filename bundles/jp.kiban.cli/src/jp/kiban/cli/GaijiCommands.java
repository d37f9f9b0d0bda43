package jp.kiban.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import jp.kiban.characters.CharacterRepertoire;
import jp.kiban.characters.GaijiImportResult;
import jp.kiban.characters.GaijiMapping;
import jp.kiban.characters.GaijiTable;
import jp.kiban.cli.KibanCli.OutputOptions;
import jp.kiban.cli.csv.ResidentCsv;
import jp.kiban.core.csv.Csv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code kiban cli gaiji …}: the 外字 table for migration. */
final class GaijiCommands {
    private GaijiCommands() {
    }

    @Command(name = "gaiji", mixinStandardHelpOptions = true,
            description = { "The 外字 table for migration: which standard character (Unicode base [+ IVS]) each 外字 of"
                    + " the old system (a Private Use Area code point, or a Shift_JIS user-defined code) stands for.",
                    "'resident import' applies it to every name; 'gaiji check' lists what is still unmapped." },
            subcommands = { ImportCommand.class, ExportCommand.class, ListCommand.class, CheckCommand.class })
    static final class GaijiCommand extends GroupCommand {
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = { "Import the 外字 table from CSV (UTF-8): header legacy_code,unicode,note.",
                    "legacy_code: U+E000-U+F8FF (or U+F0000-U+10FFFD), or SJIS:F040-SJIS:F9FC (the code point"
                            + " Windows-31J decodes it to, F040 = U+E000).",
                    "unicode: U+845B U+E0102, 845B_E0102 or the character itself: one base and at most one variation"
                            + " selector, covered by the font of record (IPAmj明朝). note: free text, 200 characters.",
                    "All or nothing: every bad line is reported with its line number and nothing is imported." })
    static final class ImportCommand implements Callable<Integer> {
        @ParentCommand
        GaijiCommand parent;
        @Mixin
        OutputOptions output;
        @Parameters(paramLabel = "FILE", description = "The CSV file.")
        Path file;
        @Option(names = "--replace", description = "The file becomes the whole table (entries not in it are removed)."
                + " Default: add or update by legacy code point.")
        boolean replace;

        @Override
        public Integer call() throws IOException {
            KibanCli cli = parent.root.cli;
            parent.root.environment();
            GaijiImportResult r;
            try (InputStream in = new java.io.ByteArrayInputStream(ResidentCommands.readFile(file))) {
                r = cli.services.get(GaijiTable.class).importCsv(cli.operator(), in, replace);
            }
            if (!r.applied()) {
                ResidentCommands.reportNothingImported(cli, output.json, file, r.problems());
                return KibanCli.FAILED;
            }
            if (output.json) {
                cli.printJson(Map.of("added", r.added(), "updated", r.updated(), "unchanged", r.unchanged(), "removed",
                        r.removed()));
            } else {
                cli.out.printf("外字 table: %d added, %d updated, %d unchanged, %d removed%n", r.added(), r.updated(),
                        r.unchanged(), r.removed());
            }
            return KibanCli.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export the 外字 table as CSV (UTF-8 with BOM, CR LF, code-point notation), importable again.")
    static final class ExportCommand implements Callable<Integer> {
        @ParentCommand
        GaijiCommand parent;
        @Parameters(paramLabel = "FILE", description = "The CSV file to write; '-' for standard output.")
        String file;

        @Override
        public Integer call() throws IOException {
            KibanCli cli = parent.root.cli;
            parent.root.environment();
            GaijiTable table = cli.services.get(GaijiTable.class);
            if (file.equals("-")) {
                table.exportCsv(cli.out);
                cli.out.flush();
            } else {
                try (OutputStream out = Files.newOutputStream(Path.of(file))) {
                    table.exportCsv(out);
                }
                cli.err.println("Wrote " + table.all().size() + " entries to " + file);
            }
            return KibanCli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the 外字 table: legacy code, the standard character and its code points, the note.")
    static final class ListCommand implements Callable<Integer> {
        @ParentCommand
        GaijiCommand parent;
        @Mixin
        OutputOptions output;

        @Override
        public Integer call() {
            KibanCli cli = parent.root.cli;
            parent.root.environment();
            List<GaijiMapping> all = cli.services.get(GaijiTable.class).all();
            if (output.json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (GaijiMapping m : all) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("legacyCode", m.legacyCode());
                    row.put("legacyCodePoint", String.format("U+%04X", m.legacyCodePoint()));
                    row.put("character", m.character());
                    row.put("unicode", m.codes());
                    row.put("note", m.note());
                    rows.add(row);
                }
                cli.printJson(Map.of("entries", rows));
            } else {
                for (GaijiMapping m : all) {
                    String pua = String.format("U+%04X", m.legacyCodePoint());
                    cli.out.printf("%-10s %-8s -> %s  %s%s%n", m.legacyCode(), m.legacyCode().equals(pua) ? "" : pua,
                            m.character(), m.codes(), m.note().isEmpty() ? "" : "  " + m.note());
                }
                cli.out.println(all.size() + " entries");
            }
            return KibanCli.OK;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = { "Check a file before importing it: every 外字 (private use character) without an entry in the"
                    + " 外字 table and every character outside the repertoire (IPAmj明朝), by line and column, with code points.",
                    "A resident import file (its header) is checked in its name columns (family_name, given_name,"
                            + " domicile_head); any other CSV file in every field. Nothing is stored.",
                    "Exit code 0 when everything maps, 1 when something does not." })
    static final class CheckCommand implements Callable<Integer> {
        @ParentCommand
        GaijiCommand parent;
        @Mixin
        OutputOptions output;
        @Parameters(paramLabel = "FILE", description = "The CSV file (UTF-8).")
        Path file;

        @Override
        public Integer call() {
            KibanCli cli = parent.root.cli;
            parent.root.environment();
            String text;
            try {
                text = Csv.decodeUtf8(ResidentCommands.readFile(file));
            } catch (Csv.NotUtf8Exception e) {
                cli.err.println("error: line " + e.line() + ": the file is not UTF-8 (Shift_JIS?); save it as UTF-8");
                return KibanCli.FAILED;
            }
            NameFilter filter = new NameFilter(cli.services.get(GaijiTable.class),
                    cli.services.get(CharacterRepertoire.class));
            Csv.Parsed parsed = Csv.parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
            List<Map<String, Object>> problems = new ArrayList<>();
            List<String> header = parsed.rows().isEmpty() ? List.of()
                    : parsed.rows().get(0).fields().stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
            boolean residentFile = header.equals(ResidentCsv.COLUMNS);
            int lines = 0;
            for (Csv.Row row : parsed.rows()) {
                if (row.line() == parsed.rows().get(0).line() && residentFile) {
                    continue;
                }
                lines++;
                for (int i = 0; i < row.fields().size(); i++) {
                    String column = i < header.size() && !header.get(i).isEmpty() ? header.get(i) : "#" + (i + 1);
                    if (residentFile && !ResidentCsv.NAME_COLUMNS.contains(column)) {
                        continue;
                    }
                    try {
                        filter.apply(row.fields().get(i));
                    } catch (IllegalArgumentException e) {
                        Map<String, Object> p = new LinkedHashMap<>();
                        p.put("line", row.line());
                        p.put("column", column);
                        p.put("message", e.getMessage());
                        problems.add(p);
                    }
                }
            }
            parsed.problems().forEach(p -> problems.add(Map.of("line", p.line(), "column", "",
                    "message", "malformed CSV (" + p.code() + ")")));
            if (output.json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("lines", lines);
                doc.put("replaced", filter.replaced());
                doc.put("problems", problems);
                cli.printJson(doc);
            } else {
                for (Map<String, Object> p : problems) {
                    cli.out.println("line " + p.get("line") + ", column " + p.get("column") + ": " + p.get("message"));
                }
                cli.out.printf("%d lines checked, %d 外字 would be replaced, %d problem(s)%n", lines, filter.replaced(),
                        problems.size());
            }
            return problems.isEmpty() ? KibanCli.OK : KibanCli.FAILED;
        }
    }
}
