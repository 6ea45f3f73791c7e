package org.sdaplanner.web.auth;

import org.sdaplanner.store.LimitRepository;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (an account): {@code capacity} writes at once, refilled at
 * {@code perSecond}. A limit against floods and runaway scripts, not an accounting of use.
 *
 * <p>Kept in the store ({@link LimitRepository}) when built with one, so that every server process
 * on one database counts against the same bucket; otherwise in this process's memory (a single
 * process, and tests of the bucket itself).
 */
public final class RateLimiter {
    private final double capacity;
    private final double perSecond;
    private final LongSupplier clock;
    private final LimitRepository store;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    /** In memory, per process; {@code nanoClock} as {@link System#nanoTime}. */
    public RateLimiter(int capacity, double perSecond, LongSupplier nanoClock) {
        this(null, capacity, perSecond, nanoClock);
    }

    /** In the store, shared by every process on it; {@code millisClock} as {@link System#currentTimeMillis}. */
    public RateLimiter(LimitRepository store, int capacity, double perSecond, LongSupplier millisClock) {
        if (capacity < 1 || !(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("a rate limit needs a capacity of at least 1 and a positive refill rate");
        }
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.clock = millisClock;
        this.store = store;
    }

    /** Takes one token for {@code key}; false (and nothing taken) when the bucket is empty. */
    public boolean tryAcquire(String key) {
        long now = clock.getAsLong();
        if (store != null) {
            return store.tryAcquire(key, capacity, perSecond, now);
        }
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (b) {
            b.tokens = Math.min(capacity, b.tokens + (now - b.at) / 1e9 * perSecond);
            b.at = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return true;
            }
            return false;
        }
    }

    /** Seconds until {@code key} may write again (at least 1), for a Retry-After header. */
    public long retryAfterSeconds(String key) {
        if (store != null) {
            return store.retryAfterSeconds(key, capacity, perSecond, clock.getAsLong());
        }
        Bucket b = buckets.get(key);
        if (b == null) {
            return 1;
        }
        synchronized (b) {
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / perSecond));
        }
    }
}
