package org.sdaplanner.web.auth;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (an account): {@code capacity} writes at once, refilled at
 * {@code perSecond}. In memory, per server process: a limit against floods and runaway scripts,
 * not an accounting of use.
 */
public final class RateLimiter {
    private final double capacity;
    private final double perSecond;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    public RateLimiter(int capacity, double perSecond, LongSupplier nanoClock) {
        if (capacity < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("a rate limit needs a capacity of at least 1 and a positive refill rate");
        }
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.nanoClock = nanoClock;
    }

    /** Takes one token for {@code key}; false (and nothing taken) when the bucket is empty. */
    public boolean tryAcquire(String key) {
        long now = nanoClock.getAsLong();
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
        Bucket b = buckets.get(key);
        if (b == null) {
            return 1;
        }
        synchronized (b) {
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / perSecond));
        }
    }
}
