package jp.kiban.platform.impl;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import jp.kiban.platform.DataLocation;
import jp.kiban.platform.KibanEnvironment;

/** The data folder and kiban.properties (UTF-8), read once at start. */
@Component(service = KibanEnvironment.class)
public class EnvironmentComponent implements KibanEnvironment {
    private static final System.Logger LOG = System.getLogger(EnvironmentComponent.class.getName());

    private DataLocation location;
    private final Properties file = new Properties();
    private String version;

    @Activate
    void activate() {
        location = DataLocation.resolve();
        try {
            Files.createDirectories(location.root());
            Files.createDirectories(location.logs());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the data folder " + location.root() + ": " + e, e);
        }
        Path settings = location.settingsFile();
        if (Files.isRegularFile(settings)) {
            try (Reader r = Files.newBufferedReader(settings, StandardCharsets.UTF_8)) {
                file.load(r);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + settings + ": " + e, e);
            }
        }
        LogSetup.configure(location.logs(), setting("log.console", "INFO"));
        Bundle b = FrameworkUtil.getBundle(EnvironmentComponent.class);
        version = b == null ? "dev" : b.getVersion().toString();
        LOG.log(System.Logger.Level.INFO, "Kiban {0}, data folder {1}", version, location);
    }

    @Override
    public DataLocation dataLocation() {
        return location;
    }

    @Override
    public Optional<String> setting(String key) {
        String sys = System.getProperty("kiban." + key);
        if (sys != null) {
            return Optional.of(sys);
        }
        return Optional.ofNullable(file.getProperty(key));
    }

    @Override
    public String productVersion() {
        return version;
    }
}
