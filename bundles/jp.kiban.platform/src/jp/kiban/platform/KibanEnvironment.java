package jp.kiban.platform;

import java.util.Optional;

/**
 * The running installation: its data folder and its settings.
 *
 * <p>Settings come from {@code kiban.properties} in the data folder; a system property
 * {@code kiban.<key>} overrides the file (used by the launcher and by tests).
 */
public interface KibanEnvironment {

    DataLocation dataLocation();

    /** A setting, e.g. {@code db.type}; system property {@code kiban.db.type} wins over the file. */
    Optional<String> setting(String key);

    default String setting(String key, String defaultValue) {
        return setting(key).orElse(defaultValue);
    }

    /** The product version, e.g. {@code 0.1.0.v20261123-1200}. */
    String productVersion();

    /** True when this installation runs with the demo town (set by {@code kiban run} on a fresh data folder). */
    default boolean demoMode() {
        return Boolean.parseBoolean(setting("demo", "false"));
    }
}
