package jp.kiban.healthinsurance.impl;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jp.kiban.demo.DemoTown;
import jp.kiban.demo.DemoTownContribution;
import jp.kiban.healthinsurance.Acquisition;
import jp.kiban.healthinsurance.AcquisitionReason;
import jp.kiban.healthinsurance.HealthInsurance;
import jp.kiban.healthinsurance.ImportResult;
import jp.kiban.healthinsurance.KokuhoNotices;
import jp.kiban.healthinsurance.KokuhoRateService;
import jp.kiban.healthinsurance.KokuhoRates;
import jp.kiban.platform.Operator;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentRegistry;

/**
 * The demo town's 国保: the rates of the current fiscal year, about a quarter of the households (those whose
 * members are all younger than 75: self-employed, farmers, pensioners) insured since they came to live in the town,
 * and the 所得 of the year before for everyone, some of them low enough for the 軽減. Deterministic for the seed;
 * nothing is added when the town has any 国保 household already.
 */
@Component(service = DemoTownContribution.class)
public class KokuhoDemoComponent implements DemoTownContribution {
    private static final System.Logger LOG = System.getLogger(KokuhoDemoComponent.class.getName());

    @Reference
    private HealthInsurance kokuho;
    @Reference
    private KokuhoRateService rates;
    @Reference
    private ResidentRegistry registry;

    @Override
    public String id() {
        return HealthInsurance.BUSINESS;
    }

    @Override
    public int populate(long seed, DemoTown.Progress progress) {
        Operator op = Operator.system();
        LocalDate today = HealthInsuranceComponent.today();
        int year = KokuhoNotices.fiscalYearOf(today);
        int added = 0;
        if (!rates.stored(op, year)) {
            rates.save(op, KokuhoRates.defaults(year));
            added++;
        }
        if (!kokuho.households(op, "", year, 1).isEmpty()) {
            return added;
        }
        Map<String, List<ResidentRecord>> households = new LinkedHashMap<>();
        registry.exportCurrent(op, false, r -> {
            if (r.status().onRegister() && r.person().birthDate().exactDate().isPresent()) {
                households.computeIfAbsent(r.householdNumber().value(), k -> new ArrayList<>()).add(r);
            }
        });
        // what to add, decided per household as before (the same random draws for the seed); then written in bulk: the
        // 資格 through acquireAll (every record checked as acquire checks it, written in chunks), the incomes through the
        // income import (one transaction). One call per person took about 10 minutes for a town of 200,000.
        List<Acquisition> acquisitions = new ArrayList<>();
        Map<String, String> incomes = new LinkedHashMap<>();
        int done = 0;
        for (Map.Entry<String, List<ResidentRecord>> e : households.entrySet()) {
            SplittableRandom random = new SplittableRandom(seed ^ e.getKey().hashCode() * 0x9E3779B97F4A7C15L);
            progress.worked(++done, households.size());
            if (random.nextInt(100) >= 25) {
                continue;
            }
            for (ResidentRecord r : e.getValue()) {
                LocalDate birth = r.person().birthDate().exactDate().orElseThrow();
                if (!today.isBefore(birth.plusYears(75))) {
                    continue;
                }
                LocalDate since = r.becameResidentOn().isAfter(birth) ? r.becameResidentOn() : birth;
                AcquisitionReason reason = since.equals(birth) ? AcquisitionReason.BIRTH : AcquisitionReason.MOVE_IN;
                acquisitions.add(new Acquisition(r.addresseeNumber(), since, reason));
                int age = today.getYear() - birth.getYear();
                if (age >= 18) {
                    incomes.put(r.addresseeNumber().value(), income(random, r.isHead()));
                }
            }
        }
        ImportResult acquired = kokuho.acquireAll(op, acquisitions);
        if (!acquired.ok()) {
            // a person the register refuses (e.g. not resident on the day): left out, as one call per person skipped it
            java.util.Set<Integer> refused = new java.util.HashSet<>();
            for (ImportResult.Problem p : acquired.problems()) {
                refused.add(p.line() - 1);
                LOG.log(System.Logger.Level.DEBUG, "demo 国保 skipped " + acquisitions.get(p.line() - 1).person().value()
                        + ": " + p.error().getMessage());
            }
            List<Acquisition> kept = new ArrayList<>();
            for (int i = 0; i < acquisitions.size(); i++) {
                if (refused.contains(i)) {
                    incomes.remove(acquisitions.get(i).person().value());
                } else {
                    kept.add(acquisitions.get(i));
                }
            }
            acquired = kokuho.acquireAll(op, kept);
            if (!acquired.ok()) {
                throw new IllegalStateException("demo 国保: record " + acquired.problems().get(0).line() + " refused: "
                        + acquired.problems().get(0).error().getMessage());
            }
        }
        added += acquired.stored();
        if (!incomes.isEmpty()) {
            StringBuilder csv = new StringBuilder("addressee_number,total_income,wage_earner\n");
            incomes.forEach((person, line) -> csv.append(person).append(',').append(line).append('\n'));
            ImportResult imported = kokuho.importIncomes(op, year, new java.io.StringReader(csv.toString()));
            if (!imported.ok()) {
                throw new IllegalStateException("demo 国保: incomes not imported, line " + imported.problems().get(0).line()
                        + ": " + imported.problems().get(0).error().getMessage());
            }
            added += imported.stored();
        }
        LOG.log(System.Logger.Level.INFO, "demo 国保: " + added + " records for fiscal year " + year);
        return added;
    }

    /** 総所得金額等 of the year before (heads mostly 0.3–6 million yen, others mostly little or nothing) and 給与所得者等, as CSV fields. */
    private static String income(SplittableRandom random, boolean head) {
        long amount;
        int kind = random.nextInt(10);
        if (head) {
            amount = kind < 3 ? random.nextLong(0, 430_001) : kind < 9 ? random.nextLong(430_000, 4_000_000)
                    : random.nextLong(4_000_000, 15_000_000);
        } else {
            amount = kind < 6 ? 0 : random.nextLong(0, 1_500_000);
        }
        amount = amount / 1000 * 1000;
        return amount + "," + (amount > 0 && random.nextBoolean() ? "1" : "0");
    }
}
