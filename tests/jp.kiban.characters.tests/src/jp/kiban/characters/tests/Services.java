package jp.kiban.characters.tests;

import org.osgi.framework.FrameworkUtil;

import jp.kiban.cli.OsgiServices;

/** The DS services of the running framework, as the CLI finds them (waits for a service to come up). */
final class Services {
    private static final OsgiServices SERVICES = new OsgiServices(
            FrameworkUtil.getBundle(Services.class).getBundleContext());

    private Services() {
    }

    static <T> T get(Class<T> type) {
        return SERVICES.get(type);
    }
}
