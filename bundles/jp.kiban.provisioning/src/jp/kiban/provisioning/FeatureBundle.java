package jp.kiban.provisioning;

import java.util.Objects;

/**
 * One bundle of a feature.
 *
 * @param symbolicName the bundle's symbolic name
 * @param version      its version
 * @param state        its state in the running framework: {@code ACTIVE}, {@code STARTING} (lazy, not yet used),
 *                     {@code RESOLVED}, {@code INSTALLED} (not resolved, e.g. refused by the whitelist), or
 *                     {@code NOT_RUNNING} (installed into the installation, running after the next start)
 */
public record FeatureBundle(String symbolicName, String version, String state) {
    public FeatureBundle {
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
    }
}
