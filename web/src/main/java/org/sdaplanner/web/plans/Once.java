package org.sdaplanner.web.plans;

import java.util.function.Supplier;

/**
 * A value computed at most once, by the first thread that asks for it. Each holder has its own lock,
 * so a slow computation of one answer holds up only those waiting for that same answer.
 */
final class Once<T> {
    private volatile T value;

    T get(Supplier<T> compute) {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = compute.get();
                    value = v;
                }
            }
        }
        return v;
    }
}
