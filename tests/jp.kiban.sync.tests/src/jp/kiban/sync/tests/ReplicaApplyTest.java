package jp.kiban.sync.tests;

import static jp.kiban.sync.tests.SyncWorld.TOWN_A;
import static jp.kiban.sync.tests.SyncWorld.TOWN_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.persistence.Dialect;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Role;
import jp.kiban.resident.ChangeRequest;
import jp.kiban.resident.ChangeResult;
import jp.kiban.resident.ChangeState;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.sync.impl.ReplicaFeed;
import jp.kiban.sync.impl.SyncClient;
import jp.kiban.sync.protocol.SyncProtocol.Conflict;
import jp.kiban.sync.protocol.SyncProtocol.Decision;
import jp.kiban.sync.tests.SyncWorld.Central;

/**
 * Pulled changes reach the local register (住民記録, and so the 宛名 directory) through the resident module's
 * own code: in central order, exactly once, the central version winning over a local version the central
 * store put in its review queue, a pulled change held back while a local change of the person waits to be
 * pushed; the other town's terminal sees nothing of it. Real central server over HTTP, PostgreSQL.
 */
class ReplicaApplyTest {

    static final Operator SUPERVISOR = new Operator("sato", "佐藤 花子", "counter-02", Set.of(Role.SUPERVISOR));

    static void lease(SyncWorld.Terminal t) throws Exception {
        t.client.topUp(t.leaseStore, List.of(NumberLeaseTest.ADDRESSEE, NumberLeaseTest.HOUSEHOLD), 20, 50);
    }

    static ResidentRecord current(SyncWorld.Terminal t, AddresseeNumber n) {
        return t.register.current(SUPERVISOR, n).orElseThrow(() -> new AssertionError("no " + n.value() + " on " + t.credential.name()));
    }

    /** 誤記修正 of the person's given name. */
    static ChangeResult rename(SyncWorld.Terminal t, AddresseeNumber n, String given) {
        ResidentRecord r = current(t, n);
        return t.register.apply(SUPERVISOR, new ChangeRequest.Correction(n, LocalDate.of(2025, 5, 1),
                r.person().toBuilder().name(r.person().name().family(), given).build(), true, "届書の誤記"));
    }

    @Test
    void pulledChangesAreAppliedInOrderOnceAndTheCentralVersionWins() throws Exception {
        try (Central central = new Central(Dialect.POSTGRESQL);
                SyncWorld.Terminal a1 = new SyncWorld.Terminal(central, TOWN_A, "デモ町 窓口1");
                SyncWorld.Terminal a2 = new SyncWorld.Terminal(central, TOWN_A, "デモ町 窓口2");
                SyncWorld.Terminal b1 = new SyncWorld.Terminal(central, TOWN_B, "千代田区 窓口1")) {
            lease(a1);
            lease(a2);
            lease(b1);
            // a 転入 of two at terminal 1 reaches terminal 2's register
            ChangeResult moveIn = a1.register.apply(SUPERVISOR, OutboxTest.moveIn("複製", "太郎", "花子"));
            AddresseeNumber head = moveIn.persons().get(0);
            AddresseeNumber wife = moveIn.persons().get(1);
            SyncClient.Result r1 = a1.client.sync();
            assertEquals(2, r1.applied());
            assertEquals(0, r1.replicated(), "terminal 1's own change comes back and is already there");
            SyncClient.Result r2 = a2.client.sync();
            assertEquals(2, r2.replicated());
            assertEquals("複製", current(a2, wife).person().name().family());
            assertEquals("花子", current(a2, wife).person().name().given());
            assertEquals(current(a1, head).householdNumber(), current(a2, head).householdNumber());
            assertEquals(1, current(a2, head).historyNumber());
            assertEquals(moveIn.changeId(), a2.register.changeSnapshots(SUPERVISOR, moveIn.changeId()).get(0).change().changeId());
            assertEquals(2, a1.inbox.eventIds("ALREADY").size());
            assertEquals(2, a2.inbox.eventIds("APPLIED").size());

            // offline, both terminals correct the wife's name
            UUID first = rename(a1, wife, "華子").changeId();
            UUID second = rename(a2, wife, "英子").changeId();
            assertEquals(1, a1.client.sync().applied());
            SyncClient.Result conflicting = a2.client.sync();
            assertEquals(1, conflicting.conflicts(), "terminal 2's correction was based on 履歴番号 1, no longer current");
            assertEquals(1, conflicting.replicated(), "terminal 1's correction replaces terminal 2's local one");
            assertEquals("華子", current(a2, wife).person().name().given());
            assertEquals(2, current(a2, wife).historyNumber());
            List<ResidentRecord> fromTerminal1 = a2.register.changeSnapshots(SUPERVISOR, first);
            assertEquals(1, fromTerminal1.size());
            assertEquals(ChangeState.CONFIRMED, fromTerminal1.get(0).change().state());
            assertTrue(a2.register.changeSnapshots(SUPERVISOR, second).isEmpty(), "terminal 2's own version is off its register");
            // not lost: it waits in the review queue with both versions
            List<Conflict> open = a2.client.conflicts();
            assertEquals(1, open.size());
            assertTrue(open.get(0).pushed().payload().contains("英子"));
            assertTrue(open.get(0).current().payload().contains("華子"));

            // the other town's terminal saw nothing of town A
            b1.client.sync();
            assertTrue(b1.register.current(SUPERVISOR, wife).isEmpty());
            assertEquals(0, b1.inbox.count());

            // the supervisor accepts terminal 2's version: it becomes 履歴番号 3 on both terminals
            a1.client.decide(open.get(0).conflictId(), new Decision("ACCEPT", "佐藤 花子 (sato)", "本人確認済み"));
            a1.client.sync();
            a2.client.sync();
            for (SyncWorld.Terminal t : List.of(a1, a2)) {
                assertEquals("英子", current(t, wife).person().name().given(), t.credential.name());
                assertEquals(3, current(t, wife).historyNumber());
                assertEquals(List.of(1, 2, 3), t.register.history(SUPERVISOR, wife).stream()
                        .map(ResidentRecord::historyNumber).sorted().toList());
            }
            // again: nothing moves
            assertEquals(0, a1.client.sync().replicated());
            assertEquals(0, a2.client.sync().replicated());
            assertEquals(0, a2.inbox.unappliedCount());

            // a pulled change of a person with a local change not yet pushed waits for the central answer
            rename(a1, wife, "一子");
            a1.client.sync();
            rename(a2, wife, "二子");
            a2.client.pull(1000);
            ReplicaFeed.Result held = a2.feed().apply((d, t) -> { });
            assertTrue(held.held());
            assertEquals("二子", current(a2, wife).person().name().given(), "held: the local version stays for now");
            SyncClient.Result after = a2.client.sync();
            assertEquals(1, after.conflicts());
            assertEquals("一子", current(a2, wife).person().name().given());
            assertEquals(4, current(a2, wife).historyNumber());
            assertFalse(a2.feed().apply((d, t) -> { }).held());
            assertEquals(1, a2.client.conflicts().size(), "the held version went to the review queue too");
            assertEquals(current(a1, head), current(a2, head));
        }
    }
}
