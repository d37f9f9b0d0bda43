package jp.kiban.provisioning.impl;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import jp.kiban.cli.spi.CliContext;
import jp.kiban.cli.spi.CliContribution;
import jp.kiban.cli.spi.JsonOption;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Permission;
import jp.kiban.provisioning.BusinessFeature;
import jp.kiban.provisioning.FeatureBundle;
import jp.kiban.provisioning.FeatureProvisioning;
import jp.kiban.provisioning.ProvisioningProgress;
import jp.kiban.provisioning.ProvisioningResult;
import jp.kiban.security.AccessKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kiban cli features list|available|install|uninstall}: business features from a p2 repository, for the
 * administrator. English output; refusals (whitelist, unknown feature) are errors with exit code 1.
 */
@Component(service = CliContribution.class)
public class FeaturesCliComponent implements CliContribution {

    @Override
    public Object command(CliContext context) {
        return new Features(context);
    }

    @Command(name = "features", mixinStandardHelpOptions = true,
            description = "Business features (業務機能) of this installation: list, install from a p2 repository, uninstall. "
                    + "Changes take effect when the desk client or the command line starts again; uninstalling keeps the data.")
    public static final class Features implements Runnable {
        private final CliContext context;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        Features(CliContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            spec.commandLine().usage(context.out());
        }

        private FeatureProvisioning service() {
            return context.service(FeatureProvisioning.class);
        }

        private Operator admin() {
            return context.require(Permission.ADMINISTER);
        }

        @Command(name = "list", mixinStandardHelpOptions = true,
                description = "The business features installed into this installation, with their bundles' state in this run.")
        int list(@Mixin JsonOption output) {
            Operator op = admin();
            FeatureProvisioning p = service();
            List<BusinessFeature> features = p.installed(op);
            if (output.json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("installation", p.installation().toString());
                doc.put("features", features);
                context.printJson(doc);
                return 0;
            }
            PrintStream out = context.out();
            out.printf("Installation %s%n", p.installation());
            if (features.isEmpty()) {
                out.println("No business feature installed.");
            }
            for (BusinessFeature f : features) {
                print(out, f, true);
            }
            return 0;
        }

        @Command(name = "available", mixinStandardHelpOptions = true,
                description = "The features a p2 repository offers (a folder, a file:/http(s): URI, or jar:file:…zip!/).")
        int available(@Option(names = "--repo", required = true, description = "The p2 repository") String repo,
                @Mixin JsonOption output) {
            Operator op = admin();
            List<BusinessFeature> features = service().available(op, FeatureProvisioning.repositoryUri(repo), progress());
            if (output.json) {
                context.printJson(Map.of("repository", FeatureProvisioning.repositoryUri(repo).toString(), "features", features));
                return 0;
            }
            PrintStream out = context.out();
            for (BusinessFeature f : features) {
                print(out, f, false);
            }
            if (features.isEmpty()) {
                out.println("The repository offers no feature.");
            }
            return 0;
        }

        @Command(name = "install", mixinStandardHelpOptions = true,
                description = "Installs a business feature from a p2 repository, after checking its bundles against the "
                        + "specification catalogue (a refused feature changes nothing).")
        int install(@Parameters(index = "0", paramLabel = "FEATURE", description = "e.g. jp.kiban.healthinsurance.feature") String id,
                @Option(names = "--repo", required = true, description = "The p2 repository") String repo,
                @Mixin JsonOption output) {
            Operator op = admin();
            ProvisioningResult r;
            try {
                r = service().install(op, id, FeatureProvisioning.repositoryUri(repo), progress());
            } catch (RuntimeException e) {
                context.audit(AccessKind.REFUSED, "features.install", id);
                throw e;
            }
            context.audit(AccessKind.SETTING, "features.install", r.featureId() + " " + r.version());
            return result(r, "Installed", output);
        }

        @Command(name = "uninstall", mixinStandardHelpOptions = true,
                description = "Uninstalls a business feature. Its data (tables, rows) stays in the database; installing it "
                        + "again brings it back.")
        int uninstall(@Parameters(index = "0", paramLabel = "FEATURE") String id, @Mixin JsonOption output) {
            Operator op = admin();
            ProvisioningResult r = service().uninstall(op, id, progress());
            context.audit(AccessKind.SETTING, "features.uninstall", r.featureId() + " " + r.version());
            return result(r, "Uninstalled", output);
        }

        private int result(ProvisioningResult r, String verb, JsonOption output) {
            if (output.json) {
                context.printJson(r);
                return 0;
            }
            PrintStream out = context.out();
            out.printf("%s %s %s%n", verb, r.featureId(), r.version());
            r.added().forEach(b -> out.printf("  + %s%n", b));
            r.removed().forEach(b -> out.printf("  - %s%n", b));
            if (r.restartNeeded()) {
                out.println("Start the desk client and the command line again to use the change.");
            }
            if (!r.added().isEmpty()) {
                out.println("Then create the feature's tables with 'kiban cli db migrate' (the desk client migrates at start).");
            }
            return 0;
        }

        private static void print(PrintStream out, BusinessFeature f, boolean withState) {
            out.printf("%s %s%s  %s%n", f.id(), f.version(), f.installed() && !withState ? " (installed)" : "", f.name());
            for (FeatureBundle b : f.bundles()) {
                out.printf(withState ? "  %-45s %-28s %s%n" : "  %-45s %s%n", b.symbolicName(), b.version(), b.state());
            }
        }

        private ProvisioningProgress progress() {
            PrintStream err = context.err();
            return (step, percent) -> err.printf("[%3d%%] %s%n", percent, step.text(Locale.ROOT));
        }
    }
}
