package jp.kiban.healthinsurance.tests;

import static jp.kiban.healthinsurance.tests.Town.KOKUHO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.healthinsurance.AcquisitionReason;
import jp.kiban.healthinsurance.HealthInsurance;
import jp.kiban.healthinsurance.KokuhoBatch;
import jp.kiban.healthinsurance.KokuhoRateService;
import jp.kiban.healthinsurance.KokuhoRates;
import jp.kiban.healthinsurance.PartRates;
import jp.kiban.healthinsurance.TaxAssessment;
import jp.kiban.resident.ChangeRequest;
import jp.kiban.resident.ChangeResult;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.ResidentChanges;
import jp.kiban.resident.Sex;
import jp.kiban.security.SecurityRefusal;

/**
 * 当初賦課 for the whole town (FY2024, which only this test's households touch): counts, the stored result equals
 * the household calculation, a cancel after the first chunk leaves exactly that chunk stored, a new run completes.
 * Rates per year from the administrator's table.
 */
class BatchTest {
    static final int FY = 2024;
    static final int HOUSEHOLDS = 260; // more than one chunk of 200

    @Test
    void yearlyBatchCountsCancelsAndCompletes() throws Exception {
        HealthInsurance kokuho = Town.service(HealthInsurance.class);
        KokuhoBatch batch = Town.service(KokuhoBatch.class);
        KokuhoRateService rates = Town.service(KokuhoRateService.class);

        // FY2024 rates from the administrator (not the defaults): a different 医療分 均等割
        KokuhoRates d = KokuhoRates.defaults(FY);
        KokuhoRates fy2024 = new KokuhoRates(FY, new PartRates(d.medical().incomeRatePpm(), 28_000, 24_000, 650_000),
                d.support(), d.care(), d.basicDeduction(), d.reductionBase(), d.reductionPerWageEarner(), 295_000, 545_000,
                d.installments(), d.firstInstallmentMonth());
        assertThrows(SecurityRefusal.class, () -> rates.save(KOKUHO, fy2024));
        rates.save(Town.ADMIN, fy2024);
        assertEquals(fy2024, rates.rates(KOKUHO, FY));
        assertTrue(rates.stored(KOKUHO, FY));

        LocalDate moveIn = LocalDate.of(2024, 4, 1);
        List<ChangeRequest> requests = new ArrayList<>();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            requests.add(Town.moveIn(moveIn, "b-" + i, List.of(Town.member(Town.person("一括", "太郎", "いっかつ　たろう",
                    LocalDate.of(1970 + i % 30, 1 + i % 12, 1 + i % 28), Sex.MALE), Relationship.HEAD))));
        }
        List<ChangeResult> results = Town.service(ResidentChanges.class).applyAll(Town.SUPERVISOR, requests);
        List<HouseholdNumber> mine = new ArrayList<>();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            ChangeResult r = results.get(i);
            kokuho.acquire(KOKUHO, r.persons().get(0), moveIn, AcquisitionReason.MOVE_IN);
            kokuho.setIncome(KOKUHO, FY, r.persons().get(0), 100_000L * i, i % 2 == 0);
            mine.add(r.households().get(0));
        }
        int expected = kokuho.households(KOKUHO, "", FY, Integer.MAX_VALUE).size();
        assertTrue(expected >= HOUSEHOLDS, "households in FY2024: " + expected);

        // cancelled after the first chunk: exactly that chunk is stored
        AtomicBoolean cancel = new AtomicBoolean();
        List<Integer> progress = new ArrayList<>();
        KokuhoBatch.Result cancelled = batch.run(KOKUHO, FY, (done, total) -> {
            progress.add(done);
            if (done > 0) {
                cancel.set(true);
            }
        }, cancel::get);
        assertTrue(cancelled.cancelled());
        assertEquals(expected, cancelled.total());
        assertEquals(200, cancelled.computed());
        assertEquals(List.of(0, 200), progress);
        assertEquals(200, batch.storedCount(KOKUHO, FY));

        // a full run: every household, each stored figure equal to the household's own calculation
        List<Integer> seen = new ArrayList<>();
        KokuhoBatch.Result full = batch.run(KOKUHO, FY, (done, total) -> seen.add(done), () -> false);
        assertFalse(full.cancelled());
        assertEquals(expected, full.computed());
        assertEquals(expected, seen.get(seen.size() - 1));
        assertEquals(expected, batch.storedCount(KOKUHO, FY));
        long sum = 0;
        for (HouseholdNumber h : mine) {
            TaxAssessment a = kokuho.assess(KOKUHO, h, FY);
            KokuhoBatch.Stored s = batch.stored(KOKUHO, FY, h).orElseThrow();
            assertEquals(a.annualTax(), s.annualTax(), h.value());
            assertEquals(a.reductionTenths(), s.reductionTenths(), h.value());
            sum += a.annualTax();
        }
        assertTrue(full.totalTax() >= sum);
        assertTrue(full.reduced() > 0 && full.reduced() < full.computed(), "some but not all reduced: " + full.reduced());
        // the FY2024 rates were used: a household with no income pays the 2024 均等割 28,000 × 0.3 + 平等割 24,000 × 0.3 …
        TaxAssessment poor = kokuho.assess(KOKUHO, mine.get(0), FY);
        assertEquals(28_000, poor.part(jp.kiban.healthinsurance.Part.MEDICAL).perCapitaLevy());
        System.out.printf("kokuho batch FY%d: %d households in %.1f ms, %.0f households/s%n", FY, full.computed(),
                full.elapsedNanos() / 1e6, full.householdsPerSecond());
    }
}
