package jp.kiban.persistence.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;

import jp.kiban.persistence.Dialect;
import jp.kiban.persistence.SchemaContribution;

/** The SchemaContribution services seen so far, each with the bundle that registered it. */
final class Contributions {
    private final Map<SchemaContribution, Bundle> byService = new ConcurrentHashMap<>();

    void add(SchemaContribution c, Bundle b) {
        byService.put(c, b);
    }

    void remove(SchemaContribution c) {
        byService.remove(c);
    }

    List<MigrationScript> scripts(Dialect dialect) {
        List<MigrationScript> out = new ArrayList<>();
        byService.forEach((c, b) -> out.addAll(BundleScripts.load(b, c, dialect)));
        return out;
    }

    List<Class<?>> entityClasses() {
        List<Class<?>> out = new ArrayList<>();
        byService.keySet().forEach(c -> out.addAll(c.entityClasses()));
        return out;
    }
}
