package jp.kiban.forms.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import jp.kiban.cli.OsgiServices;
import jp.kiban.core.id.LocalGovernmentCode;
import jp.kiban.demo.DemoTown;
import jp.kiban.demo.DemoTownContribution;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;

/**
 * Business modules add their share of the demo town through {@link DemoTownContribution} services: after the
 * town is generated, and again (idempotently) when asked; a failing module does not stop the others; never for a
 * real town.
 */
class DemoContributionTest {
    private final BundleContext context = FrameworkUtil.getBundle(DemoContributionTest.class).getBundleContext();

    /** Counts its calls; adds 3 records the first time and nothing afterwards, as the contract asks. */
    static final class Counting implements DemoTownContribution {
        final List<Long> seeds = new CopyOnWriteArrayList<>();

        @Override
        public String id() {
            return "counting";
        }

        @Override
        public int populate(long seed, DemoTown.Progress progress) {
            seeds.add(seed);
            return seeds.size() == 1 ? 3 : 0;
        }
    }

    @Test
    void contributionsRunAfterGenerationAndAgainOnDemandAndAFailureDoesNotStopOthers() {
        try (OsgiServices services = new OsgiServices(context.getBundle().getBundleContext())) {
            MunicipalityService towns = services.get(MunicipalityService.class);
            if (towns.current().isEmpty()) {
                towns.configure(Municipality.demoTown());
            }
            Counting counting = new Counting();
            ServiceRegistration<DemoTownContribution> failing = context.registerService(DemoTownContribution.class,
                    new DemoTownContribution() {
                        @Override
                        public String id() {
                            return "failing";
                        }

                        @Override
                        public int populate(long seed, DemoTown.Progress progress) {
                            throw new IllegalStateException("broken module");
                        }
                    }, null);
            ServiceRegistration<DemoTownContribution> reg = context.registerService(DemoTownContribution.class,
                    counting, null);
            try {
                DemoTown demo = services.get(DemoTown.class);
                demo.generate(10, 4242L, DemoTown.Progress.NONE);
                assertEquals(List.of(4242L), counting.seeds, "called once, with the town's seed, after generation");

                Map<String, Integer> again = demo.populateContributions(4242L);
                assertEquals(0, again.get("counting"), "idempotent module adds nothing the second time");
                assertFalse(again.containsKey("failing"), "a failing module is logged, not reported as done");
                assertEquals(2, counting.seeds.size());
            } finally {
                reg.unregister();
                failing.unregister();
            }
        }
    }

    @Test
    void neverForARealTown() {
        try (OsgiServices services = new OsgiServices(context.getBundle().getBundleContext())) {
            MunicipalityService towns = services.get(MunicipalityService.class);
            Municipality before = towns.current().orElse(Municipality.demoTown());
            Counting counting = new Counting();
            ServiceRegistration<DemoTownContribution> reg = context.registerService(DemoTownContribution.class,
                    counting, null);
            try {
                towns.configure(new Municipality(LocalGovernmentCode.of("13101"), "千代田区", "区長", "千代田 花子", false));
                IllegalStateException e = assertThrows(IllegalStateException.class,
                        () -> services.get(DemoTown.class).populateContributions(1L));
                assertTrue(e.getMessage().contains("not the demo town"), e.getMessage());
                assertTrue(counting.seeds.isEmpty());
            } finally {
                towns.configure(before);
                reg.unregister();
            }
        }
    }
}
