package jp.kiban.sync.tests;

import static jp.kiban.sync.tests.SyncWorld.TOWN_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import jp.kiban.persistence.Dialect;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Role;
import jp.kiban.sync.protocol.SyncProtocol.Conflict;
import jp.kiban.platform.ConnectionStatus.State;
import jp.kiban.sync.impl.SyncServiceComponent;
import jp.kiban.sync.tests.SyncWorld.Central;

/**
 * The desk client's background sync against the real central server: online, offline with the changes
 * waiting counted, back online on demand; the back-off between attempts.
 */
class SyncServiceTest {

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not within 30 s: " + what);
    }

    @Test
    void goesOfflineCountsWhatWaitsAndCatchesUpOnDemand() throws Exception {
        try (Central central = new Central(Dialect.POSTGRESQL);
                SyncWorld.Terminal a1 = new SyncWorld.Terminal(central, TOWN_A, "窓口1");
                SyncWorld.Terminal a2 = new SyncWorld.Terminal(central, TOWN_A, "窓口2")) {
            a1.edit("00000000019", 0, "転入");
            a2.edit("00000000019", 0, "同じ人を別の窓口で");
            Map<String, String> settings = Map.of("sync.url", central.api, "sync.token", a1.credential.token(),
                    "sync.interval", "3600");
            SyncServiceComponent sync = SyncServiceComponent.start(settings::get, a1.outbox, a1.tx);
            try {
                await("first sync", () -> sync.state() == State.ONLINE);
                assertEquals(0, sync.pendingChanges());
                assertTrue(sync.lastSync().isPresent());
                assertTrue(sync.offlineSince().isEmpty());
                assertEquals(1, central.count("SELECT COUNT(*) FROM central_event"));

                // the line goes down: the counter keeps working, changes wait and are counted
                central.stop();
                a1.edit("00000000027", 0, "出生（オフライン）");
                a1.edit("00000000035", 0, "転入（オフライン）");
                assertTrue(sync.syncNow());
                await("offline", () -> sync.state() == State.OFFLINE);
                assertEquals(2, sync.pendingChanges());
                assertTrue(sync.offlineSince().isPresent());
                assertTrue(sync.problem().orElseThrow().contains("404"), sync.problem().orElseThrow());

                // back online; the other terminal's conflicting change shows as a conflict to review there
                central.start();
                sync.syncNow();
                await("back online", () -> sync.state() == State.ONLINE && sync.pendingChanges() == 0);
                assertEquals(3, central.count("SELECT COUNT(*) FROM central_event"));
                assertEquals(3, a1.inbox.count());
                SyncServiceComponent other = SyncServiceComponent.start(Map.of("sync.url", central.api, "sync.token",
                        a2.credential.token())::get, a2.outbox, a2.tx);
                try {
                    await("A2 synced", () -> other.state() == State.ONLINE);
                    assertEquals(1, other.conflicts());
                    assertEquals(0, other.pendingChanges());

                    // the review queue, as the supervisor's screen reads it: both versions
                    List<Conflict> open = other.open();
                    assertEquals(1, open.size());
                    assertTrue(open.get(0).pushed().payload().contains("同じ人を別の窓口で"));
                    assertTrue(open.get(0).current().payload().contains("転入"));
                    Operator counter = new Operator("tanaka", "田中 一郎", "a2", Set.of(Role.COUNTER));
                    Operator supervisor = new Operator("sato", "佐藤 花子", "a2", Set.of(Role.SUPERVISOR));
                    assertThrows(SecurityException.class, () -> other.decide(counter, open.get(0).conflictId(), true, null));
                    Conflict decided = other.decide(supervisor, open.get(0).conflictId(), true, "両方確認");
                    assertEquals("ACCEPTED", decided.state());
                    assertEquals("佐藤 花子 (sato)", decided.decidedBy());
                    assertTrue(other.open().isEmpty());
                    await("the accepted version reaches A1", () -> {
                        sync.syncNow();
                        return a1.inbox.count() == 4;
                    });
                } finally {
                    other.stop();
                }
            } finally {
                sync.stop();
            }
        }
    }

    @Test
    void withoutAnAddressItIsStandaloneAndWithoutATokenItSaysWhy() throws Exception {
        try (Central central = new Central(Dialect.DERBY);
                SyncWorld.Terminal a1 = new SyncWorld.Terminal(central, TOWN_A, "窓口1")) {
            SyncServiceComponent none = SyncServiceComponent.start(Map.<String, String>of()::get, a1.outbox, a1.tx);
            assertEquals(State.NOT_CONFIGURED, none.state());
            assertFalse(none.syncNow());
            assertThrows(IllegalStateException.class, none::open, "no review queue without a central server");
            a1.edit("00000000019", 0, "waits");
            SyncServiceComponent noToken = SyncServiceComponent.start(Map.of("sync.url", central.api)::get, a1.outbox, a1.tx);
            SyncServiceComponent badUrl = SyncServiceComponent.start(Map.of("sync.url", "ftp://x", "sync.token", "t")::get,
                    a1.outbox, a1.tx);
            try {
                assertEquals(State.OFFLINE, noToken.state());
                assertTrue(noToken.problem().orElseThrow().contains("sync.token"));
                assertFalse(noToken.syncNow(), "nothing to sync with");
                await("what waits is counted", () -> noToken.pendingChanges() == 1);
                assertTrue(badUrl.problem().orElseThrow().contains("sync.url"), badUrl.problem().orElseThrow());
                assertEquals(0, central.count("SELECT COUNT(*) FROM central_event"));
            } finally {
                noToken.stop();
                badUrl.stop();
            }
        }
    }

    @Test
    void disasterModeStopsEverySyncAttemptAndIsKeptAcrossARestart() throws Exception {
        try (Central central = new Central(Dialect.POSTGRESQL);
                SyncWorld.Terminal a1 = new SyncWorld.Terminal(central, TOWN_A, "窓口1")) {
            Map<String, String> settings = Map.of("sync.url", central.api, "sync.token", a1.credential.token(),
                    "sync.interval", "3600");
            Operator counter = new Operator("tanaka", "田中 一郎", "a1", Set.of(Role.COUNTER));
            Operator admin = new Operator("kanri", "管理 太郎", "a1", Set.of(Role.ADMINISTRATOR));
            a1.edit("00000000019", 0, "転入");
            SyncServiceComponent sync = SyncServiceComponent.start(settings::get, a1.outbox, a1.tx);
            java.time.Instant asOf;
            try {
                await("first sync", () -> sync.state() == State.ONLINE);
                asOf = sync.dataAsOf().orElseThrow();
                assertFalse(sync.disasterMode());
                assertThrows(SecurityException.class, () -> sync.setDisasterMode(counter, true), "a counter clerk may not");
                sync.setDisasterMode(admin, true);
                assertEquals(State.DISASTER, sync.state());
                assertTrue(sync.disasterMode());
                assertTrue(sync.disasterSince().isPresent());
                assertFalse(sync.syncNow(), "no sync on demand in 災害モード");
                a1.edit("00000000027", 0, "出生（災害モード）");
                await("what waits is counted", () -> sync.pendingChanges() == 1);
            } finally {
                sync.stop();
            }
            // a restart: still in 災害モード, no contact with the central store, the data still as of the last pull
            long events = central.count("SELECT COUNT(*) FROM central_event");
            SyncServiceComponent again = SyncServiceComponent.start(settings::get, a1.outbox, a1.tx);
            try {
                await("disaster mode after the restart", () -> again.state() == State.DISASTER);
                assertTrue(again.disasterMode());
                assertEquals(asOf, again.dataAsOf().orElseThrow());
                assertEquals(1, again.pendingChanges());
                assertFalse(again.syncNow());
                assertEquals(events, central.count("SELECT COUNT(*) FROM central_event"), "nothing was pushed");
                assertEquals(1, a1.outbox.pendingCount());

                // switched off: sync resumes at once and what waited is sent
                again.setDisasterMode(admin, false);
                await("back online", () -> again.state() == State.ONLINE && again.pendingChanges() == 0);
                assertEquals(events + 1, central.count("SELECT COUNT(*) FROM central_event"));
                assertTrue(again.dataAsOf().orElseThrow().isAfter(asOf), "a new pull: the data is more recent");
                assertFalse(again.disasterMode());
            } finally {
                again.stop();
            }
            // without a central store there is nothing to stop
            SyncServiceComponent none = SyncServiceComponent.start(Map.<String, String>of()::get, a1.outbox, a1.tx);
            assertThrows(IllegalStateException.class, () -> none.setDisasterMode(admin, true));
            assertFalse(none.disasterMode());
        }
    }

    @Test
    void backOffDoublesUpToFiveMinutes() {
        assertEquals(Duration.ofSeconds(5), SyncServiceComponent.backoff(1, true));
        assertEquals(Duration.ofSeconds(10), SyncServiceComponent.backoff(2, true));
        assertEquals(Duration.ofSeconds(160), SyncServiceComponent.backoff(6, true));
        assertEquals(Duration.ofMinutes(5), SyncServiceComponent.backoff(7, true));
        assertEquals(Duration.ofMinutes(5), SyncServiceComponent.backoff(1000, true));
        assertEquals(Duration.ofMinutes(5), SyncServiceComponent.backoff(1, false), "a refused token will not heal in 5 s");
    }
}
