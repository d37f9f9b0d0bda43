package jp.kiban.platform;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where Kiban keeps its data on this machine: the database, the settings file and the logs.
 *
 * <p>The same rule for the desk client, the CLI and the central server, in this order:
 * {@code --data DIR} (passed on as the system property {@value #PROPERTY}), the environment
 * variable {@value #ENV}, then a per-user default ({@code $XDG_DATA_HOME/kiban} or
 * {@code ~/.local/share/kiban} on Linux, {@code %LOCALAPPDATA%\Kiban} on Windows,
 * {@code ~/Library/Application Support/Kiban} on macOS).
 */
public final class DataLocation {
    public static final String PROPERTY = "kiban.data";
    public static final String ENV = "KIBAN_DATA";
    public static final String SETTINGS_FILE = "kiban.properties";

    private final Path root;
    private final String source;

    private DataLocation(Path root, String source) {
        this.root = root.toAbsolutePath().normalize();
        this.source = source;
    }

    /** Resolves the data folder from the running JVM's system properties and environment. */
    public static DataLocation resolve() {
        return resolve(System.getProperty(PROPERTY), System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("user.home", "."));
    }

    /** The rule itself, with every input explicit (for tests). */
    public static DataLocation resolve(String explicit, Map<String, String> env, String osName, String userHome) {
        if (explicit != null && !explicit.isBlank()) {
            return new DataLocation(Path.of(explicit.trim()), "--data / -D" + PROPERTY);
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new DataLocation(Path.of(fromEnv.trim()), ENV);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        Path home = Path.of(userHome);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Path.of(local) : home.resolve("AppData").resolve("Local");
            return new DataLocation(base.resolve("Kiban"), "default");
        }
        if (os.contains("mac")) {
            return new DataLocation(home.resolve("Library").resolve("Application Support").resolve("Kiban"), "default");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return new DataLocation(base.resolve("kiban"), "default");
    }

    public Path root() {
        return root;
    }

    /** Which rule chose the folder: "--data / -Dkiban.data", "KIBAN_DATA" or "default". */
    public String source() {
        return source;
    }

    /** The embedded Derby database. */
    public Path database() {
        return root.resolve("db");
    }

    public Path settingsFile() {
        return root.resolve(SETTINGS_FILE);
    }

    public Path logs() {
        return root.resolve("logs");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataLocation other && root.equals(other.root);
    }

    @Override
    public int hashCode() {
        return Objects.hash(root);
    }

    @Override
    public String toString() {
        return root + " (" + source + ")";
    }
}
