package jp.kiban.addressee.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import jp.kiban.addressee.AddresseeKind;
import jp.kiban.addressee.AddresseeNumbers;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.persistence.Transactions;

/** 宛名番号 and 世帯番号: unique, with valid check digits, used only when the surrounding change commits. */
class AddresseeNumbersTest {

    static <T> T service(Class<T> type) throws InterruptedException {
        BundleContext ctx = FrameworkUtil.getBundle(AddresseeNumbersTest.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(ctx, type, null);
        tracker.open();
        T s = tracker.waitForService(30_000);
        assertNotNull(s, "no OSGi service " + type.getName());
        return s;
    }

    @Test
    void numbersAreUniqueAndCarryValidCheckDigits() throws Exception {
        AddresseeNumbers numbers = service(AddresseeNumbers.class);
        Set<AddresseeNumber> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            AddresseeNumber n = numbers.assign(i % 2 == 0 ? AddresseeKind.RESIDENT : AddresseeKind.NON_RESIDENT);
            assertTrue(seen.add(n), "duplicate " + n.value());
            assertEquals(n, AddresseeNumber.of(n.value()), "check digit must verify");
        }
        HouseholdNumber h1 = numbers.assignHousehold();
        HouseholdNumber h2 = numbers.assignHousehold();
        assertNotEquals(h1, h2);
    }

    @Test
    void kindIsRecordedAndCanChangeButTheNumberStays() throws Exception {
        AddresseeNumbers numbers = service(AddresseeNumbers.class);
        AddresseeNumber n = numbers.assign(AddresseeKind.NON_RESIDENT);
        assertEquals(Optional.of(AddresseeKind.NON_RESIDENT), numbers.kindOf(n));
        numbers.changeKind(n, AddresseeKind.RESIDENT);
        assertEquals(Optional.of(AddresseeKind.RESIDENT), numbers.kindOf(n));
        assertEquals(Optional.empty(), numbers.kindOf(AddresseeNumber.fromSerial(9_999_999_999L)));
    }

    @Test
    void aNumberTakenInARolledBackChangeIsNotRecorded() throws Exception {
        AddresseeNumbers numbers = service(AddresseeNumbers.class);
        Transactions tx = service(Transactions.class);
        AddresseeNumber[] taken = new AddresseeNumber[1];
        assertThrows(IllegalStateException.class, () -> tx.requiredRun(em -> {
            taken[0] = numbers.assign(AddresseeKind.RESIDENT);
            throw new IllegalStateException("the 転入 was refused after the number was taken");
        }));
        assertEquals(Optional.empty(), numbers.kindOf(taken[0]));
        // and the serial is not lost for good: the next one is the same serial again
        assertEquals(taken[0], numbers.assign(AddresseeKind.RESIDENT));
    }
}
