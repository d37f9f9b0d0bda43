package jp.kiban.bench;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/** Finds the services a benchmark drives in the OSGi registry, waiting a bounded time for DS to start them. */
public final class ServiceLookup implements AutoCloseable {
    private static final long WAIT_MS = 60_000;
    private final BundleContext context;
    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();

    public ServiceLookup(BundleContext context) {
        this.context = context;
    }

    public <T> T get(Class<T> type) {
        return find(type, WAIT_MS).orElseThrow(() -> new IllegalStateException("Service " + type.getSimpleName()
                + " is not available after " + WAIT_MS / 1000 + " s; is its bundle installed? (see the log in the data folder)"));
    }

    /** The service if it shows up within {@code waitMs}; for capabilities that may not be installed. */
    public <T> java.util.Optional<T> find(Class<T> type, long waitMs) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        trackers.add(tracker);
        try {
            return java.util.Optional.ofNullable(tracker.waitForService(waitMs));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + type.getSimpleName(), e);
        }
    }

    public BundleContext context() {
        return context;
    }

    /** True if a service of that class name shows up within {@code waitMs} (for capabilities the bench cannot import statically). */
    public boolean find(String className, long waitMs) {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, className, null);
        tracker.open(true);
        trackers.add(tracker);
        try {
            return tracker.waitForService(waitMs) != null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The service of that class name (which the bench does not import), waiting as {@link #get}. */
    public Object object(String className) {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, className, null);
        tracker.open(true);
        trackers.add(tracker);
        try {
            Object o = tracker.waitForService(WAIT_MS);
            if (o == null) {
                throw new IllegalStateException("Service " + className + " is not available after " + WAIT_MS / 1000 + " s");
            }
            return o;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + className, e);
        }
    }

    /** True if a bundle of that symbolic name is installed and active (e.g. an optional capability such as the sync outbox). */
    public boolean active(String symbolicName) {
        for (org.osgi.framework.Bundle b : context.getBundles()) {
            if (b.getSymbolicName().equals(symbolicName) && b.getState() == org.osgi.framework.Bundle.ACTIVE) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        trackers.forEach(ServiceTracker::close);
    }
}
