package org.sdaplanner.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sdaplanner.core.plan.PlanFixtures;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;

/** The search's running score, and what its moves keep. */
class GroupSearchTest {

    private static PlanningProblem grid() {
        return PlanFixtures.problem(PlanFixtures.randomGrid(8, 8, 1, 4, 5L));
    }

    private static int[] stripes(int n, int k) {
        int[] start = new int[n];
        for (int b = 0; b < n; b++) {
            start[b] = b * k / n; // blocks are in column order: k vertical stripes, each contiguous
        }
        return start;
    }

    /** The change a single move is predicted to make equals the change in the recomputed score. */
    @Test
    void moveDeltaEqualsTheChangeInScore() {
        PlanningProblem p = grid();
        GroupGraph g = new GroupGraph(p, java.util.stream.IntStream.range(0, p.blockCount()).toArray());
        int k = 5;
        double mean = p.totalResidents() / k;
        PopulationLimits limits = PopulationLimits.of(mean, 0.2, 0, 0);
        for (double[] w : new double[][] {{1.0, 0.02}, {0.5, 3.0}, {0, 0}}) {
            GroupSearch s = new GroupSearch(g, k, stripes(g.n, k), limits, mean, w, new boolean[g.n], 1);
            Random r = new Random(3);
            for (int step = 0; step < 300; step++) {
                int b = r.nextInt(g.n);
                int to = s.areaOf(g.neighbours[b][r.nextInt(g.neighbours[b].length)]);
                if (to == s.areaOf(b)) {
                    continue;
                }
                double before = s.score();
                double predicted = s.moveDelta(b, to);
                s.apply(b, to);
                GroupSearch fresh = new GroupSearch(g, k, current(s, g.n), limits, mean, w, new boolean[g.n], 1);
                assertEquals(fresh.score() - before, predicted, 1e-6, "weights " + w[0] + "/" + w[1] + ", step " + step);
                assertEquals(fresh.score(), s.score(), 1e-6, "running totals, step " + step);
            }
        }
    }

    private static int[] current(GroupSearch s, int n) {
        int[] a = new int[n];
        for (int b = 0; b < n; b++) {
            a[b] = s.areaOf(b);
        }
        return a;
    }

    /** Annealing with both kinds of move keeps every area contiguous and non-empty, and locked blocks where they are. */
    @Test
    void annealingKeepsAreasWholeAndLocksInPlace() {
        PlanningProblem p = grid();
        GroupGraph g = new GroupGraph(p, java.util.stream.IntStream.range(0, p.blockCount()).toArray());
        int k = 4;
        double mean = p.totalResidents() / k;
        boolean[] locked = new boolean[g.n];
        int[] start = stripes(g.n, k);
        locked[0] = true;
        locked[g.n - 1] = true;
        GroupSearch s = new GroupSearch(g, k, start, PopulationLimits.of(mean, 0.25, 0, 0), mean, new double[] {0, 0.02},
                locked, 7);
        s.anneal(20_000, 0.02 * mean, 0.00002 * mean, 0.5, 4);
        int[] plan = current(s, g.n);
        PlanState state = new PlanState(p, plan, k, null);
        for (int a = 0; a < k; a++) {
            assertTrue(state.blocksIn(a) > 0, "area " + a + " empty");
            assertEquals(1, state.piecesOf(a), "area " + a + " in pieces");
        }
        assertEquals(start[0], plan[0], "locked block moved");
        assertEquals(start[g.n - 1], plan[g.n - 1], "locked block moved");
        int[] best = s.best();
        assertNotNull(best, "a plan within ±25 % was found");
        GroupSearch check = new GroupSearch(g, k, best, PopulationLimits.of(mean, 0.25, 0, 0), mean,
                new double[] {0, 0.02}, locked, 7);
        assertEquals(s.bestValue(), check.bestValue(), 1e-6, "the best plan's value is its score");
    }
}
