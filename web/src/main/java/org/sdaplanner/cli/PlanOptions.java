package org.sdaplanner.cli;

import org.sdaplanner.core.cluster.ClusterOptions;
import picocli.CommandLine.Option;

/** The options that shape a plan, shared by 'sda build', 'sda export' and 'sda profiles' so they build the same plan. */
final class PlanOptions {
    @Option(names = "--areas", paramLabel = "N", converter = Converters.AreaCount.class,
            description = "Number of areas, 1 to " + Converters.AreaCount.MAX + " (default: the region manifest's, e.g. 28 for"
                    + " Cambridgeshire and Peterborough; at most the number of building blocks).")
    Integer areas;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", converter = Converters.Seed.class,
            description = "Seed: the same seed and data give the same plan (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-district-nesting", description = "Let areas cross district boundaries.")
    boolean noNesting;

    @Option(names = "--min-population", paramLabel = "N", defaultValue = "0", converter = Converters.Population.class,
            description = "Areas may not fall below this many residents during local search (0: no bound).")
    double minPopulation;

    @Option(names = "--max-population", paramLabel = "N", defaultValue = "0", converter = Converters.Population.class,
            description = "Areas may not grow above this many residents during local search (0: no bound).")
    double maxPopulation;

    @Option(names = "--balance-weight", paramLabel = "W", defaultValue = "" + ClusterOptions.BALANCE_WEIGHT,
            converter = Converters.Weight.class,
            description = "How much population balance counts against PCN alignment, 0 to 1,000 (default ${DEFAULT-VALUE};"
                    + " 0 ignores balance).")
    double balanceWeight;

    /** What the options mean together, checked before anything is opened. */
    void check() {
        if (minPopulation > 0 && maxPopulation > 0 && maxPopulation < minPopulation) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "--max-population %,.0f is below"
                    + " --min-population %,.0f: expected min ≤ max", maxPopulation, minPopulation));
        }
    }

    /**
     * The clusterer's options; {@code defaultAreas} from the region manifest, {@code blocks} the number
     * of building blocks there are to share out.
     */
    ClusterOptions clusterOptions(Integer defaultAreas, int blocks) {
        Integer n = areas != null ? areas : defaultAreas;
        if (n == null || n < 1) {
            throw new IllegalArgumentException("the region manifest gives no default number of areas: use --areas N");
        }
        if (n > blocks) {
            throw new IllegalArgumentException("--areas " + n + ": the region has " + blocks + " building blocks, so at most "
                    + blocks + " areas");
        }
        return ClusterOptions.of(n, seed).withDistrictNesting(!noNesting)
                .withBounds(minPopulation, maxPopulation).withWeights(balanceWeight, ClusterOptions.COMPACTNESS_WEIGHT);
    }
}
