package jp.kiban.testing.db;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The OSGi service a test needs, waiting a bounded time for Declarative Services to start it. */
public final class OsgiServices {
    private OsgiServices() {
    }

    public static <T> T service(Class<T> type) throws InterruptedException {
        BundleContext ctx = FrameworkUtil.getBundle(OsgiServices.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(ctx, type, null);
        tracker.open();
        T s = tracker.waitForService(30_000);
        assertNotNull(s, "no OSGi service " + type.getName() + " after 30 s");
        return s;
    }
}
