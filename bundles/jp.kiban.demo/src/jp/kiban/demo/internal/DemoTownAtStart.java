package jp.kiban.demo.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.demo.DemoTown;
import jp.kiban.platform.KibanEnvironment;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Role;
import jp.kiban.resident.ResidentRegistry;

/**
 * In demo mode ({@code kiban run}) fills an empty register of the demo town with a generated town of
 * {@code demo.residents} people (default 3,000), in the background so the window comes up at once.
 * Never touches a real town: only when the configured municipality is the demo one.
 */
@Component(immediate = true)
public class DemoTownAtStart {
    private static final System.Logger LOG = System.getLogger(DemoTownAtStart.class.getName());
    /** The demo town's seed: the same town on every machine. */
    static final long SEED = 20261123L;

    @Reference
    private KibanEnvironment environment;
    @Reference
    private MunicipalityService municipalities;
    @Reference
    private ResidentRegistry registry;
    @Reference
    private DemoTown generator;

    private Thread worker;

    @Activate
    void activate() {
        int residents;
        try {
            residents = Integer.parseInt(environment.setting("demo.residents", "3000").strip());
        } catch (NumberFormatException e) {
            LOG.log(System.Logger.Level.WARNING, "demo.residents is not a number: using 3000");
            residents = 3000;
        }
        if (!environment.demoMode() || residents <= 0) {
            return;
        }
        int count = residents;
        worker = new Thread(() -> {
            try {
                Municipality town = municipalities.current().orElse(null);
                if (town == null || !town.demo()) {
                    return;
                }
                // the first 宛名番号 ever assigned: if it is on the register, the town was generated already
                Operator reader = new Operator("system", "システム", "", Set.of(Role.ADMINISTRATOR));
                if (registry.current(reader, AddresseeNumber.fromSerial(1)).isPresent()) {
                    // generated before: modules installed since then add their share now (each is idempotent)
                    generator.populateContributions(SEED);
                    return;
                }
                LOG.log(System.Logger.Level.INFO, "Generating the demo town ({0} residents) in the background", count);
                DemoTown.Result r = generator.generate(count, SEED, DemoTown.Progress.NONE);
                LOG.log(System.Logger.Level.INFO, "Demo town ready: {0} households, {1} persons, {2} changes in {3} ms",
                        r.households(), r.persons(), r.changes(), r.millis());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "Demo town generation failed: " + e.getMessage(), e);
            }
        }, "kiban-demo-town");
        worker.setDaemon(true);
        worker.start();
    }

    @Deactivate
    void deactivate() {
        if (worker != null) {
            worker.interrupt();
        }
    }
}
