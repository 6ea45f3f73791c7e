package org.sdaplanner.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sdaplanner.core.plan.PlanFixtures;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;

/** The score change the clusterer predicts for one move against the score recomputed. */
class ObjectiveTest {

    @Test
    void deltaEqualsTheChangeInScore() {
        PlanningProblem p = PlanFixtures.problem(PlanFixtures.randomGrid(8, 8, 2, 4, 5L));
        int areas = 5;
        int n = p.blockCount();
        int[] start = new int[n];
        for (int b = 0; b < n; b++) {
            start[b] = b * areas / n;
        }
        for (double[] w : new double[][] {{1.0, 0.02}, {0.5, 3.0}, {0, 0}}) {
            ClusterOptions o = ClusterOptions.of(areas, 1).withWeights(w[0], w[1]);
            PlanState s = new PlanState(p, start, areas, null);
            Objective objective = new Objective(s, o);
            Random r = new Random(3);
            for (int step = 0; step < 200; step++) {
                int b = r.nextInt(n);
                int[] ns = p.neighbours(b);
                int to = s.areaOf(ns[r.nextInt(ns.length)]);
                if (to == s.areaOf(b) || s.blocksIn(s.areaOf(b)) == 1) {
                    continue;
                }
                double before = objective.of(s);
                double predicted = objective.delta(s, b, to);
                s.move(b, to);
                assertEquals(objective.of(s) - before, predicted, 1e-9, "weights " + w[0] + "/" + w[1] + ", step " + step);
            }
        }
    }

    /**
     * By hand: strip P (X 1000) | Q (X 300, Y 700) | R (Y 1000) | S (Y 1000), areas {P, Q} and
     * {R, S}: alignment 0.825, no deviation, both areas 2 × 1 km rectangles of compactness 2π/9.
     */
    @Test
    void scoreByHand() {
        PlanningProblem p = PlanFixtures.problem(
                PlanFixtures.parish("P", "P", "D1", 0, 0, PlanFixtures.aff("X", 1000)),
                PlanFixtures.parish("Q", "Q", "D1", 1, 0, PlanFixtures.aff("X", 300, "Y", 700)),
                PlanFixtures.parish("R", "R", "D1", 2, 0, PlanFixtures.aff("Y", 1000)),
                PlanFixtures.parish("S", "S", "D1", 3, 0, PlanFixtures.aff("Y", 1000)));
        PlanState s = new PlanState(p, new int[] {0, 0, 1, 1}, 2, null);
        ClusterOptions o = ClusterOptions.of(2, 1).withWeights(1, 0.5);
        Objective objective = new Objective(s, o);
        double comp = 1 - 2 * Math.PI / 9;
        assertEquals(0.825 - 0.5 * comp, objective.of(s), 1e-12);
        // Q to area 1: alignment 0.925; residents 1000 / 3000 vs mean 2000: deviations ±0.5, mean square 0.25;
        // compactness: a 1 km square π/4, a 3 × 1 km rectangle 4π·3e6/8000² = 3π/16
        double after = 0.925 - 0.25 - 0.5 * ((1 - Math.PI / 4) + (1 - 3 * Math.PI / 16)) / 2;
        assertEquals(after - objective.of(s), objective.delta(s, 1, 1), 1e-12);
    }
}
