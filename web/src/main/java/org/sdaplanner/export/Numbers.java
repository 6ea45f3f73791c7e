package org.sdaplanner.export;

/** Rounding for outputs, so files are stable byte for byte and readable. */
public final class Numbers {
    private Numbers() {
    }

    /** Rounded up, for upper bounds that must stay bounds once printed (tiny float noise aside). */
    public static double roundUp(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.ceil(v * f - 1e-9) / f;
    }

    public static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
