package org.sdaplanner.core.cluster;

import java.util.Map;

/**
 * What the clusterer is asked for.
 *
 * @param counts            how many areas, in all or as areas of parishes plus unparished areas
 * @param seed              makes runs repeatable: the same seed gives the same plan
 * @param districtNesting   areas lie within one district each (the default)
 * @param minResidents      hard lower bound on an area's residents, or 0 for none
 * @param maxResidents      hard upper bound, or 0 for none
 * @param maxDeviation      hard bound on |residents ÷ mean − 1| for every area, or null for none
 * @param deviationWidens   true for the default bound: a group whose blocks cannot meet it (one
 *                          block above the maximum, too few residents for its areas) gets the
 *                          smallest bound it can meet, with a warning; false when the bound was
 *                          asked for, so that a plan meets it or the build fails
 * @param balanceWeight     weight of the soft population-balance term (mean squared relative deviation)
 * @param compactnessWeight weight of the compactness term (mean of 1 − Polsby–Popper)
 * @param effort            search effort: 1 is the default, work grows in proportion; the same
 *                          effort gives the same plan on any machine (it counts steps, not seconds);
 *                          0 keeps the seed plan (for comparisons and tests)
 */
public record ClusterOptions(AreaCounts counts, long seed, boolean districtNesting, double minResidents,
                             double maxResidents, Double maxDeviation, boolean deviationWidens, double balanceWeight,
                             double compactnessWeight, double effort) {
    /** The default bound on the deviation from the mean area (widened where the blocks need it). */
    public static final double DEFAULT_MAX_DEVIATION = 0.30;
    public static final double BALANCE_WEIGHT = 0.0;
    /** Small: compactness breaks near-ties between plans of about the same alignment, no more. */
    public static final double COMPACTNESS_WEIGHT = 0.005;

    public ClusterOptions {
        if (counts == null) {
            throw new IllegalArgumentException("the number of areas is required");
        }
        if (minResidents < 0 || maxResidents < 0 || maxResidents > 0 && maxResidents < minResidents) {
            throw new IllegalArgumentException("population bounds must satisfy 0 ≤ min ≤ max");
        }
        if (maxDeviation != null && !(maxDeviation >= 0)) {
            throw new IllegalArgumentException("the largest deviation must be 0 or more, got " + maxDeviation);
        }
        if (!(effort >= 0)) {
            throw new IllegalArgumentException("the search effort must be 0 or more, got " + effort);
        }
    }

    /** Defaults: nested in districts, ±30% (widened where needed), alignment first, default effort. */
    public static ClusterOptions of(AreaCounts counts, long seed) {
        return new ClusterOptions(counts, seed, true, 0, 0, DEFAULT_MAX_DEVIATION, true, BALANCE_WEIGHT,
                COMPACTNESS_WEIGHT, 1.0);
    }

    /** {@code areas} in all, with the defaults. */
    public static ClusterOptions of(int areas, long seed) {
        return of(AreaCounts.inAll(areas), seed);
    }

    /** The areas asked for: in all, or of parishes (see {@link AreaCounts#areas()}). */
    public int areas() {
        return counts.areas();
    }

    public ClusterOptions withCounts(AreaCounts c) {
        return new ClusterOptions(c, seed, districtNesting, minResidents, maxResidents, maxDeviation, deviationWidens,
                balanceWeight, compactnessWeight, effort);
    }

    public ClusterOptions withSeed(long s) {
        return new ClusterOptions(counts, s, districtNesting, minResidents, maxResidents, maxDeviation, deviationWidens,
                balanceWeight, compactnessWeight, effort);
    }

    public ClusterOptions withDistrictNesting(boolean nesting) {
        return new ClusterOptions(counts, seed, nesting, minResidents, maxResidents, maxDeviation, deviationWidens,
                balanceWeight, compactnessWeight, effort);
    }

    public ClusterOptions withWeights(double balance, double compactness) {
        return new ClusterOptions(counts, seed, districtNesting, minResidents, maxResidents, maxDeviation,
                deviationWidens, balance, compactness, effort);
    }

    /** Hard bounds on residents per area (0: none); explicit, so never widened. */
    public ClusterOptions withBounds(double min, double max) {
        return new ClusterOptions(counts, seed, districtNesting, min, max, maxDeviation, deviationWidens, balanceWeight,
                compactnessWeight, effort);
    }

    /** A hard bound on the deviation from the mean (null: none), met or the build fails. */
    public ClusterOptions withMaxDeviation(Double deviation) {
        return new ClusterOptions(counts, seed, districtNesting, minResidents, maxResidents, deviation, false,
                balanceWeight, compactnessWeight, effort);
    }

    public ClusterOptions withEffort(double e) {
        return new ClusterOptions(counts, seed, districtNesting, minResidents, maxResidents, maxDeviation,
                deviationWidens, balanceWeight, compactnessWeight, e);
    }

    /** Fixed counts per district, in all. */
    public ClusterOptions withAreasPerDistrict(Map<String, Integer> perDistrict) {
        return withCounts(AreaCounts.inAll(perDistrict));
    }
}
