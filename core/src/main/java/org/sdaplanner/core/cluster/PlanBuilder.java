package org.sdaplanner.core.cluster;

import org.sdaplanner.core.plan.AreaMetrics;
import org.sdaplanner.core.plan.AreaNames;
import org.sdaplanner.core.plan.LsoaBestFit;
import org.sdaplanner.core.plan.PcnMetrics;
import org.sdaplanner.core.plan.PlanMetrics;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;

import java.util.List;

/** Clusters a planning problem and reads off its metrics, best fit and baselines: the one way the CLI and server build plans. */
public final class PlanBuilder {
    /** Random contiguous plans drawn for the baseline. */
    public static final int RANDOM_PLANS = 100;

    private PlanBuilder() {
    }

    public static BuiltPlan build(PlanningProblem problem, ClusterOptions options, int randomPlans) {
        Clusterer.Result r = new Clusterer().cluster(problem, options);
        PlanState state = new PlanState(problem, r.assignment(), r.areaCount(), null);
        List<String> ids = AreaNames.ids(r.areaCount());
        List<String> names = AreaNames.names(problem, r.assignment(), r.areaCount());
        List<AreaMetrics> areas = PlanMetrics.areas(state, ids, names);
        List<PcnMetrics> pcns = PlanMetrics.pcns(state, ids);
        LsoaBestFit fit = LsoaBestFit.of(state);
        return new BuiltPlan(state, ids, names, areas, pcns, PlanMetrics.summary(state, areas, fit), fit,
                Baselines.of(problem, options, randomPlans), r);
    }
}
