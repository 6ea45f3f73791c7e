package org.sdaplanner.cli;

import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.cluster.ClusterOptions;
import org.sdaplanner.core.cluster.Clusterer;
import org.sdaplanner.core.cluster.PlanBuilder;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.store.SearchSnapshots;
import org.sdaplanner.store.SpatialStore;

import java.util.Optional;

/**
 * Builds a plan the way {@link PlanBuilder#build} does, but reads the search's result from the store
 * when the same search was made before on the same blocks ({@link SearchKey}, {@link SearchSnapshots}),
 * and keeps it there after searching. The search is deterministic (it counts steps, never the clock),
 * so the plan, its metrics and its bound are the same either way; only the wait differs. Used by
 * {@code sda build}, {@code sda export} and {@code sda profiles} without {@code --plan}, and the
 * server's new plans.
 */
public final class KeptSearch {
    private KeptSearch() {
    }

    /** How a plan was come by, for the console. */
    public enum Source { SEARCHED, KEPT }

    /** The plan, and whether the search ran or its result was read from the store. */
    public record Outcome(BuiltPlan plan, Source source) {
    }

    /**
     * @param problem     the planning problem of {@code region}'s blocks and dominance
     * @param searchAgain search even when a result is kept (it is kept again)
     * @throws org.sdaplanner.core.cluster.InfeasiblePlanException as {@link PlanBuilder#build}
     * @throws IllegalArgumentException as {@link PlanBuilder#build}
     */
    public static Outcome build(SpatialStore store, RegionAnalysis region, PlanningProblem problem, ClusterOptions options,
                                int randomPlans, boolean searchAgain) {
        String key = key(region, options);
        SearchSnapshots kept = new SearchSnapshots(store);
        if (key != null && !searchAgain) {
            Optional<Clusterer.Result> found = kept.find(key);
            if (found.isPresent() && found.get().assignment().length == problem.blockCount()) {
                return new Outcome(PlanBuilder.of(problem, options, randomPlans, found.get()), Source.KEPT);
            }
        }
        Clusterer.Result searched = new Clusterer().cluster(problem, options);
        if (key != null) {
            kept.save(key, region.geographyDigest(), searched); // a failed write only loses the shortcut
        }
        return new Outcome(PlanBuilder.of(problem, options, randomPlans, searched), Source.SEARCHED);
    }

    /** The key of this search on these blocks, or null when it cannot be told (then nothing is read or kept). */
    static String key(RegionAnalysis region, ClusterOptions options) {
        String solver = SearchKey.solverVersion();
        return region.blocksKey() == null || solver == null ? null : new SearchKey(region.blocksKey(), solver, options).digest();
    }
}
