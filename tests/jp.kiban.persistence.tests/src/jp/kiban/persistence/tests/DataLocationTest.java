package jp.kiban.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jp.kiban.platform.DataLocation;

class DataLocationTest {

    @Test
    void explicitFolderWinsOverEnvironment() {
        DataLocation l = DataLocation.resolve("/srv/kiban", Map.of("KIBAN_DATA", "/other"), "Linux", "/home/a");
        assertEquals(Path.of("/srv/kiban"), l.root());
        assertEquals(Path.of("/srv/kiban/db"), l.database());
        assertEquals(Path.of("/srv/kiban/kiban.properties"), l.settingsFile());
    }

    @Test
    void environmentVariableWinsOverDefault() {
        assertEquals(Path.of("/other"), DataLocation.resolve(null, Map.of("KIBAN_DATA", "/other"), "Linux", "/home/a").root());
        assertEquals(Path.of("/other"), DataLocation.resolve("  ", Map.of("KIBAN_DATA", "/other"), "Linux", "/home/a").root());
    }

    @Test
    void perUserDefaults() {
        assertEquals(Path.of("/home/a/.local/share/kiban"), DataLocation.resolve(null, Map.of(), "Linux", "/home/a").root());
        assertEquals(Path.of("/x/data/kiban"),
                DataLocation.resolve(null, Map.of("XDG_DATA_HOME", "/x/data"), "Linux", "/home/a").root());
        assertEquals(Path.of("/home/a/Library/Application Support/Kiban"),
                DataLocation.resolve(null, Map.of(), "Mac OS X", "/home/a").root());
        assertEquals("default", DataLocation.resolve(null, Map.of(), "Linux", "/home/a").source());
    }
}
