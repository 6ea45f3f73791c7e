package org.sdaplanner.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdaplanner.core.plan.PlanFixtures.aff;
import static org.sdaplanner.core.plan.PlanFixtures.parish;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sdaplanner.core.blocks.BuildingBlock;
import org.sdaplanner.core.plan.PlanFixtures;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;

/**
 * Population limits asked for are met by the plan, or the build fails with a message naming the
 * district and why; fixtures built to be infeasible, and barely feasible (one plan meets them).
 */
class HardLimitsTest {

    /** A strip of parishes in district D1, residents as given, each leaning to the PCN named. */
    private static PlanningProblem strip(Object... codeResidentsPcn) {
        List<BuildingBlock> blocks = new ArrayList<>();
        for (int i = 0; i < codeResidentsPcn.length; i += 3) {
            String code = (String) codeResidentsPcn[i];
            blocks.add(parish(code, "Parish " + code, "D1", i / 3, 0,
                    aff((String) codeResidentsPcn[i + 2], ((Number) codeResidentsPcn[i + 1]).doubleValue())));
        }
        return PlanFixtures.problem(blocks);
    }

    private static InfeasiblePlanException fails(PlanningProblem p, ClusterOptions o) {
        return assertThrows(InfeasiblePlanException.class, () -> PlanBuilder.build(p, o, 0));
    }

    @Test
    void aBlockLargerThanTheMaximumIsNamed() {
        PlanningProblem p = strip("A", 1000, "X", "B", 1000, "X", "C", 5000, "Y", "D", 1000, "Y");
        InfeasiblePlanException e = fails(p, ClusterOptions.of(2, 1).withMaxDeviation(0.2));
        assertEquals("district D1: block C (Parish C) has 5,000 residents, more than an area may have"
                + " (3,200 to 4,800 residents: ±20.0% of the mean area's 4,000)", e.getMessage());
        InfeasiblePlanException m = fails(p, ClusterOptions.of(2, 1).withMaxDeviation(null).withBounds(0, 4500));
        assertTrue(m.getMessage().startsWith("district D1: block C (Parish C) has 5,000 residents"), m.getMessage());
    }

    @Test
    void tooFewResidentsForTheAreasIsNamed() {
        PlanningProblem p = strip("A", 1000, "X", "B", 1000, "X", "C", 1000, "Y");
        InfeasiblePlanException e = fails(p, ClusterOptions.of(2, 1).withMaxDeviation(null).withBounds(1600, 0));
        assertEquals("district D1: its 3,000 residents are fewer than 2 areas × 1,600 (at least 1,600 residents)",
                e.getMessage());
    }

    /**
     * Three blocks of 1,000 into two areas of 1,167–2,167: no grouping meets that, though the
     * totals would allow it (3,000 within 2 × 1,167 … 2 × 2,167). Every cut is tried, and the
     * message says none meets the limits and how far the best cut deviates (A | B C: ±33.3 %).
     */
    @Test
    void limitsNoCutMeetsAreProvenImpossible() {
        PlanningProblem p = strip("A", 1000, "X", "B", 1000, "X", "C", 1000, "Y");
        InfeasiblePlanException e = fails(p, ClusterOptions.of(2, 1).withMaxDeviation(null).withBounds(1167, 2167));
        assertEquals("district D1: no plan can have 2 areas of 1,167 to 2,167 residents: -22.2% to +44.5% of the mean"
                + " area's 1,500: none of the ways to cut its 3 blocks into 2 contiguous areas meets them (the smallest"
                + " largest deviation they allow is 33.3%)", e.getMessage());
    }

