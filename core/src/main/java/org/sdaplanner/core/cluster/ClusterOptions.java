package org.sdaplanner.core.cluster;

import java.util.Map;

/**
 * What the clusterer is asked for.
 *
 * @param areas              number of areas in the whole region
 * @param seed               makes runs repeatable: the same seed gives the same plan
 * @param districtNesting    areas lie within one district each (the default)
 * @param areasPerDistrict   fixed counts per district code; empty to share {@code areas} by population
 * @param minResidents       hard lower bound on an area's residents, or 0 for none
 * @param maxResidents       hard upper bound, or 0 for none
 * @param balanceWeight      weight of the population-balance term (mean squared relative deviation)
 * @param compactnessWeight  weight of the compactness term (mean of 1 − Polsby–Popper)
 * @param maxPasses          local-search passes over the blocks at most
 * @param annealingSteps     simulated-annealing moves tried per block after the first local search (0: none)
 */
public record ClusterOptions(int areas, long seed, boolean districtNesting, Map<String, Integer> areasPerDistrict,
                             double minResidents, double maxResidents, double balanceWeight,
                             double compactnessWeight, int maxPasses, int annealingSteps) {
    public static final double BALANCE_WEIGHT = 1.0;
    public static final double COMPACTNESS_WEIGHT = 0.02;
    public static final int ANNEALING_STEPS = 400;

    public ClusterOptions {
        if (areas < 1) {
            throw new IllegalArgumentException("the number of areas must be at least 1, got " + areas);
        }
        areasPerDistrict = areasPerDistrict == null ? Map.of() : Map.copyOf(areasPerDistrict);
        if (minResidents < 0 || maxResidents < 0 || maxResidents > 0 && maxResidents < minResidents) {
            throw new IllegalArgumentException("population bounds must satisfy 0 ≤ min ≤ max");
        }
    }

    /** Defaults: nested in districts, no bounds, standard weights, up to 50 passes. */
    public static ClusterOptions of(int areas, long seed) {
        return new ClusterOptions(areas, seed, true, Map.of(), 0, 0, BALANCE_WEIGHT, COMPACTNESS_WEIGHT, 50, ANNEALING_STEPS);
    }

    public ClusterOptions withDistrictNesting(boolean nesting) {
        return new ClusterOptions(areas, seed, nesting, areasPerDistrict, minResidents, maxResidents, balanceWeight,
                compactnessWeight, maxPasses, annealingSteps);
    }

    public ClusterOptions withWeights(double balance, double compactness) {
        return new ClusterOptions(areas, seed, districtNesting, areasPerDistrict, minResidents, maxResidents, balance,
                compactness, maxPasses, annealingSteps);
    }

    public ClusterOptions withAnnealingSteps(int steps) {
        return new ClusterOptions(areas, seed, districtNesting, areasPerDistrict, minResidents, maxResidents, balanceWeight,
                compactnessWeight, maxPasses, steps);
    }

    public ClusterOptions withBounds(double min, double max) {
        return new ClusterOptions(areas, seed, districtNesting, areasPerDistrict, min, max, balanceWeight,
                compactnessWeight, maxPasses, annealingSteps);
    }

    public ClusterOptions withAreasPerDistrict(Map<String, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        return new ClusterOptions(total, seed, districtNesting, counts, minResidents, maxResidents, balanceWeight,
                compactnessWeight, maxPasses, annealingSteps);
    }
}
