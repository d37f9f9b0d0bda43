package jp.kiban.sync.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kiban.core.address.Address;
import jp.kiban.core.address.PostalCode;
import jp.kiban.core.address.Prefecture;
import jp.kiban.core.id.LocalGovernmentCode;
import jp.kiban.persistence.Transactions;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Role;
import jp.kiban.resident.ChangeRequest;
import jp.kiban.resident.ChangeRequest.NewMember;
import jp.kiban.resident.ChangeResult;
import jp.kiban.resident.MoveOutCertificate;
import jp.kiban.resident.PersonData;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.ResidentChanges;
import jp.kiban.resident.Sex;
import jp.kiban.sync.Outbox;
import jp.kiban.sync.OutboxEntry;
import jp.kiban.sync.OutboxEvent;

/**
 * The outbox as the product wires it (DS, the in-memory Derby of this test run): a confirmed change and
 * its outbox entries commit together or not at all, whoever owns the change.
 */
class OutboxTest {

    static final Operator COUNTER = new Operator("tanaka", "田中 一郎", "counter-01", Set.of(Role.COUNTER));
    static final Operator SUPERVISOR = new Operator("sato", "佐藤 花子", "counter-02", Set.of(Role.SUPERVISOR));

    static Outbox outbox;
    static Transactions tx;
    static ResidentChanges changes;

    /** A DS service, waiting a bounded time (through this bundle's context: it is started, the support bundle is not). */
    static <T> T service(Class<T> type) throws InterruptedException {
        BundleContext ctx = FrameworkUtil.getBundle(OutboxTest.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(ctx, type, null);
        tracker.open();
        T s = tracker.waitForService(30_000);
        assertNotNull(s, "no OSGi service " + type.getName());
        return s;
    }

    @BeforeAll
    static void services() throws Exception {
        outbox = service(Outbox.class);
        tx = service(Transactions.class);
        changes = service(ResidentChanges.class);
        service(MunicipalityService.class).configure(Municipality.demoTown());
    }

    static ChangeRequest moveIn(String family, String... given) {
        LocalDate date = LocalDate.of(2025, 4, 1);
        Address address = Address.of(Prefecture.TOKYO, "デモ町", "本町一丁目", "1-" + Math.abs(family.hashCode() % 100))
                .withLocalGovernmentCode(LocalGovernmentCode.of("13999"));
        List<NewMember> members = new java.util.ArrayList<>();
        for (int i = 0; i < given.length; i++) {
            PersonData p = PersonData.builder().name(family, given[i]).furigana("テスト　タロウ")
                    .birthDate("昭和5" + i + "年1月2日").sex(i == 0 ? Sex.MALE : Sex.FEMALE).build();
            members.add(new NewMember(p, i == 0 ? Relationship.HEAD : Relationship.WIFE));
        }
        return new ChangeRequest.DomesticMoveIn(date, date, address, Optional.of(PostalCode.of("100-0001")),
                "東京都千代田区霞が関一丁目1番1号",
                new MoveOutCertificate(LocalGovernmentCode.of("13101"), date.minusDays(3), "東京都デモ町"),
                Optional.empty(), members);
    }

    static List<OutboxEntry> entriesOf(UUID changeId) {
        return outbox.pending(100_000).stream().filter(e -> changeId.toString().equals(e.groupId())).toList();
    }

    @Test
    void aConfirmedChangeWritesOneEntryPerPersonAndAProvisionalOneNone() throws Exception {
        long before = outbox.pendingCount();
        ChangeResult registered = changes.register(COUNTER, moveIn("出口", "太郎", "花子"));
        assertEquals(before, outbox.pendingCount(), "仮登録 is not shipped");

        changes.confirm(SUPERVISOR, registered.changeId());
        List<OutboxEntry> entries = entriesOf(registered.changeId());
        assertEquals(2, entries.size());
        assertEquals(before + 2, outbox.pendingCount());
        assertEquals(registered.persons().stream().map(a -> a.value()).toList(),
                entries.stream().map(OutboxEntry::aggregateKey).toList());
        for (OutboxEntry e : entries) {
            assertEquals("resident.snapshot", e.type());
            assertEquals(0, e.baseHistory());
            assertEquals(1, e.newHistory());
            assertEquals("139998", e.municipalityCode());
            assertTrue(e.pending());
            JsonNode payload = new ObjectMapper().readTree(e.payloadJson());
            assertEquals(registered.changeId().toString(), payload.get("changeId").asText());
            assertEquals("出口", payload.get("snapshot").get("family_name").asText());
            assertEquals(e.aggregateKey(), payload.get("snapshot").get("addressee_number").asText());
        }
        assertTrue(entries.get(0).localSequence() < entries.get(1).localSequence());
    }

    @Test
    void aChangeRolledBackAfterItsOutboxEntryLeavesNeitherBehind() throws Exception {
        long before = outbox.pendingCount();
        UUID[] changeId = new UUID[1];
        RuntimeException boom = assertThrows(RuntimeException.class, () -> tx.requiredRun(em -> {
            changeId[0] = changes.apply(SUPERVISOR, moveIn("入口", "次郎")).changeId();
            assertEquals(before + 1, outbox.pendingCount(), "inside the transaction the entry is there");
            throw new IllegalStateException("the caller fails after the change");
        }));
        assertEquals("the caller fails after the change", boom.getMessage());
        assertEquals(before, outbox.pendingCount());
        assertTrue(entriesOf(changeId[0]).isEmpty());
    }

    @Test
    void anyModuleAppendsInItsOwnTransaction() {
        long before = outbox.pendingCount();
        assertThrows(IllegalStateException.class, () -> tx.requiredRun(em -> {
            outbox.append(OutboxEvent.record("access.log", Map.of("who", "tanaka")));
            throw new IllegalStateException("rolled back");
        }));
        assertEquals(before, outbox.pendingCount(), "a rolled-back append leaves no row");

        OutboxEntry e = tx.required(em -> outbox.append(OutboxEvent.record("access.log", Map.of("who", "tanaka"))));
        assertEquals(before + 1, outbox.pendingCount(), "a committed one exactly one");
        assertEquals(Optional.of(e), outbox.find(e.eventId()));
        assertEquals("{\"who\":\"tanaka\"}", e.payloadJson());
    }

    @Test
    void acknowledgedEntriesNoLongerWaitAndASecondAcknowledgementChangesNothing() {
        OutboxEntry a = outbox.append(OutboxEvent.record("test.ack", Map.of("n", 1)));
        OutboxEntry b = outbox.append(OutboxEvent.record("test.ack", Map.of("n", 2)));
        long before = outbox.pendingCount();
        assertEquals(1, outbox.acknowledge(List.of(a.eventId(), UUID.randomUUID())));
        assertEquals(0, outbox.acknowledge(List.of(a.eventId())), "an acknowledgement may come twice");
        assertEquals(before - 1, outbox.pendingCount());
        assertFalse(outbox.find(a.eventId()).orElseThrow().pending());
        assertTrue(outbox.find(b.eventId()).orElseThrow().pending());
        assertFalse(outbox.pending(100_000).stream().anyMatch(e -> e.eventId().equals(a.eventId())));
    }

    @Test
    void badEventsAreRefusedWithAClearMessage() {
        assertThrows(IllegalArgumentException.class, () -> OutboxEvent.record(" ", Map.of()));
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> outbox.append(OutboxEvent.record("test.big", Map.of("x", "あ".repeat(40_000)))));
        assertTrue(big.getMessage().contains("at most 32000"), big.getMessage());
    }
}
