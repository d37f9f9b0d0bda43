package jp.kiban.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * The business modules (業務) are not in the desk product: a town installs their features from the p2 repository
 * of business features ({@code releng/jp.kiban.repository}). The benchmark does the same in its child JVM: it
 * installs and starts every Kiban bundle of that repository's {@code plugins} folder that is not installed yet,
 * except the desk screens ({@code *.ui}: the child is headless), so that the businesses' services (国保's
 * KokuhoBatch, its demo-town share …) run beside the bases, on the same database.
 */
final class Businesses {
    private Businesses() {
    }

    /** Installs and starts the business bundles found in {@code plugins}; returns their symbolic names. */
    static List<String> install(BundleContext context, Path plugins, PrintStream log) {
        if (plugins == null || !Files.isDirectory(plugins)) {
            return List.of();
        }
        Set<String> present = new HashSet<>();
        for (Bundle b : context.getBundles()) {
            present.add(b.getSymbolicName());
        }
        List<Bundle> installed = new ArrayList<>();
        try (Stream<Path> jars = Files.list(plugins)) {
            for (Path jar : jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                String name = symbolicName(jar);
                if (name == null || !name.startsWith("jp.kiban.") || name.endsWith(".ui") || present.contains(name)) {
                    continue;
                }
                try {
                    installed.add(context.installBundle("reference:" + jar.toUri()));
                    present.add(name);
                } catch (BundleException e) {
                    log.println("bench: could not install " + jar.getFileName() + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            log.println("bench: cannot list " + plugins + ": " + e.getMessage());
        }
        List<String> started = new ArrayList<>();
        for (Bundle b : installed) {
            try {
                b.start();
                started.add(b.getSymbolicName());
            } catch (BundleException e) {
                log.println("bench: could not start " + b.getSymbolicName() + ": " + e.getMessage());
            }
        }
        return started;
    }

    private static String symbolicName(Path jar) {
        try (JarFile f = new JarFile(jar.toFile())) {
            Manifest m = f.getManifest();
            String v = m == null ? null : m.getMainAttributes().getValue("Bundle-SymbolicName");
            return v == null ? null : v.split(";")[0].strip();
        } catch (IOException e) {
            return null;
        }
    }
}
