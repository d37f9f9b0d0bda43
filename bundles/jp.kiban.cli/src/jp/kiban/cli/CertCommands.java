package jp.kiban.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import jp.kiban.cli.KibanCli.OutputOptions;
import jp.kiban.cli.KibanCli.Root;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.forms.CertificateService;
import jp.kiban.forms.IssuedCertificate;
import jp.kiban.forms.ResidentCopyOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kiban cli cert …}: certificates to PDF files. */
final class CertCommands {
    private CertCommands() {
    }

    @Command(name = "cert", mixinStandardHelpOptions = true,
            description = "Certificates (証明書) as PDF files, issued with a unique 発行番号.",
            subcommands = { ResidentCopyCommand.class })
    static final class CertCommand implements Callable<Integer> {
        @ParentCommand
        Root root;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(root.cli.err);
            root.cli.err.println();
            root.cli.err.println("error: a cert command is required (resident)");
            return KibanCli.USAGE;
        }
    }

    @Command(name = "resident", mixinStandardHelpOptions = true,
            description = { "Issue a 住民票の写し of one person, or of the person's whole household (世帯連記式), as an A4"
                    + " PDF in IPAmj明朝 (names print with their exact glyph, base character + IVS).",
                    "続柄, 本籍・筆頭者, 住民票コード and 個人番号 are left out unless asked for. Issued by the system operator;"
                            + " refused (nothing written) when the form font lacks a character of the record.",
                    "Prints the 発行番号, the number of pages, the size and the time taken." })
    static final class ResidentCopyCommand implements Callable<Integer> {
        @ParentCommand
        CertCommand parent;
        @Mixin
        OutputOptions output;
        @Option(names = "--person", required = true, paramLabel = "NUMBER", description = "The person's 宛名番号.")
        String person;
        @Option(names = "--household", description = "Every member of the person's household (世帯連記式), 世帯主 first.")
        boolean household;
        @Option(names = "--with-relationship", description = "Print 続柄.")
        boolean relationship;
        @Option(names = "--with-domicile", description = "Print 本籍 and 筆頭者.")
        boolean domicile;
        @Option(names = "--with-resident-record-code", description = "Print the 住民票コード.")
        boolean residentRecordCode;
        @Option(names = "--with-individual-number", description = "Print the 個人番号.")
        boolean individualNumber;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The PDF file to write.")
        Path out;

        @Override
        public Integer call() {
            KibanCli cli = parent.root.cli;
            parent.root.environment();
            cli.operator(); // log in first (or the data-folder owner while no user exists)
            AddresseeNumber number;
            try {
                number = AddresseeNumber.of(person);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(parent.spec.commandLine(), person + ": " + e.getMessage());
            }
            ResidentCopyOptions options = household ? ResidentCopyOptions.wholeHousehold() : ResidentCopyOptions.person();
            if (relationship) {
                options = options.withRelationship();
            }
            if (domicile) {
                options = options.withDomicile();
            }
            if (residentRecordCode) {
                options = options.withResidentRecordCode();
            }
            if (individualNumber) {
                options = options.withIndividualNumber();
            }
            long start = System.nanoTime();
            IssuedCertificate cert = cli.services.get(CertificateService.class).residentCopy(cli.operator(), number,
                    options);
            long millis = (System.nanoTime() - start) / 1_000_000;
            write(cert.pdf());
            if (output.json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("issueNumber", cert.issueNumber());
                doc.put("file", out.toString());
                doc.put("pages", cert.pages());
                doc.put("bytes", cert.pdf().length);
                doc.put("millis", millis);
                cli.printJson(doc);
            } else {
                cli.out.println("Issued 住民票の写し 発行番号 " + cert.issueNumber() + ": " + out + " (" + cert.pages()
                        + " page(s), " + cert.pdf().length + " bytes, " + millis + " ms)");
            }
            return KibanCli.OK;
        }

        private void write(byte[] pdf) {
            try {
                Path target = out.toAbsolutePath();
                Path tmp = Files.createTempFile(target.getParent(), ".cert", ".pdf");
                Files.write(tmp, pdf);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot write " + out + ": " + e.getMessage(), e);
            }
        }
    }
}
