package jp.kiban.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import jp.kiban.persistence.Database;
import jp.kiban.persistence.MigrationInfo;
import jp.kiban.persistence.SchemaMigrations;
import jp.kiban.core.DomainException;
import jp.kiban.core.id.LocalGovernmentCode;
import jp.kiban.demo.DemoTown;
import jp.kiban.platform.KibanEnvironment;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Kiban's headless command line: {@code kiban cli [--data DIR] <command> [--json]}. Messages are in
 * English (for administrators' scripts and logs); {@code --json} prints one JSON document on stdout.
 * Exit codes: 0 success, 1 failure, 2 wrong usage.
 */
public final class KibanCli {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    final Services services;
    final PrintStream out;
    final PrintStream err;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public KibanCli(Services services, PrintStream out, PrintStream err) {
        this.services = services;
        this.out = out;
        this.err = err;
    }

    public int run(String... args) {
        CommandLine cl = new CommandLine(new Root(this));
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean asJson = java.util.Arrays.asList(args).contains("--json");
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            if (asJson) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("error", message);
                printJson(doc);
            }
            err.println("error: " + message);
            return FAILED;
        });
        return cl.execute(args);
    }

    void printJson(Object doc) {
        try {
            out.println(json.writeValueAsString(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** {@code --json}, on every command that prints something. */
    static final class OutputOptions {
        @Option(names = "--json", description = "Print one JSON document on stdout instead of text.")
        boolean json;
    }

    @Command(name = "kiban cli", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Kiban (基盤) administration command line. Runs on the same bundles as the desk client.",
            subcommands = { VersionCommand.class, DbCommand.class, MunicipalityCommand.class, DemoCommand.class,
                    ResidentCommands.ResidentCommand.class, ResidentCommands.TownCommand.class, GaijiCommands.GaijiCommand.class,
                    CertCommands.CertCommand.class, LabelCommands.LabelsCommand.class,
                    CommandLine.HelpCommand.class },
            footer = { "", "The data folder is chosen by --data DIR, else KIBAN_DATA, else a per-user default.",
                    "Exit codes: 0 success, 1 failure, 2 wrong usage." })
    static final class Root implements Callable<Integer> {
        final KibanCli cli;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--data", paramLabel = "DIR",
                description = "Data folder (database, settings, logs). The kiban launcher passes it on to every bundle.")
        Path data;

        Root(KibanCli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            spec.commandLine().usage(cli.err);
            cli.err.println();
            cli.err.println("error: a command is required");
            return USAGE;
        }

        KibanEnvironment environment() {
            KibanEnvironment env = cli.services.get(KibanEnvironment.class);
            if (data != null && !data.toAbsolutePath().normalize().equals(env.dataLocation().root())) {
                throw new IllegalStateException("--data " + data + " differs from the data folder in use ("
                        + env.dataLocation().root() + "); start the CLI with the kiban launcher, which passes --data on");
            }
            return env;
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] { "Kiban command line" };
        }
    }

    @Command(name = "version", mixinStandardHelpOptions = true,
            description = "Print the Kiban version, the Java runtime and the data folder.")
    static final class VersionCommand implements Callable<Integer> {
        @ParentCommand
        Root root;
        @Mixin
        OutputOptions output;

        @Override
        public Integer call() {
            KibanEnvironment env = root.environment();
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("product", "Kiban");
            doc.put("version", env.productVersion());
            doc.put("java", Runtime.version().toString());
            doc.put("javaVendor", System.getProperty("java.vendor"));
            doc.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
            doc.put("dataFolder", env.dataLocation().root().toString());
            doc.put("dataFolderSource", env.dataLocation().source());
            if (output.json) {
                root.cli.printJson(doc);
            } else {
                PrintStream o = root.cli.out;
                o.println("Kiban " + doc.get("version"));
                o.println("Java        " + doc.get("java") + " (" + doc.get("javaVendor") + ")");
                o.println("OS          " + doc.get("os"));
                o.println("Data folder " + doc.get("dataFolder") + " (" + doc.get("dataFolderSource") + ")");
            }
            return OK;
        }
    }

    @Command(name = "db", mixinStandardHelpOptions = true,
            description = "Database: schema status and migrations, backup and verified restore.",
            subcommands = { DbStatusCommand.class, DbMigrateCommand.class, DbBackupCommands.BackupCommand.class,
                    DbBackupCommands.RestoreCommand.class })
    static final class DbCommand extends GroupCommand {
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show the database in use and every schema migration: applied, pending, changed or unknown."
                    + " Reads only.")
    static final class DbStatusCommand implements Callable<Integer> {
        @ParentCommand
        DbCommand db;
        @Mixin
        OutputOptions output;

        @Override
        public Integer call() {
            KibanCli cli = db.root.cli;
            db.root.environment();
            Database database = cli.services.get(Database.class);
            List<MigrationInfo> status = cli.services.get(SchemaMigrations.class).status();
            boolean upToDate = status.stream().allMatch(m -> m.state().acceptable());
            if (output.json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("database", databaseJson(database));
                doc.put("upToDate", upToDate);
                doc.put("migrations", migrationsJson(status));
                cli.printJson(doc);
            } else {
                cli.out.println("Database    " + database.dialect().displayName() + " " + database.displayUrl());
                cli.out.println("Schema      " + (upToDate ? "up to date"
                        : status.stream().filter(m -> !m.state().acceptable()).count()
                                + " migration(s) not applied: run 'kiban cli db migrate'"));
                printTable(cli.out, status);
            }
            return OK;
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Apply every pending schema migration (forward only), each in its own transaction.")
    static final class DbMigrateCommand implements Callable<Integer> {
        @ParentCommand
        DbCommand db;
        @Mixin
        OutputOptions output;

        @Override
        public Integer call() {
            KibanCli cli = db.root.cli;
            db.root.environment();
            Database database = cli.services.get(Database.class);
            List<MigrationInfo> applied = cli.services.get(SchemaMigrations.class).migrate();
            if (output.json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("database", databaseJson(database));
                doc.put("applied", migrationsJson(applied));
                cli.printJson(doc);
            } else {
                cli.out.println("Database    " + database.dialect().displayName() + " " + database.displayUrl());
                cli.out.println(applied.isEmpty() ? "Nothing to migrate: the schema is up to date."
                        : "Applied " + applied.size() + " migration(s):");
                printTable(cli.out, applied);
            }
            return OK;
        }
    }

    @Command(name = "municipality", mixinStandardHelpOptions = true,
            description = "The town or village this installation serves (code, name, mayor for 認証文).",
            subcommands = { MunicipalityShowCommand.class, MunicipalitySetCommand.class })
    static final class MunicipalityCommand extends GroupCommand {
    }

    static Map<String, Object> municipalityJson(Municipality m) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("code", m.code().value());
        doc.put("name", m.name());
        doc.put("mayorTitle", m.mayorTitle());
        doc.put("mayorName", m.mayorName());
        doc.put("demo", m.demo());
        return doc;
    }

    static void printMunicipality(PrintStream o, Municipality m) {
        o.println("Code        " + m.code().value() + (m.demo() ? " (demo)" : ""));
        o.println("Name        " + m.name());
        o.println("Mayor       " + (m.mayorTitle() + " " + m.mayorName()).strip());
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show the configured municipality.")
    static final class MunicipalityShowCommand implements Callable<Integer> {
        @ParentCommand
        MunicipalityCommand parent;
        @Mixin
        OutputOptions output;

        @Override
        public Integer call() {
            KibanCli cli = parent.root.cli;
            parent.root.environment();
            Optional<Municipality> m = cli.services.get(MunicipalityService.class).current();
            if (output.json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("configured", m.isPresent());
                m.ifPresent(x -> doc.put("municipality", municipalityJson(x)));
                cli.printJson(doc);
            } else if (m.isPresent()) {
                printMunicipality(cli.out, m.get());
            } else {
                cli.out.println("No municipality configured: use 'kiban cli municipality set --code ... --name ...'");
            }
            return OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Configure the municipality. The code is the 全国地方公共団体コード (5 digits, or 6 with the check"
                    + " digit, which is verified). Replaces the demo town.")
    static final class MunicipalitySetCommand implements Callable<Integer> {
        @ParentCommand
        MunicipalityCommand parent;
        @Mixin
        OutputOptions output;
        @Option(names = "--code", required = true, paramLabel = "CODE", description = "e.g. 131016 or 13101")
        String code;
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "e.g. 千代田区")
        String name;
        @Option(names = "--mayor-title", paramLabel = "TITLE", defaultValue = "", description = "e.g. 町長, 村長, 区長")
        String mayorTitle;
        @Option(names = "--mayor-name", paramLabel = "NAME", defaultValue = "", description = "首長の氏名")
        String mayorName;

        @Override
        public Integer call() {
            KibanCli cli = parent.root.cli;
            parent.root.environment();
            LocalGovernmentCode lgc;
            try {
                lgc = LocalGovernmentCode.of(code);
            } catch (DomainException e) {
                throw new CommandLine.ParameterException(parent.spec.commandLine(), "--code " + code + ": " + e.getMessage(), e,
                        null, code);
            }
            Municipality saved = cli.services.get(MunicipalityService.class)
                    .configure(new Municipality(lgc, name, mayorTitle, mayorName, false));
            if (output.json) {
                cli.printJson(Map.of("municipality", municipalityJson(saved)));
            } else {
                cli.out.println("Municipality configured:");
                printMunicipality(cli.out, saved);
            }
            return OK;
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true, description = "The generated demo town for trials, tests and benchmarks.",
            subcommands = { DemoGenerateCommand.class })
    static final class DemoCommand extends GroupCommand {
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Add a generated town (households, foreign residents, past 異動) to the register of the demo"
                    + " municipality (デモ町, set up if none is configured). Refused for a real municipality.")
    static final class DemoGenerateCommand implements Callable<Integer> {
        @ParentCommand
        DemoCommand parent;
        @Mixin
        OutputOptions output;
        @Option(names = "--residents", paramLabel = "N", defaultValue = "3000",
                description = "At least this many residents (default ${DEFAULT-VALUE}).")
        int residents;
        @Option(names = "--seed", paramLabel = "S", defaultValue = "20261123",
                description = "Random seed; the same seed gives the same town (default ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() {
            KibanCli cli = parent.root.cli;
            parent.root.environment();
            if (residents < 1 || residents > 1_000_000) {
                throw new CommandLine.ParameterException(parent.spec.commandLine(),
                        "--residents must be between 1 and 1000000, not " + residents);
            }
            MunicipalityService towns = cli.services.get(MunicipalityService.class);
            Optional<Municipality> town = towns.current();
            if (town.isPresent() && !town.get().demo()) {
                throw new IllegalStateException("The configured municipality " + town.get().name() + " ("
                        + town.get().code().value() + ") is a real town: demo residents are never added to it");
            }
            if (town.isEmpty()) {
                towns.configure(Municipality.demoTown());
            }
            DemoTown.Result r = cli.services.get(DemoTown.class).generate(residents, seed, (done, target) -> {
                if (!output.json) {
                    cli.err.printf("\r%d / %d residents", Math.min(done, target), target);
                }
            });
            if (output.json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("households", r.households());
                doc.put("persons", r.persons());
                doc.put("foreignResidents", r.foreignResidents());
                doc.put("changes", r.changes());
                doc.put("millis", r.millis());
                cli.printJson(doc);
            } else {
                cli.err.println();
                cli.out.printf("Generated %d persons in %d households (%d foreign residents), %d changes, in %.1f s%n",
                        r.persons(), r.households(), r.foreignResidents(), r.changes(), r.millis() / 1000.0);
            }
            return OK;
        }
    }

    static Map<String, Object> databaseJson(Database d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", d.dialect().displayName());
        m.put("url", d.displayUrl());
        m.put("embedded", d.embedded());
        return m;
    }

    static List<Map<String, Object>> migrationsJson(List<MigrationInfo> list) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (MigrationInfo mi : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("module", mi.module());
            m.put("version", mi.version());
            m.put("description", mi.description());
            m.put("state", mi.state().name());
            m.put("appliedAt", mi.appliedAt() == null ? null : mi.appliedAt().toString());
            out.add(m);
        }
        return out;
    }

    static void printTable(PrintStream o, List<MigrationInfo> list) {
        if (list.isEmpty()) {
            return;
        }
        o.printf("%-12s %7s  %-8s %-24s %s%n", "MODULE", "VERSION", "STATE", "APPLIED AT", "DESCRIPTION");
        for (MigrationInfo m : list) {
            o.printf("%-12s %7d  %-8s %-24s %s%n", m.module(), m.version(), m.state(),
                    m.appliedAt() == null ? "-" : m.appliedAt().toString(), m.description());
        }
    }
}
