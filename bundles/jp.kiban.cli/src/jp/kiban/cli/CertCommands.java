package jp.kiban.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;

import jp.kiban.cli.KibanCli.OutputOptions;
import jp.kiban.cli.KibanCli.Root;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.forms.CertificateService;
import jp.kiban.forms.IssueHistory;
import jp.kiban.forms.IssueRecord;
import jp.kiban.forms.IssuedCertificate;
import jp.kiban.forms.ResidentCopyOptions;
import jp.kiban.forms.StatedItem;
import jp.kiban.forms.StatedItemsOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kiban cli cert …}: certificates to PDF files, and the 交付履歴. */
final class CertCommands {
    private CertCommands() {
    }

    @Command(name = "cert", mixinStandardHelpOptions = true,
            description = { "Certificates (証明書) as PDF files, issued with a unique 発行番号 and recorded in the 交付履歴.",
                    "Issued by the system operator. A person under a 支援措置 (support measure) is always refused, and"
                            + " so is a household certificate that lists one; every refusal is logged and recorded." },
            subcommands = { ResidentCopyCommand.class, RemovedCopyCommand.class, StatedItemsCommand.class,
                    MoveOutCommand.class, HistoryCommand.class, DisposeCommand.class })
    static final class CertCommand implements Callable<Integer> {
        @ParentCommand
        Root root;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(root.cli.err);
            root.cli.err.println();
            root.cli.err.println("error: a cert command is required (resident, removed, stated, move-out, history)");
            return KibanCli.USAGE;
        }

