package org.sdaplanner.cli;

import org.sdaplanner.core.cluster.AreaCounts;
import org.sdaplanner.core.cluster.ClusterOptions;
import picocli.CommandLine.Option;

import java.util.Locale;

/** The options that shape a plan, shared by 'sda build', 'sda export' and 'sda profiles' so all build the same plan. */
final class PlanOptions {
    /**
     * Seconds of search on the reference machine (2 cores, docs/benchmarks.md) that effort 1 takes:
     * {@code --time-limit S} asks for effort S ÷ this. It sets an amount of work, not a clock, so the
     * same limit gives the same plan on any machine.
     */
    static final double SECONDS_PER_EFFORT = 2.0;

    @Option(names = "--areas", paramLabel = "N",
            description = "Number of areas in all, parished and unparished blocks alike (default: the region"
                    + " manifest's; for Cambridgeshire and Peterborough 28 areas of parishes plus unparished areas).")
    Integer areas;

    @Option(names = "--parish-areas", paramLabel = "N",
            description = "N areas made of parishes, plus areas of their own for the unparished parts (e.g. all of"
                    + " Cambridge); their number with --unparished-areas.")
    Integer parishAreas;

    @Option(names = "--unparished-areas", paramLabel = "M|auto",
            description = "With areas of parishes: the number of unparished areas, or auto (default) for as many as"
                    + " give them the same mean size as the parish areas.")
    String unparishedAreas;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed: the same seed and data give the same plan (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-district-nesting", description = "Let areas cross district boundaries.")
    boolean noNesting;

    @Option(names = "--max-deviation", paramLabel = "F|none",
            description = "Largest deviation of an area's residents from the mean area, as a fraction (0.2 = ±20%),"
                    + " or none. Met by the plan, or the build fails saying which district cannot meet it. Default:"
                    + " 0.3, widened (with a warning) only where a district's blocks cannot meet it.")
    String maxDeviation;

    @Option(names = "--min-population", paramLabel = "N", defaultValue = "0",
            description = "Every area has at least N residents, or the build fails (0: no bound).")
    double minPopulation;

    @Option(names = "--max-population", paramLabel = "N", defaultValue = "0",
            description = "Every area has at most N residents, or the build fails (0: no bound).")
    double maxPopulation;

    @Option(names = "--balance-weight", paramLabel = "W", defaultValue = "" + ClusterOptions.BALANCE_WEIGHT,
            description = "Within the limits, how much closeness to the mean size counts against PCN alignment"
                    + " (default ${DEFAULT-VALUE}: alignment only).")
    double balanceWeight;

    @Option(names = "--time-limit", paramLabel = "S",
            description = "Search for longer: about S seconds on a 2-core machine (default about "
                    + (int) SECONDS_PER_EFFORT + "). It sets an amount of work, not a clock: the same limit gives the"
                    + " same plan on any machine.")
    Double timeLimit;

    /**
     * The clusterer's options.
     *
     * @param defaults the region manifest's area counts, or null
     * @throws IllegalArgumentException naming the option when they do not fit together
     */
    ClusterOptions clusterOptions(AreaCounts defaults) {
        double min = population(minPopulation, "--min-population");
        double max = population(maxPopulation, "--max-population");
        if (max > 0 && min > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--min-population %,.0f is above --max-population %,.0f",
                    min, max));
        }
        return deviation(ClusterOptions.of(counts(defaults), seed).withDistrictNesting(!noNesting).withBounds(min, max)
                .withWeights(weight(balanceWeight), ClusterOptions.COMPACTNESS_WEIGHT).withEffort(effort()));
    }

    private ClusterOptions deviation(ClusterOptions o) {
        if (maxDeviation == null) {
            return o;
        }
        String v = maxDeviation.trim().toLowerCase(Locale.ROOT);
        if (v.equals("none")) {
            return o.withMaxDeviation(null);
        }
        double f;
        try {
            f = Double.parseDouble(v.endsWith("%") ? v.substring(0, v.length() - 1) : v) / (v.endsWith("%") ? 100 : 1);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--max-deviation '" + maxDeviation + "': give a fraction such as 0.2, a"
                    + " percentage such as 20%, or none");
        }
        if (!(f >= 0) || f >= 1) {
            throw new IllegalArgumentException("--max-deviation " + maxDeviation + ": must be at least 0 and below 1 (100%),"
                    + " or none");
        }
        return o.withMaxDeviation(f);
    }

    AreaCounts counts(AreaCounts defaults) {
        if (areas != null && parishAreas != null) {
            throw new IllegalArgumentException("--areas (areas in all) and --parish-areas (areas of parishes) are two"
                    + " readings of the count: give one of them");
        }
        if (areas != null && unparishedAreas != null) {
            throw new IllegalArgumentException("--unparished-areas goes with --parish-areas, not with --areas (areas in all)");
        }
        if (areas != null) {
            return AreaCounts.inAll(atLeastOne(areas, "--areas"));
        }
        Integer unparished = unparished();
        if (parishAreas != null) {
            return AreaCounts.ofParishes(atLeastOne(parishAreas, "--parish-areas"), unparished);
        }
        if (defaults == null) {
            throw new IllegalArgumentException("the region manifest gives no default number of areas: use --areas N or"
                    + " --parish-areas N");
        }
        if (unparishedAreas != null) {
            if (!defaults.partsOfTheirOwn()) {
                throw new IllegalArgumentException("--unparished-areas: the region's default is " + defaults.describe()
                        + "; give --parish-areas N with it");
            }
            return AreaCounts.ofParishes(defaults.areas(), unparished);
        }
        return defaults;
    }

    private Integer unparished() {
        if (unparishedAreas == null || unparishedAreas.equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            int m = Integer.parseInt(unparishedAreas.trim());
            if (m < 0) {
                throw new NumberFormatException();
            }
            return m;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--unparished-areas '" + unparishedAreas + "': give a number of areas or auto");
        }
    }

    private double effort() {
        if (timeLimit == null) {
            return 1.0;
        }
        if (!(timeLimit > 0) || timeLimit > 86_400) {
            throw new IllegalArgumentException("--time-limit " + timeLimit + ": give seconds, more than 0 and at most a day");
        }
        return timeLimit / SECONDS_PER_EFFORT;
    }

    private static int atLeastOne(int n, String option) {
        if (n < 1) {
            throw new IllegalArgumentException(option + " " + n + ": ask for at least 1 area");
        }
        return n;
    }

    private static double population(double n, String option) {
        if (!(n >= 0)) {
            throw new IllegalArgumentException(option + " " + n + ": must be 0 (no bound) or more");
        }
        return n;
    }

    private static double weight(double w) {
        if (!(w >= 0)) {
            throw new IllegalArgumentException("--balance-weight " + w + ": must be 0 or more");
        }
        return w;
    }
}
