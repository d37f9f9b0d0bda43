package jp.kiban.demo;

/**
 * A module's share of the demo town (a business's recipients, insured households, incomes …), registered as an
 * OSGi service by the module. It reads the generated register through the bases' services and writes only its
 * own tables.
 *
 * <p>Called, in the demo town only (never for a real town), on a background thread as {@code Operator.system()}:
 * <ul>
 * <li>after {@link DemoTown#generate} (desk demo mode at first start, {@code kiban cli demo generate});</li>
 * <li>at start of the desk client in demo mode, for every contribution, when the town exists already: a module
 * installed after the town was generated fills its share then.</li>
 * </ul>
 * So {@link #populate} must be idempotent: when the module's demo data exists, it does nothing and returns 0.
 */
public interface DemoTownContribution {

    /** A short id for logs, e.g. the business id ({@code kokuho}). */
    String id();

    /**
     * Adds this module's demo data for the current register of the demo town.
     *
     * @param seed     the demo town's seed, for deterministic data
     * @param progress progress in the module's own units (may be ignored)
     * @return how many records were added (0 when the data existed already)
     */
    int populate(long seed, DemoTown.Progress progress);
}
