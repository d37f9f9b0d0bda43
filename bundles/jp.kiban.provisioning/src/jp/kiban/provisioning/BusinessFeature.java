package jp.kiban.provisioning;

import java.util.List;
import java.util.Objects;

/**
 * A feature as the administrator sees it.
 *
 * @param id          the feature id, e.g. {@code jp.kiban.healthinsurance.feature}
 * @param version     its version
 * @param name        its label (feature.xml)
 * @param description its description (feature.xml)
 * @param installed   whether it is installed into this installation
 * @param bundles     its bundles; for an installed feature with their state in the running framework
 */
public record BusinessFeature(String id, String version, String name, String description, boolean installed,
        List<FeatureBundle> bundles) {
    public BusinessFeature {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        name = name == null ? id : name;
        description = description == null ? "" : description;
        bundles = List.copyOf(bundles);
    }
}
