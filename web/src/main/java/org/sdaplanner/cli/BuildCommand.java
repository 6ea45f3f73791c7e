package org.sdaplanner.cli;

import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.cluster.Certificate;
import org.sdaplanner.core.cluster.ClusterOptions;
import org.sdaplanner.core.cluster.Clusterer;
import org.sdaplanner.core.cluster.Tradeoff;
import org.sdaplanner.core.plan.AreaMetrics;
import org.sdaplanner.core.plan.PlanSummary;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.export.AreaPolygons;
import org.sdaplanner.export.Numbers;
import org.sdaplanner.export.PlanFiles;
import org.sdaplanner.export.PlanOutlines;
import org.sdaplanner.export.TradeoffFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

@Command(name = "build", mixinStandardHelpOptions = true,
        header = "Group the building blocks into service delivery areas and write the plan's files.",
        description = {"Cluster the building blocks into service delivery areas aligned with PCN footprints:",
                "contiguous, nested in districts, within the population limits. Writes areas.geojson, blocks.geojson,",
                "parish_to_area.csv, lsoa_to_area.csv, pcn_alignment.csv and summary.json, with a proven upper bound",
                "on the alignment any plan could reach under the same rules. With --tradeoff, writes tradeoff.csv:",
                "the best alignment and its bound at deviations of 10, 15, 20, 25, 30, 40%% and none.",
                "Exit code 2 when the limits cannot be met (the message names the district and why)."})
public final class BuildCommand extends PlanCommand {
    @Mixin
    SimplifyOption simplify;

    @Option(names = "--random-plans", paramLabel = "K", defaultValue = "100", converter = Converters.RandomPlans.class,
            description = "Random contiguous plans drawn for the baseline, 0 to 10,000 (default ${DEFAULT-VALUE}).")
    int randomPlans;

    @Option(names = "--tradeoff",
            description = "Instead of one plan, the best plan at each deviation bound (10, 15, 20, 25, 30, 40%%, none)"
                    + " with the other options as given: writes " + TradeoffFile.FILE_NAME + " and prints the curve.")
    boolean tradeoff;

    @Override
    public Integer call() throws IOException {
        PrintWriter console = console();
        long t0 = System.nanoTime();
        PlanSource.Loaded loaded = source.load();
        long t1 = System.nanoTime();
        ClusterOptions options = loaded.options();
        if (tradeoff) {
            return tradeoff(console, loaded.problem(), options, t0, t1);
        }
        KeptSearch.Outcome built = source.build(loaded, randomPlans);
        BuiltPlan plan = built.plan();
        long t2 = System.nanoTime();
        PlanOutlines outlines = PlanOutlines.lonLat(plan, simplify.metres);
        PlanFiles.write(plan, outlines, loaded.region().blocks().blocks(), out.path);
        long t3 = System.nanoTime();
        print(console, plan);
        for (int a = 0; a < plan.areas().size(); a++) {
            String note = AreaPolygons.note(plan, a, outlines.areas().get(a));
            if (note != null) {
                console.println(plan.areaIds().get(a) + " is drawn as " + note);
            }
        }
        SliverReport.summary(console, loaded.region().blocks().blocks());
        if (built.source() == KeptSearch.Source.KEPT) {
            console.println("Search: the store's result of the same search, made earlier on the same data and options"
                    + " (the same plan; --search-again to search anyway)");
        }
        console.println(String.format(Locale.ROOT, "Timings: data and blocks %.1f s, %s and metrics %.1f s, files %.1f s",
                (t1 - t0) / 1e9, built.source() == KeptSearch.Source.KEPT ? "kept clustering" : "clustering",
                (t2 - t1) / 1e9, (t3 - t2) / 1e9));
        console.println("Written to " + out.path);
        return 0;
    }

