package org.sdaplanner.cli;

import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.cluster.PlanBuilder;
import org.sdaplanner.core.plan.AreaMetrics;
import org.sdaplanner.core.plan.PlanSummary;
import org.sdaplanner.export.AreaPolygons;
import org.sdaplanner.export.PlanFiles;
import org.sdaplanner.export.PlanOutlines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Cluster the building blocks into service delivery areas aligned with PCN footprints:",
                "contiguous, nested in districts, balanced in population. Writes areas.geojson, blocks.geojson,",
                "parish_to_area.csv, lsoa_to_area.csv, pcn_alignment.csv and summary.json."})
public final class BuildCommand extends PlanCommand {
    @Mixin
    SimplifyOption simplify;

    @Option(names = "--random-plans", paramLabel = "K", defaultValue = "100", converter = Converters.RandomPlans.class,
            description = "Random contiguous plans drawn for the baseline, 0 to 10,000 (default ${DEFAULT-VALUE}).")
    int randomPlans;

    @Override
    public Integer call() throws IOException {
        PrintWriter console = console();
        long t0 = System.nanoTime();
        PlanSource.Loaded loaded = source.load();
        long t1 = System.nanoTime();
        BuiltPlan plan = PlanBuilder.build(loaded.problem(), loaded.options(), randomPlans);
        long t2 = System.nanoTime();
        PlanOutlines outlines = PlanOutlines.lonLat(plan, simplify.metres);
        PlanFiles.write(plan, outlines, loaded.region().blocks().blocks().sliverMerges(), out.path);
        long t3 = System.nanoTime();
        print(console, plan);
        for (int a = 0; a < plan.areas().size(); a++) {
            String note = AreaPolygons.note(plan, a, outlines.areas().get(a));
            if (note != null) {
                console.println(plan.areaIds().get(a) + " is drawn as " + note);
            }
        }
        SliverReport.summary(console, loaded.region().blocks().blocks());
        console.println(String.format(Locale.ROOT, "Timings: data and blocks %.1f s, clustering and metrics %.1f s, files %.1f s",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9));
        console.println("Written to " + out.path);
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
