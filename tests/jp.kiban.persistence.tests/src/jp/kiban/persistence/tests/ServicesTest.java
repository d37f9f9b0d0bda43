package jp.kiban.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import jp.kiban.core.id.LocalGovernmentCode;
import jp.kiban.persistence.Database;
import jp.kiban.persistence.Dialect;
import jp.kiban.persistence.MigrationInfo;
import jp.kiban.persistence.SchemaMigrations;
import jp.kiban.platform.ConnectionStatus;
import jp.kiban.platform.KibanEnvironment;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;

/** The Declarative Services wiring as the product has it: settings → database → migrations → JPA → services. */
class ServicesTest {

    static <T> T service(Class<T> type) throws InterruptedException {
        BundleContext ctx = FrameworkUtil.getBundle(ServicesTest.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(ctx, type, null);
        tracker.open();
        T s = tracker.waitForService(30_000);
        assertNotNull(s, "no OSGi service " + type.getName());
        return s;
    }

    @Test
    void databaseFollowsTheSettings() throws Exception {
        Database db = service(Database.class);
        assertEquals(Dialect.DERBY, db.dialect());
        assertEquals("jdbc:derby:memory:kiban-ds-test", db.displayUrl());
        assertTrue(db.embedded());
        assertTrue(service(KibanEnvironment.class).dataLocation().root().endsWith("kiban-data"));
    }

    @Test
    void migrationsWereAppliedAtStartAndDemoTownSeeded() throws Exception {
        MunicipalityService towns = service(MunicipalityService.class);
        Municipality demo = towns.current().orElseThrow();
        assertEquals("139998", demo.code().value());
        assertTrue(demo.demo());
        assertTrue(service(SchemaMigrations.class).status().stream()
                .anyMatch(m -> m.module().equals("platform") && m.state() == MigrationInfo.State.APPLIED));
    }

    @Test
    void municipalitySettingsAreStoredAndReplaced() throws Exception {
        MunicipalityService towns = service(MunicipalityService.class);
        Municipality before = towns.current().orElseThrow();
        try {
            towns.configure(new Municipality(LocalGovernmentCode.of("13101"), "千代田区", "区長", "千代田 花子", false));
            Municipality now = towns.current().orElseThrow();
            assertEquals("131016", now.code().value());
            assertEquals("千代田区", now.name());
            assertEquals("区長", now.mayorTitle());
        } finally {
            towns.configure(before);
        }
    }

    @Test
    void connectionIsReportedAsNotConfiguredWithoutCentralAddress() throws Exception {
        assertEquals(ConnectionStatus.State.NOT_CONFIGURED, service(ConnectionStatus.class).state());
    }
}
