package jp.kiban.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import jp.kiban.cli.KibanCli.OutputOptions;
import jp.kiban.spec.ClaimProblem;
import jp.kiban.spec.ConformanceReport;
import jp.kiban.spec.ModuleConformance;
import jp.kiban.spec.ModuleStatus;
import jp.kiban.spec.SpecFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code kiban cli spec report|modules}: the whitelist and what the installation conforms to. */
final class SpecCommands {
    private SpecCommands() {
    }

    @Command(name = "spec", mixinStandardHelpOptions = true,
            description = { "The specification catalogue (標準仕様書 whitelist) and the conformance of the installed modules.",
                    "Every Kiban bundle declares the catalogue functions it implements (manifest header Kiban-Spec-Functions);",
                    "a bundle that claims nothing, a function outside the catalogue or a must-not function is refused at start." },
            subcommands = { ReportCommand.class, ModulesCommand.class })
    static final class SpecCommand extends GroupCommand {
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = { "Conformance report: per business every must function and the module providing it, or MISSING;",
                    "the optional functions installed; every refused module and why.",
                    "Exit status 1 when a module was refused." })
    static final class ReportCommand implements Callable<Integer> {
        @ParentCommand
        SpecCommand parent;
        @Mixin
        OutputOptions output;
        @Option(names = "--csv", description = "Print CSV (RFC 4180, UTF-8): business,function,section,title,tier,status,modules,reason.")
        boolean csv;
        @Option(names = "--japanese", description = "Text report in Japanese (for the town's files) instead of English.")
        boolean japanese;
        @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
        Path out;

        @Override
        public Integer call() throws IOException {
            KibanCli cli = parent.root.cli;
            ConformanceReport report = cli.services.get(ModuleConformance.class).report();
            if (output.json) {
                cli.printJson(json(report));
            } else {
                String text = csv ? report.toCsv() : report.toText(japanese ? Locale.JAPANESE : Locale.ROOT);
                if (out == null) {
                    cli.out.print(text);
                    cli.out.flush();
                } else {
                    Files.writeString(out, text, StandardCharsets.UTF_8);
                    cli.out.println("Report written to " + out.toAbsolutePath() + " (" + report.rows().size() + " functions, "
                            + report.refusedModules().size() + " refused modules)");
                }
            }
            return report.refusedModules().isEmpty() ? KibanCli.OK : KibanCli.FAILED;
        }

        private static Map<String, Object> json(ConformanceReport report) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("functions", report.rows().stream().map(r -> {
                SpecFunction f = r.function();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("business", r.business().id());
                m.put("id", f.id());
                m.put("section", f.section());
                m.put("title", f.title());
                m.put("tier", f.tier().code());
                m.put("status", r.status().name());
                m.put("modules", r.modules());
                return m;
            }).toList());
            doc.put("refused", report.refusedModules().stream().map(SpecCommands::moduleJson).toList());
            return doc;
        }
    }

    @Command(name = "modules", mixinStandardHelpOptions = true,
            description = "Every installed Kiban module with the functions it claims, accepted or refused (and why).")
    static final class ModulesCommand implements Callable<Integer> {
        @ParentCommand
        SpecCommand parent;
        @Mixin
        OutputOptions output;

        @Override
        public Integer call() {
            KibanCli cli = parent.root.cli;
            List<ModuleStatus> modules = cli.services.get(ModuleConformance.class).modules();
            if (output.json) {
                cli.printJson(Map.of("modules", modules.stream().map(SpecCommands::moduleJson).toList()));
            } else {
                for (ModuleStatus m : modules) {
                    cli.out.printf("%-8s %-32s %-22s %s%n", m.refused() ? "REFUSED" : "ok", m.symbolicName(), m.version(),
                            String.join(", ", m.claims()));
                    for (ClaimProblem p : m.problems()) {
                        cli.out.println("         - " + p.message());
                    }
                }
            }
            return modules.stream().anyMatch(ModuleStatus::refused) ? KibanCli.FAILED : KibanCli.OK;
        }
    }

    static Map<String, Object> moduleJson(ModuleStatus m) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("module", m.symbolicName());
        doc.put("version", m.version());
        doc.put("claims", m.claims());
        doc.put("refused", m.refused());
        doc.put("reasons", m.problems().stream().map(p -> Map.of("code", p.code().name(), "message", p.message(),
                "messageJa", p.message(Locale.JAPANESE))).toList());
        return doc;
    }
}
