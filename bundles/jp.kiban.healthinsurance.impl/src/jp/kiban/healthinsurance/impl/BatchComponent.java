package jp.kiban.healthinsurance.impl;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.healthinsurance.KokuhoBatch;
import jp.kiban.healthinsurance.KokuhoException;
import jp.kiban.healthinsurance.KokuhoRates;
import jp.kiban.healthinsurance.KokuhoTaxCalculator;
import jp.kiban.healthinsurance.Part;
import jp.kiban.healthinsurance.TaxAssessment;
import jp.kiban.persistence.Transactions;
import jp.kiban.platform.Operator;
import jp.kiban.security.AccessEvent;
import jp.kiban.security.AccessKind;
import jp.kiban.security.AccessLog;
import jp.kiban.security.Authorisation;

/**
 * 当初賦課 for the whole town. Everything the calculation needs is read once (persons, 資格 overlapping the
 * year, incomes of the year, rates); households are then computed and stored in chunks of {@value #CHUNK},
 * one transaction each, with the cancel flag checked between chunks. Households that no longer owe anything
 * for the year lose their stored row only when a run completes.
 */
@Component(service = KokuhoBatch.class)
public class BatchComponent implements KokuhoBatch {
    static final int CHUNK = 200;
    private static final System.Logger LOG = System.getLogger(BatchComponent.class.getName());

    private final Set<Integer> running = ConcurrentHashMap.newKeySet();

    @Reference
    private Transactions tx;
    @Reference
    private Authorisation authorisation;
    @Reference
    private AccessLog accessLog;

    private record Input(KokuhoRates rates, Map<String, List<PersonEntity>> households,
            Map<String, List<QualificationEntity>> quals, Map<String, IncomeEntity> incomes) {
    }

    @Override
    public Result run(Operator operator, int fiscalYear, Progress progress, BooleanSupplier cancelled) {
        Guard.staff(authorisation, operator, "kokuho.batch");
        if (!running.add(fiscalYear)) {
            throw new KokuhoException("batch.running");
        }
        try {
            return runLocked(operator, fiscalYear, progress, cancelled);
        } finally {
            running.remove(fiscalYear);
        }
    }

    private Result runLocked(Operator operator, int fiscalYear, Progress progress, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        LocalDate start = LocalDate.of(fiscalYear, 4, 1);
        LocalDate end = start.plusYears(1);
        Input input = tx.readOnly(em -> {
            List<QualificationEntity> quals = em.createQuery(
                    "SELECT q FROM KokuhoQualification q WHERE q.acquiredOn < :end AND (q.lostOn IS NULL OR q.lostOn > :start)",
                    QualificationEntity.class).setParameter("start", start).setParameter("end", end).getResultList();
            Map<String, List<QualificationEntity>> byPerson = Store.byPerson(quals);
            Map<String, List<PersonEntity>> households = new TreeMap<>();
            for (PersonEntity p : em.createQuery("SELECT p FROM KokuhoPerson p", PersonEntity.class).getResultList()) {
                households.computeIfAbsent(p.householdNumber, k -> new ArrayList<>()).add(p);
            }
            households.values().removeIf(members -> members.stream().noneMatch(p -> byPerson.containsKey(p.addresseeNumber)));
            Map<String, IncomeEntity> incomes = new HashMap<>();
            for (IncomeEntity i : em.createQuery("SELECT i FROM KokuhoIncome i WHERE i.fiscalYear = :y", IncomeEntity.class)
                    .setParameter("y", fiscalYear).getResultList()) {
                incomes.put(i.addresseeNumber, i);
            }
            return new Input(RateComponent.read(em, fiscalYear), households, byPerson, incomes);
        });
        List<String> numbers = new ArrayList<>(input.households().keySet());
        int total = numbers.size();
        int done = 0;
        long totalTax = 0;
        int reduced = 0;
        int capped = 0;
        boolean wasCancelled = false;
        progress.done(0, total);
        while (done < total) {
            if (cancelled.getAsBoolean()) {
                wasCancelled = true;
                break;
            }
            List<String> chunk = numbers.subList(done, Math.min(total, done + CHUNK));
            List<TaxAssessment> results = new ArrayList<>();
            for (String h : chunk) {
                results.add(KokuhoTaxCalculator.assess(Store.taxHousehold(h, fiscalYear, input.households().get(h),
                        input.quals(), input.incomes()), input.rates()));
            }
            Instant now = Instant.now();
            tx.requiredRun(em -> {
                for (TaxAssessment a : results) {
                    String id = fiscalYear + ":" + a.household().value();
                    AssessmentEntity e = em.find(AssessmentEntity.class, id);
                    boolean isNew = e == null;
                    if (isNew) {
                        e = new AssessmentEntity();
                        e.id = id;
                        e.fiscalYear = fiscalYear;
                        e.householdNumber = a.household().value();
                    }
                    e.annualTax = a.annualTax();
                    e.medical = a.part(Part.MEDICAL).amount();
                    e.support = a.part(Part.SUPPORT).amount();
                    e.care = a.part(Part.CARE).amount();
                    e.reductionTenths = a.reductionTenths();
                    e.computedAt = now;
                    if (isNew) {
                        em.persist(e);
                    }
                }
            });
            for (TaxAssessment a : results) {
                totalTax += a.annualTax();
                reduced += a.reductionTenths() > 0 ? 1 : 0;
                capped += a.parts().stream().anyMatch(p -> p.capped()) ? 1 : 0;
            }
            done += chunk.size();
            progress.done(done, total);
        }
        if (!wasCancelled) {
            Set<String> current = new HashSet<>(numbers);
            tx.requiredRun(em -> {
                for (AssessmentEntity e : em.createQuery("SELECT a FROM KokuhoAssessment a WHERE a.fiscalYear = :y",
                        AssessmentEntity.class).setParameter("y", fiscalYear).getResultList()) {
                    if (!current.contains(e.householdNumber)) {
                        em.remove(e);
                    }
                }
            });
        }
        long elapsed = System.nanoTime() - started;
        Result result = new Result(fiscalYear, total, done, wasCancelled, totalTax, reduced, capped, elapsed);
        accessLog.record(AccessEvent.of(operator, AccessKind.CHANGE, "kokuho.batch",
                "FY" + fiscalYear + " " + done + "/" + total + (wasCancelled ? " cancelled" : "")));
        LOG.log(System.Logger.Level.INFO, "kokuho batch FY{0}: {1}/{2} households{3}, {4} households/s", String.valueOf(fiscalYear), String.valueOf(done),
                String.valueOf(total), wasCancelled ? " (cancelled)" : "", String.format("%.0f", result.householdsPerSecond()));
        return result;
    }

    @Override
    public Optional<Stored> stored(Operator operator, int fiscalYear, HouseholdNumber household) {
        Guard.staff(authorisation, operator, "kokuho.batch.read");
        return tx.readOnly(em -> Optional.ofNullable(em.find(AssessmentEntity.class, fiscalYear + ":" + household.value()))
                .map(e -> new Stored(HouseholdNumber.of(e.householdNumber), e.fiscalYear, e.annualTax, e.medical,
                        e.support, e.care, e.reductionTenths)));
    }

    @Override
    public int storedCount(Operator operator, int fiscalYear) {
        Guard.staff(authorisation, operator, "kokuho.batch.read");
        return tx.readOnly(em -> em.createQuery("SELECT COUNT(a) FROM KokuhoAssessment a WHERE a.fiscalYear = :y", Long.class)
                .setParameter("y", fiscalYear).getSingleResult().intValue());
    }
}
