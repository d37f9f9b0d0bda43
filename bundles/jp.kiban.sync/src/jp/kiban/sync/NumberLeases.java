package jp.kiban.sync;

import java.util.List;

/**
 * Number ranges leased to this terminal by the central store, so that numbers that must be unique in the
 * municipality (宛名番号, 世帯番号, 発行番号) can be assigned offline. The central store hands out
 * non-overlapping ranges per municipality and kind; the background sync tops the leases up when fewer than
 * {@code sync.lease.threshold} numbers remain (decision 0006, addendum).
 * <p>
 * A module that assigns such numbers asks {@link #attached()}: when true it must take every number from
 * {@link #next(String)}; when false (a standalone installation) it keeps using its own counter. It also
 * publishes a {@link NumberLeaseKinds} service naming its kinds, so that leases are taken before the
 * first number is needed.
 */
public interface NumberLeases {

    /** 宛名番号 serials (the check digit is added by the addressee base). */
    String ADDRESSEE = "addressee";
    /** 世帯番号 serials. */
    String HOUSEHOLD = "household";
    /** 発行番号 of certificates. */
    String CERTIFICATE = "certificate";

    /** True when this terminal is attached to a central server ({@code sync.url} set): numbers come from leases. */
    boolean attached();

    /**
     * The next number of {@code kind} from this terminal's leases, oldest lease first, inside the caller's
     * transaction (a rolled-back transaction gives the number back).
     *
     * @throws LeaseExhaustedException when no leased number is left (offline for too long); nothing is
     *                                 changed, the caller's transaction should roll back
     */
    long next(String kind);

    /** The leases this terminal holds that still have numbers, oldest first. */
    List<Lease> leases();

    /** How many numbers of {@code kind} remain in this terminal's leases. */
    long remaining(String kind);

    /**
     * One leased range.
     *
     * @param next the next number to hand out ({@code last + 1} when used up)
     */
    record Lease(String leaseId, String kind, long first, long last, long next) {
        public long remaining() {
            return Math.max(0, last - next + 1);
        }
    }
}