        AddresseeNumber number(String text, String option) {
            try {
                return AddresseeNumber.of(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), option + " " + text + ": " + e.getMessage());
            }
        }

        LocalDate date(String text, String option) {
            try {
                return text == null ? null : LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        option + " " + text + ": not a date (YYYY-MM-DD)");
            }
        }
    }

    /** Options shared by the certificates that list a person or household members. */
    static final class Subject {
        @Option(names = "--person", required = true, paramLabel = "NUMBER", description = "The person's 宛名番号.")
        String person;
        @Option(names = "--household", description = "The person's household (世帯連記式), in the order the"
                + " specification fixes (世帯主, 配偶者, 子 …).")
        boolean household;
        @Option(names = "--member", paramLabel = "NUMBER", split = ",",
                description = "With --household: only these members (宛名番号, repeatable or comma-separated).")
        List<String> members = new ArrayList<>();
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The PDF file to write.")
        Path out;
    }

    /** The options of a 住民票の写し / 除票の写し. */
    static final class CopyItems {
        @Option(names = "--with-relationship", description = "Print 世帯主 and 続柄.")
        boolean relationship;
        @Option(names = "--with-domicile", description = "Print 本籍 and 筆頭者.")
        boolean domicile;
        @Option(names = "--with-resident-record-code", description = "Print the 住民票コード.")
        boolean residentRecordCode;
        @Option(names = "--with-individual-number", description = "Print the 個人番号.")
        boolean individualNumber;
        @Option(names = "--with-furigana", description = "Print the フリガナ in brackets after each name.")
        boolean furigana;
        @Option(names = "--without-residence-details", description = "For foreign residents: leave out 区分, 在留資格,"
                + " 在留期間, 満了日 and 在留カード等番号 (printed by default).")
        boolean withoutResidenceDetails;
        @Option(names = "--with-history", description = "Print every earlier change (履歴) of each person: dates,"
                + " 異動事由, previous addresses and names.")
        boolean history;

        ResidentCopyOptions options(CertCommand cert, Subject subject) {
            ResidentCopyOptions o = subject.household ? ResidentCopyOptions.wholeHousehold()
                    : ResidentCopyOptions.person();
            if (!subject.members.isEmpty()) {
                o = o.withMembers(subject.members.stream().map(m -> cert.number(m, "--member")).toList());
            }
            if (relationship) {
                o = o.withRelationship();
            }
            if (domicile) {
                o = o.withDomicile();
            }
            if (residentRecordCode) {
                o = o.withResidentRecordCode();
            }
            if (individualNumber) {
                o = o.withIndividualNumber();
            }
            if (furigana) {
                o = o.withFurigana();
            }
            if (withoutResidenceDetails) {
                o = o.withoutResidenceDetails();
            }
            if (history) {
                o = o.withHistory();
            }
            return o;
        }
    }

    /** Issues, writes the file and prints what was issued. */
    static int issue(CertCommand cert, OutputOptions output, String what, Path out,
            Function<CertificateService, IssuedCertificate> issue) {
        KibanCli cli = cert.root.cli;
        cert.root.environment();
        cli.operator(); // log in first (or the data-folder owner while no user exists)
        long start = System.nanoTime();
        IssuedCertificate issued = issue.apply(cli.services.get(CertificateService.class));
        long millis = (System.nanoTime() - start) / 1_000_000;
        write(out, issued.pdf());
        if (output.json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("issueNumber", issued.issueNumber());
            doc.put("file", out.toString());
            doc.put("pages", issued.pages());
            doc.put("bytes", issued.pdf().length);
            doc.put("millis", millis);
            cli.printJson(doc);
        } else {
            cli.out.println("Issued " + what + " 発行番号 " + issued.issueNumber() + ": " + out + " (" + issued.pages()
                    + " page(s), " + issued.pdf().length + " bytes, " + millis + " ms)");
        }
        return KibanCli.OK;
    }

    private static void write(Path out, byte[] pdf) {
        try {
            Path target = out.toAbsolutePath();
            Path tmp = Files.createTempFile(target.getParent(), ".cert", ".pdf");
            Files.write(tmp, pdf);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    @Command(name = "resident", mixinStandardHelpOptions = true,
            description = { "Issue a 住民票の写し of one person, or of the person's household (世帯連記式), as an A4"
                    + " PDF in IPAmj明朝 (names print with their exact glyph, base character + IVS).",
                    "世帯主・続柄, 本籍・筆頭者, 住民票コード and 個人番号 are left out unless asked for. Refused (nothing"
                            + " written) when the form font lacks a character of the record, and for a removed person"
                            + " (use 'cert removed').",
                    "Prints the 発行番号, the number of pages, the size and the time taken." })
    static final class ResidentCopyCommand implements Callable<Integer> {
        @ParentCommand
        CertCommand parent;
        @Mixin
        OutputOptions output;
        @Mixin
        Subject subject;
        @Mixin
        CopyItems items;

        @Override
        public Integer call() {
            AddresseeNumber number = parent.number(subject.person, "--person");
            ResidentCopyOptions options = items.options(parent, subject);
            return issue(parent, output, "住民票の写し", subject.out,
                    s -> s.residentCopy(parent.root.cli.operator(), number, options));
        }
    }

    @Command(name = "removed", mixinStandardHelpOptions = true,
            description = { "Issue a 住民票の除票の写し of a removed person (転出, 死亡 …): the last record with the"
                    + " 消除 date, the 消除 reason and, for a 転出, the 転出先.",
                    "With --household: the members removed by the same change (a household that moved out"
                            + " together); people still on the register are never listed with them. Refused for a"
                            + " person still on the register." })
    static final class RemovedCopyCommand implements Callable<Integer> {
        @ParentCommand
        CertCommand parent;
        @Mixin
        OutputOptions output;
        @Mixin
        Subject subject;
        @Mixin
        CopyItems items;

        @Override
        public Integer call() {
            AddresseeNumber number = parent.number(subject.person, "--person");
            ResidentCopyOptions options = items.options(parent, subject);
            return issue(parent, output, "住民票の除票の写し", subject.out,
                    s -> s.removedResidentCopy(parent.root.cli.operator(), number, options));
        }
    }

    @Command(name = "stated", mixinStandardHelpOptions = true,
            description = { "Issue a 住民票記載事項証明書 (住民票除票記載事項証明書 for a removed person): 氏名, 生年月日,"
                    + " 性別 and 住所 always, and only the items named with --item.",
                    "Items: RELATIONSHIP (世帯主・続柄), DOMICILE (本籍・筆頭者), BECAME_RESIDENT (住民となった日),"
                            + " ADDRESS_SINCE (住所を定めた日), NOTIFICATION (届出日・従前の住所), FURIGANA,"
                            + " RESIDENT_RECORD_CODE (住民票コード), INDIVIDUAL_NUMBER (個人番号)." })
    static final class StatedItemsCommand implements Callable<Integer> {
        @ParentCommand
        CertCommand parent;
        @Mixin
        OutputOptions output;
        @Mixin
        Subject subject;
        @Option(names = "--item", paramLabel = "ITEM", split = ",",
                description = "An item to prove besides 氏名, 生年月日, 性別 and 住所 (repeatable or comma-separated):"
                        + " ${COMPLETION-CANDIDATES}.")
        List<StatedItem> items = new ArrayList<>();

        @Override
        public Integer call() {
            AddresseeNumber number = parent.number(subject.person, "--person");
            List<AddresseeNumber> members = subject.members.stream().map(m -> parent.number(m, "--member")).toList();
            Set<StatedItem> chosen = items.isEmpty() ? Set.of() : EnumSet.copyOf(items);
            StatedItemsOptions options = new StatedItemsOptions(subject.household || !members.isEmpty(), members,
                    chosen);
            return issue(parent, output, "住民票記載事項証明書", subject.out,
                    s -> s.statedItems(parent.root.cli.operator(), number, options));
        }
    }

    @Command(name = "move-out", mixinStandardHelpOptions = true,
            description = { "Issue the 転出証明書 of a confirmed 転出 (国内転出): 転出先, 転出予定年月日, 届出日 and every"
                    + " person who moves with the same 届出 (氏名, 生年月日, 性別, 続柄, 本籍・筆頭者, 住民票コード, 個人番号).",
                    "Refused when the person's last confirmed change is not a 国内転出." })
    static final class MoveOutCommand implements Callable<Integer> {
        @ParentCommand
        CertCommand parent;
        @Mixin
        OutputOptions output;
        @Option(names = "--person", required = true, paramLabel = "NUMBER",
                description = "The 宛名番号 of any person moving out with the 届出.")
        String person;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The PDF file to write.")
        Path out;

        @Override
        public Integer call() {
            AddresseeNumber number = parent.number(person, "--person");
            return issue(parent, output, "転出証明書", out, s -> s.moveOutCertificate(parent.root.cli.operator(), number));
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = { "The 交付履歴: every certificate issued or refused, newest first, with who, when, which"
                    + " form, for whom (宛名番号), the 発行番号 and the items asked for.",
                    "Filter by a person (as the person asked for or as a member on the form) and/or a period." })
    static final class HistoryCommand implements Callable<Integer> {
        @ParentCommand
        CertCommand parent;
        @Mixin
        OutputOptions output;
        @Option(names = "--person", paramLabel = "NUMBER", description = "Only lines about this 宛名番号.")
        String person;
        @Option(names = "--from", paramLabel = "DATE", description = "First day (YYYY-MM-DD), inclusive.")
        String from;
        @Option(names = "--to", paramLabel = "DATE", description = "Last day (YYYY-MM-DD), inclusive.")
        String to;

        @Override
        public Integer call() {
            KibanCli cli = parent.root.cli;
            Optional<AddresseeNumber> who = Optional.ofNullable(person).map(p -> parent.number(p, "--person"));
            LocalDate first = parent.date(from, "--from");
            LocalDate last = parent.date(to, "--to");
            parent.root.environment();
            List<IssueRecord> lines = cli.services.get(IssueHistory.class).find(cli.operator(), who, first, last);
            if (output.json) {
                List<Map<String, Object>> list = new ArrayList<>();
                for (IssueRecord r : lines) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("at", r.at().toString());
                    m.put("operator", r.operatorId());
                    m.put("operatorName", r.operatorName());
                    m.put("terminal", r.terminal());
                    m.put("kind", r.kind().name());
                    m.put("kindLabel", r.kind().label());
                    m.put("person", r.requestedFor().value());
                    m.put("persons", r.persons().stream().map(AddresseeNumber::value).toList());
                    m.put("issueNumber", r.issueNumber().orElse(null));
                    m.put("pages", r.pages());
                    m.put("items", r.items());
                    m.put("individualNumber", r.individualNumber());
                    m.put("refused", r.refusal().orElse(null));
                    m.put("disposedAt", r.disposal().map(d -> d.at().toString()).orElse(null));
                    m.put("disposedBy", r.disposal().map(IssueRecord.Disposal::operatorId).orElse(null));
                    m.put("disposalNote", r.disposal().map(IssueRecord.Disposal::note).orElse(null));
                    list.add(m);
                }
                cli.printJson(Map.of("count", lines.size(), "history", list));
            } else {
                cli.out.printf("%-19s  %-10s %-8s %-11s %-24s %s%n", "AT", "OPERATOR", "NUMBER", "PERSON", "FORM",
                        "ITEMS / RESULT");
                for (IssueRecord r : lines) {
                    cli.out.printf("%-19s  %-10s %-8s %-11s %-24s %s%n",
                            r.at().atZone(ZoneId.systemDefault()).toLocalDateTime().withNano(0).toString().replace('T', ' '),
                            r.operatorId(), r.issueNumber().orElse("-"), r.requestedFor().value(), r.kind().label(),
                            r.refusal().map(code -> "REFUSED " + code).orElse(r.items() + " (" + r.persons().size()
                                    + " person(s), " + r.pages() + " page(s))")
                                    + r.disposal().map(d -> " DISPOSED by " + d.operatorId() + ": " + d.note()).orElse(""));
                }
                cli.out.println(lines.size() + " line(s)");
            }
            return KibanCli.OK;
        }
    }

    @Command(name = "dispose", mixinStandardHelpOptions = true,
            description = "Record that an issued certificate was issued by mistake and destroyed (処分情報 in the"
                    + " 交付履歴). The line stays, marked with who, when and why.")
    static final class DisposeCommand implements Callable<Integer> {
        @ParentCommand
        CertCommand parent;
        @Mixin
        OutputOptions output;
        @Option(names = "--number", required = true, paramLabel = "NUMBER", description = "The 発行番号 (8 digits).")
        String number;
        @Option(names = "--note", required = true, paramLabel = "TEXT", description = "Why it was destroyed.")
        String note;

        @Override
        public Integer call() {
            KibanCli cli = parent.root.cli;
            parent.root.environment();
            cli.services.get(IssueHistory.class).dispose(cli.operator(), number, note);
            if (output.json) {
                cli.printJson(Map.of("issueNumber", number, "disposed", true));
            } else {
                cli.out.println("Certificate " + number + " recorded as disposed of");
            }
            return KibanCli.OK;
        }
    }
}
