package jp.kiban.provisioning.impl;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.engine.IEngine;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.engine.IProvisioningPlan;
import org.eclipse.equinox.p2.engine.PhaseSetFactory;
import org.eclipse.equinox.p2.engine.ProvisioningContext;
import org.eclipse.equinox.p2.metadata.IArtifactKey;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.metadata.IProvidedCapability;
import org.eclipse.equinox.p2.metadata.IRequirement;
import org.eclipse.equinox.p2.planner.IPlanner;
import org.eclipse.equinox.p2.planner.IProfileChangeRequest;
import org.eclipse.equinox.p2.query.IQueryable;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.artifact.IArtifactDescriptor;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepository;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;

import jp.kiban.core.DomainException;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Permission;
import jp.kiban.provisioning.BusinessFeature;
import jp.kiban.provisioning.FeatureBundle;
import jp.kiban.provisioning.FeatureProvisioning;
import jp.kiban.provisioning.ProvisioningProgress;
import jp.kiban.provisioning.ProvisioningProgress.ProvisioningStep;
import jp.kiban.provisioning.ProvisioningRefusal;
import jp.kiban.provisioning.ProvisioningResult;
import jp.kiban.security.Authorisation;
import jp.kiban.spec.ModuleClaims;
import jp.kiban.spec.ModuleConformance;
import jp.kiban.spec.ModuleStatus;
import jp.kiban.spec.SpecCatalogue;

/**
 * {@link FeatureProvisioning} with Equinox p2: a provisioning agent on the installation's own p2 data area
 * ({@code <installation>/p2}), its profile (config.ini's {@code eclipse.p2.profile}), the planner and the engine,
 * as the p2 director does. The engine's Eclipse touchpoint writes {@code plugins/}, {@code features/} and
 * {@code configuration/org.eclipse.equinox.simpleconfigurator/bundles.info}; the next start (desk client or
 * command line, whatever their {@code -configuration} folder) runs the new bundle set.
 * <p>
 * The installation may have been moved since it was materialised (the product archive is extracted anywhere):
 * like the director's roaming support, the profile's install folder and bundle pool are set to where it is now
 * before a change.
 */
@Component(service = FeatureProvisioning.class)
public class P2Provisioning implements FeatureProvisioning {

    private static final Logger LOG = Logger.getLogger(P2Provisioning.class.getName());

    /** Profile property of the IUs the administrator installed (business features). */
    static final String BUSINESS_PROPERTY = "jp.kiban.provisioning.business";
    /** Overrides the installation folder (tests); default: the framework's {@code osgi.install.area}. */
    static final String INSTALLATION_PROPERTY = "kiban.provisioning.installation";
    private static final String GROUP_SUFFIX = ".feature.group";
    private static final String PROFILE_KEY = "eclipse.p2.profile";

