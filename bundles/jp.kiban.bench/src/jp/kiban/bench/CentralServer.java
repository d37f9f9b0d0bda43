package jp.kiban.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * The central sync server of one town size, for the sync figures: the installed central product ({@code kiban
 * central}, a headless Equinox) on a fresh PostgreSQL schema, on a free local port, with a random administrator
 * token for registering the benchmark's terminals. Started only when PostgreSQL answers at {@code --pg-url} and the
 * central product is installed (the kiban script passes its launcher); otherwise the child is told why not, and
 * the sync rows say so.
 */
final class CentralServer implements AutoCloseable {
    private static final long START_TIMEOUT_S = 120;

    private final BenchRunner.Plan plan;
    private final String why;
    private final String url;
    private final String token;
    private final String schema;
    private final Process process;
    private boolean closed;

    private CentralServer(BenchRunner.Plan plan, String why, String url, String token, String schema, Process process) {
        this.plan = plan;
        this.why = why;
        this.url = url;
        this.token = token;
        this.schema = schema;
        this.process = process;
    }

    static CentralServer start(BenchRunner.Plan plan, int size, Path work, PrintStream log) {
        if (plan.centralLauncher() == null) {
            return unavailable(plan, "not requested (--no-sync)");
        }
        if (plan.centralLauncher().toString().isEmpty() || !Files.isRegularFile(plan.centralLauncher())) {
            return unavailable(plan, "the central server product is not installed (./kiban build builds it; the kiban script"
                    + " passes it to the benchmark)");
        }
        try (Connection c = pg(plan, null).getConnection()) {
            c.isValid(5);
        } catch (SQLException e) {
            return unavailable(plan, "PostgreSQL at " + plan.pgUrl() + " as " + plan.pgUser()
                    + " is not reachable (the central store runs on PostgreSQL): " + e.getMessage());
        }
        String schema = "kiban_bench_central_" + size + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String token = UUID.randomUUID().toString();
        Process p = null;
        try {
            execute(plan, "CREATE SCHEMA " + schema);
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Path data = work.resolve("central-" + size);
            Files.createDirectories(data.resolve("logs"));
            List<String> cmd = new ArrayList<>(List.of(plan.java().toString(), "-Dkiban.data=" + data, "-Dfile.encoding=UTF-8",
                    "-Djava.awt.headless=true", "-Declipse.ignoreApp=true", "-Dosgi.noShutdown=true",
                    "-Dorg.osgi.service.http.port=" + port, "-Dkiban.db.type=postgresql", "-Dkiban.db.url=" + plan.pgUrl(),
                    "-Dkiban.db.user=" + plan.pgUser(), "-Dkiban.db.schema=" + schema, "-Dkiban.central.admin.token=" + token,
                    "-Dderby.stream.error.file=" + data.resolve("logs").resolve("derby.log")));
            if (!plan.pgPassword().isEmpty()) {
                cmd.add("-Dkiban.db.password=" + plan.pgPassword());
            }
            cmd.addAll(List.of("-jar", plan.centralLauncher().toString(), "-configuration",
                    data.resolve("runtime").resolve("central").toString(), "-data", "@none", "-consoleLog"));
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(data.resolve("logs").resolve("central.out").toFile())
                    .start();
            String base = "http://127.0.0.1:" + port;
            if (!await(base + "/api/v1/terminal", p)) {
                p.destroyForcibly();
                execute(plan, "DROP SCHEMA " + schema + " CASCADE");
                return unavailable(plan, "the central server did not answer within " + START_TIMEOUT_S + " s (see "
                        + data.resolve("logs").resolve("central.out") + ")");
            }
            log.printf("[%d] central server at %s, store in PostgreSQL schema %s%n", size, base, schema);
            return new CentralServer(plan, null, base, token, schema, p);
        } catch (IOException | RuntimeException e) {
            if (p != null) {
                p.destroyForcibly();
            }
            return unavailable(plan, "the central server could not start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(plan, "interrupted");
        }
    }

    private static CentralServer unavailable(BenchRunner.Plan plan, String why) {
        return new CentralServer(plan, why, null, null, null, null);
    }

    /** Waits until the sync API answers 401 (no token) instead of no connection or 404. */
    private static boolean await(String api, Process p) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_S);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(api)).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 401) {
                    return true;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** What the child JVM is told: where the central server is, or why there is none. */
    List<String> childArguments() {
        if (why != null) {
            return List.of("--central-unavailable=" + why);
        }
        return List.of("--central-url=" + url, "--central-token=" + token, "--central-schema=" + schema);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (schema != null && !plan.keep()) {
            try {
                execute(plan, "DROP SCHEMA " + schema + " CASCADE");
            } catch (RuntimeException e) {
                // reported by the next run's leftovers only; the schema name says what it was
            }
        }
    }

    private static void execute(BenchRunner.Plan plan, String sql) {
        try (Connection c = pg(plan, null).getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: " + sql + " failed: " + e.getMessage(), e);
        }
    }

    static PGSimpleDataSource pg(BenchRunner.Plan plan, String schema) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(plan.pgUrl());
        ds.setUser(plan.pgUser());
        if (!plan.pgPassword().isEmpty()) {
            ds.setPassword(plan.pgPassword());
        }
        if (schema != null) {
            ds.setCurrentSchema(schema);
        }
        ds.setConnectTimeout(5);
        return ds;
    }
}
