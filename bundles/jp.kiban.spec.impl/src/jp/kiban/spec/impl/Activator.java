package jp.kiban.spec.impl;

import java.util.Hashtable;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;

import jp.kiban.spec.ModuleConformance;
import jp.kiban.spec.SpecCatalogue;

/**
 * The one Bundle-Activator of Kiban, on purpose (decision 0007): the whitelist must be in force before any
 * business bundle can activate, i.e. before Declarative Services (start level 2) and the business bundles
 * (start level 4) start. The products start this bundle at start level 1.
 */
public final class Activator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        Enforcer enforcer = new Enforcer(context, SpecCatalogue.bundled());
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_DESCRIPTION, "Kiban whitelist: refuses modules outside the specification catalogue");
        context.registerService(ResolverHookFactory.class, enforcer, props);
        context.registerService(ModuleConformance.class, enforcer, props);
        enforcer.refuseInstalled();
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the services
    }
}
