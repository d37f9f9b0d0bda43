package jp.kiban.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import jp.kiban.addressee.BusinessCode;
import jp.kiban.addressee.LabelRun;
import jp.kiban.cli.KibanCli.OutputOptions;
import jp.kiban.cli.KibanCli.Root;
import jp.kiban.core.DomainException;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.forms.LabelCharacterException;
import jp.kiban.forms.LabelDocument;
import jp.kiban.forms.LabelLayout;
import jp.kiban.forms.LabelOptions;
import jp.kiban.forms.LabelProgress;
import jp.kiban.forms.LabelService;
import jp.kiban.forms.LabelWriting;
import jp.kiban.resident.Household;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentRegistry;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kiban cli labels …}: 宛名ラベル and 長3 envelope blocks to a PDF file. */
final class LabelCommands {
    private LabelCommands() {
    }

    /** Exactly one source of addressees. */
    static final class Source {
        @Option(names = "--persons", paramLabel = "FILE",
                description = "宛名番号, one per line (or the first column of a CSV line); blank lines and lines"
                        + " starting with # are skipped; '-' reads standard input.")
        Path persons;
        @Option(names = "--household", paramLabel = "NUMBER", description = "Every current member of this 世帯番号.")
        String household;
        @Option(names = "--all-current", description = "Everybody on the register today (not removed residents).")
        boolean allCurrent;
    }

    @Command(name = "labels", mixinStandardHelpOptions = true, sortOptions = false,
            description = { "Print 宛名ラベル to a PDF file: A4 label sheets of 12 (2×6, 86.4×42.3 mm, e.g. エーワン 31531)"
                    + " or 24 (3×8, 70.0×33.9 mm, e.g. エーワン 72224) labels, or 長3 window-envelope address blocks"
                    + " (one per A4 page, folded in three).",
                    "Sorted by 郵便番号, then address, then name; 〒 and postal code, address, 方書, 送付先, name + 様,"
                            + " the 宛名番号 small. Names print with their exact glyph (IPAmj明朝, base + IVS).",
                    "Writing: the town's setting labels.writing (horizontal/vertical) unless --vertical or --horizontal"
                            + " is given. Calibration: labels.offset.<layout>.x/.y in mm in kiban.properties; print"
                            + " with --outline on plain paper to check it.",
                    "Refused, with nothing written, when the form font lacks a character (every addressee concerned"
                            + " is named). Addressees without a label (unknown, no address) are listed." },
            footer = { "", "Exit codes: 0 labels written, 1 failure (nothing written), 2 wrong usage." })
    static final class LabelsCommand implements Callable<Integer> {
        @ParentCommand
        Root root;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        OutputOptions output;
        @Option(names = "--layout", required = true, paramLabel = "12|24|naga3",
                description = "12 or 24 labels per A4 sheet, or naga3 (長3 window envelope, one per page).")
        String layout;
        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;
        @Option(names = "--vertical", description = "縦書き (label sheets only).")
        boolean vertical;
        @Option(names = "--horizontal", description = "横書き, whatever the town's setting.")
        boolean horizontal;
        @Option(names = "--business", paramLabel = "CODE", defaultValue = "resident",
                description = "Whose 送付先 replace the registered address (default ${DEFAULT-VALUE}).")
        String business;
        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Addresses as of this day (default today).")
        String date;
        @Option(names = "--start", paramLabel = "N", defaultValue = "1",
                description = "First label position on the first sheet, row by row (to use up a partly used sheet).")
        int start;
        @Option(names = "--outline", description = "Draw the label outlines (test print on plain paper for calibration).")
        boolean outline;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The PDF file to write.")
        Path out;

