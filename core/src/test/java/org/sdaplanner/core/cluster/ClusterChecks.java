package org.sdaplanner.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;

/** Invariants every clustering result must keep. */
final class ClusterChecks {
    private ClusterChecks() {
    }

    /** The result's state (areas numbered 0 … areaCount−1). */
    static PlanState state(PlanningProblem p, Clusterer.Result r) {
        return new PlanState(p, r.assignment(), r.areaCount(), null);
    }

    /**
     * Every block in exactly one area of 0 … areaCount−1, no empty area, every area in one
     * piece, and under nesting every area inside the district {@code districtOf} gives it.
     */
    static PlanState assertValid(PlanningProblem p, ClusterOptions o, Clusterer.Result r) {
        assertEquals(p.blockCount(), r.assignment().length, "one area per block");
        assertEquals(r.areaCount(), r.districtOf().length);
        for (int b = 0; b < p.blockCount(); b++) {
            int a = r.assignment()[b];
            assertTrue(a >= 0 && a < r.areaCount(), "block " + p.block(b).code() + " in area " + a);
            if (o.districtNesting()) {
                assertEquals(r.districtOf()[a], p.district(b),
                        "block " + p.block(b).code() + " lies outside the district of its area " + a);
            }
        }
        PlanState s = state(p, r);
        for (int a = 0; a < r.areaCount(); a++) {
            assertTrue(s.blocksIn(a) > 0, "area " + a + " is empty");
            assertEquals(1, s.piecesOf(a), "area " + a + " is in " + s.piecesOf(a) + " pieces");
        }
        return s;
    }
}
