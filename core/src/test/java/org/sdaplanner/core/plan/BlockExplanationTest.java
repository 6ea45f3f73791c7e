package org.sdaplanner.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdaplanner.core.plan.PlanFixtures.aff;
import static org.sdaplanner.core.plan.PlanFixtures.parish;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlockExplanationTest {

    /**
     * <pre>
     *   Ashby P (X 1000) | Brampton Q (Y 700, X 300) | Catworth R (Y 1000) | Denton S (Y 1000)
     *   area 0 = P, Q (main X: 1300 of 2000)           area 1 = R, S (main Y)
     * </pre>
     * Moving Q to area 1: X 1000 + Y 2700 = 3700 aligned instead of 1300 + 2000 = 3300, so +400 of
     * 4000 residents = +10 points.
     */
    @Test
    void namesTheBlockItsAreaAndMainPcnAndTheGainOfMovingIt() {
        PlanningProblem p = PlanFixtures.problem(
                parish("P", "Ashby", "D1", 0, 0, aff("X", 1000)),
                parish("Q", "Brampton", "D1", 1, 0, aff("X", 300, "Y", 700)),
                parish("R", "Catworth", "D1", 2, 0, aff("Y", 1000)),
                parish("S", "Denton", "D1", 3, 0, aff("Y", 1000)));
        int[] a = {0, 0, 1, 1};
        PlanState s = new PlanState(p, a, 2, null);
        List<String> ids = AreaNames.ids(2);
        List<String> names = AreaNames.names(p, a, 2);
        assertEquals(List.of("Ashby", "Catworth"), names);
        BlockExplanation e = BlockExplanation.of(s, ids, names, p.indexOf("Q"));
        assertEquals("Q", e.blockCode());
        assertEquals("Brampton", e.blockName());
        assertEquals("SDA01", e.areaId());
        assertEquals("Ashby", e.areaName());
        assertEquals("X", e.areaMainPcn());
        assertEquals(2, e.leanings().size());
        assertEquals("Y", e.leanings().get(0).pcnCode());
        assertEquals(0.7, e.leanings().get(0).share(), 1e-12);
        assertEquals("X", e.leanings().get(1).pcnCode());
        assertEquals(0.3, e.leanings().get(1).share(), 1e-12);
        assertEquals(1, e.alternatives().size());
        BlockExplanation.Option o = e.alternatives().get(0);
        assertEquals("SDA02", o.areaId());
        assertEquals("Catworth", o.areaName());
        assertEquals("Y", o.mainPcn());
        assertEquals(0.1, o.alignmentChange(), 1e-12);
        assertTrue(o.allowed());
        assertEquals("Brampton is in Ashby (SDA01). 70% of its residents are registered with Y, while its area's"
                + " main PCN is X; moving it to Catworth (main PCN Y) would raise plan alignment by 10.00 points.",
                e.text());

        // R sits well in area 1: moving it to area 0 (X 1300, Y 1700 → 1700; area 1 Y 1000) loses 600 = 15 points
        BlockExplanation r = BlockExplanation.of(s, ids, names, p.indexOf("R"));
        assertEquals("Catworth is in Catworth (SDA02). 100% of its residents are registered with Y, the main PCN"
                + " of its area; moving it to Ashby (main PCN X) would lower plan alignment by 15.00 points.", r.text());
        assertEquals(-0.15, r.alternatives().get(0).alignmentChange(), 1e-12);

        // P touches no other area: no alternatives
        BlockExplanation pe = BlockExplanation.of(s, ids, names, p.indexOf("P"));
        assertEquals(List.of(), pe.alternatives());
        assertEquals("Ashby is in Ashby (SDA01). 100% of its residents are registered with X, the main PCN of its area.",
                pe.text());
    }

    /**
     * A plus sign: area 0 = West W, Middle M, East E in a row; area 1 = North N above M.
     * M holds W and E together, so moving it to area 1 would cut area 0 in two.
     * Moving M: area 0 keeps X 2000 (W, E), area 1 becomes Y 1400, X 600 → 1400: 3400 aligned
     * instead of 2600 + 1000 = 3600, so −200 of 4000 = −5 points.
     */
    @Test
    void saysWhenAMoveWouldCutTheAreaInTwo() {
        PlanningProblem p = PlanFixtures.problem(
                parish("E", "Eastrea", "D1", 2, 0, aff("X", 1000)),
                parish("M", "Midton", "D1", 1, 0, aff("X", 600, "Y", 400)),
                parish("N", "Northborough", "D1", 1, 1, aff("Y", 1000)),
                parish("W", "Westley", "D1", 0, 0, aff("X", 1000)));
        int[] a = {0, 0, 1, 0};
        PlanState s = new PlanState(p, a, 2, null);
        List<String> names = AreaNames.names(p, a, 2);
        assertEquals(List.of("Eastrea", "Northborough"), names);
        BlockExplanation e = BlockExplanation.of(s, AreaNames.ids(2), names, p.indexOf("M"));
        assertFalse(e.alternatives().get(0).allowed());
        assertEquals(-0.05, e.alternatives().get(0).alignmentChange(), 1e-12);
        assertEquals("Midton is in Eastrea (SDA01). 60% of its residents are registered with X, the main PCN of its"
                + " area; moving it to Northborough (main PCN Y) would lower plan alignment by 5.00 points but would"
                + " cut Eastrea in two.", e.text());
    }

    @Test
    void aBlockWithNobodyRegisteredSitsWithTheAreaItJoinsUp() {
        PlanningProblem p = PlanFixtures.problem(
                parish("A", "Anglesey", "D1", 0, 0, aff("X", 1000)),
                parish("B", "Bottisham Fen", "D1", 1, 0, aff()),
                parish("C", "Chippenham", "D1", 2, 0, aff("Y", 1000)));
        int[] a = {0, 0, 1};
        PlanState s = new PlanState(p, a, 2, null);
        BlockExplanation e = BlockExplanation.of(s, AreaNames.ids(2), AreaNames.names(p, a, 2), 1);
        assertEquals(List.of(), e.leanings());
        assertEquals(0, e.alternatives().get(0).alignmentChange(), 0);
        assertTrue(e.text().startsWith("Bottisham Fen is in Anglesey (SDA01). It has no registered residents, so it"
                + " sits with the area it joins up; moving it to Chippenham (main PCN Y)"), e.text());
    }
}
