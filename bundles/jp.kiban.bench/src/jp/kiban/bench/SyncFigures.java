package jp.kiban.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.postgresql.ds.PGSimpleDataSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kiban.persistence.Transactions;
import jp.kiban.platform.MunicipalityService;
import jp.kiban.sync.Outbox;
import jp.kiban.sync.impl.InboxStore;
import jp.kiban.sync.impl.SyncClient;
import jp.kiban.sync.protocol.SyncProtocol;
import jp.kiban.sync.protocol.SyncProtocol.TerminalCredential;

/**
 * Sync figures against a real central server (the central product, started by {@link BenchRunner} for this town
 * on a fresh PostgreSQL schema): the generated town's own outbox (every 転入, birth, 転居 … of the generator and
 * the access-log entries, in local order) pushed by this terminal's {@link SyncClient} over HTTP, the first
 * {@value #BACKLOG} events timed; the same rows written into the same table ({@code central_event}) by plain JDBC
 * batches of 500 with a commit per batch (the floor, as in {@code SyncBenchmark}); then a second terminal of the
 * town downloading the whole replica into its inbox. The logic follows tests/jp.kiban.sync.tests SyncBenchmark,
 * on the town the benchmark generated instead of synthetic payloads.
 */
final class SyncFigures {
    static final int BACKLOG = 10_000;
    static final int BATCH = 500;

    /** The central server of this size: its root URL, administrator token, and the PostgreSQL schema of its store. */
    record Central(String url, String adminToken, String pgUrl, String pgUser, String pgPassword, String schema,
            String unavailable) {
        static Central unavailable(String why) {
            return new Central(null, null, null, null, null, null, why);
        }

        boolean available() {
            return unavailable == null;
        }
    }

    private static final String PUSH = "sync.push";
    private static final String REPLICA = "sync.replica";
    private static final String PUSH_LABEL = "Sync: push of a 10,000-change backlog (HTTP, central on PostgreSQL)";
    private static final String REPLICA_LABEL = "Sync: download of the whole replica (new terminal, to its inbox)";

    private final ServiceLookup services;
    private final String db;
    private final int size;
    private final Central central;
    private final PrintStream log;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    SyncFigures(ServiceLookup services, String db, int size, Central central, PrintStream log) {
        this.services = services;
        this.db = db;
        this.size = size;
        this.central = central;
        this.log = log;
    }

    List<Figure> measure() {
        if (central == null || !central.available()) {
            String why = "not measured: " + (central == null ? "no central server for this run" : central.unavailable());
            return List.of(Figure.notMeasured(db, size, PUSH, PUSH_LABEL, "s", why),
                    Figure.notMeasured(db, size, REPLICA, REPLICA_LABEL, "s", why));
        }
        try {
            return run();
        } catch (Exception e) {
            log.printf("[%d]   sync failed: %s%n", size, e);
            String why = "failed: " + e.getMessage();
            return List.of(Figure.notMeasured(db, size, PUSH, PUSH_LABEL, "s", why),
                    Figure.notMeasured(db, size, REPLICA, REPLICA_LABEL, "s", why));
        }
    }

    private List<Figure> run() throws Exception {
        String town = services.get(MunicipalityService.class).current().orElseThrow().code().value();
        Outbox outbox = services.get(Outbox.class);
        Transactions tx = services.get(Transactions.class);
        URI api = URI.create(central.url() + SyncProtocol.BASE_PATH + "/");
        List<Figure> out = new ArrayList<>();

        // this terminal: its outbox holds the whole generated town
        TerminalCredential a = register(api, town, "ベンチ 窓口1");
        SyncClient client = new SyncClient(api, a.token(), outbox, new InboxStore(tx), Duration.ofSeconds(120));
        client.terminal();
        long waiting = outbox.pendingCount();
        int rounds = (int) Math.ceil(Math.min(BACKLOG, waiting) / (double) BATCH);
        long t = System.nanoTime();
        int[] first = client.push(BATCH, rounds);
        double pushSeconds = (System.nanoTime() - t) / 1e9;
        int pushed = first[0] + first[1] + first[2];
        double rate = pushed / Math.max(pushSeconds, 1e-9);
        SyncClient.PushTimes firstTimes = client.pushTimes();
        log.printf("[%d]   pushed %d of %d outbox entries in %.2f s (%s); the rest …%n", size, pushed, waiting, pushSeconds,
                phases(firstTimes, new SyncClient.PushTimes(0, 0, 0, 0)));
        t = System.nanoTime();
        int[] rest = client.push(BATCH, Integer.MAX_VALUE);
        double restSeconds = (System.nanoTime() - t) / 1e9;
        int restCount = rest[0] + rest[1] + rest[2];
        log.printf("[%d]   pushed the rest, %d entries, in %.2f s (%s)%n", size, restCount, restSeconds,
                phases(client.pushTimes(), firstTimes));

        // the floor: the same rows into the same table, plain JDBC batches of 500, one commit per batch
        double jdbcSeconds = plainJdbc(town, pushed);
        double jdbcRate = pushed / Math.max(jdbcSeconds, 1e-9);
        out.add(Figure.of(db, size, PUSH, PUSH_LABEL, "s", new double[] { pushSeconds }, jdbcSeconds, String.format(Locale.ROOT,
                "%d events (%s) in batches of %d: %.0f events/s; plain JDBC %.0f rows/s; the rest of the outbox (%d events) %.0f events/s",
                pushed, restCount == 0 ? "the whole outbox of this town" : "the first of " + waiting + " in the outbox", BATCH, rate,
                jdbcRate, restCount, restCount / Math.max(restSeconds, 1e-9)) + "; " + phases(firstTimes,
                        new SyncClient.PushTimes(0, 0, 0, 0))));

        // a new terminal of the same town downloads everything into its inbox (here: this data folder's sync_inbox)
        TerminalCredential b = register(api, town, "ベンチ 窓口2");
        SyncClient second = new SyncClient(api, b.token(), outbox, new InboxStore(tx), Duration.ofSeconds(120));
        long[] total = new long[1];
        t = System.nanoTime();
        SyncClient.Result r = second.downloadReplica(1000, (phase, done, all) -> {
            if (phase.equals("download")) {
                total[0] = all;
            }
        });
        double replicaSeconds = (System.nanoTime() - t) / 1e9;
        out.add(Figure.of(db, size, REPLICA, REPLICA_LABEL, "s", new double[] { replicaSeconds }, null, String.format(Locale.ROOT,
                "%d events in pages of 1,000 (%.0f events/s), stored in the inbox; applying them to a register is not part of this figure",
                r.pulled(), r.pulled() / Math.max(replicaSeconds, 1e-9))));
        return out;
    }

