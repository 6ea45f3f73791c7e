package org.sdaplanner.bench;

import org.sdaplanner.core.blocks.BlockAnalysis;
import org.sdaplanner.core.blocks.Bridge;
import org.sdaplanner.core.cluster.AreaCounts;
import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.cluster.ClusterOptions;
import org.sdaplanner.core.cluster.InfeasiblePlanException;
import org.sdaplanner.core.cluster.PlanBuilder;
import org.sdaplanner.core.dominance.DominanceEngine;
import org.sdaplanner.core.dominance.DominanceInput;
import org.sdaplanner.core.dominance.DominanceResult;
import org.sdaplanner.core.dominance.DominanceRule;
import org.sdaplanner.core.geography.Geography;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.store.GeographyReader;
import org.sdaplanner.store.SpatialStore;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * Issue 12's table: C&P, 28 areas in all (7/4/3/3/6/5), the best alignment at each bound on the
 * deviation, with the proven upper bound, for several seeds and search efforts; clustering
 * time and CPU per plan (after a first, untimed warm-up plan). Usage:
 * {@code ClusterBench STORE_URL [SEEDS=1,2,3] [EFFORTS=1] [DEVIATIONS=0.272,0.20,0.15,none] [AREAS=28]}.
 */
public final class ClusterBench {
    public static void main(String[] args) {
        String url = args[0];
        List<String> seeds = List.of((args.length > 1 ? args[1] : "1,2,3").split(","));
        List<String> efforts = List.of((args.length > 2 ? args[2] : "1").split(","));
        List<String> deviations = List.of((args.length > 3 ? args[3] : "0.272,0.20,0.15,none").split(","));
        int areas = args.length > 4 ? Integer.parseInt(args[4]) : 28;
        GeographyReader reader = new GeographyReader(SpatialStore.open(url));
        Geography g = reader.read();
        List<Bridge> bridges = reader.bridges().stream().map(b -> new Bridge(b.get(0), b.get(1))).toList();
        DominanceResult d = new DominanceEngine().compute(DominanceInput.of(g), DominanceRule.PLURALITY);
        PlanningProblem p = PlanningProblem.of(BlockAnalysis.of(g, d, bridges), d);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        PlanBuilder.build(p, ClusterOptions.of(AreaCounts.inAll(areas), 99).withEffort(0.2), 0); // warm-up
        System.out.println("| max deviation | effort | seed | alignment | upper bound | gap | largest deviation | groups optimal | clustering s (CPU s) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (String dev : deviations) {
            for (String effort : efforts) {
                for (String seed : seeds) {
                    ClusterOptions o = ClusterOptions.of(AreaCounts.inAll(areas), Long.parseLong(seed))
                            .withMaxDeviation(dev.equals("none") ? null : Double.valueOf(dev))
                            .withEffort(Double.parseDouble(effort));
                    long c0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    try {
                        BuiltPlan plan = PlanBuilder.build(p, o, 0);
                        long t1 = System.nanoTime();
                        var c = plan.certificate();
                        long optimal = c.groups().stream().filter(x -> x.optimal()).count();
                        System.out.printf(Locale.ROOT, "| %s | %s | %s | %.2f%% | %.2f%% | %.2f | %.1f%% | %d of %d | %.1f (%.1f) |%n",
                                dev.equals("none") ? "none" : String.format(Locale.ROOT, "±%.1f%%", 100 * Double.parseDouble(dev)),
                                effort, seed, 100 * plan.summary().alignment(), 100 * c.upperBound(), 100 * c.gap(),
                                100 * plan.summary().maxDeviation(), optimal, c.groups().size(), (t1 - t0) / 1e9,
                                (os.getProcessCpuTime() - c0) / 1e9);
                    } catch (InfeasiblePlanException e) {
                        System.out.printf(Locale.ROOT, "| %s | %s | %s | no plan: %s |%n", dev, effort, seed, e.getMessage());
                    }
                }
            }
        }
    }
}
