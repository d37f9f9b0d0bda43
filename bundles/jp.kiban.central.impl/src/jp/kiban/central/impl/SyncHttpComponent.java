package jp.kiban.central.impl;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.logging.Logger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import jakarta.servlet.Servlet;
import jp.kiban.central.CentralStore;
import jp.kiban.platform.KibanEnvironment;
import jp.kiban.sync.protocol.SyncProtocol;

/**
 * Publishes the sync API on the OSGi servlet whiteboard (Apache Felix HTTP on Jetty serves it) at
 * {@code /api/v1/*}. The administrator token for terminal registration is the setting
 * {@code central.admin.token} (empty: registration only from the command line).
 */
@Component(immediate = true)
public class SyncHttpComponent {
    private static final Logger LOG = Logger.getLogger(SyncHttpComponent.class.getName());

    @Reference
    private CentralStore store;
    @Reference
    private KibanEnvironment environment;

    private ServiceRegistration<Servlet> registration;

    /** Whiteboard properties of a servlet serving the API under {@code prefix} ("" for the root). */
    public static Dictionary<String, Object> whiteboard(String prefix, String name) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("osgi.http.whiteboard.servlet.pattern", prefix + SyncProtocol.BASE_PATH + "/*");
        props.put("osgi.http.whiteboard.servlet.name", name);
        return props;
    }

    @Activate
    void activate(BundleContext context) {
        AuthFailures failures = new AuthFailures(positive("central.auth.maxFailures", 10),
                java.time.Duration.ofMinutes(positive("central.auth.blockMinutes", 5)), java.time.Clock.systemUTC());
        SyncServlet servlet = new SyncServlet(store, () -> environment.setting("central.admin.token", ""), failures);
        registration = context.registerService(Servlet.class, servlet, whiteboard("", "kiban-sync"));
        LOG.info("Kiban central sync API published at " + SyncProtocol.BASE_PATH);
    }

    private int positive(String key, int fallback) {
        String value = environment.setting(key, Integer.toString(fallback)).strip();
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warning("Setting " + key + "=" + value + " is not a positive whole number; using " + fallback);
        return fallback;
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
    }
}
