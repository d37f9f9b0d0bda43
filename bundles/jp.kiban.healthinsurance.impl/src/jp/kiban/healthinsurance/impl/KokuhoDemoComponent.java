package jp.kiban.healthinsurance.impl;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.demo.DemoTown;
import jp.kiban.demo.DemoTownContribution;
import jp.kiban.healthinsurance.AcquisitionReason;
import jp.kiban.healthinsurance.HealthInsurance;
import jp.kiban.healthinsurance.KokuhoException;
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
                try {
                    kokuho.acquire(op, r.addresseeNumber(), since, reason);
                    added++;
                } catch (KokuhoException ex) {
                    LOG.log(System.Logger.Level.DEBUG, "demo 国保 skipped " + r.addresseeNumber().value() + ": " + ex.getMessage());
                    continue;
                }
                int age = today.getYear() - birth.getYear();
                if (age >= 18) {
                    income(op, year, r.addresseeNumber(), random, r.isHead());
                    added++;
                }
            }
        }
        LOG.log(System.Logger.Level.INFO, "demo 国保: " + added + " records for fiscal year " + year);
        return added;
    }

    /** 総所得金額等 of the year before: heads mostly 0.3–6 million yen, others mostly little or nothing. */
    private void income(Operator op, int year, AddresseeNumber person, SplittableRandom random, boolean head) {
        long amount;
        int kind = random.nextInt(10);
        if (head) {
            amount = kind < 3 ? random.nextLong(0, 430_001) : kind < 9 ? random.nextLong(430_000, 4_000_000)
                    : random.nextLong(4_000_000, 15_000_000);
        } else {
            amount = kind < 6 ? 0 : random.nextLong(0, 1_500_000);
        }
        amount = amount / 1000 * 1000;
        kokuho.setIncome(op, year, person, amount, amount > 0 && random.nextBoolean());
    }
}
