package jp.kiban.persistence.impl;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.Bundle;

import jp.kiban.persistence.Dialect;
import jp.kiban.persistence.MigrationException;
import jp.kiban.persistence.SchemaContribution;

/** Reads a module's migration scripts out of the bundle that registered its {@link SchemaContribution}. */
public final class BundleScripts {
    private BundleScripts() {
    }

    public static List<MigrationScript> load(Bundle bundle, SchemaContribution contribution, Dialect dialect) {
        Enumeration<URL> entries = bundle.findEntries(contribution.migrationPath(), "V*.sql", false);
        List<URL> urls = entries == null ? List.of() : Collections.list(entries);
        Map<Integer, MigrationScript> common = new TreeMap<>();
        Map<Integer, MigrationScript> specific = new TreeMap<>();
        for (URL url : urls) {
            String path = url.getPath();
            String fileName = path.substring(path.lastIndexOf('/') + 1);
            MigrationScript.Name name = MigrationScript.parseName(fileName);
            if (name == null) {
                throw new MigrationException("Migration file name not understood: " + contribution.module() + "/"
                        + fileName + " (expected V<number>__<description>[.derby|.postgresql].sql)");
            }
            if (name.dialect() != null && !name.dialect().equals(dialect.scriptSuffix())) {
                continue;
            }
            MigrationScript script = new MigrationScript(contribution.module(), name.version(), name.description(),
                    fileName, read(url));
            Map<Integer, MigrationScript> target = name.dialect() == null ? common : specific;
            MigrationScript clash = target.put(name.version(), script);
            if (clash != null) {
                throw new MigrationException("Two migration scripts with version " + name.version() + " in module "
                        + contribution.module() + ": " + clash.fileName() + " and " + fileName);
            }
        }
        common.putAll(specific);
        return new ArrayList<>(common.values());
    }

    private static String read(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException("Cannot read migration script " + url + ": " + e.getMessage(), e);
        }
    }
}
