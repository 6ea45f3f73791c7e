package org.sdaplanner.cli;

import org.sdaplanner.core.cluster.ClusterOptions;
import org.sdaplanner.core.plan.PlanningProblem;
import picocli.CommandLine.Mixin;

/** The store, the rule, the plan options and the blocks (--slivers): everything a command that builds the plan needs. */
final class PlanSource {
    @Mixin
    AnalysisOptions analysis;

    @Mixin
    PlanOptions plan;

    @Mixin
    SliverOption slivers;

    /** The region read from the store, the planning problem and the clusterer's options, checked. */
    record Loaded(RegionAnalysis region, PlanningProblem problem, ClusterOptions options) {
    }

    Loaded load() {
        plan.check();
        RegionAnalysis region = analysis.load(slivers.rule);
        ClusterOptions options = plan.clusterOptions(region.defaultCounts(), region.blocks().blocks().size());
        return new Loaded(region, PlanningProblem.of(region.blocks(), region.dominance()), options);
    }

    /** The plan of {@code loaded}'s options: the store's kept search when it has it ({@link KeptSearch}), else a search. */
    KeptSearch.Outcome build(Loaded loaded, int randomPlans) {
        return KeptSearch.build(analysis.store.openForReading(), loaded.region(), loaded.problem(), loaded.options(),
                randomPlans, plan.searchAgain);
    }
}
