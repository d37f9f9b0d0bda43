package jp.kiban.central.impl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate limit on failed authentications, per remote address: after {@code limit} failures within
 * {@code window} the address is refused (HTTP 429) for {@code window}, whatever it sends, so that terminal
 * and administrator tokens cannot be guessed at speed. A success from the address clears its count.
 */
public final class AuthFailures {

    /** At most this many addresses are remembered; beyond it, expired entries are dropped first. */
    static final int MAX_ADDRESSES = 10_000;

    private record Entry(int count, Instant first, Instant blockedUntil) {
    }

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> byAddress = new ConcurrentHashMap<>();

    public AuthFailures(int limit, Duration window, Clock clock) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("limit must be at least 1 and the window positive");
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Seconds until the address may try again; 0 when it is not blocked. */
    public long blockedFor(String address) {
        Entry e = byAddress.get(address);
        if (e == null || e.blockedUntil() == null) {
            return 0;
        }
        long ms = Duration.between(clock.instant(), e.blockedUntil()).toMillis();
        return ms <= 0 ? 0 : (ms + 999) / 1000;
    }

    /** Counts a failed authentication; returns true when this failure blocks the address. */
    public boolean failed(String address) {
        Instant now = clock.instant();
        Entry e = byAddress.compute(address, (k, old) -> {
            if (old == null || expired(old, now)) {
                return limit == 1 ? new Entry(1, now, now.plus(window)) : new Entry(1, now, null);
            }
            int count = old.count() + 1;
            return new Entry(count, old.first(), count >= limit ? now.plus(window) : old.blockedUntil());
        });
        if (byAddress.size() > MAX_ADDRESSES) {
            byAddress.entrySet().removeIf(x -> expired(x.getValue(), now));
        }
        return e.count() == limit;
    }

    public void succeeded(String address) {
        byAddress.remove(address);
    }

    private boolean expired(Entry e, Instant now) {
        return e.blockedUntil() != null ? !now.isBefore(e.blockedUntil()) : !now.isBefore(e.first().plus(window));
    }
}