    private int tradeoff(PrintWriter console, PlanningProblem problem, ClusterOptions options, long t0, long t1)
            throws IOException {
        console.println("Trade-off between balance and PCN alignment (" + options.counts().describe() + ", seed "
                + options.seed() + "):");
        console.println(String.format(Locale.ROOT, "%-14s %10s %12s %8s %14s", "max deviation", "alignment", "upper bound",
                "gap", "largest dev."));
        java.util.List<Tradeoff.Point> points = new java.util.ArrayList<>();
        for (Double d : Tradeoff.DEVIATIONS) {
            Tradeoff.Point p = Tradeoff.point(problem, options, d);
            points.add(p);
            String dev = d == null ? "none" : String.format(Locale.ROOT, "±%.0f%%", 100 * d);
            if (p.plan() == null) {
                console.println(String.format(Locale.ROOT, "%-14s %s", dev, "no plan: " + p.infeasible()));
            } else {
                var c = p.plan().certificate();
                console.println(String.format(Locale.ROOT, "%-14s %9.2f%% %11.2f%% %6.2f pt %13.1f%%", dev,
                        100 * p.alignment(), 100 * Numbers.roundUp(c.upperBound(), 4), 100 * Numbers.roundUp(c.gap(), 4),
                        100 * p.plan().summary().maxDeviation()));
            }
            console.flush();
        }
        Path file = TradeoffFile.write(points, out.path.resolve(TradeoffFile.FILE_NAME));
        console.println(String.format(Locale.ROOT, "Timings: data and blocks %.1f s, the %d plans %.1f s",
                (t1 - t0) / 1e9, points.size(), (System.nanoTime() - t1) / 1e9));
        console.println("Written " + file);
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
        Certificate c = plan.certificate();
        if (c != null && !Double.isFinite(c.upperBound())) {
            out.println("Best possible: no bound could be proven in the time given (try --time-limit)");
        } else if (c != null) {
            out.println(String.format(Locale.ROOT, "Best possible: no plan with these rules can align more than %.1f%%:"
                            + " this plan is %s", 100 * Numbers.roundUp(c.upperBound(), 4),
                    c.optimal() ? "optimal" : String.format(Locale.ROOT, "within %.1f points of it", 100 * Numbers.roundUp(c.gap(), 4))));
        }
        if (c != null) {
            printGroups(out, plan, c);
        }
        out.println(String.format(Locale.ROOT, "Baselines: dominant PCN per district %.1f%% (%d groups, no size control);"
                        + " %d random contiguous plans %.1f%% on average (5–95%%: %.1f–%.1f%%); this plan beats %.0f%% of them",
                100 * b.dominantAlignment(), b.dominantAreas(), b.random().length, 100 * b.randomMean(),
                100 * b.randomPercentile(0.05), 100 * b.randomPercentile(0.95), 100 * b.shareBelow(s.alignment())));
        out.println(String.format(Locale.ROOT, "Clustering: %,d search moves", plan.clustering().moves()));
        List<String> warnings = plan.clustering().warnings();
        warnings.stream().limit(MAX_WARNINGS_SHOWN).forEach(w -> out.println("Warning: " + w));
        if (warnings.size() > MAX_WARNINGS_SHOWN) {
            out.println("… and " + (warnings.size() - MAX_WARNINGS_SHOWN) + " more warnings (all of them in summary.json)");
        }
    }

    /** Warnings printed at most; summary.json has them all. */
    static final int MAX_WARNINGS_SHOWN = 20;

    /** Groups listed one per line up to this many. */
    static final int MAX_GROUPS_SHOWN = 30;

    /** Areas per group (district, parished side, unparished part), their limits and how close each is to its bound. */
    private static void printGroups(PrintWriter out, BuiltPlan plan, Certificate c) {
        int parished = 0;
        int unparished = 0;
        for (Clusterer.GroupResult g : c.groups()) {
            if (g.side().equals("unparished")) {
                unparished += g.areas().length;
            } else if (g.side().equals("parished")) {
                parished += g.areas().length;
            }
        }
        String counts = parished + unparished == 0 ? plan.areas().size() + " areas in all"
                : String.format(Locale.ROOT, "%d areas: %d of parishes + %d unparished", plan.areas().size(), parished, unparished);
        if (c.groups().size() > MAX_GROUPS_SHOWN) {
            long optimal = c.groups().stream().filter(Clusterer.GroupResult::optimal).count();
            out.println(String.format(Locale.ROOT, "Areas per group (%s): %d groups, %d of them proven optimal"
                    + " (each group's limits and bound are in summary.json)", counts, c.groups().size(), optimal));
            return;
        }
        out.println("Areas per group (" + counts + "):");
        for (Clusterer.GroupResult g : c.groups()) {
            String limits = g.limits().max() == Double.POSITIVE_INFINITY
                    ? (g.limits().min() > 0 ? String.format(Locale.ROOT, "≥ %,.0f", g.limits().min()) : "no limits")
                    : String.format(Locale.ROOT, "%,.0f–%,.0f", g.limits().min(), g.limits().max());
            String bound = g.optimal() ? "(optimal)" : Double.isFinite(g.upperBound())
                    ? String.format(Locale.ROOT, "of at most %,.0f", Math.ceil(g.upperBound())) : "(no bound proven)";
            out.println(String.format(Locale.ROOT, "  %-44s %2d areas, residents %-15s aligned %,9.0f %s",
                    g.label(), g.areas().length, limits, g.aligned(), bound));
        }
    }
}
