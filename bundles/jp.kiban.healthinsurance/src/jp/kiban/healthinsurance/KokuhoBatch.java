package jp.kiban.healthinsurance;

import java.util.Optional;
import java.util.function.BooleanSupplier;

import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.platform.Operator;

/**
 * 当初賦課: the 国保税 of every 国保世帯 of the town for a fiscal year, stored as the year's assessments.
 * Households are computed and stored in chunks, each chunk in its own transaction: a cancelled run leaves
 * the chunks it finished stored and the others as they were; a new run replaces everything.
 */
public interface KokuhoBatch {

    /** Called after each chunk, on the batch's thread. */
    @FunctionalInterface
    interface Progress {
        void done(int households, int total);
    }

    /**
     * @param elapsedNanos measured by the batch (for figures, not for decisions)
     */
    record Result(int fiscalYear, int total, int computed, boolean cancelled, long totalTax, int reduced, int capped,
            long elapsedNanos) {
        public double householdsPerSecond() {
            return elapsedNanos == 0 ? 0 : computed * 1e9 / elapsedNanos;
        }
    }

    /** A stored assessment: the household's 年税額 and 軽減 as the last batch computed them. */
    record Stored(HouseholdNumber household, int fiscalYear, long annualTax, long medical, long support, long care,
            int reductionTenths) {
    }

    Result run(Operator operator, int fiscalYear, Progress progress, BooleanSupplier cancelled);

    Optional<Stored> stored(Operator operator, int fiscalYear, HouseholdNumber household);

    int storedCount(Operator operator, int fiscalYear);
}
