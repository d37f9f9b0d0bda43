package jp.kiban.sync.tests;

import static jp.kiban.sync.tests.SyncWorld.TOWN_A;
import static jp.kiban.sync.tests.SyncWorld.TOWN_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import jp.kiban.addressee.AddresseeKind;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.persistence.Dialect;
import jp.kiban.platform.ConnectionStatus.State;
import jp.kiban.sync.LeaseExhaustedException;
import jp.kiban.sync.NumberLeaseKinds;
import jp.kiban.sync.NumberLeases;
import jp.kiban.sync.OutboxEvent;
import jp.kiban.sync.impl.SyncClient;
import jp.kiban.sync.impl.SyncServiceComponent;
import jp.kiban.sync.protocol.SyncProtocol.LeaseGrant;
import jp.kiban.sync.tests.SyncWorld.Central;

/**
 * Number leases (宛名番号, 世帯番号, 発行番号) against the real central server on PostgreSQL: terminals of one
 * town never get the same number, even leasing at the same moment; an offline terminal keeps assigning from
 * its lease; the background sync tops the lease up; an exhausted lease refuses the change cleanly.
 */
class NumberLeaseTest {

    static final NumberLeaseKinds.Kind ADDRESSEE = new NumberLeaseKinds.Kind(NumberLeases.ADDRESSEE, AddresseeNumber.MAX_SERIAL, 1);
    static final NumberLeaseKinds.Kind HOUSEHOLD = new NumberLeaseKinds.Kind(NumberLeases.HOUSEHOLD, HouseholdNumber.MAX_SERIAL, 1);

    /** Takes numbers until {@code count} are assigned, topping the lease up (threshold 7, size 13) whenever it runs low. */
    static List<Long> assign(SyncWorld.Terminal t, int count) throws Exception {
        List<Long> out = new ArrayList<>();
        while (out.size() < count) {
            if (t.leaseStore.remaining(NumberLeases.ADDRESSEE) < 7) {
                t.client.topUp(t.leaseStore, List.of(ADDRESSEE), 7, 13);
            }
            out.add(t.numbers.assign(AddresseeKind.RESIDENT).serial());
        }
        return out;
    }

