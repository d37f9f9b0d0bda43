package jp.kiban.bench;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import org.osgi.framework.FrameworkUtil;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kiban bench}: the options, the defaults of a full and a quick run, and the two roles. Without
 * {@code --child} it is the parent ({@link BenchRunner}): it starts one child JVM per town size and the
 * desk client, and writes the report. With {@code --child} it measures one town in this JVM
 * ({@link TownBench}) and writes its figures as CSV for the parent.
 */
public final class BenchCommand {
    private BenchCommand() {
    }

    /** Runs the benchmark command line (parent or child); returns the exit code. */
    public static int run(String[] argv, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Options(out, err));
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (!(e instanceof IllegalStateException) && !(e instanceof IllegalArgumentException)) {
                e.printStackTrace(err);
            }
            return 1;
        });
        return cl.execute(argv);
    }

    @Command(name = "kiban bench", mixinStandardHelpOptions = true, sortOptions = false,
            description = { "Builds generated towns (the demo generator) on fresh data folders and measures them:",
                    "counter search latency beside the same query as plain SQL, 異動 throughput, 住民票の写し PDFs,",
                    "宛名ラベル, the business batches (国保税 当初賦課 when the business bundles are there), sync push and",
                    "replica download against a central server (when PostgreSQL is reachable), heap, and the desk",
                    "client's launch and login. Prints a table and writes results.csv, table.txt, table.md",
                    "and chart.png into --out. Speed is measured here, never asserted in tests." },
            footer = { "", "Full run: kiban bench   (sizes 10000,50000,200000, repeat 3; tens of minutes)",
                    "Quick:    kiban bench --quick   (sizes 2000,10000, repeat 2; a few minutes)",
                    "Exit codes: 0 success, 1 a size failed, 2 wrong usage." })
    static final class Options implements Callable<Integer> {
        private final PrintStream out;
        private final PrintStream err;

        @Option(names = "--quick", description = "Small towns and fewer repeats (unless given): sizes 2000,10000, repeat 2.")
        boolean quick;
        @Option(names = "--sizes", split = ",", paramLabel = "N,N,…", description = "Town sizes in residents (default 10000,50000,200000).")
        List<Integer> sizes;
        @Option(names = "--repeat", paramLabel = "N", description = "Repeats of every figure (default 3; quick 2).")
        Integer repeat;
        @Option(names = "--queries", paramLabel = "N", description = "Search inputs per kind and repeat (default 100; quick 40).")
        Integer queries;
        @Option(names = "--changes", paramLabel = "N", description = "転居 per repeat for the 異動 throughput (default 100; quick 30).")
        Integer changes;
        @Option(names = "--certificates", paramLabel = "N", description = "住民票の写し per repeat (default 10; quick 5).")
        Integer certificates;
        @Option(names = "--seed", paramLabel = "S", defaultValue = "20261201", description = "Random seed of the towns and inputs (default ${DEFAULT-VALUE}).")
        long seed;
        @Option(names = "--out", paramLabel = "DIR", description = "Where the report goes (default bench-results in the current folder).")
        Path outDir;
        @Option(names = "--db", paramLabel = "ENGINE", defaultValue = "derby", description = "derby (embedded, default) or postgresql.")
        String db;
        @Option(names = "--pg-url", paramLabel = "URL", defaultValue = "jdbc:postgresql://127.0.0.1:5432/test",
                description = "PostgreSQL for --db postgresql (default ${DEFAULT-VALUE}); each size gets its own schema, dropped afterwards.")
        String pgUrl;
        @Option(names = "--pg-user", paramLabel = "USER", defaultValue = "postgres", description = "PostgreSQL user (default ${DEFAULT-VALUE}).")
        String pgUser;
        @Option(names = "--pg-password", paramLabel = "PW", defaultValue = "", description = "PostgreSQL password (default none).")
        String pgPassword;
        @Option(names = "--no-desk", description = "Do not start the desk client (it needs a display; the kiban script uses Xvfb when there is none).")
        boolean noDesk;
        @Option(names = "--keep", description = "Keep the data folders (and PostgreSQL schemas) of the towns.")
        boolean keep;
        @Option(names = "--businesses", paramLabel = "DIR", description = "Folder of business bundles to install in the"
                + " benchmark (default: the plugins of the p2 repository of business features built beside the sources;"
                + " 'none' for the bases only).")
        String businesses;
        @Option(names = "--no-sync", description = "Do not start the central server for the sync figures (they run when"
                + " PostgreSQL is reachable at --pg-url and the central product is built).")
        boolean noSync;

        @Option(names = "--child", hidden = true)
        boolean child;
        @Option(names = "--size", hidden = true)
        int size;
        @Option(names = "--rows", hidden = true)
        Path rows;
        @Option(names = "--central-url", hidden = true)
        String centralUrl;
        @Option(names = "--central-token", hidden = true)
        String centralToken;
        @Option(names = "--central-schema", hidden = true)
        String centralSchema;
        @Option(names = "--central-unavailable", hidden = true)
        String centralUnavailable;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        Options(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() throws Exception {
            int r = repeat != null ? repeat : quick ? 2 : 3;
            int q = queries != null ? queries : quick ? 40 : 100;
            int c = changes != null ? changes : quick ? 30 : 100;
            int k = certificates != null ? certificates : quick ? 5 : 10;
            List<Integer> s = sizes != null ? sizes : quick ? List.of(2_000, 10_000) : List.of(10_000, 50_000, 200_000);
            if (r < 1 || q < 1 || c < 0 || k < 0) {
                throw usage("--repeat and --queries must be at least 1, --changes and --certificates at least 0");
            }
            if (s.isEmpty() || s.stream().anyMatch(n -> n == null || n < 10 || n > 1_000_000)) {
                throw usage("--sizes must be town sizes between 10 and 1000000, e.g. --sizes 10000,50000");
            }
            if (!db.equals("derby") && !db.equals("postgresql")) {
                throw usage("--db must be derby or postgresql, not " + db);
            }
            if (child) {
                return runChild(r, q, c, k);
            }
            Path launcher = BenchRunner.launcherJar().orElseThrow(() -> new IllegalStateException(
                    "Cannot find the Equinox launcher jar: start the benchmark with the kiban launcher (./kiban bench)"));
            String opts = System.getProperty("kiban.bench.javaOpts", "").strip();
            List<String> jvmOptions = opts.isEmpty() ? List.of() : Arrays.asList(opts.split("\\s+"));
            boolean display = System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null
                    || System.getProperty("os.name", "").startsWith("Windows") || System.getProperty("os.name", "").startsWith("Mac");
            String central = System.getProperty("kiban.bench.central", "").strip();
            BenchRunner.Plan plan = new BenchRunner.Plan(s.stream().sorted().distinct().toList(), r, q, c, k, seed,
                    (outDir == null ? Path.of("bench-results") : outDir).toAbsolutePath(), db, pgUrl, pgUser, pgPassword,
                    display && !noDesk, keep, Path.of(System.getProperty("java.home"), "bin", "java"), launcher, jvmOptions,
                    businessesFolder(), noSync ? null : central.isEmpty() ? Path.of("") : Path.of(central));
            err.println("kiban bench: " + BenchRunner.describe(plan) + "; report in " + plan.out());
            return new BenchRunner(plan, out, err).run();
        }

        /** --businesses, else the folder the kiban script names (the p2 repository's plugins); null for none. */
        private Path businessesFolder() {
            String given = businesses != null ? businesses : System.getProperty("kiban.bench.businesses", "");
            if (given.isBlank() || given.strip().equals("none")) {
                return null;
            }
            return Path.of(given.strip()).toAbsolutePath();
        }

        private int runChild(int r, int q, int c, int k) throws Exception {
            if (rows == null || size < 1) {
                throw usage("--child needs --size and --rows");
            }
            SyncFigures.Central central = centralUrl != null
                    ? new SyncFigures.Central(centralUrl, centralToken, pgUrl, pgUser, pgPassword, centralSchema, null)
                    : SyncFigures.Central.unavailable(centralUnavailable == null ? "no central server" : centralUnavailable);
            try (ServiceLookup services = new ServiceLookup(FrameworkUtil.getBundle(BenchCommand.class).getBundleContext())) {
                List<Figure> figures = new TownBench(services, new TownBench.Settings(db, size, r, q, c, k, seed,
                        businessesFolder(), central), err).run();
                BenchRunner.write(rows, figures);
            }
            return 0;
        }

        private CommandLine.ParameterException usage(String message) {
            return new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }
}
