package jp.kiban.residenttax.tests;

import static jp.kiban.residenttax.tests.Town.JUMINZEI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.residenttax.ImportResult;
import jp.kiban.residenttax.ResidentTax;
import jp.kiban.residenttax.ResidentTaxBatch;
import jp.kiban.residenttax.TaxComputation;
import jp.kiban.resident.ChangeRequest;
import jp.kiban.resident.ChangeResult;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.ResidentChanges;
import jp.kiban.resident.Sex;
import jp.kiban.security.SecurityRefusal;

/**
 * 当初課税 for the whole town for 令和7年度 (tax year 2025, 賦課期日 1 January 2025, which only this test's residents
 * touch): incomes by CSV, a cancel after the first chunk leaves exactly that chunk stored, a new run completes and
 * every stored figure equals the taxpayer's own calculation.
 */
class BatchTest {
    static final int Y = 2025;
    static final int RESIDENTS = 260; // more than one chunk of 200

    @Test
    void yearlyBatchCountsCancelsAndCompletes() throws Exception {
        ResidentTax tax = Town.service(ResidentTax.class);
        ResidentTaxBatch batch = Town.service(ResidentTaxBatch.class);

        LocalDate moveIn = LocalDate.of(2024, 6, 1);
        List<ChangeRequest> requests = new ArrayList<>();
        for (int i = 0; i < RESIDENTS; i++) {
            requests.add(Town.moveIn(moveIn, "b-" + i, List.of(Town.member(Town.person("一括", "太郎", "いっかつ　たろう",
                    LocalDate.of(1950 + i % 50, 1 + i % 12, 1 + i % 28), Sex.MALE), Relationship.HEAD))));
        }
        List<ChangeResult> results = Town.service(ResidentChanges.class).applyAll(Town.SUPERVISOR, requests);
        List<AddresseeNumber> mine = results.stream().map(r -> r.persons().get(0)).toList();

        int total = tax.extractTaxpayers(JUMINZEI, Y);
        assertTrue(total >= RESIDENTS, "taxpayers of 2025: " + total);
        StringBuilder csv = new StringBuilder(ResidentTax.CSV_HEADER).append('\n');
        for (int i = 0; i < RESIDENTS; i++) {
            // 0 … 5.17 million yen of salary; every fifth with a spouse, every seventh on public assistance
            csv.append(mine.get(i).value()).append(',').append(20_000L * i).append(",0,").append(1_500L * i).append(',')
                    .append(i % 5 == 0 ? 1 : 0).append(",0,").append(i % 3 == 0 ? 1 : 0).append(",0,0,0,0,0,")
                    .append(i % 7 == 0 ? 1 : 0).append('\n');
        }
        ImportResult imported = tax.importIncomes(JUMINZEI, Y, new StringReader(csv.toString()));
        assertTrue(imported.ok(), () -> imported.problems().toString());
        assertEquals(RESIDENTS, imported.stored());

        assertThrows(SecurityRefusal.class, () -> batch.run(Town.KOKUHO, Y, (d, t) -> { }, () -> false));

        // cancelled after the first chunk: exactly that chunk is stored
        AtomicBoolean cancel = new AtomicBoolean();
        List<Integer> progress = new ArrayList<>();
        ResidentTaxBatch.Result cancelled = batch.run(JUMINZEI, Y, (done, all) -> {
            progress.add(done);
            if (done > 0) {
                cancel.set(true);
            }
        }, cancel::get);
        assertTrue(cancelled.cancelled());
        assertEquals(total, cancelled.total());
        assertEquals(200, cancelled.computed());
        assertEquals(List.of(0, 200), progress);
        assertEquals(200, batch.storedCount(JUMINZEI, Y));

        // a full run: every taxpayer, each stored figure equal to the taxpayer's own calculation
        List<Integer> seen = new ArrayList<>();
        ResidentTaxBatch.Result full = batch.run(JUMINZEI, Y, (done, all) -> seen.add(done), () -> false);
        assertFalse(full.cancelled());
        assertEquals(total, full.computed());
        assertEquals(total, seen.get(seen.size() - 1));
        assertEquals(total, batch.storedCount(JUMINZEI, Y));
        long sum = 0;
        for (AddresseeNumber p : mine) {
            TaxComputation c = tax.assess(JUMINZEI, Y, p);
            ResidentTaxBatch.Stored s = batch.stored(JUMINZEI, Y, p).orElseThrow();
            assertEquals(c.annualTax(), s.annualTax(), p.value());
            assertEquals(c.municipalTax(), s.municipalTax(), p.value());
            assertEquals(c.exemption(), s.exemption(), p.value());
            sum += c.annualTax();
        }
        assertTrue(full.totalTax() >= sum);
        assertTrue(full.exempt() > 0 && full.perCapitaOnly() > 0 && full.incomeLevy() > 0,
                "exempt, 均等割 only and 所得割 all occur: " + full);
        // 2025年度: 均等割 3,000 + 1,000 and 森林環境税 1,000 for those who pay 均等割
        assertEquals(full.forestTax() * 4, full.perCapita());
        System.out.printf("juminzei batch FY%d: %d taxpayers in %.1f ms, %.0f taxpayers/s%n", Y, full.computed(),
                full.elapsedNanos() / 1e6, full.taxpayersPerSecond());
    }
}