    /** Per batch, on average: reading the outbox, the central store's round trip, the acknowledgement. */
    private static String phases(SyncClient.PushTimes now, SyncClient.PushTimes before) {
        int n = Math.max(1, now.batches() - before.batches());
        return String.format(Locale.ROOT, "per batch: outbox read %.1f ms, central round trip %.1f ms, acknowledgement %.1f ms",
                (now.readNanos() - before.readNanos()) / 1e6 / n, (now.centralNanos() - before.centralNanos()) / 1e6 / n,
                (now.acknowledgeNanos() - before.acknowledgeNanos()) / 1e6 / n);
    }

    /** POST /admin/terminals with the administrator token, as an administrator registers a desk terminal. */
    private TerminalCredential register(URI api, String town, String name) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(api.resolve("admin/terminals")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + central.adminToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(new SyncProtocol.TerminalRequest(town, name))))
                .build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("terminal registration answered " + r.statusCode() + ": " + r.body());
        }
        return json.readValue(r.body(), TerminalCredential.class);
    }

    /**
     * The rows just pushed, read back from central_event, inserted again by plain JDBC (as another municipality,
     * new ids and sequences) in batches of 500 with a commit per batch; removed afterwards. Returns the seconds of
     * the inserts only.
     */
    private double plainJdbc(String town, int rows) throws SQLException {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(central.pgUrl());
        ds.setUser(central.pgUser());
        if (central.pgPassword() != null && !central.pgPassword().isEmpty()) {
            ds.setPassword(central.pgPassword());
        }
        ds.setCurrentSchema(central.schema());
        record Row(String type, String aggregate, Object base, Object next, String payload) {
        }
        List<Row> read = new ArrayList<>(rows);
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement p = c.prepareStatement("SELECT event_type, aggregate_key, base_history, new_history, payload"
                    + " FROM central_event WHERE municipality_code = ? ORDER BY seq LIMIT ?")) {
                p.setString(1, town);
                p.setInt(2, rows);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        read.add(new Row(rs.getString(1), rs.getString(2), rs.getObject(3), rs.getObject(4), rs.getString(5)));
                    }
                }
            }
            String floorTown = "999999";
            String terminal = UUID.randomUUID().toString();
            c.setAutoCommit(false);
            long t = System.nanoTime();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO central_event (municipality_code, seq, event_id,"
                    + " terminal_id, local_seq, event_type, group_id, aggregate_key, base_history, new_history, payload,"
                    + " received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < read.size(); i++) {
                    Row r = read.get(i);
                    p.setString(1, floorTown);
                    p.setLong(2, i + 1);
                    p.setString(3, UUID.randomUUID().toString());
                    p.setString(4, terminal);
                    p.setLong(5, i + 1);
                    p.setString(6, r.type());
                    p.setString(7, UUID.randomUUID().toString());
                    p.setString(8, r.aggregate());
                    p.setObject(9, r.base(), java.sql.Types.INTEGER);
                    p.setObject(10, r.next(), java.sql.Types.INTEGER);
                    p.setString(11, r.payload());
                    p.setTimestamp(12, Timestamp.from(Instant.now()));
                    p.addBatch();
                    if ((i + 1) % BATCH == 0 || i == read.size() - 1) {
                        p.executeBatch();
                        c.commit();
                    }
                }
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM central_event WHERE municipality_code = '" + floorTown + "'");
            }
            c.commit();
            return seconds;
        }
    }
}
