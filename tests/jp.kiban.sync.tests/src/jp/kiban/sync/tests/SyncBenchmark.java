package jp.kiban.sync.tests;

import static jp.kiban.sync.tests.SyncWorld.TOWN_A;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kiban.central.Terminal;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.persistence.Dialect;
import jp.kiban.sync.OutboxEvent;
import jp.kiban.sync.impl.SyncClient;
import jp.kiban.sync.protocol.SyncProtocol.Event;
import jp.kiban.sync.tests.SyncWorld.Central;

/**
 * The sync benchmark (not a test; runs only with {@code -Dkiban.bench.sync=true}, see docs/performance.md):
 * a backlog of resident changes pushed from a terminal's outbox over HTTP to the central store on
 * PostgreSQL, against the same rows inserted into the same table by plain JDBC batches; the same push
 * without HTTP and the terminal (the store alone); and a new terminal downloading a whole town's replica
 * and applying it to its register. Prints one line per figure, prefixed {@code SYNC-BENCH}.
 */
@EnabledIfSystemProperty(named = "kiban.bench.sync", matches = "true")
class SyncBenchmark {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int BACKLOG = Integer.getInteger("kiban.bench.sync.backlog", 10_000);
    static final int RESIDENTS = Integer.getInteger("kiban.bench.sync.residents", 50_000);

    static void print(String figure, double value, String unit, String note) {
        System.out.printf("SYNC-BENCH %-34s %12.1f %-9s %s%n", figure, value, unit, note);
    }

