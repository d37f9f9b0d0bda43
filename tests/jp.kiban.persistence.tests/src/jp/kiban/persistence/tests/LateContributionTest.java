package jp.kiban.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import jp.kiban.persistence.SchemaContribution;
import jp.kiban.persistence.Transactions;

/**
 * A bundle that starts late registers its SchemaContribution while another thread is inside a
 * transaction (the desk's demo town start did this): the persistence unit is rebuilt for later
 * transactions, but the running one must finish on its own entity manager instead of failing with
 * "closed EntityManager".
 */
class LateContributionTest {

    @Test
    void aContributionArrivingDuringATransactionDoesNotCloseIt() throws Exception {
        Transactions tx = ServicesTest.service(Transactions.class);
        BundleContext ctx = FrameworkUtil.getBundle(LateContributionTest.class).getBundleContext();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch registered = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        ServiceRegistration<SchemaContribution> late = null;
        try {
            Future<Integer> running = thread.submit(() -> tx.readOnly(em -> {
                inside.countDown();
                try {
                    assertTrue(registered.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM kiban_schema_history").getSingleResult())
                        .intValue();
            }));
            assertTrue(inside.await(30, TimeUnit.SECONDS));
            late = ctx.registerService(SchemaContribution.class, new SchemaContribution() {
                @Override
                public String module() {
                    return "late_test";
                }

                @Override
                public String migrationPath() {
                    return "/db/migration/late_test"; // no scripts: only the unit is rebuilt
                }
            }, null);
            registered.countDown();
            assertTrue(running.get(30, TimeUnit.SECONDS) >= 1, "the running transaction finished");
            int after = tx.readOnly(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM kiban_schema_history")
                    .getSingleResult()).intValue());
            assertEquals(running.get(), after, "later transactions work on the rebuilt unit");
        } finally {
            if (late != null) {
                late.unregister();
            }
            thread.shutdownNow();
        }
    }
}
