package jp.kiban.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.postgresql.ds.PGSimpleDataSource;

import jp.kiban.core.csv.Csv;

/**
 * The parent of a benchmark run: for each town size a fresh data folder (and, for PostgreSQL, a fresh
 * schema), one child JVM that runs {@link TownBench} on it (a new Equinox, so that every size starts
 * from a cold database and a clean heap), then the desk client on the same data, and at the end one
 * report over all sizes.
 */
final class BenchRunner {

    /** Everything a run needs to know. */
    record Plan(List<Integer> sizes, int repeat, int queries, int changes, int certificates, long seed, Path out,
            String db, String pgUrl, String pgUser, String pgPassword, boolean desk, boolean keep, Path java,
            Path launcher, List<String> jvmOptions, Path businesses, Path centralLauncher) {
    }

    private final Plan plan;
    private final PrintStream out;
    private final PrintStream log;

    BenchRunner(Plan plan, PrintStream out, PrintStream log) {
        this.plan = plan;
        this.out = out;
        this.log = log;
    }

    int run() throws IOException, InterruptedException {
        Path work = plan.out().resolve("work");
        Files.createDirectories(work);
        if (plan.db().equals("postgresql")) {
            checkPostgres();
        }
        List<Figure> all = new ArrayList<>();
        List<String> loads = new ArrayList<>();
        loads.add(Machine.loadAverage());
        int failures = 0;
        for (int size : plan.sizes()) {
            Path data = work.resolve(plan.db() + "-" + size);
            deleteTree(data);
            Files.createDirectories(data.resolve("logs"));
            List<String> dbOptions = new ArrayList<>();
            String schema = null;
            CentralServer central = null;
            if (plan.db().equals("postgresql")) {
                schema = "kiban_bench_" + size + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
                postgres("CREATE SCHEMA " + schema);
                dbOptions.addAll(List.of("-Dkiban.db.type=postgresql", "-Dkiban.db.url=" + plan.pgUrl(),
                        "-Dkiban.db.user=" + plan.pgUser(), "-Dkiban.db.schema=" + schema));
                if (!plan.pgPassword().isEmpty()) {
                    dbOptions.add("-Dkiban.db.password=" + plan.pgPassword());
                }
            }
            try {
                Path rows = work.resolve(plan.db() + "-" + size + ".csv");
                Files.deleteIfExists(rows);
                log.printf("[%d] %s town of %,d residents in %s%n", size, plan.db(), size, data);
                central = CentralServer.start(plan, size, work, log);
                int exit = child(size, data, rows, dbOptions, central.childArguments());
                central.close();
                if (exit != 0 || !Files.isRegularFile(rows)) {
                    failures++;
                    all.add(Figure.notMeasured(plan.db(), size, "run.failed", "Benchmark run", "",
                            "the run for this size failed (exit " + exit + "); see " + data.resolve("logs")));
                    continue;
                }
                all.addAll(read(rows));
                loads.add(Machine.loadAverage());
                if (plan.desk()) {
                    log.printf("[%d] desk client launches …%n", size);
                    List<String> deskOptions = new ArrayList<>(plan.jvmOptions());
                    deskOptions.addAll(dbOptions);
                    all.addAll(new DeskLaunch(plan.java(), plan.launcher(), deskOptions, log).measure(plan.db(), size, data,
                            plan.repeat()));
                } else {
                    all.add(Figure.notMeasured(plan.db(), size, "desk.launch", "Desk client: launch to login window (main window built)",
                            "s", "not measured: no display (start under Xvfb or a desktop), or --no-desk"));
                }
            } finally {
                if (central != null) {
                    central.close();
                }
                if (!plan.keep()) {
                    deleteTree(data);
                    if (schema != null) {
                        postgres("DROP SCHEMA " + schema + " CASCADE");
                    }
                }
            }
        }
        String database = all.stream().filter(f -> f.id().equals("info.database")).map(Figure::note).findFirst()
                .orElse(plan.db());
        Machine machine = Machine.current(database + (plan.db().equals("postgresql") ? " at " + plan.pgUrl() : " (embedded)"),
                String.join(" ", plan.jvmOptions()))
                .withLoad(loads.stream().anyMatch(String::isBlank) ? "" : "1-min load average " + String.join(" → ", loads)
                        + " (at the start and after each size; " + machineCores() + " cores: above that, other work competed)");
        String title = "Kiban benchmark " + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))
                + ", " + plan.db() + ", repeat " + plan.repeat() + ", " + plan.queries() + " queries per search kind and repeat";
        Report report = new Report(title, machine, all);
        List<Path> files = report.write(plan.out());
        out.println();
        out.print(report.text());
        out.println();
        files.forEach(f -> out.println("Wrote " + f));
        if (!plan.keep()) {
            deleteTree(work);
        }
        return failures == 0 ? 0 : 1;
    }

    private static int machineCores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private int child(int size, Path data, Path rows, List<String> dbOptions, List<String> centralArgs)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(plan.java().toString());
        cmd.add("-Dkiban.data=" + data);
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dkiban.db.migrate=manual");
        cmd.add("-Dkiban.log.console=WARNING");
        cmd.add("-Dderby.stream.error.file=" + data.resolve("logs").resolve("derby.log"));
        cmd.addAll(plan.jvmOptions());
        cmd.addAll(dbOptions);
        cmd.addAll(List.of("-jar", plan.launcher().toString(), "-configuration",
                data.resolve("runtime").resolve("bench").toString(), "-data", "@none", "-nl", "ja", "-nosplash",
                "-application", "jp.kiban.bench.app", "--child", "--db", plan.db(), "--size", Integer.toString(size),
                "--repeat", Integer.toString(plan.repeat()), "--queries", Integer.toString(plan.queries()), "--changes",
                Integer.toString(plan.changes()), "--certificates", Integer.toString(plan.certificates()), "--seed",
                Long.toString(plan.seed()), "--rows", rows.toString(), "--pg-url=" + plan.pgUrl(), "--pg-user=" + plan.pgUser(),
                "--pg-password=" + plan.pgPassword(), "--businesses=" + (plan.businesses() == null ? "none" : plan.businesses())));
        cmd.addAll(centralArgs);
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        return p.waitFor();
    }

    static List<Figure> read(Path rows) throws IOException {
        Csv.Parsed parsed = Csv.parse(Files.readString(rows, StandardCharsets.UTF_8));
        if (!parsed.problems().isEmpty()) {
            throw new IOException("Unreadable results " + rows + ": line " + parsed.problems().get(0).line());
        }
        return parsed.rows().stream().skip(1).map(r -> Figure.fromCsv(r.fields())).toList();
    }

    static void write(Path rows, List<Figure> figures) throws IOException {
        StringBuilder sb = new StringBuilder(Csv.format(Figure.COLUMNS)).append('\n');
        figures.forEach(f -> sb.append(f.csvLine()).append('\n'));
        Files.writeString(rows, sb.toString(), StandardCharsets.UTF_8);
    }

    private void checkPostgres() {
        try (Connection c = pg().getConnection()) {
            log.println("PostgreSQL: " + c.getMetaData().getDatabaseProductVersion() + " at " + plan.pgUrl());
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + plan.pgUrl() + " as " + plan.pgUser()
                    + " is not reachable: " + e.getMessage() + " (start it, or use --db derby)", e);
        }
    }

    private void postgres(String sql) {
        try (Connection c = pg().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: " + sql + " failed: " + e.getMessage(), e);
        }
    }

    private PGSimpleDataSource pg() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(plan.pgUrl());
        ds.setUser(plan.pgUser());
        if (!plan.pgPassword().isEmpty()) {
            ds.setPassword(plan.pgPassword());
        }
        ds.setConnectTimeout(10);
        return ds;
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The Equinox launcher jar: as the kiban script says, else the one in the installation's plugins folder. */
    static Optional<Path> launcherJar() {
        String given = System.getProperty("kiban.launcher");
        if (given != null && !given.isBlank() && Files.isRegularFile(Path.of(given))) {
            return Optional.of(Path.of(given));
        }
        String area = System.getProperty("osgi.install.area");
        if (area == null) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(Path.of(java.net.URI.create(area.replace(" ", "%20"))).resolve("plugins"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("org.eclipse.equinox.launcher_")
                    && p.getFileName().toString().endsWith(".jar")).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static String describe(Plan p) {
        return String.format(Locale.ROOT, "sizes %s, repeat %d, %d queries, %d changes, %d certificates, db %s, desk %s",
                p.sizes(), p.repeat(), p.queries(), p.changes(), p.certificates(), p.db(), p.desk() ? "yes" : "no");
    }
}
