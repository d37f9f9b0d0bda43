package jp.kiban.platform.impl;

import java.time.Instant;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jp.kiban.core.id.LocalGovernmentCode;
import jp.kiban.persistence.Transactions;
import jp.kiban.platform.KibanEnvironment;
import jp.kiban.platform.Municipality;
import jp.kiban.platform.MunicipalityService;

/** Town settings in kiban_municipality. Seeds the demo town on a fresh data folder in demo mode. */
@Component(service = MunicipalityService.class)
public class MunicipalityServiceComponent implements MunicipalityService {
    private static final System.Logger LOG = System.getLogger(MunicipalityServiceComponent.class.getName());

    private static final Municipality DEMO_TOWN = Municipality.demoTown();

    @Reference
    private Transactions tx;
    @Reference
    private KibanEnvironment environment;

    @Activate
    void activate() {
        if (environment.demoMode()) {
            try {
                if (current().isEmpty()) {
                    configure(DEMO_TOWN);
                    LOG.log(System.Logger.Level.INFO, "Demo town set up: {0} {1}", DEMO_TOWN.name(),
                            DEMO_TOWN.code().value());
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "Could not set up the demo town: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public Optional<Municipality> current() {
        return tx.readOnly(em -> Optional.ofNullable(em.find(MunicipalityEntity.class, MunicipalityEntity.SINGLE_ROW))
                .map(e -> new Municipality(LocalGovernmentCode.of(e.getCode()), e.getName(), e.getMayorTitle(),
                        e.getMayorName(), e.isDemo())));
    }

    @Override
    public Municipality configure(Municipality m) {
        return tx.required(em -> {
            MunicipalityEntity e = em.find(MunicipalityEntity.class, MunicipalityEntity.SINGLE_ROW);
            boolean isNew = e == null;
            if (isNew) {
                e = new MunicipalityEntity();
            }
            e.setCode(m.code().value());
            e.setName(m.name());
            e.setMayorTitle(m.mayorTitle());
            e.setMayorName(m.mayorName());
            e.setDemo(m.demo());
            e.setUpdatedAt(Instant.now());
            if (isNew) {
                em.persist(e);
            }
            return m;
        });
    }
}
