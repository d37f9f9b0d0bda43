package jp.kiban.addressee.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import jp.kiban.core.address.Address;
import jp.kiban.core.address.Prefecture;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Role;

/** Services of the running framework and shared test data. */
final class Fixtures {
    static final Operator CLERK = new Operator("tanaka", "田中 一郎", "counter-01", Set.of(Role.BUSINESS));
    static final Operator ADMIN = new Operator("admin", "管理者", "admin-01", Set.of(Role.ADMINISTRATOR));

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Fixtures() {
    }

    static BundleContext context() {
        return FrameworkUtil.getBundle(Fixtures.class).getBundleContext();
    }

    static <T> T service(Class<T> type) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context(), type, null);
        tracker.open();
        try {
            T s = tracker.waitForService(30_000);
            assertNotNull(s, "no OSGi service " + type.getName());
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The AddresseeDirectory the addressee base registers itself (for 住登外者). */
    static jp.kiban.addressee.AddresseeDirectory ownDirectory() {
        service(jp.kiban.addressee.NonResidents.class); // wait until the component is up
        try {
            for (var ref : context().getServiceReferences(jp.kiban.addressee.AddresseeDirectory.class, null)) {
                if (ref.getBundle().getSymbolicName().equals("jp.kiban.addressee.impl")) {
                    return context().getService(ref);
                }
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("jp.kiban.addressee.impl registers no AddresseeDirectory");
    }

    static Address address(String town, String lot) {
        return Address.of(Prefecture.NAGANO, "北安曇郡白馬村", town, lot);
    }

    /**
     * A reading no other test uses (the tests share one database): a fixed prefix and a counter
     * spelled in katakana digits, e.g. テストアイ.
     */
    static String uniqueReading(String prefix) {
        String digits = "アイウエオカキクケコ";
        StringBuilder sb = new StringBuilder(prefix);
        for (char c : Integer.toString(SEQUENCE.incrementAndGet() + 1000).toCharArray()) {
            sb.append(digits.charAt(c - '0'));
        }
        return sb.toString();
    }
}
