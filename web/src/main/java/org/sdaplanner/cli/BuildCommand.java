package org.sdaplanner.cli;

import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.cluster.ClusterOptions;
import org.sdaplanner.core.cluster.PlanBuilder;
import org.sdaplanner.core.plan.AreaMetrics;
import org.sdaplanner.core.plan.PlanSummary;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.export.AreaPolygons;
import org.sdaplanner.export.PlanFiles;
import org.sdaplanner.export.PlanOutlines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "build", mixinStandardHelpOptions = true,
        header = "Group the building blocks into service delivery areas and write the plan's files.",
        description = {"Cluster the building blocks into service delivery areas aligned with PCN footprints:",
                "contiguous, nested in districts, balanced in population. Writes areas.geojson, blocks.geojson,",
                "parish_to_area.csv, lsoa_to_area.csv, pcn_alignment.csv and summary.json."})
public final class BuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Mixin
    RuleOption rule;

    @Mixin
    PlanOptions plan;

    @Mixin
    SimplifyOption simplify;

    @Option(names = "--random-plans", paramLabel = "K", defaultValue = "100",
            description = "Random contiguous plans drawn for the baseline (default ${DEFAULT-VALUE}).")
    int randomPlans;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the plan's files.")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter console = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        RegionAnalysis region = RegionAnalysis.load(store.open(), rule.parse());
        long t1 = System.nanoTime();
        PlanningProblem problem = PlanningProblem.of(region.blocks(), region.dominance());
        ClusterOptions options = plan.clusterOptions(region.defaultAreas());
        BuiltPlan plan = PlanBuilder.build(problem, options, randomPlans);
        long t2 = System.nanoTime();
        PlanOutlines outlines = PlanOutlines.lonLat(plan, simplify.metres());
        PlanFiles.write(plan, outlines, region.blocks().blocks().sliverMerges(), out);
        long t3 = System.nanoTime();
        print(console, plan);
        for (int a = 0; a < plan.areas().size(); a++) {
            String note = AreaPolygons.note(plan, a, outlines.areas().get(a));
            if (note != null) {
                console.println(plan.areaIds().get(a) + " is drawn as " + note);
            }
        }
        SliverReport.summary(console, region.blocks().blocks());
        console.println(String.format(Locale.ROOT, "Timings: data and blocks %.1f s, clustering and metrics %.1f s, files %.1f s",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9));
        console.println("Written to " + out);
        return 0;
    }

    static void print(PrintWriter out, BuiltPlan plan) {
        out.println(String.format(Locale.ROOT, "%-6s %-28s %-10s %10s %7s %-10s %9s %7s %s", "area", "name", "district",
                "residents", "dev", "main PCN", "alignment", "compact", "contiguous"));
        for (AreaMetrics a : plan.areas()) {
            out.println(String.format(Locale.ROOT, "%-6s %-28.28s %-10s %,10.0f %+6.1f%% %-10s %8.1f%% %7.3f %s", a.id(), a.name(),
                    String.join("+", a.districtCodes()), a.residents(), 100 * a.deviation(), a.mainPcn(), 100 * a.alignment(),
                    a.compactness(), a.contiguous() ? "yes" : "NO (" + a.pieces() + " pieces)"));
        }
        PlanSummary s = plan.summary();
        var b = plan.baselines();
        out.println(String.format(Locale.ROOT, "Plan: %d areas, PCN alignment %.1f%% (worst %s %.1f%%), largest deviation %.1f%%,"
                        + " %d non-contiguous; %,d residents land in another area than their LSOA's best fit",
                s.areas(), 100 * s.alignment(), s.worstArea(), 100 * s.worstAlignment(), 100 * s.maxDeviation(),
                s.nonContiguousAreas(), Math.round(s.lsoaMismatchResidents())));
        out.println(String.format(Locale.ROOT, "Baselines: dominant PCN per district %.1f%% (%d groups, no size control);"
                        + " %d random contiguous plans %.1f%% on average (5–95%%: %.1f–%.1f%%); this plan beats %.0f%% of them",
                100 * b.dominantAlignment(), b.dominantAreas(), b.random().length, 100 * b.randomMean(),
                100 * b.randomPercentile(0.05), 100 * b.randomPercentile(0.95), 100 * b.shareBelow(s.alignment())));
        out.println(String.format(Locale.ROOT, "Clustering: %d local-search moves in %d passes",
                plan.clustering().moves(), plan.clustering().passes()));
        plan.clustering().warnings().forEach(w -> out.println("Warning: " + w));
    }
}