        @Override
        public Integer call() {
            KibanCli cli = root.cli;
            root.environment();
            LabelLayout paper = LabelLayout.byId(layout).orElseThrow(() -> usage("--layout " + layout
                    + ": use 12, 24 or naga3"));
            if (vertical && horizontal) {
                throw usage("--vertical and --horizontal exclude each other");
            }
            if (vertical && paper.envelope()) {
                throw usage("--vertical: a 長3 window envelope block is written horizontally (the window is landscape)");
            }
            LabelOptions options;
            try {
                options = LabelOptions.of(paper).withBusiness(BusinessCode.of(business)).withStartPosition(start)
                        .withOutlines(outline);
                if (date != null) {
                    options = options.withDay(LocalDate.parse(date));
                }
            } catch (DomainException e) {
                throw usage(e.getMessage());
            } catch (DateTimeParseException e) {
                throw usage("--date " + date + ": use YYYY-MM-DD");
            }
            if (vertical) {
                options = options.withWriting(LabelWriting.VERTICAL);
            } else if (horizontal) {
                options = options.withWriting(LabelWriting.HORIZONTAL);
            }
            List<AddresseeNumber> numbers = numbers(cli);
            long startNanos = System.nanoTime();
            LabelDocument doc;
            try {
                doc = cli.services.get(LabelService.class).labels(cli.operator(), numbers, options,
                        progress(cli));
            } catch (LabelCharacterException e) {
                if (!output.json) {
                    cli.err.println();
                }
                for (LabelCharacterException.Problem p : e.problems()) {
                    cli.err.println("  " + p.number().value() + " " + p.name() + ": character " + p.character() + " ("
                            + p.codes() + ") is not in the form font");
                }
                throw e;
            }
            long millis = (System.nanoTime() - startNanos) / 1_000_000;
            if (!output.json) {
                cli.err.print("\r");
            }
            if (doc.labels() > 0) {
                write(doc.pdf());
            }
            if (output.json) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("file", doc.labels() > 0 ? out.toString() : null);
                json.put("layout", doc.layout().id());
                json.put("writing", doc.writing().id());
                json.put("requested", numbers.size());
                json.put("labels", doc.labels());
                json.put("pages", doc.pages());
                json.put("bytes", doc.pdf().length);
                json.put("millis", millis);
                List<Map<String, Object>> missing = new ArrayList<>();
                for (LabelRun.Missing m : doc.missing()) {
                    missing.add(Map.of("number", m.number().value(), "reason", m.reason().name()));
                }
                json.put("missing", missing);
                cli.printJson(json);
            } else {
                for (LabelRun.Missing m : doc.missing()) {
                    cli.err.println("no label: " + m.number().value() + " ("
                            + (m.reason() == LabelRun.Reason.UNKNOWN_PERSON ? "unknown addressee" : "no address")
                            + ")");
                }
                if (doc.labels() > 0) {
                    cli.out.printf(Locale.ROOT, "Wrote %d label(s) on %d page(s) (%s, %s) to %s (%d bytes, %d ms)%n",
                            doc.labels(), doc.pages(), doc.layout().id(), doc.writing().id(), out, doc.pdf().length,
                            millis);
                }
            }
            if (doc.labels() == 0) {
                if (!output.json) {
                    cli.err.println("error: none of the " + numbers.size() + " addressee(s) has a label; nothing written");
                }
                return KibanCli.FAILED;
            }
            return KibanCli.OK;
        }

        private LabelProgress progress(KibanCli cli) {
            return new LabelProgress() {
                private long shown;

                @Override
                public void progress(Phase phase, int done, int total) {
                    long now = System.nanoTime();
                    if (output.json || (now - shown < 200_000_000L && done < total)) {
                        return;
                    }
                    shown = now;
                    cli.err.printf(Locale.ROOT, "\r%-6s %d / %d   ", phase.name().toLowerCase(Locale.ROOT), done, total);
                }

                @Override
                public boolean cancelled() {
                    return Thread.currentThread().isInterrupted();
                }
            };
        }

        private List<AddresseeNumber> numbers(KibanCli cli) {
            ResidentRegistry registry = cli.services.get(ResidentRegistry.class);
            List<AddresseeNumber> numbers = new ArrayList<>();
            if (source.allCurrent) {
                registry.exportCurrent(cli.operator(), false, r -> numbers.add(r.addresseeNumber()));
            } else if (source.household != null) {
                HouseholdNumber h;
                try {
                    h = HouseholdNumber.of(source.household);
                } catch (RuntimeException e) {
                    throw usage("--household " + source.household + ": " + e.getMessage());
                }
                Household household = registry.household(cli.operator(), h);
                household.members().stream().map(ResidentRecord::addresseeNumber).forEach(numbers::add);
                if (numbers.isEmpty()) {
                    throw new IllegalStateException("No current member in household " + source.household);
                }
            } else {
                numbers.addAll(readPersons(cli));
            }
            if (numbers.isEmpty()) {
                throw new IllegalStateException("No addressees to print");
            }
            return numbers;
        }

        private List<AddresseeNumber> readPersons(KibanCli cli) {
            List<String> lines;
            String name = source.persons.toString();
            try {
                byte[] bytes = "-".equals(name) ? System.in.readAllBytes() : Files.readAllBytes(source.persons);
                lines = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString()
                        .lines().toList();
            } catch (NoSuchFileException e) {
                throw usage("--persons " + name + ": no such file");
            } catch (CharacterCodingException e) {
                throw usage("--persons " + name + ": not UTF-8 text");
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + name + ": " + e.getMessage(), e);
            }
            List<AddresseeNumber> numbers = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).replace("\uFEFF", "").strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String first = line.split(",", 2)[0].replace("\"", "").strip();
                try {
                    numbers.add(AddresseeNumber.of(first));
                } catch (RuntimeException e) {
                    if (numbers.isEmpty() && !first.chars().allMatch(Character::isDigit)) {
                        continue; // a CSV header line
                    }
                    throw usage("--persons " + name + " line " + (i + 1) + ": '" + first + "' is not a 宛名番号 ("
                            + e.getMessage() + ")");
                }
            }
            return numbers;
        }

        private CommandLine.ParameterException usage(String message) {
            return new CommandLine.ParameterException(spec.commandLine(), message);
        }

        private void write(byte[] pdf) {
            try {
                Path target = out.toAbsolutePath();
                Path tmp = Files.createTempFile(target.getParent(), ".labels", ".pdf");
                try {
                    Files.write(tmp, pdf);
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot write " + out + ": " + e.getMessage(), e);
            }
        }
    }
}
