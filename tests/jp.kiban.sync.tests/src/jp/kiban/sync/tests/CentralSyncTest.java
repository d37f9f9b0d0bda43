package jp.kiban.sync.tests;

import static jp.kiban.sync.tests.SyncWorld.TOWN_A;
import static jp.kiban.sync.tests.SyncWorld.TOWN_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kiban.central.CentralRefusal;
import jp.kiban.central.Terminal;
import jp.kiban.persistence.Dialect;
import jp.kiban.sync.OutboxEntry;
import jp.kiban.sync.impl.SyncClient;
import jp.kiban.sync.protocol.SyncProtocol;
import jp.kiban.sync.protocol.SyncProtocol.Conflict;
import jp.kiban.sync.protocol.SyncProtocol.Decision;
import jp.kiban.sync.protocol.SyncProtocol.Event;
import jp.kiban.sync.protocol.SyncProtocol.Outcome;
import jp.kiban.sync.protocol.SyncProtocol.PushRequest;
import jp.kiban.sync.protocol.SyncProtocol.PushResponse;
import jp.kiban.sync.protocol.SyncProtocol.TerminalCredential;
import jp.kiban.sync.tests.SyncWorld.Central;
import jp.kiban.sync.tests.SyncWorld.Refusals;

/**
 * Terminals and the real central server over HTTP, the central store on PostgreSQL: two terminals of one
 * town and one of another, offline edits, reconnection, exactly-once delivery, the review queue, faults.
 */
class CentralSyncTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static Event wire(OutboxEntry e) {
        return new Event(e.eventId().toString(), e.municipalityCode(), e.localSequence(), e.type(), e.groupId(),
                e.aggregateKey(), e.baseHistory(), e.newHistory(), e.payloadJson(), null, null);
    }

    @Test
    void twoTerminalsOfOneTownAndOneOfAnotherWorkOfflineAndReconcile() throws Exception {
        try (Central central = new Central(Dialect.POSTGRESQL);
                SyncWorld.Terminal a1 = new SyncWorld.Terminal(central, TOWN_A, "デモ町 窓口1");
                SyncWorld.Terminal a2 = new SyncWorld.Terminal(central, TOWN_A, "デモ町 窓口2");
                SyncWorld.Terminal b1 = new SyncWorld.Terminal(central, TOWN_B, "千代田区 窓口1")) {
            // a household registered at A1, known to both terminals of town A
            a1.household("00000000019", "00000000027");
            a1.client.sync();
            a2.client.sync();
            assertEquals(a1.inbox.eventIds(), a2.inbox.eventIds());
            assertEquals(2, a2.inbox.count());

            // offline: both terminals of town A change the same person, and other people; town B uses the same 宛名番号
            OutboxEntry first = a1.edit("00000000019", 1, "転居 at A1");
            a1.edit("00000000035", 0, "出生 at A1");
            OutboxEntry late = a2.edit("00000000019", 1, "氏名修正 at A2");
            a2.edit("00000000043", 0, "転入 at A2");
            b1.household("00000000019", "00000000027");
            b1.edit("00000000019", 1, "B's own person");

            // reconnect, in this order
            SyncClient.Result r1 = a1.client.sync();
            assertEquals(2, r1.applied());
            SyncClient.Result r2 = a2.client.sync();
            assertEquals(1, r2.applied());
            assertEquals(1, r2.conflicts(), "A2's change was based on 履歴番号 1, but A1 made it 2 meanwhile");
            SyncClient.Result rb = b1.client.sync();
            assertEquals(3, rb.applied(), "town B's 00000000019 is another person: no conflict with town A");
            a1.client.sync();

            // every applied change exactly once, in one order for both terminals of town A
            assertEquals(5, central.count("SELECT COUNT(*) FROM central_event WHERE municipality_code = ?", TOWN_A));
            assertEquals(5, central.count("SELECT COUNT(DISTINCT event_id) FROM central_event WHERE municipality_code = ?", TOWN_A));
            assertEquals(3, central.count("SELECT COUNT(*) FROM central_event WHERE municipality_code = ?", TOWN_B));
            assertEquals(a1.inbox.eventIds(), a2.inbox.eventIds());
            assertEquals(5, a1.inbox.count());
            assertFalse(a1.inbox.eventIds().contains(late.eventId().toString()));
            assertEquals(3, b1.inbox.count(), "town B sees only its own");
            assertEquals(0, a1.outbox.pendingCount() + a2.outbox.pendingCount() + b1.outbox.pendingCount());
            assertEquals(1, a2.outbox.conflictCount());

            // the conflicting one is in the review queue with both versions; nothing else moved
            Terminal ta = central.store.authenticate(a1.credential.token()).orElseThrow();
            List<Conflict> queue = central.store.conflicts(ta, true);
            assertEquals(1, queue.size());
            Conflict c = queue.get(0);
            assertEquals(late.eventId().toString(), c.pushed().eventId());
            assertEquals(first.eventId().toString(), c.current().eventId());
            assertEquals(2, c.currentHistory());
            assertTrue(c.pushed().payload().contains("氏名修正"), "the refused version is kept whole");
            assertTrue(c.current().payload().contains("転居"));
            Terminal tb = central.store.authenticate(b1.credential.token()).orElseThrow();
            assertTrue(central.store.conflicts(tb, false).isEmpty());
            assertEquals(1, central.store.info(ta).openConflicts());

            // the supervisor accepts A2's version on top: it becomes 履歴番号 3, and every terminal gets it once
            Conflict decided = central.store.decide(ta, c.conflictId(), new Decision("ACCEPT", "佐藤 花子", "両方の届出を確認"));
            assertEquals("ACCEPTED", decided.state());
            assertThrows(CentralRefusal.class, () -> central.store.decide(ta, c.conflictId(),
                    new Decision("DISCARD", "佐藤 花子", null)), "decided once");
            a1.client.sync();
            a2.client.sync();
            assertEquals(a1.inbox.eventIds(), a2.inbox.eventIds());
            assertEquals(6, a1.inbox.count());
            assertEquals(3, central.count("SELECT current_history FROM central_aggregate WHERE municipality_code = ?"
                    + " AND aggregate_key = '00000000019'", TOWN_A));
            assertEquals(2, central.count("SELECT current_history FROM central_aggregate WHERE municipality_code = ?"
                    + " AND aggregate_key = '00000000019'", TOWN_B), "town B's own person (edited once there) is untouched by A");
        }
    }

    @Test
    void aBatchSentTwiceIsAppliedOnceAndAHouseholdIsAppliedAllOrNothing() throws Exception {
        try (Central central = new Central(Dialect.POSTGRESQL);
                SyncWorld.Terminal a1 = new SyncWorld.Terminal(central, TOWN_A, "窓口1")) {
            List<OutboxEntry> household = a1.household("00000000019", "00000000027", "00000000035");
            Terminal t = central.store.authenticate(a1.credential.token()).orElseThrow();
            List<Event> batch = household.stream().map(CentralSyncTest::wire).toList();
            PushResponse once = central.store.push(t, batch);
            assertTrue(once.results().stream().allMatch(r -> r.outcome() == Outcome.APPLIED));
            PushResponse twice = central.store.push(t, batch);
            assertTrue(twice.results().stream().allMatch(r -> r.outcome() == Outcome.DUPLICATE));
            assertEquals(once.results().stream().map(SyncProtocol.PushResult::centralSequence).toList(),
                    twice.results().stream().map(SyncProtocol.PushResult::centralSequence).toList());
            assertEquals(3, central.count("SELECT COUNT(*) FROM central_event"));

            // a household change where one member is stale goes whole to the review queue
            a1.outbox.acknowledge(household.stream().map(OutboxEntry::eventId).toList());
            String group = java.util.UUID.randomUUID().toString();
            List<OutboxEntry> split = a1.tx.required(em -> List.of(
                    a1.outbox.append(new jp.kiban.sync.OutboxEvent("resident.snapshot", group, "00000000019", 1, 2, Map.of())),
                    a1.outbox.append(new jp.kiban.sync.OutboxEvent("resident.snapshot", group, "00000000027", 0, 1, Map.of()))));
            PushResponse r = central.store.push(t, split.stream().map(CentralSyncTest::wire).toList());
            assertEquals(List.of(Outcome.CONFLICT, Outcome.CONFLICT), r.results().stream().map(SyncProtocol.PushResult::outcome).toList());
            assertEquals(3, central.count("SELECT COUNT(*) FROM central_event"), "nothing of the group was applied");
            assertEquals(2, central.count("SELECT COUNT(*) FROM central_conflict WHERE state = 'OPEN'"));
        }
    }

    @Test
    void faultsLoseAndDuplicateNothing() throws Exception {
        try (Central central = new Central(Dialect.POSTGRESQL);
                SyncWorld.Terminal a1 = new SyncWorld.Terminal(central, TOWN_A, "窓口1");
                SyncWorld.Terminal a2 = new SyncWorld.Terminal(central, TOWN_A, "窓口2")) {
            Terminal t = central.store.authenticate(a1.credential.token()).orElseThrow();
            for (int i = 0; i < 30; i++) {
                a1.edit(String.format("k%05d", i), 0, "edit " + i);
            }
            // the connection is cut after the central commit, before the acknowledgement reached the terminal
            central.store.push(t, a1.outbox.pending(10).stream().map(CentralSyncTest::wire).toList());
            assertEquals(30, a1.outbox.pendingCount(), "the terminal never heard the answer");

            // the server is stopped: the push fails as retryable and nothing is marked as pushed
            central.stop();
            SyncClient.SyncException down = assertThrows(SyncClient.SyncException.class, () -> a1.client.push(7, 100));
            assertEquals(404, down.status());
            assertEquals(30, a1.outbox.pendingCount());
            Bundle jetty = java.util.Arrays.stream(SyncWorld.context().getBundles())
                    .filter(b -> b.getSymbolicName().equals("org.apache.felix.http.jetty12")).findFirst().orElseThrow();
            jetty.stop();
            try {
                SyncClient.SyncException refused = assertThrows(SyncClient.SyncException.class, () -> a1.client.push(7, 100));
                assertTrue(refused.retryable(), refused.getMessage());
            } finally {
                jetty.start();
            }
            central.start();

            // the client is killed after local commits, before it pushed: a new client on the same database
            a1.edit("k99999", 0, "the last one before the crash");
            a1.client = a1.newClient(central.api);
            SyncClient.Result r = a1.client.sync();
            assertEquals(10, r.duplicates(), "the batch committed before the cut is recognised");
            assertEquals(21, r.applied());
            assertEquals(0, a1.outbox.pendingCount());
            assertEquals(31, central.count("SELECT COUNT(*) FROM central_event"));
            a2.client.sync();
            assertEquals(31, a2.inbox.count());
            assertEquals(a1.inbox.eventIds(), a2.inbox.eventIds());
            assertEquals(a2.inbox.eventIds().stream().distinct().count(), a2.inbox.count(), "no event twice");
        }
    }

    /**
     * The central server fails while it applies a push batch: from another connection, the PostgreSQL backend of the
     * push is terminated ({@code pg_terminate_backend}) once it holds its insert lock on central_event (so the sequence
     * row is locked and events are being written) and before it commits. Nothing of the batch is kept, the terminal
     * keeps everything as waiting, and after recovery every change is there exactly once, in one unbroken sequence.
     */
    @Test
    void theServerFailingPartWayThroughABatchLosesAndDuplicatesNothing() throws Exception {
        try (Central central = new Central(Dialect.POSTGRESQL);
                SyncWorld.Terminal a1 = new SyncWorld.Terminal(central, TOWN_A, "窓口1");
                SyncWorld.Terminal a2 = new SyncWorld.Terminal(central, TOWN_A, "窓口2");
                jp.kiban.persistence.impl.Databases.CloseableDatabase admin = jp.kiban.persistence.impl.Databases.postgresql(
                        System.getProperty("kiban.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test"),
                        System.getProperty("kiban.test.pg.user", "postgres"), System.getProperty("kiban.test.pg.password", ""),
                        null)) {
            int n = SyncProtocol.MAX_BATCH;
            // large payloads (16 KB each, 16 MB in the batch): the central transaction stays open long enough to be hit
            String filler = "x".repeat(16_000);
            a1.tx.requiredRun(em -> {
                for (int i = 0; i < n; i++) {
                    a1.outbox.append(new jp.kiban.sync.OutboxEvent("resident.snapshot", null, String.format("f%05d", i), 0, 1,
                            Map.of("i", i, "filler", filler)));
                }
            });
            String schema;
            try (java.sql.Connection c = central.db.dataSource().getConnection(); java.sql.Statement st = c.createStatement();
                    java.sql.ResultSet r = st.executeQuery("SELECT current_schema()")) {
                r.next();
                schema = r.getString(1);
            }
            // the "failure": another connection terminates the backend that is applying the batch in this test's schema
            java.util.concurrent.atomic.AtomicReference<String> killed = new java.util.concurrent.atomic.AtomicReference<>();
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            Thread killer = new Thread(() -> {
                try (java.sql.Connection c = admin.dataSource().getConnection();
                        java.sql.PreparedStatement find = c.prepareStatement("SELECT l.pid, a.backend_xid::text FROM pg_locks l"
                                + " JOIN pg_class t ON t.oid = l.relation JOIN pg_namespace s ON s.oid = t.relnamespace"
                                + " JOIN pg_stat_activity a ON a.pid = l.pid WHERE s.nspname = ? AND t.relname = 'central_event'"
                                + " AND l.mode = 'RowExclusiveLock' AND l.granted AND a.backend_xid IS NOT NULL"
                                + " AND l.pid <> pg_backend_pid()")) {
                    find.setString(1, schema);
                    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
                    while (!stop.get() && System.nanoTime() < deadline) {
                        try (java.sql.ResultSet r = find.executeQuery()) {
                            if (r.next()) {
                                int pid = r.getInt(1);
                                String xid = r.getString(2);
                                try (java.sql.Statement kill = c.createStatement()) {
                                    kill.execute("SELECT pg_terminate_backend(" + pid + ")");
                                }
                                killed.set("backend " + pid + " in transaction " + xid);
                                return;
                            }
                        }
                    }
                } catch (java.sql.SQLException e) {
                    killed.set("monitor failed: " + e);
                }
            }, "terminate-central-backend");
            killer.start();
            java.util.List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.logging.Handler capture = new java.util.logging.Handler() {
                @Override
                public void publish(java.util.logging.LogRecord r) {
                    StringBuilder b = new StringBuilder(String.valueOf(r.getMessage()));
                    for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
                        b.append(" / ").append(t);
                    }
                    warnings.add(b.toString());
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            java.util.logging.Logger.getLogger("jp.kiban.central").addHandler(capture);
            SyncClient.SyncException failed;
            try {
                failed = assertThrows(SyncClient.SyncException.class, () -> a1.client.push(n, 1));
            } finally {
                stop.set(true);
                killer.join(10_000);
                java.util.logging.Logger.getLogger("jp.kiban.central").removeHandler(capture);
            }
            assertTrue(warnings.stream().anyMatch(w -> w.contains("Central store unavailable")), warnings.toString());
            assertTrue(warnings.stream().noneMatch(w -> w.contains(filler.substring(0, 100))),
                    "the failure is logged without the residents' data of the batch");
            assertTrue(killed.get() != null && killed.get().startsWith("backend "), "terminated mid-batch: " + killed.get());
            assertEquals(503, failed.status(), failed.getMessage());
            assertTrue(failed.retryable());
            // nothing of the batch was kept: no event, no sequence number used, no entity state; all still waiting
            assertEquals(0, central.count("SELECT COUNT(*) FROM central_event"));
            assertEquals(0, central.count("SELECT COUNT(*) FROM central_aggregate"));
            assertEquals(0, central.count("SELECT COALESCE(MAX(last_seq), 0) FROM central_sequence"));
            assertEquals(n, a1.outbox.pendingCount());

            // recovery: the terminal retries (a first retry may still meet the dead connection) and everything lands once
            SyncClient.Result r = null;
            for (int attempt = 0; attempt < 5 && r == null; attempt++) {
                try {
                    r = a1.client.sync();
                } catch (SyncClient.SyncException e) {
                    assertTrue(e.retryable(), e.getMessage());
                }
            }
            assertTrue(r != null, "the sync recovered");
            assertEquals(n, r.applied(), "applied now: the failed batch had left nothing behind");
            assertEquals(0, r.duplicates());
            assertEquals(0, a1.outbox.pendingCount());
            assertEquals(n, central.count("SELECT COUNT(*) FROM central_event"));
            assertEquals(n, central.count("SELECT COUNT(DISTINCT event_id) FROM central_event"));
            assertEquals(n, central.count("SELECT MAX(seq) FROM central_event"), "one unbroken sequence 1.." + n);
            assertEquals(n, central.count("SELECT COUNT(*) FROM central_aggregate"));
            a2.client.sync();
            assertEquals(n, a2.inbox.count());
            assertEquals(a1.inbox.eventIds(), a2.inbox.eventIds());
            assertEquals(n, a2.inbox.eventIds().stream().distinct().count(), "no event twice");
        }
    }

    @Test
    void aTerminalNeverReachesAnotherTownsDataWhateverItSends() throws Exception {
        try (Refusals log = new Refusals();
                Central central = new Central(Dialect.POSTGRESQL);
                SyncWorld.Terminal a1 = new SyncWorld.Terminal(central, TOWN_A, "A 窓口");
                SyncWorld.Terminal b1 = new SyncWorld.Terminal(central, TOWN_B, "B 窓口")) {
            OutboxEntry aEdit = a1.edit("00000000019", 0, "A's person");
            a1.edit("00000000019", 0, "A's stale edit");
            a1.client.sync();
            Terminal ta = central.store.authenticate(a1.credential.token()).orElseThrow();
            String aConflict = central.store.conflicts(ta, true).get(0).conflictId();
            String bToken = b1.credential.token();
            String api = central.api;

            // push: an event stamped with town A's code refuses the whole batch
            OutboxEntry bEdit = b1.edit("00000000019", 0, "B's person");
            Event forged = new Event(java.util.UUID.randomUUID().toString(), TOWN_A, 1, "resident.snapshot", null,
                    "00000000019", 1, 2, "{\"x\":1}", null, null);
            int before = log.messages.size();
            HttpResponse<String> push = SyncWorld.http("POST", api + "push", bToken,
                    JSON.writeValueAsString(new PushRequest(List.of(wire(bEdit), forged))));
            assertEquals(403, push.statusCode(), push.body());
            log.assertLogged(before, "for municipality " + TOWN_A);
            assertEquals(0, central.count("SELECT COUNT(*) FROM central_event WHERE municipality_code = ?", TOWN_B),
                    "nothing of the refused batch was applied");
            // …and A's event id reused by B is B's own event, never A's
            Event reused = new Event(aEdit.eventId().toString(), TOWN_B, 2, "resident.snapshot", null, "00000000099", 0, 1,
                    "{\"x\":2}", null, null);
            HttpResponse<String> reuse = SyncWorld.http("POST", api + "push", bToken,
                    JSON.writeValueAsString(new PushRequest(List.of(reused))));
            assertEquals(200, reuse.statusCode(), reuse.body());
            assertTrue(reuse.body().contains("APPLIED"), "not reported as a duplicate of A's: nothing about A leaks");
            assertEquals(1, central.count("SELECT COUNT(*) FROM central_event WHERE municipality_code = ? AND event_id = ?",
                    TOWN_A, aEdit.eventId().toString()));

            // pull and replica from the start: B's only
            for (String path : List.of("pull?since=0&max=1000", "replica?after=0&max=1000", "conflicts?all=true", "terminal")) {
                HttpResponse<String> r = SyncWorld.http("GET", api + path, bToken, null);
                assertEquals(200, r.statusCode(), path + ": " + r.body());
                assertFalse(r.body().contains(TOWN_A), path + " shows nothing of town A: " + r.body());
                assertFalse(r.body().contains("A's"), path + ": " + r.body());
            }
            // decide town A's conflict by its id: not found, logged
            before = log.messages.size();
            HttpResponse<String> decide = SyncWorld.http("POST", api + "conflicts/" + aConflict, bToken,
                    JSON.writeValueAsString(new Decision("DISCARD", "B の職員", null)));
            assertEquals(404, decide.statusCode(), decide.body());
            log.assertLogged(before, aConflict);
            assertEquals(1, central.store.conflicts(ta, true).size(), "A's review queue is untouched");

            // no token, a made-up token, a revoked token, a wrong administrator token: 401, logged
            before = log.messages.size();
            assertEquals(401, SyncWorld.http("GET", api + "pull?since=0", null, null).statusCode());
            assertEquals(401, SyncWorld.http("GET", api + "pull?since=0", "made-up", null).statusCode());
            TerminalCredential revoked = central.register(TOWN_A, "盗まれた端末");
            assertTrue(central.store.revokeTerminal(revoked.terminalId()));
            assertEquals(401, SyncWorld.http("GET", api + "pull?since=0", revoked.token(), null).statusCode());
            assertEquals(401, SyncWorld.http("POST", api + "admin/terminals", bToken,
                    "{\"municipalityCode\":\"139998\",\"name\":\"x\"}").statusCode());
            assertEquals(before + 4, log.messages.size(), log.messages.toString());
            // malformed requests: 400 with a message, nothing stored
            HttpResponse<String> bad = SyncWorld.http("POST", api + "push", bToken, "{\"events\":[{\"eventId\":\"x\"");
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("malformed JSON"), bad.body());
            assertEquals(400, SyncWorld.http("GET", api + "pull?since=-1", bToken, null).statusCode());
            assertEquals(400, SyncWorld.http("POST", api + "push", bToken, JSON.writeValueAsString(new PushRequest(List.of(
                    new Event("not-a-uuid", TOWN_B, 3, "t", null, null, null, null, "{}", null, null))))).statusCode());

            // the database itself: under the server's role with town B set, town A's rows are invisible and unwritable
            try (java.sql.Connection c = central.db.dataSource().getConnection()) {
                c.setAutoCommit(false);
                try (java.sql.Statement s = c.createStatement()) {
                    s.execute("SET LOCAL ROLE kiban_central_app");
                    s.execute("SELECT set_config('kiban.municipality', '" + TOWN_B + "', true)");
                    try (java.sql.ResultSet r = s.executeQuery("SELECT DISTINCT municipality_code FROM central_event")) {
                        List<String> codes = new java.util.ArrayList<>();
                        while (r.next()) {
                            codes.add(r.getString(1));
                        }
                        assertEquals(List.of(TOWN_B), codes, "no WHERE clause, and still only town B");
                    }
                    assertEquals(0, s.executeUpdate("UPDATE central_conflict SET state = 'DISCARDED'"));
                    // every policy compares the column itself (migration V003): a column cast to text has no
                    // statistics, and PostgreSQL then planned each replica page as a scan of the whole table
                    try (java.sql.ResultSet r = s.executeQuery("SELECT tablename, qual, with_check FROM pg_policies"
                            + " WHERE schemaname = current_schema() ORDER BY tablename")) {
                        int n = 0;
                        while (r.next()) {
                            n++;
                            assertFalse(r.getString(2).contains("(municipality_code)::text"), r.getString(1) + ": " + r.getString(2));
                            assertFalse(r.getString(3).contains("(municipality_code)::text"), r.getString(1) + ": " + r.getString(3));
                        }
                        assertEquals(7, n, "the central store's seven tables with a policy");
                    }
                    java.sql.SQLException rls = assertThrows(java.sql.SQLException.class, () -> s.executeUpdate(
                            "INSERT INTO central_sequence (municipality_code, last_seq) VALUES ('" + TOWN_A + "', 99)"));
                    assertEquals("42501", rls.getSQLState(), rls.getMessage());
                } finally {
                    c.rollback();
                }
            }
            assertNull(central.store.conflicts(ta, true).get(0).decidedBy());
            Map<String, Long> perTown = central.store.pull(ta, 0, 100).events().stream()
                    .collect(Collectors.groupingBy(Event::municipalityCode, Collectors.counting()));
            assertEquals(Map.of(TOWN_A, 1L), perTown);
        }
    }

    @Test
    void theProductWiredServerOnDerbyRegistersTerminalsAndSyncs() throws Exception {
        // the DS components as in the central product: store on this run's Derby, API at /api/v1, admin token from settings
        String api = SyncWorld.baseUrl() + "/api/v1/";
        SyncWorld.awaitServing(api);
        HttpResponse<String> reg = SyncWorld.http("POST", api + "admin/terminals", "test-admin-token",
                "{\"municipalityCode\":\"139998\",\"name\":\"デモ町 窓口\"}");
        assertEquals(200, reg.statusCode(), reg.body());
        TerminalCredential cred = JSON.readValue(reg.body(), TerminalCredential.class);
        assertEquals(43, cred.token().length());
        HttpResponse<String> bad = SyncWorld.http("POST", api + "admin/terminals", "test-admin-token",
                "{\"municipalityCode\":\"13999\",\"name\":\"x\"}");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("6-digit"), bad.body());
        Event e = new Event(java.util.UUID.randomUUID().toString(), "139998", 1, "access.log", null, null, null, null,
                "{\"who\":\"tanaka\"}", null, null);
        HttpResponse<String> push = SyncWorld.http("POST", api + "push", cred.token(),
                JSON.writeValueAsString(new PushRequest(List.of(e))));
        assertEquals(200, push.statusCode(), push.body());
        HttpResponse<String> pull = SyncWorld.http("GET", api + "pull?since=0", cred.token(), null);
        SyncProtocol.EventPage page = JSON.readValue(pull.body(), SyncProtocol.EventPage.class);
        assertEquals(List.of(e.eventId()), page.events().stream().map(Event::eventId).toList());
        assertEquals(cred.terminalId(), page.events().get(0).terminalId());
    }
    @Test
    void failedAuthenticationsAreRateLimitedPerAddress() throws Exception {
        try (Refusals log = new Refusals(); Central central = new Central(Dialect.POSTGRESQL)) {
            String token = central.register(TOWN_A, "A 窓口").token();
            String api = central.api;
            assertEquals(200, SyncWorld.http("GET", api + "terminal", token, null).statusCode());
            // ten wrong tokens in a row (the default limit): each refused as unauthorised
            for (int i = 0; i < 10; i++) {
                assertEquals(401, SyncWorld.http("GET", api + "pull?since=0", "guess-" + i, null).statusCode());
            }
            // from now on the address is refused whatever it sends, even a good token, and is told when to retry
            int before = log.messages.size();
            HttpResponse<String> blocked = SyncWorld.http("GET", api + "terminal", token, null);
            assertEquals(429, blocked.statusCode(), blocked.body());
            long retry = Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retry > 0 && retry <= 300, "Retry-After " + retry);
            assertTrue(blocked.body().contains("too_many_failures"), blocked.body());
            log.assertLogged(before, "too many failed authentications");
            assertEquals(429, SyncWorld.http("POST", api + "admin/terminals", "admin-guess", "{}").statusCode());
        }
    }

    @Test
    void theRateLimitCountsWithinItsWindowAndASuccessClearsIt() {
        java.time.Instant[] now = { java.time.Instant.parse("2026-12-01T00:00:00Z") };
        java.time.Clock clock = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return now[0];
            }
        };
        jp.kiban.central.impl.AuthFailures f = new jp.kiban.central.impl.AuthFailures(3, java.time.Duration.ofMinutes(5), clock);
        assertFalse(f.failed("10.0.0.1"));
        assertFalse(f.failed("10.0.0.1"));
        f.succeeded("10.0.0.1");
        assertFalse(f.failed("10.0.0.1"), "a success cleared the count");
        assertFalse(f.failed("10.0.0.1"));
        assertTrue(f.failed("10.0.0.1"), "the third failure in the window blocks");
        assertEquals(300, f.blockedFor("10.0.0.1"));
        assertEquals(0, f.blockedFor("10.0.0.2"), "other addresses are not affected");
        now[0] = now[0].plusSeconds(299);
        assertEquals(1, f.blockedFor("10.0.0.1"));
        now[0] = now[0].plusSeconds(1);
        assertEquals(0, f.blockedFor("10.0.0.1"), "free again after the window");
        // failures spread wider than the window never block
        for (int i = 0; i < 10; i++) {
            assertFalse(f.failed("10.0.0.3"));
            now[0] = now[0].plusSeconds(151);
            if (i % 2 == 1) {
                now[0] = now[0].plusSeconds(1);
            }
        }
    }
}
