package jp.kiban.resident.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.util.tracker.ServiceTracker;

import jp.kiban.core.DomainException;
import jp.kiban.core.address.Address;
import jp.kiban.core.address.PostalCode;
import jp.kiban.core.address.Prefecture;
import jp.kiban.core.id.IndividualNumber;
import jp.kiban.core.id.LocalGovernmentCode;
import jp.kiban.core.id.ResidentRecordCode;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Role;
import jp.kiban.resident.ChangeRequest;
import jp.kiban.resident.ChangeRequest.NewMember;
import jp.kiban.resident.Domicile;
import jp.kiban.resident.MoveOutCertificate;
import jp.kiban.resident.PersonData;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.ResidentChanges;
import jp.kiban.resident.ResidentEvents;
import jp.kiban.resident.ResidentRegistry;
import jp.kiban.resident.Sex;

/** Services, operators, addresses and people shared by the resident tests. */
final class Fixtures {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    static final Operator COUNTER = new Operator("tanaka", "田中 一郎", "counter-01", Set.of(Role.COUNTER));
    static final Operator SUPERVISOR = new Operator("sato", "佐藤 花子", "counter-02", Set.of(Role.SUPERVISOR));
    static final Operator BUSINESS = new Operator("suzuki", "鈴木 次郎", "tax-01", Set.of(Role.BUSINESS));

    static final LocalGovernmentCode OTHER_TOWN = LocalGovernmentCode.of("13101"); // 千代田区

    private Fixtures() {
    }

    static LocalDate today() {
        return LocalDate.now(JAPAN);
    }

    static <T> T service(Class<T> type) throws InterruptedException {
        BundleContext ctx = FrameworkUtil.getBundle(Fixtures.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(ctx, type, null);
        tracker.open();
        T s = tracker.waitForService(30_000);
        assertNotNull(s, "no OSGi service " + type.getName());
        return s;
    }

    static ResidentChanges changes() throws InterruptedException {
        return service(ResidentChanges.class);
    }

    static ResidentRegistry registry() throws InterruptedException {
        return service(ResidentRegistry.class);
    }

    /** An address in the demo town (町字 and 番地 vary by test so that searches stay apart). */
    static Address address(String town, String lot) {
        return Address.of(Prefecture.TOKYO, "デモ町", town, lot).withLocalGovernmentCode(LocalGovernmentCode.of("13999"));
    }

    static Optional<PostalCode> postal() {
        return Optional.of(PostalCode.of("100-0001"));
    }

    static MoveOutCertificate certificate(LocalDate planned) {
        return new MoveOutCertificate(OTHER_TOWN, planned, "東京都デモ町");
    }

    /** A valid 個人番号 not used before (random; the check digit is found by trying). */
    static IndividualNumber newIndividualNumber() {
        while (true) {
            String base = String.format("%011d", ThreadLocalRandom.current().nextLong(1, 99_999_999_999L));
            for (int d = 0; d <= 9; d++) {
                try {
                    return IndividualNumber.of(base + d);
                } catch (DomainException wrongCheckDigit) {
                    // try the next digit
                }
            }
        }
    }

    static ResidentRecordCode newResidentRecordCode() {
        while (true) {
            String base = String.format("%010d", ThreadLocalRandom.current().nextLong(1, 9_999_999_999L));
            for (int d = 0; d <= 9; d++) {
                try {
                    return ResidentRecordCode.of(base + d);
                } catch (DomainException wrongCheckDigit) {
                    // try the next digit
                }
            }
        }
    }

    static PersonData japanese(String family, String given, String furigana, String birth, Sex sex) {
        return PersonData.builder().name(family, given).furigana(furigana).birthDate(birth).sex(sex)
                .domicile(new Domicile("東京都千代田区霞が関二丁目1番地", family + "　" + given))
                .individualNumber(newIndividualNumber()).residentRecordCode(newResidentRecordCode()).build();
    }

    /** A 国内転入 of one new household; the first member is the 世帯主. */
    static ChangeRequest.DomesticMoveIn moveIn(LocalDate date, Address address, List<NewMember> members) {
        return moveIn(date, date, address, members);
    }

    static ChangeRequest.DomesticMoveIn moveIn(LocalDate date, LocalDate notified, Address address, List<NewMember> members) {
        return new ChangeRequest.DomesticMoveIn(date, notified, address, postal(), "東京都千代田区霞が関一丁目1番1号",
                certificate(date.minusDays(3)), Optional.empty(), members);
    }

    static NewMember member(PersonData person, Relationship relationship) {
        return new NewMember(person, relationship);
    }

    /** Collects resident events posted through EventAdmin. */
    static final class Events implements EventHandler, AutoCloseable {
        private final List<Event> received = new CopyOnWriteArrayList<>();
        private final ServiceRegistration<EventHandler> registration;

        Events() {
            BundleContext ctx = FrameworkUtil.getBundle(Fixtures.class).getBundleContext();
            Dictionary<String, Object> props = new Hashtable<>();
            props.put(EventConstants.EVENT_TOPIC, ResidentEvents.TOPIC_ALL);
            registration = ctx.registerService(EventHandler.class, this, props);
        }

        @Override
        public void handleEvent(Event event) {
            received.add(event);
        }

        /** Waits (bounded) until {@code count} events match, then returns the matching ones in arrival order. */
        List<Event> await(Predicate<Event> filter, int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                List<Event> matching = matching(filter);
                if (matching.size() >= count) {
                    return matching;
                }
                Thread.sleep(20);
            }
            return matching(filter);
        }

        List<Event> matching(Predicate<Event> filter) {
            List<Event> out = new ArrayList<>();
            for (Event e : received) {
                if (filter.test(e)) {
                    out.add(e);
                }
            }
            return out;
        }

        @Override
        public void close() {
            registration.unregister();
        }
    }

    static Map<jp.kiban.core.id.AddresseeNumber, Relationship> rel(Object... pairs) {
        Map<jp.kiban.core.id.AddresseeNumber, Relationship> m = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((jp.kiban.core.id.AddresseeNumber) pairs[i], (Relationship) pairs[i + 1]);
        }
        return m;
    }
}
