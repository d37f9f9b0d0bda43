package jp.kiban.demo;

/**
 * Generates a realistic but fictional town for trials, tests and benchmarks: households of one to
 * six people, foreign residents among them, and history from past 異動 (move-ins over the years,
 * births, moves within the town, deaths and move-outs). Deterministic for a given seed.
 */
public interface DemoTown {

    /** What was generated. */
    record Result(int households, int persons, int changes, int foreignResidents, long millis) {
    }

    /** Reports progress as persons created so far; may be called from the generating thread. */
    interface Progress {
        void worked(int personsSoFar, int target);

        Progress NONE = (done, target) -> {
        };
    }

    /**
     * Adds about {@code residents} persons (at least that many) to the register of the configured town, then lets
     * every {@link DemoTownContribution} add its share ({@link #populateContributions}).
     */
    Result generate(int residents, long seed, Progress progress);

    /**
     * Lets every registered {@link DemoTownContribution} add its share of the demo town (each is idempotent). A
     * failing contribution is logged and does not stop the others.
     *
     * @return records added per contribution id, in the order they ran
     */
    java.util.Map<String, Integer> populateContributions(long seed);
}
