package org.sdaplanner.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdaplanner.core.plan.PlanFixtures.aff;
import static org.sdaplanner.core.plan.PlanFixtures.parish;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sdaplanner.core.blocks.BuildingBlock;
import org.sdaplanner.core.plan.PlanFixtures;
import org.sdaplanner.core.plan.PlanningProblem;

/**
 * The bound against the truth: on instances small enough to try every partition of the blocks
 * into contiguous areas within the limits, the bound is never below the best of them, the
 * clusterer never above it, and a group reported optimal reaches it.
 */
class AlignmentBoundTest {

    /** The best aligned residents over all partitions into k contiguous, non-empty areas within the limits; −∞ if none. */
    static double exhaustive(GroupGraph g, int k, PopulationLimits limits) {
        int[] area = new int[g.n];
        return enumerate(g, k, limits, area, 0, 0);
    }

    /** Restricted growth strings: block b takes an area already used or the next new one, so each partition comes once. */
    private static double enumerate(GroupGraph g, int k, PopulationLimits limits, int[] area, int b, int used) {
        if (b == g.n) {
            return used == k ? value(g, k, limits, area) : Double.NEGATIVE_INFINITY;
        }
        if (k - used > g.n - b) {
            return Double.NEGATIVE_INFINITY;
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int a = 0; a <= Math.min(used, k - 1); a++) {
            area[b] = a;
            best = Math.max(best, enumerate(g, k, limits, area, b + 1, Math.max(used, a + 1)));
        }
        return best;
    }

