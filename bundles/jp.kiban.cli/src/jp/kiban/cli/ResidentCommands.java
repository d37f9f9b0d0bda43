package jp.kiban.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import jp.kiban.addressee.TownDictionary;
import jp.kiban.characters.CharacterRepertoire;
import jp.kiban.characters.GaijiTable;
import jp.kiban.addressee.TownImportMode;
import jp.kiban.addressee.TownImportResult;
import jp.kiban.cli.KibanCli.OutputOptions;
import jp.kiban.cli.KibanCli.Root;
import jp.kiban.cli.csv.ResidentCsv;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;
import jp.kiban.resident.ChangeResult;
import jp.kiban.resident.ResidentChanges;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kiban cli resident …} and {@code kiban cli town …}: imports, exports and history for administrators. */
final class ResidentCommands {
    private ResidentCommands() {
    }

    static byte[] readFile(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("No such file: " + file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static Municipality town(KibanCli cli) {
        return cli.services.get(MunicipalityService.class).current().orElseThrow(() -> new IllegalStateException(
                "No municipality configured: run 'kiban cli municipality set --code ... --name ...' first"));
    }

    @Command(name = "resident", mixinStandardHelpOptions = true,
            description = "The resident register (住民記録): CSV import and export, a person's history, 支援措置.",
            subcommands = { ImportCommand.class, ExportCommand.class, HistoryCommand.class,
                    SupportCommands.SupportCommand.class })
    static final class ResidentCommand extends GroupCommand {
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = { "Import residents from a CSV file (UTF-8, header line, one line per person, households by the"
                    + " 'household' column). Each household is recorded as one 転入 (国内転入 with the 転出証明書 data when"
                    + " from_town_code is given, else 国外転入), confirmed at once by the system operator.",
                    "All or nothing: every bad line is reported with its line number and nothing is imported.",
                    "Names (family_name, given_name, domicile_head) go through the 外字 table first (see 'gaiji'): a"
                            + " private use character without an entry, or a character outside the repertoire"
                            + " (IPAmj明朝), refuses its line with the code points.",
                    "Columns: household,relationship,family_name,given_name,furigana,birth_date,sex,type,alphabet_name,"
                            + "nationality,residence_status,period_of_stay,stay_expires_on,card_number,individual_number,"
                            + "resident_record_code,town,lot,building,postal_code,moved_in_on,notified_on,previous_address,"
                            + "from_town_code,domicile,domicile_head",
                    "See docs/admin-guide.md for each column." })
    static final class ImportCommand implements Callable<Integer> {
        @ParentCommand
        ResidentCommand parent;
        @Mixin
        OutputOptions output;
        @Parameters(paramLabel = "FILE", description = "The CSV file.")
        Path file;

        @Override
        public Integer call() {
            KibanCli cli = parent.root.cli;
            parent.root.environment();
            cli.operator(); // log in first (or the data-folder owner while no user exists)
            Municipality town = town(cli);
            String text;
            try {
                text = jp.kiban.core.csv.Csv.decodeUtf8(readFile(file));
            } catch (jp.kiban.core.csv.Csv.NotUtf8Exception e) {
                // e.g. a Shift_JIS export from an old system: refuse rather than import garbled names
                report(cli, List.of("line " + e.line() + ": the file is not UTF-8 (Shift_JIS?); save it as UTF-8 and try again"));
                return KibanCli.FAILED;
            }
            NameFilter names = new NameFilter(cli.services.get(GaijiTable.class), cli.services.get(CharacterRepertoire.class));
            ResidentCsv.Read read = ResidentCsv.read(text, town, names);
            if (!read.problems().isEmpty()) {
                report(cli, read.problems().stream().map(ResidentCsv.Problem::toString).toList());
                return KibanCli.FAILED;
            }
            List<ChangeResult> results = cli.services.get(ResidentChanges.class).applyAll(cli.operator(),
                    read.moveIns());
            int persons = results.stream().mapToInt(r -> r.persons().size()).sum();
            if (output.json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("households", results.size());
                doc.put("persons", persons);
                doc.put("gaijiReplaced", names.replaced());
                cli.printJson(doc);
            } else {
                cli.out.println("Imported " + persons + " persons in " + results.size() + " households from " + file
                        + (names.replaced() == 0 ? "" : " (" + names.replaced() + " 外字 replaced by the 外字 table)"));
            }
            return KibanCli.OK;
        }

        private void report(KibanCli cli, List<String> problems) {
            reportNothingImported(cli, output.json, file, problems);
        }
    }

    /** An all-or-nothing import that was refused: every problem, on stderr and (with --json) as JSON. */
    static void reportNothingImported(KibanCli cli, boolean json, Path file, List<String> problems) {
        String summary = "nothing imported: " + problems.size() + " problem(s) in " + file;
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("error", summary);
            doc.put("problems", problems);
            cli.printJson(doc);
        }
        cli.err.println("error: " + summary);
        problems.forEach(p -> cli.err.println("  " + p));
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = { "Export the current register to CSV in the import layout (UTF-8 with BOM, CR LF), one line per"
                    + " person, households together. Needs the administrator; every export is reported to the access log"
                    + " hook.", "The 個人番号 column is filled only for operators who may see it (the system operator may)." })
    static final class ExportCommand implements Callable<Integer> {
        @ParentCommand
        ResidentCommand parent;
        @Mixin
        OutputOptions output;
        @Parameters(paramLabel = "FILE", description = "The CSV file to write; '-' for standard output.")
        String file;
        @Option(names = "--include-removed", description = "Also persons removed from the register (除票).")
        boolean includeRemoved;

        @Override
        public Integer call() throws IOException {
            KibanCli cli = parent.root.cli;
            parent.root.environment();
            cli.operator(); // log in first (or the data-folder owner while no user exists)
            ResidentRegistry registry = cli.services.get(ResidentRegistry.class);
            boolean toStdout = file.equals("-");
            Path target = toStdout ? null : Path.of(file);
            Path temp = toStdout ? null : Files.createTempFile(target.toAbsolutePath().getParent(), ".kiban-export", ".csv");
            int[] count = new int[1];
            try (OutputStream raw = toStdout ? new java.io.FilterOutputStream(cli.out) {
                @Override
                public void close() throws IOException {
                    flush(); // never close standard output
                }
            } : Files.newOutputStream(temp);
                    java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(raw, StandardCharsets.UTF_8))) {
                w.write('\uFEFF');
                w.write(jp.kiban.core.csv.Csv.format(ResidentCsv.COLUMNS));
                w.write("\r\n");
                count[0] = registry.exportCurrent(cli.operator(), includeRemoved, r -> {
                    try {
                        w.write(jp.kiban.core.csv.Csv.format(ResidentCsv.line(r, r.householdNumber().value(),
                                r.moveOutCertificate().map(c -> c.issuedBy().value()).orElse(""))));
                        w.write("\r\n");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            } catch (RuntimeException | IOException e) {
                if (temp != null) {
                    Files.deleteIfExists(temp); // a half-written export is never left behind
                }
                throw e;
            }
            if (!toStdout) {
                Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            if (output.json && !toStdout) {
                cli.printJson(Map.of("persons", count[0], "file", target.toString()));
            } else {
                cli.err.println("Exported " + count[0] + " persons" + (toStdout ? "" : " to " + target));
            }
            return KibanCli.OK;
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "Show every confirmed snapshot (履歴) of one person: 履歴番号, 異動事由, dates, operator.")
    static final class HistoryCommand implements Callable<Integer> {
        @ParentCommand
        ResidentCommand parent;
        @Mixin
        OutputOptions output;
        @Parameters(paramLabel = "NUMBER", description = "The person's 宛名番号 (check digit verified).")
        String number;

        @Override
        public Integer call() {
            KibanCli cli = parent.root.cli;
            parent.root.environment();
            cli.operator(); // log in first (or the data-folder owner while no user exists)
            AddresseeNumber n;
            try {
                n = AddresseeNumber.of(number);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(parent.spec.commandLine(), number + ": " + e.getMessage());
            }
            List<ResidentRecord> history = cli.services.get(ResidentRegistry.class).history(cli.operator(), n);
            if (history.isEmpty()) {
                throw new IllegalStateException("No person with 宛名番号 " + n.value() + " on the register");
            }
            if (output.json) {
                List<Map<String, Object>> list = new ArrayList<>();
                for (ResidentRecord r : history) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("historyNumber", r.historyNumber());
                    m.put("reason", r.change().reason().name());
                    m.put("reasonLabel", r.change().reason().label());
                    m.put("changeDate", r.change().changeDate().toString());
                    m.put("notificationDate", r.change().notificationDate().map(Object::toString).orElse(null));
                    m.put("processedOn", r.change().processedOn().toString());
                    m.put("operator", r.change().operatorId());
                    m.put("changeId", r.change().changeId().toString());
                    m.put("name", r.person().name().fullName());
                    m.put("status", r.status().name());
                    m.put("household", r.householdNumber().value());
                    m.put("relationship", r.relationship().label());
                    m.put("address", r.address().format());
                    list.add(m);
                }
                cli.printJson(Map.of("addresseeNumber", n.value(), "history", list));
            } else {
                cli.out.println(history.get(history.size() - 1).person().name().fullName() + "  宛名番号 " + n.value());
                cli.out.printf("%4s  %-8s %-10s %-10s %-10s %-10s %s%n", "NO", "REASON", "CHANGED", "NOTIFIED",
                        "PROCESSED", "OPERATOR", "ADDRESS / HOUSEHOLD");
                for (ResidentRecord r : history) {
                    cli.out.printf("%4d  %-8s %-10s %-10s %-10s %-10s %s  %s %s%n", r.historyNumber(),
                            r.change().reason().label(), r.change().changeDate(),
                            r.change().notificationDate().map(Object::toString).orElse("-"), r.change().processedOn(),
                            r.change().operatorId(), r.address().format(), r.householdNumber().value(),
                            r.relationship().label());
                }
            }
            return KibanCli.OK;
        }
    }

    @Command(name = "town", mixinStandardHelpOptions = true,
            description = "The town dictionary (住所辞書: 町字 with codes, readings and postal codes): CSV import and export.",
            subcommands = { TownImportCommand.class, TownExportCommand.class })
    static final class TownCommand extends GroupCommand {
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = { "Import the 住所辞書 from CSV: header code,name,kana,postal_code[,municipality]; UTF-8.",
                    "All or nothing: every bad line is reported with its line number and nothing is imported." })
    static final class TownImportCommand implements Callable<Integer> {
        @ParentCommand
        TownCommand parent;
        @Mixin
        OutputOptions output;
        @Parameters(paramLabel = "FILE", description = "The CSV file.")
        Path file;
        @Option(names = "--replace", description = "The file becomes the whole dictionary (entries not in it are removed)."
                + " Default: add or update by code.")
        boolean replace;

        @Override
        public Integer call() throws IOException {
            KibanCli cli = parent.root.cli;
            parent.root.environment();
            cli.operator(); // log in first (or the data-folder owner while no user exists)
            TownImportResult r;
            try (InputStream in = new java.io.ByteArrayInputStream(readFile(file))) {
                r = cli.services.get(TownDictionary.class).importCsv(cli.operator(), in,
                        replace ? TownImportMode.REPLACE : TownImportMode.ADD_OR_UPDATE);
            }
            if (!r.applied()) {
                reportNothingImported(cli, output.json, file, r.problems().stream().map(p -> p.message()).toList());
                return KibanCli.FAILED;
            }
            if (output.json) {
                cli.printJson(Map.of("added", r.added(), "updated", r.updated(), "unchanged", r.unchanged(), "removed",
                        r.removed()));
            } else {
                cli.out.printf("住所辞書: %d added, %d updated, %d unchanged, %d removed%n", r.added(), r.updated(),
                        r.unchanged(), r.removed());
            }
            return KibanCli.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export the 住所辞書 as CSV (UTF-8 with BOM, CR LF), importable again.")
    static final class TownExportCommand implements Callable<Integer> {
        @ParentCommand
        TownCommand parent;
        @Parameters(paramLabel = "FILE", description = "The CSV file to write; '-' for standard output.")
        String file;

        @Override
        public Integer call() throws IOException {
            KibanCli cli = parent.root.cli;
            parent.root.environment();
            cli.operator(); // log in first (or the data-folder owner while no user exists)
            TownDictionary dictionary = cli.services.get(TownDictionary.class);
            if (file.equals("-")) {
                dictionary.exportCsv(cli.out);
                cli.out.flush();
            } else {
                try (OutputStream out = Files.newOutputStream(Path.of(file))) {
                    dictionary.exportCsv(out);
                }
                cli.err.println("Wrote " + dictionary.all().size() + " entries to " + file);
            }
            return KibanCli.OK;
        }
    }

    static Optional<String> none() {
        return Optional.empty();
    }
}
