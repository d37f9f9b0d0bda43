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

import jp.kiban.cli.spi.CliContext;
import jp.kiban.cli.spi.CliContribution;
import jp.kiban.persistence.Database;
import jp.kiban.persistence.MigrationInfo;
import jp.kiban.persistence.SchemaMigrations;
import jp.kiban.core.DomainException;
import jp.kiban.core.id.LocalGovernmentCode;
import jp.kiban.demo.DemoTown;
import jp.kiban.platform.KibanEnvironment;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Permission;
import jp.kiban.security.AccessEvent;
import jp.kiban.security.AccessKind;
import jp.kiban.security.AccessLog;
import jp.kiban.security.Authentication;
import jp.kiban.security.SecurityRefusal;
import jp.kiban.security.Users;
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
    final Map<String, String> env;
    final PasswordPrompt prompt;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private Root root;
    private Operator operator;

    /** Reads a secret without echo; null when there is no terminal to ask. */
    public interface PasswordPrompt {
        char[] read(String prompt);
    }

    public KibanCli(Services services, PrintStream out, PrintStream err) {
        this(services, out, err, System.getenv(), p -> System.console() == null ? null : System.console().readPassword("%s", p));
    }

    /**
     * @param env    the environment ({@code KIBAN_PASSWORD}, {@code KIBAN_NEW_PASSWORD}, {@code KIBAN_OTP})
     * @param prompt asks for a password when the environment has none
     */
    public KibanCli(Services services, PrintStream out, PrintStream err, Map<String, String> env, PasswordPrompt prompt) {
        this.services = services;
        this.out = out;
        this.err = err;
        this.env = env;
        this.prompt = prompt;
    }

    /**
     * Who runs the command. While no user exists (a new installation, or one that never used login)
     * the data-folder owner runs as {@link Operator#system()} with a warning; once users exist,
     * {@code --user ID} and the password ({@code KIBAN_PASSWORD} or a prompt) are required.
     */
    Operator operator() {
        if (operator == null) {
            operator = authenticate(false).operator();
        }
        return operator;
    }

    /** True while no user exists. Fails closed: if the users cannot be read, nothing runs. */
    boolean bootstrap() {
        Users users = services.get(Users.class);
        try {
            return !users.anyUser();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot read the users (" + e.getMessage() + "); if the schema is not up to"
                    + " date, run 'kiban cli db migrate'", e);
        }
    }

    String terminal() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        return services.get(KibanEnvironment.class).setting("terminal.id", "cli@" + host);
    }

    /** Logs in with --user; {@code forPasswordChange} lets an initial password through (to change it). */
    Authentication.Login authenticate(boolean forPasswordChange) {
        if (bootstrap()) {
            err.println("warning: no users yet: running as the data-folder owner. Create the first administrator with"
                    + " 'kiban cli user add --admin ID --name NAME'.");
            return new Authentication.Login(Operator.system(), false);
        }
        if (root.user == null || root.user.isBlank()) {
            throw new IllegalStateException("This installation has users: log in with --user ID (the password comes from"
                    + " KIBAN_PASSWORD or a prompt)");
        }
        char[] password = secret("KIBAN_PASSWORD", "Password for " + root.user + ": ");
        Authentication auth = services.get(Authentication.class);
        String code = env.get("KIBAN_OTP");
        Authentication.Login login;
        try {
            login = auth.login(root.user, password, code, terminal());
        } catch (SecurityRefusal e) {
            if (!"login.secondFactorRequired".equals(e.code()) || code != null) {
                throw e;
            }
            char[] c = prompt.read("Confirmation code (authenticator app): ");
            if (c == null) {
                throw new IllegalStateException(e.getMessage() + " Set KIBAN_OTP or run in a terminal.");
            }
            login = auth.login(root.user, password, new String(c), terminal());
        }
        if (login.mustChangePassword() && !forPasswordChange) {
            throw new IllegalStateException("The password of " + root.user + " is an initial one: change it first with"
                    + " 'kiban cli --user " + root.user + " user passwd'");
        }
        operator = login.operator();
        return login;
    }

    /** A secret from the environment variable, else from the prompt. */
    char[] secret(String variable, String question) {
        String v = env.get(variable);
        if (v != null) {
            return v.toCharArray();
        }
        char[] c = prompt.read(question);
        if (c == null) {
            throw new IllegalStateException("No password: set " + variable + " or run in a terminal");
        }
        return c;
    }

    /** Writes to the access log when someone is logged in (never fails the command). */
    void log(AccessKind kind, String action, String detail) {
        if (operator == null) {
            return;
        }
        try {
            services.get(AccessLog.class).record(AccessEvent.of(operator, kind, action, detail));
        } catch (RuntimeException e) {
            err.println("warning: could not write the access log: " + e.getMessage());
        }
    }

    /** Refuses unless the operator has the permission (the services check again). */
    Operator require(Permission permission) {
        Operator op = operator();
        if (!op.may(permission)) {
            log(AccessKind.REFUSED, "cli", "permission " + permission + " missing");
            throw new IllegalStateException("User " + op.id() + " may not do this (needs " + permission + ")");
        }
        return op;
    }

    public int run(String... args) {
        root = new Root(this);
        CommandLine cl = new CommandLine(root);
        addContributions(cl);
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
            log(AccessKind.ERROR, "cli." + String.join(" ", commandLine.getCommandSpec().qualifiedName(" ")
                    .replace("kiban cli", "").strip().split(" ")), message);
            return FAILED;
        });
        return cl.execute(args);
    }

    /** Adds the subcommands that installed modules register as {@link CliContribution} services. */
    private void addContributions(CommandLine cl) {
        CliContext context = new ContributionContext();
        for (CliContribution contribution : services.all(CliContribution.class)) {
            Object command;
            String name;
            try {
                command = contribution.command(context);
                name = new CommandLine(command).getCommandName();
            } catch (RuntimeException e) {
                err.println("warning: the command of " + contribution.getClass().getName() + " cannot be added: "
                        + e.getMessage());
                continue;
            }
            if (cl.getSubcommands().containsKey(name)) {
                err.println("warning: a command named '" + name + "' exists already; the one of "
                        + contribution.getClass().getName() + " is not added");
                continue;
            }
            cl.addSubcommand(name, command);
        }
    }

    /** What a contributed command sees of this command line. */
    private final class ContributionContext implements CliContext {
        @Override
        public Operator operator() {
            return KibanCli.this.operator();
        }

        @Override
        public Operator require(Permission permission) {
            return KibanCli.this.require(permission);
        }

        @Override
        public Operator requireBusiness(String business) {
            Operator op = operator();
            services.get(jp.kiban.security.Authorisation.class).requireBusiness(op, business, "cli." + business);
            return op;
        }

        @Override
        public <T> T service(Class<T> type) {
            return services.get(type);
        }

        @Override
        public PrintStream out() {
            return out;
        }

        @Override
        public PrintStream err() {
            return err;
        }

        @Override
        public void printJson(Object document) {
            KibanCli.this.printJson(document);
        }

        @Override
        public void audit(AccessKind kind, String action, String detail) {
            log(kind, action, detail);
        }
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
                    CertCommands.CertCommand.class, LabelCommands.LabelsCommand.class, SpecCommands.SpecCommand.class, SecurityCommands.UserCommand.class,
                    SecurityCommands.UnitCommand.class, SecurityCommands.AuditCommand.class,
                    SyncCommands.SyncCommand.class, CommandLine.HelpCommand.class },
            footer = { "", "The data folder is chosen by --data DIR, else KIBAN_DATA, else a per-user default.",
                    "Once users exist, every command except version, help and db needs --user ID; the password comes from"
                            + " KIBAN_PASSWORD or a prompt.",
                    "Exit codes: 0 success, 1 failure, 2 wrong usage." })
    static final class Root implements Callable<Integer> {
        final KibanCli cli;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--data", paramLabel = "DIR",
                description = "Data folder (database, settings, logs). The kiban launcher passes it on to every bundle.")
        Path data;

        @Option(names = "--user", paramLabel = "ID",
                description = "Log in as this user (password from KIBAN_PASSWORD or a prompt; code from KIBAN_OTP).")
        String user;

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
            cli.operator();
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
            cli.require(Permission.ADMINISTER);
            LocalGovernmentCode lgc;
            try {
                lgc = LocalGovernmentCode.of(code);
            } catch (DomainException e) {
                throw new CommandLine.ParameterException(parent.spec.commandLine(), "--code " + code + ": " + e.getMessage(), e,
                        null, code);
            }
            Municipality saved = cli.services.get(MunicipalityService.class)
                    .configure(new Municipality(lgc, name, mayorTitle, mayorName, false));
            cli.log(AccessKind.SETTING, "municipality.set", "municipality " + saved.code().value() + " " + saved.name());
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
            cli.require(Permission.ADMINISTER);
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