    /** A real snapshot payload (a 転入 confirmed on a terminal), as the template of the generated ones. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> template(SyncWorld.Terminal t) throws Exception {
        ReplicaApplyTest.lease(t);
        t.register.apply(ReplicaApplyTest.SUPERVISOR, OutboxTest.moveIn("計測", "太郎"));
        String json = t.outbox.pending(10).get(0).payloadJson();
        return JSON.readValue(json, Map.class);
    }

    /** The payload of person {@code serial} (in households of two), from the template. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> person(Map<String, Object> template, long serial, String changeId) {
        Map<String, Object> p = new HashMap<>(template);
        Map<String, Object> s = new HashMap<>((Map<String, Object>) template.get("snapshot"));
        s.put("addressee_number", AddresseeNumber.fromSerial(serial).value());
        s.put("household_number", HouseholdNumber.fromSerial((serial + 1) / 2).value());
        p.put("snapshot", s);
        p.put("changeId", changeId);
        return p;
    }

    @Test
    void pushAndReplica() throws Exception {
        try (Central central = new Central(Dialect.POSTGRESQL);
                SyncWorld.Terminal a1 = new SyncWorld.Terminal(central, TOWN_A, "計測 窓口1")) {
            Map<String, Object> template = template(a1);
            a1.client.sync(); // the first contact, and the template change itself
            // the backlog: new people in households of two, each household one change (one group)
            long serial = 1_000_000;
            for (int done = 0; done < BACKLOG;) {
                int chunk = Math.min(1000, BACKLOG - done);
                long first = serial;
                a1.tx.requiredRun(em -> {
                    for (int i = 0; i < chunk; i += 2) {
                        String group = UUID.randomUUID().toString();
                        for (int k = 0; k < 2 && i + k < chunk; k++) {
                            long n = first + i + k;
                            a1.outbox.append(new OutboxEvent("resident.snapshot", group, AddresseeNumber.fromSerial(n).value(),
                                    0, 1, person(template, n, group)));
                        }
                    }
                });
                serial += chunk;
                done += chunk;
            }
            assertEquals(BACKLOG, a1.outbox.pendingCount());
            long t0 = System.nanoTime();
            // in slices of 20 batches (10,000 events), each slice's time per batch and phase printed: whether the
            // cost of a batch grows with the outbox read so far or with the central store's size
            int[] pushed = new int[3];
            SyncClient.PushTimes before = a1.client.pushTimes();
            for (int slice = 0;; slice++) {
                long s0 = System.nanoTime();
                int[] p = a1.client.push(500, 20);
                for (int k = 0; k < 3; k++) {
                    pushed[k] += p[k];
                }
                SyncClient.PushTimes now = a1.client.pushTimes();
                int n = now.batches() - before.batches();
                if (n == 0) {
                    break;
                }
                print("push slice " + slice, (p[0] + p[1] + p[2]) / ((System.nanoTime() - s0) / 1e9), "events/s",
                        String.format("per batch: outbox read %.1f ms, central round trip %.1f ms, acknowledgement %.1f ms",
                                (now.readNanos() - before.readNanos()) / 1e6 / n, (now.centralNanos() - before.centralNanos()) / 1e6 / n,
                                (now.acknowledgeNanos() - before.acknowledgeNanos()) / 1e6 / n));
                before = now;
            }
            double pushSeconds = (System.nanoTime() - t0) / 1e9;
            assertEquals(BACKLOG, pushed[0]);
            double pushRate = BACKLOG / pushSeconds;
            print("push over HTTP (terminal to store)", pushRate, "events/s", BACKLOG + " events in " + String.format("%.2f s", pushSeconds)
                    + ", batches of 500");

            // the same rows, plain JDBC batches of 500 into the same table, one commit per batch, as the owner
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < BACKLOG; i++) {
                rows.add(person(template, 5_000_000 + i, UUID.randomUUID().toString()));
            }
            List<String> payloads = new ArrayList<>();
            for (Map<String, Object> r : rows) {
                payloads.add(JSON.writeValueAsString(r));
            }
            t0 = System.nanoTime();
            try (Connection c = central.db.dataSource().getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement p = c.prepareStatement("INSERT INTO central_event (municipality_code, seq, event_id,"
                        + " terminal_id, local_seq, event_type, group_id, aggregate_key, base_history, new_history, payload,"
                        + " received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (int i = 0; i < BACKLOG; i++) {
                        p.setString(1, "999999");
                        p.setLong(2, i + 1);
                        p.setString(3, UUID.randomUUID().toString());
                        p.setString(4, a1.credential.terminalId());
                        p.setLong(5, i + 1);
                        p.setString(6, "resident.snapshot");
                        p.setString(7, UUID.randomUUID().toString());
                        p.setString(8, AddresseeNumber.fromSerial(5_000_000 + i).value());
                        p.setInt(9, 0);
                        p.setInt(10, 1);
                        p.setString(11, payloads.get(i));
                        p.setTimestamp(12, Timestamp.from(Instant.now()));
                        p.addBatch();
                        if ((i + 1) % 500 == 0 || i == BACKLOG - 1) {
                            p.executeBatch();
                            c.commit();
                        }
                    }
                }
            }
            double jdbcSeconds = (System.nanoTime() - t0) / 1e9;
            double jdbcRate = BACKLOG / jdbcSeconds;
            print("plain JDBC batches (same table)", jdbcRate, "rows/s", String.format("%.2f s", jdbcSeconds));
            print("ratio push / plain JDBC", jdbcRate / pushRate, "x", "slower by this factor");

            // the store alone: the same kind of batches handed to the central store in-process (no HTTP, no terminal)
            var credential = central.register(TOWN_A, "計測 直接");
            Terminal direct = new Terminal(credential.terminalId(), TOWN_A, credential.name());
            List<Event> batch = new ArrayList<>();
            long storeNanos = 0;
            int extra = RESIDENTS - BACKLOG - 1;
            for (int i = 0; i < Math.max(0, extra); i++) {
                long n = serial + i;
                String group = i % 2 == 0 ? UUID.randomUUID().toString() : batch.get(batch.size() - 1).groupId();
                batch.add(new Event(UUID.randomUUID().toString(), TOWN_A, i + 1, "resident.snapshot", group,
                        AddresseeNumber.fromSerial(n).value(), 0, 1, JSON.writeValueAsString(person(template, n, group)), null, null));
                if (batch.size() == 500 || i == extra - 1) {
                    long s0 = System.nanoTime();
                    central.store.push(direct, batch);
                    storeNanos += System.nanoTime() - s0;
                    batch = new ArrayList<>();
                }
            }
            if (extra > 0) {
                print("push in-process (store alone)", extra / (storeNanos / 1e9), "events/s", extra + " events, batches of 500");
            }

            // a new terminal of the town downloads the replica of every resident, then applies it to its register
            // (-Dkiban.bench.sync.replica=false: the push figures only)
            if (!Boolean.parseBoolean(System.getProperty("kiban.bench.sync.replica", "true"))) {
                return;
            }
            try (SyncWorld.Terminal a2 = new SyncWorld.Terminal(central, TOWN_A, "計測 窓口2")) {
                long[] marks = new long[2];
                long start = System.nanoTime();
                SyncClient.Result r = a2.client.downloadReplica(1000, (phase, done, total) -> {
                    if (phase.equals("apply") && marks[0] == 0) {
                        marks[0] = System.nanoTime();
                    }
                });
                long end = System.nanoTime();
                if (marks[0] == 0) {
                    marks[0] = end;
                }
                print("replica download (HTTP, to the inbox)", (marks[0] - start) / 1e9, "s", r.pulled() + " events ("
                        + RESIDENTS + " residents)");
                print("replica apply (to the register)", (end - marks[0]) / 1e9, "s", r.replicated() + " snapshots applied");
                assertEquals(RESIDENTS, r.pulled());
            }
        }
    }
}
