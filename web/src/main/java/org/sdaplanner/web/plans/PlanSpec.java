package org.sdaplanner.web.plans;

import org.sdaplanner.core.cluster.ClusterOptions;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a new plan is asked for, in the words of {@code sda build}'s options and the page's "New plan"
 * form: both turn it into the clusterer's {@link ClusterOptions} here, with the same checks and the
 * same messages, and the plan stores {@link #stored} as its options.
 *
 * @param areas           number of areas; null for the region manifest's
 * @param seed            the same seed and data give the same plan
 * @param districtNesting areas lie within one district each
 * @param minPopulation   hard lower bound on an area's residents during the search (0: none)
 * @param maxPopulation   hard upper bound (0: none)
 * @param balanceWeight   how much population balance counts against PCN alignment (0 ignores it)
 */
public record PlanSpec(Integer areas, long seed, boolean districtNesting, double minPopulation, double maxPopulation,
                       double balanceWeight) {
    public static final long DEFAULT_SEED = 1;

    /** The defaults of {@code sda build}: the region's number of areas, seed 1, nested, no bounds, the standard balance. */
    public static PlanSpec defaults() {
        return new PlanSpec(null, DEFAULT_SEED, true, 0, 0, ClusterOptions.BALANCE_WEIGHT);
    }

    public PlanSpec withAreas(Integer n) {
        return new PlanSpec(n, seed, districtNesting, minPopulation, maxPopulation, balanceWeight);
    }

    /**
     * The clusterer's options for a region of {@code blocks} building blocks whose manifest gives
     * {@code defaultAreas} (or none).
     *
     * @throws IllegalArgumentException in plain words when the spec cannot be built
     */
    public ClusterOptions clusterOptions(Integer defaultAreas, int blocks) {
        int n = count(defaultAreas);
        if (n > blocks) {
            throw new IllegalArgumentException("there cannot be more areas (" + n + ") than building blocks (" + blocks + ")");
        }
        if (!Double.isFinite(balanceWeight) || balanceWeight < 0) {
            throw new IllegalArgumentException("the balance weight must be 0 or more, not " + balanceWeight);
        }
        if (!Double.isFinite(minPopulation) || !Double.isFinite(maxPopulation) || minPopulation < 0 || maxPopulation < 0) {
            throw new IllegalArgumentException("population bounds must be 0 or more");
        }
        if (maxPopulation > 0 && maxPopulation < minPopulation) {
            throw new IllegalArgumentException("the largest population (" + Math.round(maxPopulation)
                    + ") is below the smallest (" + Math.round(minPopulation) + ")");
        }
        return ClusterOptions.of(n, seed).withDistrictNesting(districtNesting)
                .withBounds(minPopulation, maxPopulation).withWeights(balanceWeight, ClusterOptions.COMPACTNESS_WEIGHT);
    }

    /** The number of areas: as asked, or the region manifest's. */
    public int count(Integer defaultAreas) {
        int n = areas != null ? areas : defaultAreas != null ? defaultAreas : 0;
        if (areas == null && n < 1) {
            throw new IllegalArgumentException("the region manifest gives no default number of areas: say how many areas to make");
        }
        if (n < 1) {
            throw new IllegalArgumentException("a plan needs at least 1 area, not " + n);
        }
        return n;
    }

    /** The options as the plan stores them (and shows them back as its "options"), in this order. */
    public Map<String, Object> stored(ClusterOptions options) {
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("areas", options.areas());
        opts.put("seed", options.seed());
        opts.put("district_nesting", options.districtNesting());
        opts.put("rule", "plurality");
        opts.put("balance_weight", options.balanceWeight());
        opts.put("compactness_weight", options.compactnessWeight());
        if (options.minResidents() > 0) {
            opts.put("min_population", options.minResidents());
        }
        if (options.maxResidents() > 0) {
            opts.put("max_population", options.maxResidents());
        }
        return opts;
    }
}