    private static double value(GroupGraph g, int k, PopulationLimits limits, int[] area) {
        double[] residents = new double[k];
        for (int b = 0; b < g.n; b++) {
            residents[area[b]] += g.residents[b];
        }
        for (int a = 0; a < k; a++) {
            if (limits.violation(residents[a]) > 0 || !contiguous(g, area, a)) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        return Clusterer.aligned(g, area, k);
    }

    private static boolean contiguous(GroupGraph g, int[] area, int a) {
        int start = -1;
        int size = 0;
        for (int b = 0; b < g.n; b++) {
            if (area[b] == a) {
                size++;
                start = start < 0 ? b : start;
            }
        }
        boolean[] seen = new boolean[g.n];
        java.util.ArrayDeque<Integer> q = new java.util.ArrayDeque<>();
        q.add(start);
        seen[start] = true;
        int reached = 0;
        while (!q.isEmpty()) {
            int x = q.poll();
            reached++;
            for (int y : g.neighbours[x]) {
                if (!seen[y] && area[y] == a) {
                    seen[y] = true;
                    q.add(y);
                }
            }
        }
        return reached == size;
    }

    /** A w × h grid of random parishes in one district, each leaning to one to three of {@code pcns} PCNs. */
    private static PlanningProblem grid(int w, int h, int pcns, long seed) {
        Random r = new Random(seed);
        List<BuildingBlock> blocks = new ArrayList<>();
        for (int c = 0; c < w; c++) {
            for (int row = 0; row < h; row++) {
                java.util.SortedMap<String, Double> a = new java.util.TreeMap<>();
                int parts = 1 + r.nextInt(3);
                for (int i = 0; i < parts; i++) {
                    a.merge("P" + (1 + r.nextInt(pcns)), 100.0 + r.nextInt(900), Double::sum);
                }
                blocks.add(parish(String.format("B%d%d", c, row), "Parish " + c + row, "D1", c, row, a));
            }
        }
        return PlanFixtures.problem(blocks);
    }

    private static void check(PlanningProblem p, int k, Double deviation, String what) {
        ClusterOptions o = ClusterOptions.of(k, 1).withMaxDeviation(deviation).withEffort(0.2);
        GroupGraph g = new GroupGraph(p, java.util.stream.IntStream.range(0, p.blockCount()).toArray());
        double mean = p.totalResidents() / k;
        PopulationLimits limits = PopulationLimits.of(mean, deviation, 0, 0);
        double best = exhaustive(g, k, limits);
        if (best == Double.NEGATIVE_INFINITY) {
            return; // no plan within the limits: nothing to bound
        }
        AlignmentBound.Result bound = AlignmentBound.of(g, k, limits, null, 1, 0.3);
        assertTrue(bound.upper() >= best - 1e-6, what + ": bound " + bound.upper() + " below the optimum " + best);
        assertTrue(bound.upper() <= AlignmentBound.trivial(g) + 1e-6, what + ": no looser than the trivial bound");
        if (bound.optimal()) {
            assertEquals(best, Clusterer.aligned(g, bound.plan(), k), AlignmentBound.rounding(g.n), what + ": the plan the bound reaches is the optimum");
        }
        Clusterer.Result r;
        try {
            r = new Clusterer().cluster(p, o);
        } catch (InfeasiblePlanException e) {
            throw new AssertionError(what + ": a plan within the limits exists (" + best + ") but the clusterer says " + e.getMessage());
        }
        Clusterer.GroupResult gr = r.groups().get(0);
        assertTrue(gr.aligned() <= best + 1e-6, what + ": the plan " + gr.aligned() + " above the optimum " + best);
        assertTrue(gr.upperBound() >= best - 1e-6, what + ": the reported bound " + gr.upperBound() + " below the optimum " + best);
        if (gr.optimal()) {
            assertEquals(best, gr.aligned(), AlignmentBound.rounding(g.n), what + ": reported optimal");
        }
    }

    @Test
    void theBoundIsNeverBelowTheOptimumOfSmallGrids() {
        int checked = 0;
        for (long seed = 1; seed <= 8; seed++) {
            PlanningProblem p = grid(4, 3, 4, seed);
            for (Double dev : new Double[] {null, 0.5, 0.25, 0.1}) {
                for (int k = 2; k <= 3; k++) {
                    check(p, k, dev, "grid seed " + seed + ", " + k + " areas, deviation " + dev);
                    checked++;
                }
            }
        }
        assertEquals(64, checked);
    }

    /**
     * The strip of {@code ClustererConstraintsTest}: {A, E} + {B, C, D} would align 0.90 but is
     * not contiguous; the best contiguous plan aligns 0.74 (1 | 4). The bound must not be fooled
     * either way: at least 3700, and the contiguity cuts bring it below the 4500 of the broken plan.
     */
    @Test
    void contiguityCutsTightenTheBoundOnTheTemptingStrip() {
        PlanningProblem p = PlanFixtures.problem(
                parish("A", "Abbotsley", "D1", 0, 0, aff("X", 900, "Y", 100)),
                parish("B", "Barton", "D1", 1, 0, aff("X", 100, "Y", 900)),
                parish("C", "Caxton", "D1", 2, 0, aff("X", 100, "Y", 900)),
                parish("D", "Dry Drayton", "D1", 3, 0, aff("X", 100, "Y", 900)),
                parish("E", "Eltisley", "D1", 4, 0, aff("X", 900, "Y", 100)));
        GroupGraph g = new GroupGraph(p, new int[] {0, 1, 2, 3, 4});
        AlignmentBound.Result b = AlignmentBound.of(g, 2, PopulationLimits.NONE, null, 1, 1.0);
        assertTrue(b.upper() >= 3700 - 1e-6, "bound " + b.upper());
        assertTrue(b.upper() < 4500, "bound " + b.upper() + ": the one label per piece cut rules out {A, E}");
        assertEquals(3700, exhaustive(g, 2, PopulationLimits.NONE), 1e-9);
        // with limits 1750–3250 only the 2 | 3 cuts remain: 2900
        PopulationLimits l = new PopulationLimits(1750, 3250, 0.3);
        AlignmentBound.Result bl = AlignmentBound.of(g, 2, l, null, 1, 1.0);
        assertEquals(2900, exhaustive(g, 2, l), 1e-9);
        assertTrue(bl.upper() >= 2900 - 1e-6, "bound " + bl.upper());
    }
}
