package org.sdaplanner.bench;

import org.sdaplanner.core.blocks.BlockAnalysis;
import org.sdaplanner.core.blocks.Bridge;
import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.cluster.ClusterOptions;
import org.sdaplanner.core.cluster.PlanBuilder;
import org.sdaplanner.core.dominance.DominanceEngine;
import org.sdaplanner.core.dominance.DominanceInput;
import org.sdaplanner.core.dominance.DominanceResult;
import org.sdaplanner.core.dominance.DominanceRule;
import org.sdaplanner.core.geography.Geography;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.store.GeographyReader;
import org.sdaplanner.store.SpatialStore;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The C&P build (after import: dominance, blocks, clustering and metrics) timed several times,
 * and the re-score of one move (contiguity check, alignment change, the move with its running
 * totals, the two areas' new figures) over many random legal moves, with percentiles.
 * Usage: {@code PlanBench STORE_URL [AREAS] [RUNS] [MOVES]}.
 */
public final class PlanBench {
    public static void main(String[] args) {
        String url = args[0];
        int areas = args.length > 1 ? Integer.parseInt(args[1]) : 28;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int moves = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
        GeographyReader reader = new GeographyReader(SpatialStore.open(url));
        Geography g = reader.read();
        List<Bridge> bridges = reader.bridges().stream().map(b -> new Bridge(b.get(0), b.get(1))).toList();
        BuiltPlan plan = null;
        for (int run = 1; run <= runs; run++) {
            long t0 = System.nanoTime();
            DominanceResult d = new DominanceEngine().compute(DominanceInput.of(g), DominanceRule.PLURALITY);
            BlockAnalysis blocks = BlockAnalysis.of(g, d, bridges);
            long t1 = System.nanoTime();
            plan = PlanBuilder.build(PlanningProblem.of(blocks, d), ClusterOptions.of(areas, 1), PlanBuilder.RANDOM_PLANS);
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "build run %d: %.2f s (dominance and blocks %.2f s, clustering, metrics and baselines %.2f s), alignment %.4f%n",
                    run, (t2 - t0) / 1e9, (t1 - t0) / 1e9, (t2 - t1) / 1e9, plan.summary().alignment());
        }
        PlanState s = plan.state();
        PlanningProblem p = s.problem();
        Random random = new Random(1);
        long[] times = new long[moves];
        int done = 0;
        double sink = 0;
        while (done < moves) {
            int b = random.nextInt(p.blockCount());
            int[] ns = p.neighbours(b);
            if (ns.length == 0) {
                continue;
            }
            int to = s.areaOf(ns[random.nextInt(ns.length)]);
            int from = s.areaOf(b);
            if (to == from) {
                continue;
            }
            long t0 = System.nanoTime();
            boolean ok = s.removable(b);
            double delta = s.alignedDelta(b, to);
            if (ok) {
                s.move(b, to);
                sink += s.alignment() + s.compactness(from) + s.compactness(to) + s.residents(from) + s.residents(to) + delta;
            }
            times[done++] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "move re-score over %,d random moves: p50 %.3f ms, p95 %.3f ms, p99 %.3f ms, max %.3f ms (%.0f)%n",
                moves, times[moves / 2] / 1e6, times[(int) (moves * 0.95)] / 1e6, times[(int) (moves * 0.99)] / 1e6,
                times[moves - 1] / 1e6, sink * 0);
    }
}
