package jp.kiban.resident.ui.internal;

import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * An OSGi service looked up at the moment it is used (highest service ranking, then the oldest), for
 * optional functions such as labels whose provider may come and go (e.g. another bundle may register
 * a higher-ranked one). Nothing is kept.
 */
final class Services {
    private Services() {
    }

    static <T> Optional<T> highest(Class<?> caller, Class<T> type) {
        var bundle = FrameworkUtil.getBundle(caller);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (context == null) {
            return Optional.empty();
        }
        ServiceReference<T> ref = context.getServiceReference(type);
        return ref == null ? Optional.empty() : Optional.ofNullable(context.getService(ref));
    }
}
