package org.sdaplanner.core.cluster;

import org.sdaplanner.core.plan.AreaMetrics;
import org.sdaplanner.core.plan.LsoaBestFit;
import org.sdaplanner.core.plan.PcnMetrics;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanSummary;

import java.util.List;

/**
 * A plan made by the clusterer, with everything reported about it.
 *
 * @param certificate the bound on the best alignment possible under the same rules and the gap
 *                    to it; null for a plan that was not clustered (e.g. edited by hand)
 */
public record BuiltPlan(PlanState state, List<String> areaIds, List<String> areaNames, List<AreaMetrics> areas,
                        List<PcnMetrics> pcns, PlanSummary summary, LsoaBestFit bestFit, Baselines.Result baselines,
                        Clusterer.Result clustering, Certificate certificate) {

    /** A plan without a certificate. */
    public BuiltPlan(PlanState state, List<String> areaIds, List<String> areaNames, List<AreaMetrics> areas,
                     List<PcnMetrics> pcns, PlanSummary summary, LsoaBestFit bestFit, Baselines.Result baselines,
                     Clusterer.Result clustering) {
        this(state, areaIds, areaNames, areas, pcns, summary, bestFit, baselines, clustering, null);
    }
}
