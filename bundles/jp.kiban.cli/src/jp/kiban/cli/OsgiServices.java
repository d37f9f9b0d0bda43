package jp.kiban.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/** Looks services up in the OSGi registry, waiting a bounded time for Declarative Services to start them. */
public final class OsgiServices implements Services, AutoCloseable {
    private static final long WAIT_MS = 30_000;
    private final BundleContext context;
    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();
    private final List<ServiceReference<?>> used = new ArrayList<>();

    public OsgiServices(BundleContext context) {
        this.context = context;
    }

    @Override
    public <T> T get(Class<T> type) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        trackers.add(tracker);
        try {
            T service = tracker.waitForService(WAIT_MS);
            if (service == null) {
                throw new IllegalStateException("Service " + type.getSimpleName() + " is not available after "
                        + WAIT_MS / 1000 + " s; is its bundle installed? (see the log in the data folder)");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + type.getSimpleName(), e);
        }
    }

    @Override
    public <T> List<T> all(Class<T> type) {
        List<T> found = new ArrayList<>();
        try {
            List<ServiceReference<T>> refs = new ArrayList<>(context.getServiceReferences(type, null));
            refs.sort(Comparator.comparingLong(r -> (Long) r.getProperty(Constants.SERVICE_ID)));
            for (ServiceReference<T> ref : refs) {
                T service = context.getService(ref);
                if (service != null) {
                    found.add(service);
                    used.add(ref);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    @Override
    public void close() {
        used.forEach(r -> {
            try {
                context.ungetService(r);
            } catch (IllegalStateException e) {
                // the framework is stopping
            }
        });
        trackers.forEach(ServiceTracker::close);
    }
}
