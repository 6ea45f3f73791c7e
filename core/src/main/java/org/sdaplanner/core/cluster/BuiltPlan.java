package org.sdaplanner.core.cluster;

import org.sdaplanner.core.plan.AreaMetrics;
import org.sdaplanner.core.plan.LsoaBestFit;
import org.sdaplanner.core.plan.PcnMetrics;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanSummary;

import java.util.List;

/** A plan made by the clusterer, with everything reported about it. */
public record BuiltPlan(PlanState state, List<String> areaIds, List<String> areaNames, List<AreaMetrics> areas,
                        List<PcnMetrics> pcns, PlanSummary summary, LsoaBestFit bestFit, Baselines.Result baselines,
                        Clusterer.Result clustering) {
}
