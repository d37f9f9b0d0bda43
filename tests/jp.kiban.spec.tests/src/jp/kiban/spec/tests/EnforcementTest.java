package jp.kiban.spec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.ServiceTracker;

import jp.kiban.core.csv.Csv;
import jp.kiban.spec.Business;
import jp.kiban.spec.ClaimProblem.Code;
import jp.kiban.spec.ConformanceReport;
import jp.kiban.spec.ConformanceReport.Status;
import jp.kiban.spec.ModuleConformance;
import jp.kiban.spec.ModuleStatus;
import jp.kiban.spec.SpecCatalogue;
import jp.kiban.spec.SpecFunction;
import jp.kiban.spec.Tier;
import jp.kiban.spec.impl.Enforcer;

/**
 * The whitelist in a running framework: bundles are installed here at run time, as an administrator's
 * feature would be, and the platform must keep the non-conforming ones from ever activating.
 */
class EnforcementTest {

    private final BundleContext context = FrameworkUtil.getBundle(EnforcementTest.class).getBundleContext();
    private final List<Bundle> installed = new ArrayList<>();
    private final List<LogRecord> log = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public synchronized void publish(LogRecord r) {
            log.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private ModuleConformance conformance;

    @BeforeEach
    void setUp() throws InterruptedException {
        Logger.getLogger(Enforcer.class.getName()).addHandler(handler);
        ServiceTracker<ModuleConformance, ModuleConformance> t = new ServiceTracker<>(context, ModuleConformance.class, null);
        t.open();
        conformance = t.waitForService(10_000);
        assertTrue(conformance != null, "the whitelist service runs (jp.kiban.spec.impl at start level 1)");
    }

    @AfterEach
    void tearDown() throws BundleException {
        Logger.getLogger(Enforcer.class.getName()).removeHandler(handler);
        for (Bundle b : installed) {
            if (b.getState() != Bundle.UNINSTALLED) {
                b.uninstall();
            }
        }
    }

    @Test
    void everyKibanBundleOfThisRuntimeConforms() {
        List<ModuleStatus> modules = conformance.modules();
        assertTrue(modules.stream().anyMatch(m -> m.symbolicName().equals("jp.kiban.spec.impl")), modules.toString());
        assertTrue(modules.stream().anyMatch(m -> m.symbolicName().equals("jp.kiban.spec.tests")), modules.toString());
        assertEquals(List.of(), conformance.refused(), "a Kiban bundle without a valid Kiban-Spec-Functions header");
        // third-party libraries are not Kiban modules
        assertFalse(modules.stream().anyMatch(m -> m.symbolicName().startsWith("org.junit")));
    }

    @Test
    void aModuleClaimingAMustNotFunctionNeverActivates() throws IOException {
        Bundle rogue = install("jp.kiban.test.rogue", "juki:8.1.1/optional, juki:5.5/must-not", null);
        BundleException e = assertThrows(BundleException.class, rogue::start);
        assertEquals(Bundle.INSTALLED, rogue.getState(), "not resolved, so never active: " + e.getMessage());

        ModuleStatus status = statusOf("jp.kiban.test.rogue");
        assertTrue(status.refused());
        assertEquals(List.of(Code.MUST_NOT), status.problems().stream().map(p -> p.code()).toList());
        assertTrue(status.problems().get(0).message(Locale.JAPANESE).contains("実装しない機能"));
        assertTrue(severeLogMentions("jp.kiban.test.rogue", "must not be implemented"), "the refusal is logged: " + messages());

        ConformanceReport report = conformance.report();
        assertEquals(List.of("jp.kiban.test.rogue"), report.refusedModules().stream().map(ModuleStatus::symbolicName).toList());
        // a refused module provides nothing: its optional claim is not counted as installed
        assertFalse(report.rows().stream().anyMatch(r -> r.function().id().equals("juki:8.1.1/optional")));
        String ja = report.toText(Locale.JAPANESE);
        assertTrue(ja.contains("導入を拒否したモジュール: 1") && ja.contains("jp.kiban.test.rogue") && ja.contains("5.5 発行番号"), ja);
    }

    @Test
    void aThirdPartyBusinessBundleThatClaimsNothingIsRefused() throws IOException {
        // not named jp.kiban.*, but it uses Kiban: it is a Kiban module and must declare what it implements
        Bundle vendor = install("com.example.vendor.kokuho", null, "jp.kiban.spec;version=\"[0.1.0,0.2.0)\"");
        assertThrows(BundleException.class, vendor::start);
        assertEquals(Bundle.INSTALLED, vendor.getState());
        assertEquals(List.of(Code.NO_CLAIM), statusOf("com.example.vendor.kokuho").problems().stream().map(p -> p.code()).toList());
    }

    @Test
    void aModuleClaimingAFunctionOutsideTheCatalogueIsRefused() throws IOException {
        Bundle outside = install("jp.kiban.test.outside", "juki:99.1/must", null);
        assertThrows(BundleException.class, outside::start);
        assertEquals(List.of(Code.UNKNOWN_FUNCTION), statusOf("jp.kiban.test.outside").problems().stream().map(p -> p.code()).toList());
    }

    @Test
    void aConformingOptionalModuleStartsAndShowsInTheReport() throws IOException, BundleException {
        ConformanceReport before = conformance.report();
        assertFalse(before.rows().stream().anyMatch(r -> r.function().id().equals("juki:8.1.1/optional")));

        Bundle notice = install("jp.kiban.test.notice", "juki:8.1.1/optional, juki:8.1.3/optional", null);
        notice.start();
        assertEquals(Bundle.ACTIVE, notice.getState());

        ConformanceReport report = conformance.report();
        ConformanceReport.Row row = report.rows().stream().filter(r -> r.function().id().equals("juki:8.1.1/optional")).findFirst().orElseThrow();
        assertEquals(Status.INSTALLED, row.status());
        assertEquals(List.of("jp.kiban.test.notice"), row.modules());
        assertEquals(List.of(), report.refusedModules());
        assertTrue(Csv.parse(report.toCsv()).rows().stream().anyMatch(r -> r.fields().equals(List.of("juki", "juki:8.1.1/optional", "8.1.1",
                "登録管理", "optional", "INSTALLED", "jp.kiban.test.notice", ""))), report.toCsv());

        notice.uninstall();
        assertFalse(conformance.report().rows().stream().anyMatch(r -> r.function().id().equals("juki:8.1.1/optional")));
    }

    @Test
    void libraryBundlesThatDoNotUseKibanAreLeftAlone() throws IOException, BundleException {
        Bundle lib = install("org.example.plainlib", null, null);
        lib.start();
        assertEquals(Bundle.ACTIVE, lib.getState());
        assertFalse(conformance.modules().stream().anyMatch(m -> m.symbolicName().equals("org.example.plainlib")));
    }

    @Test
    void mustFunctionsNobodyProvidesAreReportedMissing() {
        ConformanceReport report = conformance.report();
        // this runtime has no resident base: 1.1.1 日本人住民データの管理 is missing; the whitelist check is provided
        ConformanceReport.Row juki = report.rows().stream().filter(r -> r.function().id().equals("juki:1.1.1/must")).findFirst().orElseThrow();
        assertEquals(Status.MISSING, juki.status());
        ConformanceReport.Row spec = report.rows().stream().filter(r -> r.function().id().equals("kiban:spec/must")).findFirst().orElseThrow();
        assertEquals(Status.PROVIDED, spec.status());
        assertEquals(List.of("jp.kiban.spec", "jp.kiban.spec.impl"), spec.modules());
        assertEquals(report.count("juki", Status.MISSING) + report.count("juki", Status.PROVIDED), 132);
        String text = report.toText(Locale.ROOT);
        assertTrue(text.contains("MISSING   juki:1.1.1/must"), text);
    }

    @Test
    void modulesResolvedBeforeTheWhitelistWasInForceAreStoppedAndUnresolved() throws Exception {
        // juki:8.1.2/optional is fine under the bundled catalogue: the module starts
        Bundle early = install("jp.kiban.test.early", "juki:8.1.2/optional", null);
        early.start();
        assertEquals(Bundle.ACTIVE, early.getState());
        // a stricter catalogue (as after an upgrade of the specification) that makes 8.1.2 a must-not function
        SpecCatalogue stricter = new SpecCatalogue(List.of(new Business("juki", "住民記録", "Resident records", "test")),
                List.of(new SpecFunction("juki:8.1.2/must-not", "juki", "8.1.2", "画面表示", Tier.MUST_NOT, 1, "test")));
        // the module's claim "juki:8.1.2/optional" is no longer in that catalogue at all
        Enforcer enforcer = new Enforcer(context, stricter);
        CountDownLatch refreshed = new CountDownLatch(1);
        List<Bundle> refused = enforcer.refuseResolved(List.of(early));
        assertTrue(refused.contains(early), refused.toString());
        assertNotEquals(Bundle.ACTIVE, early.getState(), "stopped at once, before the refresh");
        // wait for the framework's background refresh to finish before the bundle is uninstalled
        context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class).refreshBundles(List.of(early), ev -> {
            if (ev.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                refreshed.countDown();
            }
        });
        assertTrue(refreshed.await(30, TimeUnit.SECONDS));
        assertNotEquals(Bundle.ACTIVE, early.getState(), "the stop is persistent: a refresh does not start it again");
    }

    private Bundle install(String name, String claims, String imports) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        a.putValue(Constants.BUNDLE_SYMBOLICNAME, name);
        a.putValue(Constants.BUNDLE_VERSION, "1.0.0");
        if (claims != null) {
            a.putValue("Kiban-Spec-Functions", claims);
        }
        if (imports != null) {
            a.putValue(Constants.IMPORT_PACKAGE, imports);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, mf)) {
            jar.flush();
        }
        try {
            Bundle b = context.installBundle("test:" + name + ":" + System.nanoTime(), new ByteArrayInputStream(bytes.toByteArray()));
            installed.add(b);
            return b;
        } catch (BundleException e) {
            throw new IOException(e);
        }
    }

    private ModuleStatus statusOf(String name) {
        return conformance.modules().stream().filter(m -> m.symbolicName().equals(name)).findFirst().orElseThrow();
    }

    private synchronized boolean severeLogMentions(String... parts) {
        return log.stream().anyMatch(r -> r.getLevel() == Level.SEVERE && java.util.Arrays.stream(parts).allMatch(p -> r.getMessage().contains(p)));
    }

    private synchronized List<String> messages() {
        return log.stream().map(LogRecord::getMessage).toList();
    }
}
