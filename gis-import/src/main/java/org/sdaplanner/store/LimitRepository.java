package org.sdaplanner.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.sdaplanner.store.Jdbc.queryOne;
import static org.sdaplanner.store.Jdbc.update;

/**
 * Write limits (token buckets) and sign-in throttles kept in the store, so that every server
 * process on one database counts against the same limits: two processes do not double an account's
 * writes, and wrong passwords tried on one are counted on the other. Each operation is one or two
 * single-row statements, atomic in H2 and PostgreSQL alike (the row is locked by the UPDATE), and
 * is not synced to disk: a limit forgotten in a crash is no loss. Times are epoch milliseconds from
 * the caller's clock.
 */
public final class LimitRepository {
    /** Keys are cut to this length (they hold an account id, a user name or a client address). */
    public static final int MAX_KEY = 200;
    /** Old throttle rows are swept after this many new ones, so a flood of made-up names stays bounded. */
    private static final int SWEEP_EVERY = 256;

    private static final String DOUBLE = "CAST(? AS DOUBLE PRECISION)";

    private final Jdbc jdbc;
    private int inserted;

    public LimitRepository(SpatialStore store) {
        this.jdbc = new Jdbc(store);
    }

    // ---- token buckets -------------------------------------------------------------------------

    /**
     * Takes one token from the bucket {@code key} (full at {@code capacity}, refilled at
     * {@code perSecond}); false, and nothing taken, when it holds less than one.
     */
    public boolean tryAcquire(String key, double capacity, double perSecond, long nowMs) {
        String k = clip(key);
        double perMs = perSecond / 1000.0;
        return jdbc.unsynced("cannot check the write limit", c -> {
            for (int attempt = 0; attempt < 3; attempt++) {
                // refill since updated_ms (never backwards when another process's clock is ahead), then take one
                // the doubles are cast: H2 would otherwise type a parameter after its BIGINT neighbour and drop the fraction
                int taken = update(c, "UPDATE rate_bucket SET tokens = LEAST(" + DOUBLE + ", tokens + GREATEST(0, ? - updated_ms) * "
                                + DOUBLE + ") - 1, updated_ms = GREATEST(updated_ms, ?) WHERE bucket_key = ?"
                                + " AND LEAST(" + DOUBLE + ", tokens + GREATEST(0, ? - updated_ms) * " + DOUBLE + ") >= 1",
                        capacity, nowMs, perMs, nowMs, k, capacity, nowMs, perMs);
                if (taken == 1) {
                    return true;
                }
                Optional<double[]> row = queryOne(c, "SELECT tokens, updated_ms FROM rate_bucket WHERE bucket_key = ?",
                        List.of(k), rs -> new double[]{rs.getDouble(1), rs.getLong(2)});
                if (row.isPresent()) {
                    if (available(row.get(), capacity, perSecond, nowMs) < 1) {
                        return false;
                    }
                    continue; // the row was made or refilled by another request between the two statements: try again
                }
                if (insertOnce(c, "INSERT INTO rate_bucket (bucket_key, tokens, updated_ms) VALUES (?, " + DOUBLE + ", ?)",
                        k, capacity - 1, nowMs)) {
                    return true;
                }
                // another request made the row in between: take from it
            }
            return false;
        });
    }

    /** Seconds until the bucket holds a token again (at least 1). */
    public long retryAfterSeconds(String key, double capacity, double perSecond, long nowMs) {
        double[] tokens = jdbc.read("cannot read the write limit", c -> queryOne(c,
                "SELECT tokens, updated_ms FROM rate_bucket WHERE bucket_key = ?", List.of(clip(key)),
                rs -> new double[]{rs.getDouble(1), rs.getLong(2)}).orElse(null));
        if (tokens == null) {
            return 1;
        }
        return Math.max(1, (long) Math.ceil((1 - available(tokens, capacity, perSecond, nowMs)) / perSecond));
    }

    /** The tokens a bucket row {tokens, updated_ms} holds at {@code nowMs}. */
    private static double available(double[] row, double capacity, double perSecond, long nowMs) {
        return Math.min(capacity, row[0] + Math.max(0, nowMs - (long) row[1]) * perSecond / 1000.0);
    }

    // ---- sign-in throttles ---------------------------------------------------------------------

    /** The latest time until which one of the keys is locked, when that is after {@code nowMs}. */
    public OptionalLong lockedUntil(List<String> keys, long nowMs) {
        long until = Long.MIN_VALUE;
        for (String key : keys) {
            Optional<Long> u = jdbc.read("cannot read the sign-in throttle", c -> queryOne(c,
                    "SELECT locked_until_ms FROM signin_throttle WHERE throttle_key = ? AND locked_until_ms > ?",
                    List.of(clip(key), nowMs), rs -> rs.getLong(1)));
            if (u.isPresent()) {
                until = Math.max(until, u.get());
            }
        }
        return until == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(until);
    }

    /**
     * Counts one failure for {@code key}: within {@code windowMs} of the first failure counted, the
     * {@code maxFailures}-th and every later one lock the key for {@code lockoutMs}; after the window
     * the count starts again.
     */
    public void failed(String key, int maxFailures, long windowMs, long lockoutMs, long nowMs) {
        String k = clip(key);
        Long lockNow = maxFailures <= 1 ? nowMs + lockoutMs : null;
        long lockUntil = nowMs + lockoutMs;
        jdbc.unsynced("cannot count a failed sign-in", c -> {
            for (int attempt = 0; attempt < 3; attempt++) {
                // SET reads the old values: a window that has passed starts again at this failure
                int n = update(c, "UPDATE signin_throttle SET"
                                + " locked_until_ms = CASE WHEN ? - first_ms > ? THEN (CASE WHEN ? <= 1 THEN ? ELSE NULL END)"
                                + " WHEN failures + 1 >= ? THEN ? ELSE locked_until_ms END,"
                                + " failures = CASE WHEN ? - first_ms > ? THEN 1 ELSE failures + 1 END,"
                                + " first_ms = CASE WHEN ? - first_ms > ? THEN ? ELSE first_ms END"
                                + " WHERE throttle_key = ?",
                        nowMs, windowMs, maxFailures, lockUntil, maxFailures, lockUntil,
                        nowMs, windowMs,
                        nowMs, windowMs, nowMs, k);
                if (n == 1) {
                    return null;
                }
                if (insertOnce(c, "INSERT INTO signin_throttle (throttle_key, failures, first_ms, locked_until_ms)"
                        + " VALUES (?, ?, ?, ?)", k, 1, nowMs, lockNow)) {
                    sweep(c, windowMs, nowMs);
                    return null;
                }
            }
            return null;
        });
    }

    /** Forgets the failures of a key (a user name that signed in). */
    public void cleared(String key) {
        jdbc.unsynced("cannot clear the sign-in throttle",
                c -> update(c, "DELETE FROM signin_throttle WHERE throttle_key = ?", clip(key)));
    }

    private void sweep(Connection c, long windowMs, long nowMs) throws SQLException {
        synchronized (this) {
            if (++inserted % SWEEP_EVERY != 0) {
                return;
            }
        }
        update(c, "DELETE FROM signin_throttle WHERE first_ms < ? AND COALESCE(locked_until_ms, 0) < ?", nowMs - windowMs, nowMs);
    }

    /** Inserts a row; false when another process inserted the same key first. */
    private static boolean insertOnce(Connection c, String sql, Object... params) throws SQLException {
        try {
            update(c, sql, params);
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;
            }
            throw e;
        }
    }

    private static String clip(String key) {
        return key.length() <= MAX_KEY ? key : key.substring(0, MAX_KEY);
    }
}
