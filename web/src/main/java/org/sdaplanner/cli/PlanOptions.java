package org.sdaplanner.cli;

import org.sdaplanner.core.cluster.AreaCounts;
import org.sdaplanner.core.cluster.ClusterOptions;
import org.sdaplanner.web.plans.PlanSpec;
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

    @Option(names = "--areas", paramLabel = "N", converter = Converters.AreaCount.class,
            description = "Number of areas in all, parished and unparished blocks alike, 1 to " + Converters.AreaCount.MAX
                    + " (default: the region manifest's; for Cambridgeshire and Peterborough 28 areas of parishes plus"
                    + " unparished areas).")
    Integer areas;

    @Option(names = "--parish-areas", paramLabel = "N", converter = Converters.AreaCount.class,
            description = "N areas made of parishes, plus areas of their own for the unparished parts (e.g. all of"
                    + " Cambridge); their number with --unparished-areas.")
    Integer parishAreas;

    @Option(names = "--unparished-areas", paramLabel = "M|auto", converter = Converters.Unparished.class,
            description = "With areas of parishes: the number of unparished areas, or auto (default) for as many as"
                    + " give them the same mean size as the parish areas.")
    String unparishedAreas;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", converter = Converters.Seed.class,
            description = "Seed: the same seed and data give the same plan (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-district-nesting", description = "Let areas cross district boundaries.")
    boolean noNesting;

    @Option(names = "--max-deviation", paramLabel = "F|none", converter = Converters.Deviation.class,
            description = "Largest deviation of an area's residents from the mean area, as a fraction (0.2 = ±20%%),"
                    + " a percentage (20%%) or none. Met by the plan, or the build fails saying which district cannot meet"
                    + " it. Default: 0.3, widened (with a warning) only where a district's blocks cannot meet it.")
    Converters.MaxDeviation maxDeviation;

    @Option(names = "--min-population", paramLabel = "N", defaultValue = "0", converter = Converters.Population.class,
            description = "Every area has at least N residents, or the build fails (0: no bound).")
    double minPopulation;

    @Option(names = "--max-population", paramLabel = "N", defaultValue = "0", converter = Converters.Population.class,
            description = "Every area has at most N residents, or the build fails (0: no bound).")
    double maxPopulation;

    @Option(names = "--balance-weight", paramLabel = "W", defaultValue = "" + ClusterOptions.BALANCE_WEIGHT,
            converter = Converters.Weight.class,
            description = "Within the limits, how much closeness to the mean size counts against PCN alignment, 0 to 1,000"
                    + " (default ${DEFAULT-VALUE}: alignment only).")
    double balanceWeight;

    @Option(names = "--time-limit", paramLabel = "S", converter = Converters.SearchSeconds.class,
            description = "Search for longer: about S seconds on a 2-core machine (default about "
                    + (int) SECONDS_PER_EFFORT + "). It sets an amount of work, not a clock: the same limit gives the"
                    + " same plan on any machine.")
    Double timeLimit;

    @Option(names = "--search-again",
            description = "Search even when the store keeps the result of the same search (same data, blocks and options,"
                    + " made by this version): the plan is the same either way, since the search counts work, not time.")
    boolean searchAgain;

    /** What the options mean together, checked before anything is opened (in the options' own words). */
    void check() {
        if (minPopulation > 0 && maxPopulation > 0 && maxPopulation < minPopulation) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--max-population %,.0f is below"
                    + " --min-population %,.0f: expected min ≤ max", maxPopulation, minPopulation));
        }
        if (areas != null && parishAreas != null) {
            throw new IllegalArgumentException("--areas (areas in all) and --parish-areas (areas of parishes) are two"
                    + " readings of the count: give one of them");
        }
        if (areas != null && unparishedAreas != null) {
            throw new IllegalArgumentException("--unparished-areas goes with --parish-areas, not with --areas (areas in all)");
        }
    }

    /** What the options ask for, as the page's "New plan" form asks it too. */
    PlanSpec spec() {
        Integer unparished = unparishedAreas == null || unparishedAreas.equals(Converters.Unparished.AUTO)
                ? null : Integer.valueOf(unparishedAreas);
        Double deviation = maxDeviation == null ? null
                : maxDeviation.fraction() == null ? PlanSpec.NO_LIMIT : maxDeviation.fraction();
        return new PlanSpec(areas, parishAreas, unparished, seed, !noNesting, deviation, minPopulation, maxPopulation,
                balanceWeight, timeLimit == null ? 1.0 : timeLimit / SECONDS_PER_EFFORT);
    }

    /**
     * The clusterer's options, with the checks the map server makes.
     *
     * @param defaults the region manifest's area counts, or null
     * @param blocks   the number of building blocks there are to share out
     */
    ClusterOptions clusterOptions(AreaCounts defaults, int blocks) {
        check();
        if (areas != null && areas > blocks) {
            throw new IllegalArgumentException("--areas " + areas + ": the region has " + blocks + " building blocks, so at most "
                    + blocks + " areas");
        }
        return spec().clusterOptions(defaults, blocks);
    }
}