    @Reference
    Authorisation authorisation;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL)
    volatile ModuleConformance conformance;

    private BundleContext context;

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
    }

    @Override
    public Path installation() {
        String override = System.getProperty(INSTALLATION_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath().normalize();
        }
        String area = context.getProperty("osgi.install.area");
        if (area == null) {
            throw new ProvisioningRefusal("installation.notProvisionable", "osgi.install.area");
        }
        try {
            return Path.of(new URL(area.replace(" ", "%20")).toURI()).toAbsolutePath().normalize();
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            if (area.startsWith("file:")) {
                return Path.of(area.substring("file:".length())).toAbsolutePath().normalize();
            }
            throw new ProvisioningRefusal("installation.notProvisionable", area);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // queries

    @Override
    public List<BusinessFeature> available(Operator operator, URI repository, ProvisioningProgress progress) {
        authorisation.require(operator, Permission.ADMINISTER, "features.available");
        try (Session s = open()) {
            progress.step(ProvisioningStep.LOAD_REPOSITORY, 0);
            IMetadataRepository repo = s.loadMetadata(repository, monitor(progress));
            List<BusinessFeature> result = new ArrayList<>();
            for (IInstallableUnit group : repo.query(QueryUtil.createLatestQuery(QueryUtil.createIUGroupQuery()), null)) {
                if (QueryUtil.isCategory(group)) {
                    continue;
                }
                boolean installed = !s.profile.query(QueryUtil.createIUQuery(group.getId(), group.getVersion()), null).isEmpty();
                result.add(feature(group, installed, bundlesOf(group, repo, false)));
            }
            result.sort(Comparator.comparing(BusinessFeature::id));
            progress.step(ProvisioningStep.DONE, 100);
            return result;
        }
    }

    @Override
    public List<BusinessFeature> installed(Operator operator) {
        authorisation.require(operator, Permission.ADMINISTER, "features.list");
        try (Session s = open()) {
            List<BusinessFeature> result = new ArrayList<>();
            for (IInstallableUnit group : s.businessFeatures()) {
                result.add(feature(group, true, bundlesOf(group, s.profile, true)));
            }
            result.sort(Comparator.comparing(BusinessFeature::id));
            return result;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // changes

    @Override
    public ProvisioningResult install(Operator operator, String featureId, URI repository, ProvisioningProgress progress) {
        authorisation.require(operator, Permission.ADMINISTER, "features.install");
        String id = groupId(featureId);
        try (Session s = open()) {
            IProgressMonitor monitor = monitor(progress);
            progress.step(ProvisioningStep.LOAD_REPOSITORY, 5);
            IMetadataRepository repo = s.loadMetadata(repository, monitor);
            IArtifactRepository artifacts = s.loadArtifacts(repository, monitor);
            var found = repo.query(QueryUtil.createLatestQuery(QueryUtil.createIUQuery(id)), null);
            if (found.isEmpty()) {
                throw new ProvisioningRefusal("feature.unknown", plain(featureId), repository);
            }
            IInstallableUnit group = found.iterator().next();
            if (!s.profile.query(QueryUtil.createIUQuery(group.getId(), group.getVersion()), null).isEmpty()) {
                throw new ProvisioningRefusal("feature.installed", plain(featureId), group.getVersion());
            }
            checkCancelled(progress);

            progress.step(ProvisioningStep.PLAN, 15);
            IProvisioningPlan plan = s.installPlan(group, repository, featureId, monitor);
            List<IInstallableUnit> additions = sorted(plan.getAdditions().query(QueryUtil.createIUAnyQuery(), null));
            List<IInstallableUnit> removals = sorted(plan.getRemovals().query(QueryUtil.createIUAnyQuery(), null));

            // the whitelist, on the manifests in the repository, before anything changes
            progress.step(ProvisioningStep.CHECK_WHITELIST, 30);
            List<ModuleStatus> refused = check(additions, artifacts, s, monitor);
            checkCancelled(progress);
            if (!refused.isEmpty()) {
                ProvisioningRefusal r = new ProvisioningRefusal(refused, null, "refused.whitelist", plain(featureId), refused.size());
                LOG.severe(() -> "Install refused: " + r.getMessage());
                throw r;
            }

            progress.step(ProvisioningStep.DOWNLOAD_AND_INSTALL, 45);
            if (s.updateRoaming()) {
                plan = s.installPlan(group, repository, featureId, monitor); // on the moved profile
            }
            IStatus done = s.engine.perform(plan, PhaseSetFactory.createDefaultPhaseSet(), monitor);
            if (done.getSeverity() == IStatus.CANCEL) {
                throw new ProvisioningRefusal("cancelled");
            }
            requireOk(done, "install.failed", featureId, "install");
            ProvisioningResult result = new ProvisioningResult(plain(group.getId()), group.getVersion().toString(),
                    bundleNames(additions), bundleNames(removals), true);
            LOG.info(() -> "Installed feature " + result.featureId() + " " + result.version() + " from " + repository
                    + " into " + s.installation + " by " + operator.id() + "; bundles added: " + result.added()
                    + ". Start the desk client or the command line again to use it.");
            progress.step(ProvisioningStep.DONE, 100);
            return result;
        }
    }

    @Override
    public ProvisioningResult uninstall(Operator operator, String featureId, ProvisioningProgress progress) {
        authorisation.require(operator, Permission.ADMINISTER, "features.uninstall");
        String id = groupId(featureId);
        try (Session s = open()) {
            IProgressMonitor monitor = monitor(progress);
            var inProfile = s.profile.query(QueryUtil.createIUQuery(id), null);
            if (inProfile.isEmpty()) {
                throw new ProvisioningRefusal("feature.notInstalled", plain(featureId));
            }
            IInstallableUnit group = inProfile.iterator().next();
            if (!Boolean.parseBoolean(s.profile.getInstallableUnitProperty(group, BUSINESS_PROPERTY))) {
                throw new ProvisioningRefusal("feature.notBusiness", plain(featureId));
            }
            s.updateRoaming();
            progress.step(ProvisioningStep.PLAN, 10);
            IProfileChangeRequest request = s.planner.createChangeRequest(s.profile);
            request.remove(group);
            ProvisioningContext pc = s.context(null);
            IProvisioningPlan plan = s.planner.getProvisioningPlan(request, pc, monitor);
            requireOk(plan.getStatus(), "plan.failed", featureId, "uninstall");
            List<IInstallableUnit> additions = sorted(plan.getAdditions().query(QueryUtil.createIUAnyQuery(), null));
            List<IInstallableUnit> removals = sorted(plan.getRemovals().query(QueryUtil.createIUAnyQuery(), null));
            checkCancelled(progress);
            progress.step(ProvisioningStep.UNINSTALL, 40);
            IStatus done = s.engine.perform(plan, PhaseSetFactory.createDefaultPhaseSet(), monitor);
            if (done.getSeverity() == IStatus.CANCEL) {
                throw new ProvisioningRefusal("cancelled");
            }
            requireOk(done, "install.failed", featureId, "uninstall");
            ProvisioningResult result = new ProvisioningResult(plain(group.getId()), group.getVersion().toString(),
                    bundleNames(additions), bundleNames(removals), true);
            LOG.info(() -> "Uninstalled feature " + result.featureId() + " " + result.version() + " from " + s.installation
                    + " by " + operator.id() + "; bundles removed: " + result.removed()
                    + ". Its data stays in the database. Start the desk client or the command line again.");
            progress.step(ProvisioningStep.DONE, 100);
            return result;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // the whitelist before an install

    /** The Kiban bundles among the additions that the catalogue refuses, read from the repository's artifacts. */
    List<ModuleStatus> check(List<IInstallableUnit> additions, IArtifactRepository artifacts, Session s, IProgressMonitor monitor) {
        SpecCatalogue catalogue = conformance != null ? conformance.catalogue() : SpecCatalogue.bundled();
        List<ModuleStatus> refused = new ArrayList<>();
        for (IInstallableUnit iu : additions) {
            for (IArtifactKey key : iu.getArtifacts()) {
                if (!"osgi.bundle".equals(key.getClassifier())) {
                    continue;
                }
                Manifest manifest = manifest(key, artifacts, s, monitor);
                var attributes = manifest.getMainAttributes();
                String symbolicName = symbolicName(attributes.getValue("Bundle-SymbolicName"));
                if (!ModuleClaims.isKibanModule(symbolicName, attributes::getValue)) {
                    continue;
                }
                List<String> claims = ModuleClaims.parse(attributes.getValue(ModuleClaims.HEADER));
                ModuleStatus status = new ModuleStatus(symbolicName == null ? key.getId() : symbolicName,
                        key.getVersion().toString(), claims, ModuleClaims.check(catalogue, claims));
                if (status.refused()) {
                    refused.add(status);
                }
            }
        }
        return refused;
    }

    private static Manifest manifest(IArtifactKey key, IArtifactRepository artifacts, Session s, IProgressMonitor monitor) {
        IArtifactRepository source = artifacts;
        IArtifactDescriptor[] descriptors = source.getArtifactDescriptors(key);
        if (descriptors.length == 0) {
            // maybe in another artifact repository the agent knows (e.g. the installation's own bundle pool)
            throw new ProvisioningRefusal("repository.unavailable", artifacts.getLocation(), "no artifact " + key);
        }
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        IStatus st = source.getArtifact(descriptors[0], jar, monitor);
        if (!st.isOK() && st.getSeverity() != IStatus.INFO) {
            throw new ProvisioningRefusal(List.of(), statusText(st), "repository.unavailable", artifacts.getLocation(),
                    "cannot read " + key);
        }
        try (InputStream in = new java.io.ByteArrayInputStream(jar.toByteArray()); JarInputStream j = new JarInputStream(in)) {
            Manifest m = j.getManifest();
            return m != null ? m : new Manifest();
        } catch (IOException e) {
            throw new ProvisioningRefusal("repository.unavailable", artifacts.getLocation(), key + ": " + e.getMessage());
        }
    }

    private static String symbolicName(String header) {
        if (header == null) {
            return null;
        }
        int semi = header.indexOf(';');
        return (semi < 0 ? header : header.substring(0, semi)).strip();
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers

    private BusinessFeature feature(IInstallableUnit group, boolean installed, List<FeatureBundle> bundles) {
        return new BusinessFeature(plain(group.getId()), group.getVersion().toString(),
                group.getProperty(IInstallableUnit.PROP_NAME, null), group.getProperty(IInstallableUnit.PROP_DESCRIPTION, null),
                installed, bundles);
    }

    /** The bundles a feature group requires, found in the queryable; with their state in this framework if asked. */
    private List<FeatureBundle> bundlesOf(IInstallableUnit group, IQueryable<IInstallableUnit> where, boolean withState) {
        Map<String, FeatureBundle> bundles = new LinkedHashMap<>();
        for (IRequirement r : group.getRequirements()) {
            for (IInstallableUnit iu : where.query(QueryUtil.createMatchQuery(r.getMatches()), null)) {
                if (!isBundle(iu)) {
                    continue;
                }
                String version = iu.getVersion().toString();
                String state = withState ? state(iu.getId(), version) : "";
                bundles.putIfAbsent(iu.getId(), new FeatureBundle(iu.getId(), version, state.isEmpty() ? "-" : state));
            }
        }
        return List.copyOf(bundles.values());
    }

    private String state(String symbolicName, String version) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName()) && version.equals(b.getVersion().toString())) {
                return switch (b.getState()) {
                    case Bundle.ACTIVE -> "ACTIVE";
                    case Bundle.STARTING -> "STARTING";
                    case Bundle.RESOLVED -> "RESOLVED";
                    case Bundle.INSTALLED -> "INSTALLED";
                    case Bundle.STOPPING -> "STOPPING";
                    default -> "UNINSTALLED";
                };
            }
        }
        return "NOT_RUNNING";
    }

    private static boolean isBundle(IInstallableUnit iu) {
        for (IProvidedCapability c : iu.getProvidedCapabilities()) {
            if ("osgi.bundle".equals(c.getNamespace())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> bundleNames(List<IInstallableUnit> ius) {
        return ius.stream().filter(P2Provisioning::isBundle).map(iu -> iu.getId() + " " + iu.getVersion()).toList();
    }

    private static List<IInstallableUnit> sorted(Iterable<IInstallableUnit> ius) {
        List<IInstallableUnit> list = new ArrayList<>();
        ius.forEach(list::add);
        list.sort(Comparator.comparing(IInstallableUnit::getId).thenComparing(IInstallableUnit::getVersion));
        return list;
    }

    static String groupId(String featureId) {
        String id = featureId.strip();
        return id.endsWith(GROUP_SUFFIX) ? id : id + GROUP_SUFFIX;
    }

    static String plain(String id) {
        String s = id.strip();
        return s.endsWith(GROUP_SUFFIX) ? s.substring(0, s.length() - GROUP_SUFFIX.length()) : s;
    }

    private static void requireOk(IStatus status, String code, String featureId, String action) {
        if (status.getSeverity() == IStatus.CANCEL) {
            throw new ProvisioningRefusal("cancelled");
        }
        if (status.getSeverity() == IStatus.ERROR) {
            String detail = statusText(status);
            LOG.warning(() -> "p2 could not " + action + " " + featureId + ": " + detail);
            throw new ProvisioningRefusal(List.of(), detail, code, plain(featureId), new DomainException.Label(action));
        }
    }

    static String statusText(IStatus status) {
        StringBuilder b = new StringBuilder();
        append(b, status, 0);
        return b.toString().strip();
    }

    private static void append(StringBuilder b, IStatus status, int depth) {
        if (depth > 6) {
            return;
        }
        if (status.getMessage() != null && !status.getMessage().isBlank()) {
            b.append("  ".repeat(depth)).append(status.getMessage()).append('\n');
        }
        Throwable t = status.getException();
        if (t != null && t.getMessage() != null && !t.getMessage().equals(status.getMessage())) {
            b.append("  ".repeat(depth + 1)).append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
        }
        for (IStatus child : status.getChildren()) {
            append(b, child, depth + 1);
        }
    }

    private static void checkCancelled(ProvisioningProgress progress) {
        if (progress.cancelled()) {
            throw new ProvisioningRefusal("cancelled");
        }
    }

    private static IProgressMonitor monitor(ProvisioningProgress progress) {
        return new NullProgressMonitor() {
            @Override
            public boolean isCanceled() {
                return super.isCanceled() || progress.cancelled();
            }
        };
    }

    // ---------------------------------------------------------------------------------------------------------
    // the p2 agent on the installation

    Session open() {
        Path installation = installation();
        Path p2 = installation.resolve("p2");
        if (!Files.isDirectory(p2)) {
            throw new ProvisioningRefusal("installation.notProvisionable", p2);
        }
        // loading a p2.core class activates the lazily started bundle, which registers the provider
        ServiceReference<IProvisioningAgentProvider> ref = context.getServiceReference(IProvisioningAgentProvider.class);
        if (ref == null) {
            throw new ProvisioningRefusal("installation.notProvisionable", "IProvisioningAgentProvider");
        }
        IProvisioningAgentProvider provider = context.getService(ref);
        try {
            IProvisioningAgent agent = provider.createAgent(p2.toUri());
            try {
                IProvisioningAgent running = provider.createAgent(null);
                agent.registerService(IProvisioningAgent.INSTALLER_AGENT, running != null ? running : agent);
            } catch (ProvisionException | RuntimeException e) {
                agent.registerService(IProvisioningAgent.INSTALLER_AGENT, agent);
            }
            String profileId = profileId(installation, agent);
            agent.registerService(PROFILE_KEY, profileId);
            return new Session(agent, installation, profileId, ref);
        } catch (ProvisionException e) {
            context.ungetService(ref);
            throw new ProvisioningRefusal(List.of(), statusText(e.getStatus()), "installation.notProvisionable", p2);
        } catch (RuntimeException e) {
            context.ungetService(ref);
            throw e;
        }
    }

    private static String profileId(Path installation, IProvisioningAgent agent) {
        Path configIni = installation.resolve("configuration").resolve("config.ini");
        if (Files.isRegularFile(configIni)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(configIni)) {
                p.load(in);
                String id = p.getProperty(PROFILE_KEY);
                if (id != null && !id.isBlank()) {
                    return id.strip();
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot read " + configIni, e);
            }
        }
        IProfileRegistry registry = agent.getService(IProfileRegistry.class);
        IProfile[] profiles = registry == null ? new IProfile[0] : registry.getProfiles();
        return profiles.length == 1 ? profiles[0].getProfileId() : "DefaultProfile";
    }

    /** One agent on the installation's p2 data area, for one call. */
    final class Session implements AutoCloseable {
        final IProvisioningAgent agent;
        final Path installation;
        final IProfileRegistry registry;
        final IPlanner planner;
        final IEngine engine;
        final IMetadataRepositoryManager metadata;
        final IArtifactRepositoryManager artifacts;
        private final ServiceReference<IProvisioningAgentProvider> ref;
        private final String profileId;
        IProfile profile;
        private final List<URI> loaded = new ArrayList<>();
        private final List<URI> loadedArtifacts = new ArrayList<>();

        Session(IProvisioningAgent agent, Path installation, String profileId, ServiceReference<IProvisioningAgentProvider> ref) {
            this.agent = agent;
            this.installation = installation;
            this.profileId = profileId;
            this.ref = ref;
            this.registry = required(agent.getService(IProfileRegistry.class), "IProfileRegistry");
            this.planner = required(agent.getService(IPlanner.class), "IPlanner");
            this.engine = required(agent.getService(IEngine.class), "IEngine");
            this.metadata = required(agent.getService(IMetadataRepositoryManager.class), "IMetadataRepositoryManager");
            this.artifacts = required(agent.getService(IArtifactRepositoryManager.class), "IArtifactRepositoryManager");
            this.profile = registry.getProfile(profileId);
            if (profile == null) {
                close();
                throw new ProvisioningRefusal("installation.notProvisionable", installation.resolve("p2") + " (" + profileId + ")");
            }
        }

        private <T> T required(T service, String name) {
            if (service == null) {
                close();
                throw new ProvisioningRefusal("installation.notProvisionable", "p2 service " + name + " missing");
            }
            return service;
        }

        IMetadataRepository loadMetadata(URI location, IProgressMonitor monitor) {
            try {
                boolean known = metadata.contains(location);
                IMetadataRepository r = metadata.loadRepository(location, monitor);
                if (!known) {
                    loaded.add(location);
                }
                return r;
            } catch (ProvisionException e) {
                throw new ProvisioningRefusal(List.of(), statusText(e.getStatus()), "repository.unavailable", location,
                        e.getStatus().getMessage());
            } catch (org.eclipse.core.runtime.OperationCanceledException e) {
                throw new ProvisioningRefusal("cancelled");
            }
        }

        IArtifactRepository loadArtifacts(URI location, IProgressMonitor monitor) {
            try {
                boolean known = artifacts.contains(location);
                IArtifactRepository r = artifacts.loadRepository(location, monitor);
                if (!known) {
                    loadedArtifacts.add(location);
                }
                return r;
            } catch (ProvisionException e) {
                throw new ProvisioningRefusal(List.of(), statusText(e.getStatus()), "repository.unavailable", location,
                        e.getStatus().getMessage());
            } catch (org.eclipse.core.runtime.OperationCanceledException e) {
                throw new ProvisioningRefusal("cancelled");
            }
        }

        /** The plan that adds a business feature (marked as a root and as the administrator's). Changes nothing. */
        IProvisioningPlan installPlan(IInstallableUnit group, URI repository, String featureId, IProgressMonitor monitor) {
            IProfileChangeRequest request = planner.createChangeRequest(profile);
            request.add(group);
            request.setInstallableUnitProfileProperty(group, IProfile.PROP_PROFILE_ROOT_IU, Boolean.TRUE.toString());
            request.setInstallableUnitProfileProperty(group, BUSINESS_PROPERTY, Boolean.TRUE.toString());
            IProvisioningPlan plan = planner.getProvisioningPlan(request, context(repository), monitor);
            requireOk(plan.getStatus(), "plan.failed", featureId, "install");
            return plan;
        }

        /** Only the given repository (none for an uninstall): never the build-time ones the profile remembers. */
        ProvisioningContext context(URI repository) {
            ProvisioningContext pc = new ProvisioningContext(agent);
            URI[] repos = repository == null ? new URI[0] : new URI[] { repository };
            pc.setMetadataRepositories(repos);
            pc.setArtifactRepositories(repos);
            return pc;
        }

        /** The business features the administrator installed: feature groups marked {@link #BUSINESS_PROPERTY}. */
        List<IInstallableUnit> businessFeatures() {
            List<IInstallableUnit> result = new ArrayList<>();
            for (IInstallableUnit iu : profile.query(QueryUtil.createIUGroupQuery(), null)) {
                if (Boolean.parseBoolean(profile.getInstallableUnitProperty(iu, BUSINESS_PROPERTY))) {
                    result.add(iu);
                }
            }
            return result;
        }

        /**
         * Points the profile at where the installation is now (install folder, bundle pool), as the director does
         * for a roaming profile; the archive may have been extracted anywhere.
         */
        boolean updateRoaming() {
            String here = installation.toString();
            IProfileChangeRequest request = planner.createChangeRequest(profile);
            boolean change = false;
            for (String key : List.of(IProfile.PROP_INSTALL_FOLDER, IProfile.PROP_CACHE)) {
                String value = profile.getProperty(key);
                if (value == null || !sameFile(value, here)) {
                    request.setProfileProperty(key, here);
                    change = true;
                }
            }
            String config = profile.getProperty(IProfile.PROP_CONFIGURATION_FOLDER);
            String configHere = installation.resolve("configuration").toString();
            if (config != null && !sameFile(config, configHere)) {
                request.setProfileProperty(IProfile.PROP_CONFIGURATION_FOLDER, configHere);
                change = true;
            }
            if (!change) {
                return false;
            }
            LOG.info(() -> "p2 profile " + profileId + " moved to " + here);
            IProvisioningPlan plan = planner.getProvisioningPlan(request, context(null), new NullProgressMonitor());
            requireOk(plan.getStatus(), "install.failed", "(profile)", "install");
            requireOk(engine.perform(plan, PhaseSetFactory.createDefaultPhaseSet(), new NullProgressMonitor()), "install.failed",
                    "(profile)", "install");
            profile = registry.getProfile(profileId);
            return true;
        }

        private static boolean sameFile(String a, String b) {
            return new File(a).getAbsoluteFile().toPath().normalize().equals(new File(b).getAbsoluteFile().toPath().normalize());
        }

        @Override
        public void close() {
            for (URI u : loaded) {
                metadata.removeRepository(u);
            }
            loaded.clear();
            for (URI u : loadedArtifacts) {
                artifacts.removeRepository(u);
            }
            loadedArtifacts.clear();
            try {
                agent.stop();
            } finally {
                context.ungetService(ref);
            }
        }
    }
}
