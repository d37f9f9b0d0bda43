package jp.kiban.residenttax.impl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.persistence.Transactions;
import jp.kiban.platform.Operator;
import jp.kiban.resident.ResidentRegistry;
import jp.kiban.residenttax.Exemption;
import jp.kiban.residenttax.IncomeDeclaration;
import jp.kiban.residenttax.ResidentTaxBatch;
import jp.kiban.residenttax.ResidentTaxCalculator;
import jp.kiban.residenttax.ResidentTaxException;
import jp.kiban.residenttax.TaxComputation;
import jp.kiban.residenttax.TaxRules;
import jp.kiban.residenttax.Taxpayer;
import jp.kiban.security.AccessEvent;
import jp.kiban.security.AccessKind;
import jp.kiban.security.AccessLog;
import jp.kiban.security.Authorisation;

/**
 * 当初課税 for the whole town: the taxpayers are extracted from the register as of 1 January, then everything the
 * calculation needs is read once (taxpayers, incomes of the year, the town's 級地) and the taxpayers are computed and
 * stored in chunks of {@value #CHUNK}, one transaction each, with the cancel flag checked between chunks. Stored rows
 * of persons who are no longer taxpayers are removed only when a run completes.
 */
@Component(service = ResidentTaxBatch.class)
public class BatchComponent implements ResidentTaxBatch {
    static final int CHUNK = 200;
    private static final System.Logger LOG = System.getLogger(BatchComponent.class.getName());

    private final Set<Integer> running = ConcurrentHashMap.newKeySet();

    @Reference
    private Transactions tx;
    @Reference
    private ResidentRegistry registry;
    @Reference
    private Authorisation authorisation;
    @Reference
    private AccessLog accessLog;

    private record Input(TaxRules rules, List<Taxpayer> taxpayers, Map<String, IncomeDeclaration> incomes) {
    }

    @Override
    public Result run(Operator operator, int taxYear, Progress progress, BooleanSupplier cancelled) {
        Guard.staff(authorisation, operator, "juminzei.batch");
        TaxRules.of(taxYear, ResidentTaxComponent.DEFAULT_GRADE);
        if (!running.add(taxYear)) {
            throw new ResidentTaxException("batch.running");
        }
        try {
            return runLocked(operator, taxYear, progress, cancelled);
        } finally {
            running.remove(taxYear);
        }
    }

    private Result runLocked(Operator operator, int taxYear, Progress progress, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        ResidentTaxComponent.extract(tx, registry, operator, taxYear);
        Input input = tx.readOnly(em -> new Input(ResidentTaxComponent.rules(em, taxYear),
                Store.taxpayers(em, taxYear).stream().map(Store::taxpayer).toList(), Store.incomes(em, taxYear)));
        List<Taxpayer> taxpayers = input.taxpayers();
        int total = taxpayers.size();
        int done = 0;
        long totalTax = 0;
        long incomeLevy = 0;
        long perCapita = 0;
        long forest = 0;
        int exempt = 0;
        int perCapitaOnly = 0;
        boolean wasCancelled = false;
        progress.done(0, total);
        while (done < total) {
            if (cancelled.getAsBoolean()) {
                wasCancelled = true;
                break;
            }
            List<Taxpayer> chunk = taxpayers.subList(done, Math.min(total, done + CHUNK));
            List<TaxComputation> results = new ArrayList<>(chunk.size());
            for (Taxpayer t : chunk) {
                results.add(ResidentTaxCalculator.compute(t, Optional.ofNullable(input.incomes().get(t.person().value())),
                        input.rules()));
            }
            Instant now = Instant.now();
            tx.requiredRun(em -> {
                for (TaxComputation c : results) {
                    String id = TaxpayerEntity.id(taxYear, c.person().value());
                    AssessmentEntity e = em.find(AssessmentEntity.class, id);
                    boolean isNew = e == null;
                    if (isNew) {
                        e = new AssessmentEntity();
                        e.id = id;
                        e.taxYear = taxYear;
                        e.addresseeNumber = c.person().value();
                    }
                    e.municipalTax = c.municipalTax();
                    e.prefecturalTax = c.prefecturalTax();
                    e.forestTax = c.forestTax();
                    e.annualTax = c.annualTax();
                    e.exemption = c.exemption().name();
                    e.computedAt = now;
                    if (isNew) {
                        em.persist(e);
                    }
                }
            });
            for (TaxComputation c : results) {
                totalTax += c.annualTax();
                incomeLevy += c.incomeLevy();
                perCapita += c.perCapita();
                forest += c.forestTax();
                exempt += c.exemption().noPerCapita() ? 1 : 0;
                perCapitaOnly += !c.exemption().noPerCapita() && c.incomeLevy() == 0 ? 1 : 0;
            }
            done += chunk.size();
            progress.done(done, total);
        }
        if (!wasCancelled) {
            Set<String> current = new HashSet<>();
            taxpayers.forEach(t -> current.add(t.person().value()));
            tx.requiredRun(em -> {
                for (AssessmentEntity e : em.createQuery("SELECT a FROM JuminzeiAssessment a WHERE a.taxYear = :y",
                        AssessmentEntity.class).setParameter("y", taxYear).getResultList()) {
                    if (!current.contains(e.addresseeNumber)) {
                        em.remove(e);
                    }
                }
            });
        }
        long elapsed = System.nanoTime() - started;
        Result result = new Result(taxYear, total, done, wasCancelled, totalTax, incomeLevy, perCapita, forest, exempt,
                perCapitaOnly, elapsed);
        accessLog.record(AccessEvent.of(operator, AccessKind.CHANGE, "juminzei.batch",
                "FY" + taxYear + " " + done + "/" + total + (wasCancelled ? " cancelled" : "")));
        LOG.log(System.Logger.Level.INFO, "juminzei batch FY{0}: {1}/{2} taxpayers{3}, {4} taxpayers/s",
                String.valueOf(taxYear), String.valueOf(done), String.valueOf(total), wasCancelled ? " (cancelled)" : "",
                String.format("%.0f", result.taxpayersPerSecond()));
        return result;
    }

    @Override
    public Optional<Stored> stored(Operator operator, int taxYear, AddresseeNumber person) {
        Guard.staff(authorisation, operator, "juminzei.batch.read");
        return tx.readOnly(em -> Optional.ofNullable(em.find(AssessmentEntity.class, TaxpayerEntity.id(taxYear, person.value())))
                .map(e -> new Stored(AddresseeNumber.of(e.addresseeNumber), e.taxYear, e.municipalTax, e.prefecturalTax,
                        e.forestTax, e.annualTax, Exemption.valueOf(e.exemption))));
    }

    @Override
    public int storedCount(Operator operator, int taxYear) {
        Guard.staff(authorisation, operator, "juminzei.batch.read");
        return tx.readOnly(em -> em.createQuery("SELECT COUNT(a) FROM JuminzeiAssessment a WHERE a.taxYear = :y", Long.class)
                .setParameter("y", taxYear).getSingleResult().intValue());
    }
}
