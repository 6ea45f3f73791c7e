package org.sdaplanner.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sdaplanner.core.plan.PlanFixtures.aff;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sdaplanner.core.blocks.BlockKind;
import org.sdaplanner.core.blocks.BlockPiece;

/**
 * LSOA best fit on three blocks in a row:
 * <pre>
 *   P1 (area 0)              | P2 (area 1)                       | P3 (area 1)
 *   70% of L1: 700 residents | 30% of L1: 300 residents + all L2 | L3: no residents (a park),
 *                            |   (1000 residents)                |   40% of its land here, 60% in P4
 *                                                                 | P4 (area 0, below P3)
 * </pre>
 */
class LsoaBestFitTest {

    private static PlanningProblem problem() {
        return PlanFixtures.problem(
                PlanFixtures.block("P1", "One", BlockKind.PARISH, "D1", 0, 0, 700, aff("X", 700),
                        List.of(new BlockPiece("L1", 0.7, 700, 840))),
                PlanFixtures.block("P2", "Two", BlockKind.PARISH, "D1", 1, 0, 1300, aff("Y", 1300),
                        List.of(new BlockPiece("L1", 0.3, 300, 360), new BlockPiece("L2", 1.0, 1000, 1200))),
                PlanFixtures.block("P3", "Three", BlockKind.PARISH, "D1", 2, 0, 0, aff(),
                        List.of(new BlockPiece("L3", 0.4, 0, 0))),
                PlanFixtures.block("P4", "Four", BlockKind.PARISH, "D1", 2, 1, 0, aff(),
                        List.of(new BlockPiece("L3", 0.6, 0, 0))));
    }

    @Test
    void splitLsoaGoesToTheAreaHoldingMostOfItsResidents() {
        PlanningProblem p = problem();
        PlanState s = new PlanState(p, new int[] {0, 1, 1, 0}, 2, null);
        LsoaBestFit fit = LsoaBestFit.of(s);
        assertEquals(3, fit.lsoas().size());
        LsoaBestFit.Fit l1 = fit.lsoas().get(0);
        assertEquals("L1", l1.lsoaCode());
        assertEquals(0, l1.area(), "70% of L1 lives in P1, area 0");
        assertEquals(0.7, l1.shareInArea(), 1e-12);
        assertEquals(1000, l1.residents(), 1e-9);
        assertEquals(new LsoaBestFit.Fit("L2", 1, 1.0, 1000), fit.lsoas().get(1));
        // L3 has no residents: by land share, 60% in P4 (area 0)
        LsoaBestFit.Fit l3 = fit.lsoas().get(2);
        assertEquals("L3", l3.lsoaCode());
        assertEquals(0, l3.area());
        assertEquals(0.6, l3.shareInArea(), 1e-12);
        assertEquals(0, l3.residents(), 0);
        // the 300 residents of L1 in P2 are counted in area 1 by block, in area 0 by LSOA
        assertEquals(300, fit.mismatchResidents(), 1e-9);
        assertEquals(0.3 * l1.residents(), fit.mismatchResidents(), 1e-9);
    }

    @Test
    void noMismatchWhenTheSplitLsoaLiesInOneArea() {
        PlanningProblem p = problem();
        LsoaBestFit fit = LsoaBestFit.of(new PlanState(p, new int[] {0, 0, 1, 1}, 2, null));
        assertEquals(0, fit.mismatchResidents(), 1e-9);
        assertEquals(new LsoaBestFit.Fit("L1", 0, 1.0, 1000), fit.lsoas().get(0));
        assertEquals(new LsoaBestFit.Fit("L3", 1, 1.0, 0), fit.lsoas().get(2));
    }
}
