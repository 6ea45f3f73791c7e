package org.sdaplanner.export;

/** Rounding for outputs, so files are stable byte for byte and readable. */
public final class Numbers {
    private Numbers() {
    }

    public static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
