package org.sdaplanner.core.cluster;

import org.sdaplanner.core.plan.AreaMetrics;
import org.sdaplanner.core.plan.AreaNames;
import org.sdaplanner.core.plan.LsoaBestFit;
import org.sdaplanner.core.plan.PcnMetrics;
import org.sdaplanner.core.plan.PlanMetrics;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;

import java.util.List;

/**
 * The one way the CLI and the server build plans: clusters a planning problem under the options
 * and reads off its metrics, LSOA best fit, baselines and certificate (the bound on the best
 * alignment possible under the same rules).
 */
public final class PlanBuilder {
    /** Random contiguous plans drawn for the baseline. */
    public static final int RANDOM_PLANS = 100;

    private PlanBuilder() {
    }

    /**
     * @param randomPlans random contiguous plans for the baseline (0: none)
     * @throws InfeasiblePlanException  when the population limits asked for cannot be met
     * @throws IllegalArgumentException when the options do not fit the problem (counts, locks)
     */
    public static BuiltPlan build(PlanningProblem problem, ClusterOptions options, int randomPlans) {
        return of(problem, options, randomPlans, new Clusterer().cluster(problem, options));
    }

    /**
     * The plan of a clustering already made for this problem and these options (kept from an
     * earlier search, {@link ClusteringCodec}), with everything {@link #build} reports about it.
     *
     * @throws IllegalArgumentException when the clustering is not one of this problem's blocks
     */
    public static BuiltPlan of(PlanningProblem problem, ClusterOptions options, int randomPlans, Clusterer.Result r) {
        if (r.assignment().length != problem.blockCount()) {
            throw new IllegalArgumentException("a clustering of " + r.assignment().length + " blocks for a problem of "
                    + problem.blockCount());
        }
        PlanState state = new PlanState(problem, r.assignment(), r.areaCount(), null);
        List<String> ids = AreaNames.ids(r.areaCount());
        List<String> names = AreaNames.names(problem, r.assignment(), r.areaCount());
        List<AreaMetrics> areas = PlanMetrics.areas(state, ids, names);
        List<PcnMetrics> pcns = PlanMetrics.pcns(state, ids);
        LsoaBestFit fit = LsoaBestFit.of(state);
        return new BuiltPlan(state, ids, names, areas, pcns, PlanMetrics.summary(state, areas, fit), fit,
                Baselines.of(problem, options, randomPlans), r,
                Certificate.of(r, problem.totalResidents(), state.alignment()));
    }
}
