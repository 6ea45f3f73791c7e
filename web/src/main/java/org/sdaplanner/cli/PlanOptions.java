package org.sdaplanner.cli;

import org.sdaplanner.core.cluster.ClusterOptions;
import org.sdaplanner.web.plans.PlanSpec;
import picocli.CommandLine.Option;

/** The options that shape a plan, shared by 'sda build' and 'sda export' so both build the same plan. */
final class PlanOptions {
    @Option(names = "--areas", paramLabel = "N",
            description = "Number of areas (default: the region manifest's, e.g. 28 for Cambridgeshire and Peterborough).")
    Integer areas;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed: the same seed and data give the same plan (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-district-nesting", description = "Let areas cross district boundaries.")
    boolean noNesting;

    @Option(names = "--min-population", paramLabel = "N", defaultValue = "0",
            description = "Areas may not fall below this many residents during local search (0: no bound).")
    double minPopulation;

    @Option(names = "--max-population", paramLabel = "N", defaultValue = "0",
            description = "Areas may not grow above this many residents during local search (0: no bound).")
    double maxPopulation;

    @Option(names = "--balance-weight", paramLabel = "W", defaultValue = "" + ClusterOptions.BALANCE_WEIGHT,
            description = "How much population balance counts against PCN alignment (default ${DEFAULT-VALUE};"
                    + " 0 ignores balance).")
    double balanceWeight;

    /** What the options ask for, as the page's "New plan" form asks it too. */
    PlanSpec spec() {
        return new PlanSpec(areas, seed, !noNesting, minPopulation, maxPopulation, balanceWeight);
    }

    /** The clusterer's options, with the checks the map server makes; {@code defaultAreas} from the region manifest. */
    ClusterOptions clusterOptions(Integer defaultAreas) {
        if (areas == null && defaultAreas == null) {
            throw new IllegalArgumentException("the region manifest gives no default number of areas: use --areas N");
        }
        return spec().clusterOptions(defaultAreas, Integer.MAX_VALUE);
    }
}

