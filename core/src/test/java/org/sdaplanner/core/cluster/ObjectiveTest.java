package org.sdaplanner.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sdaplanner.core.plan.PlanFixtures;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;

/** The clusterer's score of a plan, by hand (the search's own running score is checked in GroupSearchTest). */
class ObjectiveTest {

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
        s.move(1, 1);
        double after = 0.925 - 0.25 - 0.5 * ((1 - Math.PI / 4) + (1 - 3 * Math.PI / 16)) / 2;
        assertEquals(after, objective.of(s), 1e-12);
    }
}