    @Test
    void terminalsOfOneTownNeverGetTheSameNumberEvenLeasingAtOnce() throws Exception {
        try (Central central = new Central(Dialect.POSTGRESQL);
                SyncWorld.Terminal a1 = new SyncWorld.Terminal(central, TOWN_A, "窓口1");
                SyncWorld.Terminal a2 = new SyncWorld.Terminal(central, TOWN_A, "窓口2");
                SyncWorld.Terminal a3 = new SyncWorld.Terminal(central, TOWN_A, "窓口3");
                SyncWorld.Terminal b1 = new SyncWorld.Terminal(central, TOWN_B, "千代田区 窓口1")) {
            long started = System.nanoTime();
            List<LeaseGrant> first = a1.client.topUp(a1.leaseStore, List.of(ADDRESSEE), 7, 13);
            System.out.printf("lease top-up round trip (first lease, PostgreSQL central): %.1f ms%n",
                    (System.nanoTime() - started) / 1e6);
            assertEquals(1, first.size());
            assertEquals(1, first.get(0).first(), "the town's first range starts at 1");
            assertEquals(13, first.get(0).last());
            assertEquals(13, a1.leaseStore.remaining(NumberLeases.ADDRESSEE));

            // three terminals of town A assign and top up at the same time; town B on its own
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<Long>>> runs = new ArrayList<>();
                for (SyncWorld.Terminal t : List.of(a1, a2, a3, b1)) {
                    runs.add(pool.submit(() -> assign(t, 60)));
                }
                List<List<Long>> got = new ArrayList<>();
                for (Future<List<Long>> f : runs) {
                    got.add(f.get());
                }
                Set<Long> townA = new HashSet<>();
                for (int i = 0; i < 3; i++) {
                    List<Long> mine = got.get(i);
                    for (int j = 1; j < mine.size(); j++) {
                        assertTrue(mine.get(j) > mine.get(j - 1), "a terminal's numbers rise: " + mine);
                    }
                    townA.addAll(mine);
                }
                assertEquals(180, townA.size(), "no 宛名番号 was assigned twice in town A");
                assertTrue(got.get(3).contains(1L), "town B's numbers are its own: it starts at 1 too");
            } finally {
                pool.shutdownNow();
            }
            // in the central store: the ranges of one town and kind do not overlap
            assertEquals(0, central.count("SELECT COUNT(*) FROM central_number_lease x JOIN central_number_lease y"
                    + " ON x.municipality_code = y.municipality_code AND x.kind = y.kind AND x.lease_id <> y.lease_id"
                    + " AND x.first_number <= y.last_number AND y.first_number <= x.last_number"));
            assertTrue(central.count("SELECT COUNT(DISTINCT terminal_id) FROM central_number_lease WHERE municipality_code = ?",
                    TOWN_A) == 3);

            // the addressee base adds the check digit to the leased serial, as it does to its own
            AddresseeNumber n = a2.numbers.assign(AddresseeKind.NON_RESIDENT);
            assertEquals(n, AddresseeNumber.of(n.value()), "valid modulus 11 check digit");
            assertEquals(AddresseeNumber.fromSerial(n.serial()), n);
            assertTrue(a2.leaseStore.highest(NumberLeases.ADDRESSEE) >= n.serial());
        }
    }

    /** Collects the terminal's English log lines. */
    static final class Log extends Handler implements AutoCloseable {
        final List<String> lines = new CopyOnWriteArrayList<>();
        private final Logger logger = Logger.getLogger("jp.kiban.sync");

        Log() {
            logger.addHandler(this);
        }

        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                lines.add(r.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }

    @Test
    void offlineTheTerminalAssignsFromItsLeaseUntilItIsUsedUpThenRefusesCleanly() throws Exception {
        try (Central central = new Central(Dialect.POSTGRESQL);
                SyncWorld.Terminal a1 = new SyncWorld.Terminal(central, TOWN_A, "窓口1");
                SyncWorld.Terminal a2 = new SyncWorld.Terminal(central, TOWN_A, "窓口2");
                Log log = new Log()) {
            a1.client.topUp(a1.leaseStore, List.of(ADDRESSEE, HOUSEHOLD), 5, 5);
            assertEquals(5, a1.leaseStore.remaining(NumberLeases.ADDRESSEE));
            assertEquals(5, a1.leaseStore.remaining(NumberLeases.HOUSEHOLD));

            central.stop(); // the line is down
            assertThrows(SyncClient.SyncException.class, () -> a1.client.sync());
            List<Long> offline = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                offline.add(a1.numbers.assign(AddresseeKind.RESIDENT).serial());
            }
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L), offline, "offline, the lease goes on");
            assertEquals(1, a1.numbers.assignHousehold().serial());

            // used up: refused with a Japanese text for the counter and English in the log, nothing half-written
            long pendingBefore = a1.outbox.pendingCount();
            LeaseExhaustedException e = assertThrows(LeaseExhaustedException.class, () -> a1.tx.requiredRun(em -> {
                a1.outbox.append(OutboxEvent.record("test.change", Map.of("step", "before the number")));
                a1.numbers.assign(AddresseeKind.RESIDENT);
            }));
            assertEquals(NumberLeases.ADDRESSEE, e.kind());
            String japanese = e.getMessage(Locale.JAPANESE);
            assertTrue(japanese.contains("宛名番号") && japanese.contains("使い切りました") && japanese.contains("入力内容"),
                    japanese);
            assertTrue(e.getMessage().contains("No addressee number is left"), e.getMessage());
            assertTrue(log.lines.stream().anyMatch(l -> l.startsWith("No leased addressee number left")), log.lines.toString());
            assertEquals(pendingBefore, a1.outbox.pendingCount(), "the change's transaction rolled back whole");
            assertEquals(0, a1.leaseStore.remaining(NumberLeases.ADDRESSEE));

            // meanwhile terminal 2 leased the next range; back online, terminal 1 gets a range after it
            central.start();
            a2.client.topUp(a2.leaseStore, List.of(ADDRESSEE), 5, 5);
            a1.client.sync();
            List<LeaseGrant> again = a1.client.topUp(a1.leaseStore, List.of(ADDRESSEE, HOUSEHOLD), 5, 5);
            assertEquals(List.of(NumberLeases.ADDRESSEE, NumberLeases.HOUSEHOLD), again.stream().map(LeaseGrant::kind).toList(),
                    "both kinds were below the threshold of 5: 宛名番号 used up, 世帯番号 with 4 left");
            assertEquals(11, a1.numbers.assign(AddresseeKind.RESIDENT).serial(), "after terminal 2's range 6..10");
            assertFalse(a1.leases.leases().isEmpty());
        }
    }

    @Test
    void theBackgroundSyncTopsTheLeaseUpWhenItRunsLow() throws Exception {
        try (Central central = new Central(Dialect.POSTGRESQL);
                SyncWorld.Terminal a1 = new SyncWorld.Terminal(central, TOWN_A, "窓口1")) {
            Map<String, String> settings = Map.of("sync.url", central.api, "sync.token", a1.credential.token(),
                    "sync.interval", "3600", "sync.lease.threshold", "10", "sync.lease.size", "25");
            SyncServiceComponent sync = SyncServiceComponent.start(settings::get, a1.outbox, a1.tx,
                    List.of(() -> List.of(ADDRESSEE)));
            try {
                SyncServiceTest.await("first sync with a lease", () -> sync.state() == State.ONLINE
                        && a1.leaseStore.remaining(NumberLeases.ADDRESSEE) == 25);
                for (int i = 0; i < 16; i++) {
                    a1.numbers.assign(AddresseeKind.RESIDENT);
                }
                assertEquals(9, a1.leaseStore.remaining(NumberLeases.ADDRESSEE));
                assertTrue(sync.syncNow());
                SyncServiceTest.await("the top-up", () -> a1.leaseStore.remaining(NumberLeases.ADDRESSEE) == 34);
                assertEquals(2, central.count("SELECT COUNT(*) FROM central_number_lease WHERE municipality_code = ?", TOWN_A));
                assertEquals(17, a1.numbers.assign(AddresseeKind.RESIDENT).serial());
            } finally {
                sync.stop();
            }
        }
    }
}
