package jp.kiban.residenttax.impl;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import jp.kiban.persistence.Transactions;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Role;
import jp.kiban.resident.ResidentEvents;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentRegistry;
import jp.kiban.residenttax.ResidentTax;
import jp.kiban.residenttax.TaxpayerKind;

/**
 * 住民記録との連携: every confirmed resident change (topic {@code jp/kiban/resident/change/*}) refreshes the persons
 * it touched in the taxpayers of every tax year already extracted: a change dated on or before 1 January of that year
 * (a late 出生届, a 職権記載 or 消除 with an earlier date, a 取消) can add or drop a taxpayer; any change refreshes where
 * the notice goes (転居, 転出先). A person dropped keeps his row while an income is stored for him.
 */
@Component(property = EventConstants.EVENT_TOPIC + "=" + ResidentEvents.TOPIC_ALL)
public class ResidentEventsComponent implements EventHandler {
    static final String BY = "juminzei-events";
    /** Reads as a business user: the 個人番号 is withheld. */
    static final Operator READER = new Operator(BY, "個人住民税（住民異動連携）", "", Set.of(Role.BUSINESS),
            Set.of(ResidentTax.BUSINESS));
    private static final System.Logger LOG = System.getLogger(ResidentEventsComponent.class.getName());

    @Reference
    private ResidentRegistry registry;
    @Reference
    private Transactions tx;

    @Override
    public void handleEvent(Event event) {
        try {
            handle(UUID.fromString((String) event.getProperty(ResidentEvents.CHANGE_ID)));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "juminzei: resident change not applied to the taxpayers", e);
        }
    }

    void handle(UUID changeId) {
        List<Integer> years = tx.readOnly(em -> em.createQuery(
                "SELECT DISTINCT t.taxYear FROM JuminzeiTaxpayer t WHERE t.kind = :k", Integer.class)
                .setParameter("k", TaxpayerKind.REGISTERED.name()).getResultList());
        if (years.isEmpty()) {
            return;
        }
        for (ResidentRecord snapshot : registry.changeSnapshots(READER, changeId)) {
            ResidentRecord now = registry.current(READER, snapshot.addresseeNumber()).orElse(snapshot);
            for (int year : years) {
                LocalDate day = Store.assessmentDate(year);
                Optional<ResidentRecord> then = registry.asOf(READER, snapshot.addresseeNumber(), day)
                        .filter(r -> r.status().onRegister());
                tx.requiredRun(em -> {
                    TaxpayerEntity known = Store.taxpayer(em, year, snapshot.addresseeNumber().value());
                    if (then.isPresent()) {
                        Store.copy(em, year, then.get(), now);
                    } else if (known != null && known.kind.equals(TaxpayerKind.REGISTERED.name())
                            && Store.incomeEntity(em, year, known.addresseeNumber) == null) {
                        em.remove(known);
                    }
                });
            }
        }
    }
}
