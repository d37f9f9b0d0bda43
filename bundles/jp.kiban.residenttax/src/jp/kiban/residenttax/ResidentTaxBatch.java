package jp.kiban.residenttax;

import java.util.Optional;
import java.util.function.BooleanSupplier;

import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.platform.Operator;

/**
 * 当初賦課: the 個人住民税 of every taxpayer of the town for a tax year, stored as the year's assessments. The
 * taxpayers are first extracted from the register (as {@link ResidentTax#extractTaxpayers}); they are then computed
 * and stored in chunks, each chunk in its own transaction, the cancel flag checked between chunks: a cancelled run
 * leaves the chunks it finished stored and the others as they were; a new run replaces everything. Usable headless
 * (an OSGi service; the CLI, the desk and benchmarks call it).
 */
public interface ResidentTaxBatch {

    /** Called after each chunk, on the batch's thread. */
    @FunctionalInterface
    interface Progress {
        void done(int taxpayers, int total);
    }

    /**
     * @param elapsedNanos measured by the batch (for figures, not for decisions)
     */
    record Result(int taxYear, int total, int computed, boolean cancelled, long totalTax, long incomeLevy,
            long perCapita, long forestTax, int exempt, int perCapitaOnly, long elapsedNanos) {
        public double taxpayersPerSecond() {
            return elapsedNanos == 0 ? 0 : computed * 1e9 / elapsedNanos;
        }
    }

    /** A stored assessment as the last batch computed it. */
    record Stored(AddresseeNumber person, int taxYear, long municipalTax, long prefecturalTax, long forestTax,
            long annualTax, Exemption exemption) {
    }

    Result run(Operator operator, int taxYear, Progress progress, BooleanSupplier cancelled);

    Optional<Stored> stored(Operator operator, int taxYear, AddresseeNumber person);

    int storedCount(Operator operator, int taxYear);
}
