package org.sdaplanner.core.cluster;

import java.util.Locale;

/**
 * The residents every area must have: at least {@code min}, at most {@code max} ({@code
 * Double.POSITIVE_INFINITY} for no upper limit). Made from the largest deviation from the mean
 * allowed and the explicit bounds, whichever are tighter.
 *
 * @param deviation the largest deviation from the mean that gave them, or null when none was set
 */
public record PopulationLimits(double min, double max, Double deviation) {
    public static final PopulationLimits NONE = new PopulationLimits(0, Double.POSITIVE_INFINITY, null);

    public PopulationLimits {
        if (!(min >= 0) || !(max >= min)) {
            throw new IllegalArgumentException("population limits must satisfy 0 ≤ min ≤ max, got " + min + " and " + max);
        }
    }

    /**
     * @param mean         residents of the mean area
     * @param maxDeviation largest |residents ÷ mean − 1|, or null for none
     * @param minResidents explicit lower bound, 0 for none
     * @param maxResidents explicit upper bound, 0 for none
     */
    static PopulationLimits of(double mean, Double maxDeviation, double minResidents, double maxResidents) {
        double lo = minResidents;
        double hi = maxResidents > 0 ? maxResidents : Double.POSITIVE_INFINITY;
        if (maxDeviation != null) {
            lo = Math.max(lo, mean * (1 - maxDeviation));
            hi = Math.min(hi, mean * (1 + maxDeviation));
        }
        if (hi < lo) {
            throw new InfeasiblePlanException(String.format(Locale.ROOT,
                    "the population limits contradict each other: at least %,.0f and at most %,.0f residents per area",
                    lo, hi));
        }
        return new PopulationLimits(Math.max(0, lo), hi, maxDeviation);
    }

    boolean bounded() {
        return min > 0 || max < Double.POSITIVE_INFINITY;
    }

    /** Residents outside the limits (0 when within). */
    double violation(double residents) {
        return residents < min ? min - residents : residents > max ? residents - max : 0;
    }

    String describe() {
        if (!bounded()) {
            return "no population limits";
        }
        return max == Double.POSITIVE_INFINITY ? String.format(Locale.ROOT, "at least %,.0f residents", min)
                : String.format(Locale.ROOT, "%,.0f to %,.0f residents", min, max);
    }
}
