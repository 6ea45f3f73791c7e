package org.sdaplanner.web.plans;

import org.sdaplanner.core.cluster.AreaCounts;
import org.sdaplanner.core.cluster.ClusterOptions;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a new plan is asked for, in the words of {@code sda build}'s options and the page's "New plan"
 * form: both turn it into the clusterer's {@link ClusterOptions} here, with the same checks and the
 * same messages, and the plan stores {@link #stored} as its options.
 *
 * @param areas            number of areas in all; null for the region manifest's (or with {@code parishAreas})
 * @param parishAreas      number of areas made of parishes, the unparished parts getting areas of their own; null
 *                         unless asked for
 * @param unparishedAreas  with areas of parishes: the number of unparished areas, or null for as many as give them
 *                         the mean size of the parish areas
 * @param seed             the same seed and data give the same plan
 * @param districtNesting  areas lie within one district each
 * @param maxDeviation     the largest deviation from the mean area asked for (a fraction below 1); null for the
 *                         default bound (widened where a district's blocks cannot meet it); {@link #NO_LIMIT} for none
 * @param minPopulation    hard lower bound on an area's residents (0: none)
 * @param maxPopulation    hard upper bound (0: none)
 * @param balanceWeight    within the limits, how much closeness to the mean size counts against PCN alignment
 * @param effort           search effort (1: the default); the same effort gives the same plan on any machine
 */
public record PlanSpec(Integer areas, Integer parishAreas, Integer unparishedAreas, long seed, boolean districtNesting,
                       Double maxDeviation, double minPopulation, double maxPopulation, double balanceWeight, double effort) {
    public static final long DEFAULT_SEED = 1;
    /** {@code maxDeviation} for no bound on the deviation at all. */
    public static final double NO_LIMIT = Double.POSITIVE_INFINITY;
    /** The word for no bound on the deviation, in requests and stored options. */
    public static final String DEVIATION_NONE = "none";
    /** The word for as many unparished areas as give them the parish areas' mean size. */
    public static final String UNPARISHED_AUTO = "auto";

    /**
     * A largest deviation as a request gives it: a fraction ("0.2"), a percentage ("20%") or "none"
     * ({@link #NO_LIMIT}); null for none given (the default bound).
     *
     * @throws IllegalArgumentException in plain words for anything else
     */
    public static Double deviation(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.equals(DEVIATION_NONE)) {
            return NO_LIMIT;
        }
        boolean percent = t.endsWith("%");
        double v;
        try {
            v = Double.parseDouble(percent ? t.substring(0, t.length() - 1).strip() : t);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        double f = percent ? v / 100 : v;
        if (!(f >= 0 && f < 1)) {
            throw new IllegalArgumentException("the largest deviation from the mean must be a fraction from 0 to below 1"
                    + " (0.2 is ±20%), a percentage below 100% (20%) or none, not '" + shown(text) + "'");
        }
        return f;
    }

    /**
     * A number of unparished areas as a request gives it: a whole number, or "auto" (null: as many as give
     * them the mean size of the parish areas); null for none given.
     */
    public static Integer unparished(String text) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase(UNPARISHED_AUTO)) {
            return null;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("the number of unparished areas must be a whole number, 0 or more, or auto, not '"
                + shown(text) + "'");
    }

    /** A value as it was given, cut short: messages echo what was wrong, not a whole body. */
    private static String shown(String text) {
        String t = text.strip();
        return t.length() <= 24 ? t : t.substring(0, 24) + "…";
    }

    /** The defaults of {@code sda build}: the region's number of areas, seed 1, nested, the default limits. */
    public static PlanSpec defaults() {
        return new PlanSpec(null, null, null, DEFAULT_SEED, true, null, 0, 0, ClusterOptions.BALANCE_WEIGHT, 1.0);
    }

    public PlanSpec withAreas(Integer n) {
        return new PlanSpec(n, null, null, seed, districtNesting, maxDeviation, minPopulation, maxPopulation, balanceWeight,
                effort);
    }

    /**
     * The clusterer's options for a region of {@code blocks} building blocks whose manifest gives
     * {@code defaults} (or null).
     *
     * @throws IllegalArgumentException in plain words when the spec cannot be built
     */
    public ClusterOptions clusterOptions(AreaCounts defaults, int blocks) {
        AreaCounts counts = counts(defaults);
        if (!counts.partsOfTheirOwn() && counts.areas() > blocks) {
            throw new IllegalArgumentException("there cannot be more areas (" + counts.areas() + ") than building blocks ("
                    + blocks + ")");
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
        if (maxDeviation != null && maxDeviation != NO_LIMIT && !(maxDeviation >= 0 && maxDeviation < 1)) {
            throw new IllegalArgumentException("the largest deviation from the mean must be a fraction from 0 to below 1"
                    + " (0.2 is ±20%), not " + maxDeviation);
        }
        if (!Double.isFinite(effort) || effort < 0) {
            throw new IllegalArgumentException("the search effort must be 0 or more, not " + effort);
        }
        ClusterOptions o = ClusterOptions.of(counts, seed).withDistrictNesting(districtNesting)
                .withBounds(minPopulation, maxPopulation).withWeights(balanceWeight, ClusterOptions.COMPACTNESS_WEIGHT)
                .withEffort(effort);
        return maxDeviation == null ? o : o.withMaxDeviation(maxDeviation == NO_LIMIT ? null : maxDeviation);
    }

    /** The number of areas in the reading asked for, or the region manifest's. */
    public AreaCounts counts(AreaCounts defaults) {
        if (areas != null && parishAreas != null) {
            throw new IllegalArgumentException("give the number of areas in all or the number of areas of parishes, not both");
        }
        if (areas != null && unparishedAreas != null) {
            throw new IllegalArgumentException("a number of unparished areas goes with a number of areas of parishes, not"
                    + " with a number of areas in all");
        }
        if (unparishedAreas != null && unparishedAreas < 0) {
            throw new IllegalArgumentException("the number of unparished areas must be 0 or more, not " + unparishedAreas);
        }
        if (areas != null) {
            return AreaCounts.inAll(atLeastOne(areas));
        }
        if (parishAreas != null) {
            return AreaCounts.ofParishes(atLeastOne(parishAreas), unparishedAreas);
        }
        if (defaults == null) {
            throw new IllegalArgumentException("the region manifest gives no default number of areas: say how many areas to make");
        }
        if (unparishedAreas != null) {
            if (!defaults.partsOfTheirOwn()) {
                throw new IllegalArgumentException("a number of unparished areas: the region's default is "
                        + defaults.describe() + "; give the number of areas of parishes with it");
            }
            return AreaCounts.ofParishes(defaults.areas(), unparishedAreas);
        }
        return defaults;
    }

    private static int atLeastOne(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a plan needs at least 1 area, not " + n);
        }
        return n;
    }

    /** The options as the plan stores them (and shows them back as its "options"), in this order. */
    public Map<String, Object> stored(ClusterOptions options) {
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("areas", options.areas());
        if (options.counts().partsOfTheirOwn()) {
            opts.put("areas_of", "parishes");
            opts.put("unparished_areas", options.counts().unparishedAreas() != null ? options.counts().unparishedAreas()
                    : UNPARISHED_AUTO);
        }
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
        if (!options.deviationWidens()) {
            opts.put("max_deviation", options.maxDeviation() == null ? DEVIATION_NONE : options.maxDeviation());
        }
        if (options.effort() != 1.0) {
            opts.put("effort", options.effort());
        }
        return opts;
    }
}
