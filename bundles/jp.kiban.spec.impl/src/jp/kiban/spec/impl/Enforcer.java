package jp.kiban.spec.impl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;

import jp.kiban.spec.ClaimProblem;
import jp.kiban.spec.ModuleClaims;
import jp.kiban.spec.ModuleConformance;
import jp.kiban.spec.ModuleStatus;
import jp.kiban.spec.SpecCatalogue;

/**
 * Keeps every Kiban module that does not conform to the specification catalogue from resolving, so it can
 * never activate: a resolver hook removes it from every resolution, and modules that were resolved before
 * the hook was in force (the framework keeps resolutions across restarts) are stopped and refreshed.
 * <p>
 * A Kiban module is a bundle whose symbolic name starts with {@code jp.kiban.}, or that carries
 * {@link ModuleClaims#HEADER}, or that imports, requires or attaches to anything of Kiban's
 * ({@code jp.kiban.*}): a third-party business bundle cannot escape the check by its name.
 */
public final class Enforcer implements ResolverHookFactory, ModuleConformance {

    private static final Logger LOG = Logger.getLogger(Enforcer.class.getName());

    private final BundleContext context;
    private final SpecCatalogue catalogue;
    /** Bundles already reported in the log, by id and last-modified time (a reinstalled bundle is reported again). */
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public Enforcer(BundleContext context, SpecCatalogue catalogue) {
        this.context = context;
        this.catalogue = catalogue;
    }

    @Override
    public SpecCatalogue catalogue() {
        return catalogue;
    }

    @Override
    public List<ModuleStatus> modules() {
        List<ModuleStatus> all = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getState() != Bundle.UNINSTALLED && isKibanModule(b)) {
                all.add(status(b));
            }
        }
        all.sort(Comparator.comparing(ModuleStatus::symbolicName).thenComparing(ModuleStatus::version));
        return all;
    }

    /** The conformance verdict on one bundle (whether or not it is a Kiban module). */
    public ModuleStatus status(Bundle b) {
        List<String> claims = ModuleClaims.parse(b.getHeaders("").get(ModuleClaims.HEADER));
        String name = b.getSymbolicName() == null ? b.getLocation() : b.getSymbolicName();
        return new ModuleStatus(name, b.getVersion().toString(), claims, ModuleClaims.check(catalogue, claims));
    }

    public static boolean isKibanModule(Bundle b) {
        if (b.getBundleId() == 0) {
            return false;
        }
        var headers = b.getHeaders("");
        return ModuleClaims.isKibanModule(b.getSymbolicName(), headers::get);
    }

    /**
     * Stops and unresolves the non-conforming modules that are already resolved (installed before this
     * bundle started, or resolved in an earlier run). The stop is persistent, so the start level does not
     * start them again; the refresh runs in the background and the hook keeps them from resolving again.
     *
     * @return the modules refused now
     */
    public List<Bundle> refuseInstalled() {
        return refuseResolved(List.of(context.getBundles()));
    }

    /** {@link #refuseInstalled()} for some bundles only. */
    public List<Bundle> refuseResolved(Collection<Bundle> bundles) {
        List<Bundle> refused = new ArrayList<>();
        for (Bundle b : bundles) {
            if (b.getState() == Bundle.UNINSTALLED || !isKibanModule(b)) {
                continue;
            }
            ModuleStatus s = status(b);
            if (!s.refused()) {
                continue;
            }
            report(b, s);
            if ((b.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0) {
                try {
                    b.stop();
                } catch (BundleException | IllegalStateException e) {
                    LOG.log(Level.WARNING, "could not stop the refused module " + s.symbolicName(), e);
                }
                refused.add(b);
            }
        }
        if (!refused.isEmpty()) {
            context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class).refreshBundles(refused);
        }
        return refused;
    }

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return new ResolverHook() {
            @Override
            public void filterResolvable(Collection<BundleRevision> candidates) {
                candidates.removeIf(revision -> {
                    Bundle b = revision.getBundle();
                    if (b == null || !isKibanModule(b)) {
                        return false;
                    }
                    ModuleStatus s = status(b);
                    if (s.refused()) {
                        report(b, s);
                        return true;
                    }
                    return false;
                });
            }

            @Override
            public void filterSingletonCollisions(BundleCapability singleton, Collection<BundleCapability> collisionCandidates) {
                // no opinion
            }

            @Override
            public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
                // no opinion
            }

            @Override
            public void end() {
                // nothing to release
            }
        };
    }

    private void report(Bundle b, ModuleStatus s) {
        if (reported.add(b.getBundleId() + "@" + b.getLastModified())) {
            LOG.severe(() -> "Module " + s.symbolicName() + " " + s.version() + " refused, it will not be activated: "
                    + s.problems().stream().map(ClaimProblem::message).collect(Collectors.joining("; "))
                    + ". See the conformance report (kiban cli spec report).");
        }
    }
}
