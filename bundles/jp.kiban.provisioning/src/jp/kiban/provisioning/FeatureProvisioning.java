package jp.kiban.provisioning;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import jp.kiban.platform.Operator;

/**
 * Installs and uninstalls business features (業務機能) into this installation from a p2 repository, with
 * Equinox p2 (the installation's p2 profile). Every call requires {@code Permission.ADMINISTER}.
 * <p>
 * Before anything changes, the whitelist check runs on every Kiban bundle an install would add: each bundle's
 * {@code Kiban-Spec-Functions} is read from the repository's artifact and checked against the specification
 * catalogue; a non-conforming feature is refused ({@link ProvisioningRefusal}, code {@code refused.whitelist})
 * and the installation is left as it was.
 * <p>
 * Changes take effect when the desk client or the command line is started again. Uninstalling never touches
 * the database: the business's tables and rows stay, and installing it again brings them back.
 */
public interface FeatureProvisioning {

    /** The features a repository offers (a local folder, a {@code file:}, {@code http(s):} or {@code jar:} URI). */
    List<BusinessFeature> available(Operator operator, URI repository, ProvisioningProgress progress);

    /** The business features installed into this installation by the administrator (not the product's own). */
    List<BusinessFeature> installed(Operator operator);

    /**
     * Installs a feature (and what it needs) from a repository.
     *
     * @param featureId e.g. {@code jp.kiban.healthinsurance.feature} (with or without {@code .feature.group})
     * @throws ProvisioningRefusal when it is refused (whitelist, unknown feature, already installed, no plan)
     */
    ProvisioningResult install(Operator operator, String featureId, URI repository, ProvisioningProgress progress);

    /**
     * Uninstalls a business feature; its data stays in the database.
     *
     * @throws ProvisioningRefusal when the feature is not an installed business feature
     */
    ProvisioningResult uninstall(Operator operator, String featureId, ProvisioningProgress progress);

    /** The installation folder the p2 profile belongs to (where {@code plugins/} and {@code p2/} are). */
    Path installation();

    /** A folder or a text that names one: a URI as is, a path made absolute ({@code file:}). */
    static URI repositoryUri(String folderOrUri) {
        String s = folderOrUri.strip();
        if (s.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") && !s.matches("^[a-zA-Z]:[\\\\/].*")) {
            return URI.create(s);
        }
        return Path.of(s).toAbsolutePath().normalize().toUri();
    }
}