    /**
     * A (1,000) | B (1,000) | C (100) | D (100), two areas of 1,050–1,150: only {A, C} + {B, D}
     * meets the limits, and it is not contiguous. The build fails; the best contiguous cut is
     * A | B C D, 9.1 % from the mean.
     */
    @Test
    void limitsOnlyABrokenPlanMeetsFailClearly() {
        PlanningProblem p = strip("A", 1000, "X", "B", 1000, "X", "C", 100, "Y", "D", 100, "Y");
        InfeasiblePlanException e = fails(p, ClusterOptions.of(2, 1).withMaxDeviation(null).withBounds(1050, 1150));
        assertTrue(e.getMessage().startsWith("district D1: no plan can have 2 areas of 1,050 to 1,150 residents"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("(the smallest largest deviation they allow is 9.1%)"), e.getMessage());
    }

    /** Six blocks of 1,000 into three areas of exactly the mean (deviation 0): one plan meets it, and it is found. */
    @Test
    void barelyFeasibleLimitsAreMet() {
        PlanningProblem p = strip("A", 1000, "X", "B", 1000, "Y", "C", 1000, "Y", "D", 1000, "X", "E", 1000, "X",
                "F", 1000, "Y");
        for (ClusterOptions o : List.of(ClusterOptions.of(3, 1).withMaxDeviation(0.0),
                ClusterOptions.of(3, 2).withMaxDeviation(null).withBounds(2000, 2000))) {
            BuiltPlan plan = PlanBuilder.build(p, o, 0);
            PlanState s = plan.state();
            for (int a = 0; a < 3; a++) {
                assertEquals(2000, s.residents(a), 1e-9);
                assertEquals(1, s.piecesOf(a));
            }
            assertEquals(0, plan.summary().maxDeviation(), 1e-12);
            assertEquals(3000.0 / 6000, plan.summary().alignment(), 1e-12, "{A,B} {C,D} {E,F}: 1000 + 1000 + 1000");
            assertTrue(plan.certificate().optimal(), "the only plan is the best");
        }
    }

    /**
     * The case: bounds the seed plan breaks (alignment alone would give areas of 1,000
     * and 5,000) are still met at the end, not only kept by moves from a plan that met them.
     */
    @Test
    void boundsTheSeedPlanBreaksAreMet() {
        PlanningProblem p = strip("A", 1000, "X", "B", 1000, "Y", "C", 1000, "Y", "D", 1000, "Y", "E", 1000, "Y",
                "F", 1000, "Y");
        ClusterOptions free = ClusterOptions.of(2, 1).withMaxDeviation(null);
        BuiltPlan loose = PlanBuilder.build(p, free, 0);
        assertEquals(1000, Math.min(loose.state().residents(0), loose.state().residents(1)), 1e-9,
                "without limits the X parish is an area of its own");
        BuiltPlan bounded = PlanBuilder.build(p, free.withBounds(2500, 3500), 0);
        for (int a = 0; a < 2; a++) {
            double r = bounded.state().residents(a);
            assertTrue(r >= 2500 && r <= 3500, "area " + a + " has " + r);
        }
    }

    /**
     * The default bound is widened, with a warning, where one block alone is larger; an
     * asked-for bound is not. Mean 2,125 (8,500 residents, 4 areas): ±30 % allows at most 2,763,
     * below D's 3,000; widening the upper side in steps of 5 points reaches +45 % (3,081).
     */
    @Test
    void theDefaultBoundWidensForALargeBlockAndSaysSo() {
        PlanningProblem p = strip("A", 1000, "X", "B", 1000, "X", "C", 1500, "X", "D", 3000, "Y", "E", 1000, "Y",
                "F", 1000, "Y");
        BuiltPlan plan = PlanBuilder.build(p, ClusterOptions.of(4, 1), 0);
        assertTrue(plan.clustering().warnings().stream().anyMatch(w -> w.startsWith("district D1: the default limits were"
                + " widened to 1,488 to 3,081 residents") && w.contains("block D (Parish D) has 3,000 residents")),
                plan.clustering().warnings().toString());
        assertEquals(2125 * 1.45, plan.certificate().groups().get(0).limits().max(), 1e-6);
        assertEquals(2125 * 0.7, plan.certificate().groups().get(0).limits().min(), 1e-6, "the lower limit stays at −30 %");
        assertTrue(plan.certificate().groups().get(0).feasible());
        fails(p, ClusterOptions.of(4, 1).withMaxDeviation(0.3));
    }
}
