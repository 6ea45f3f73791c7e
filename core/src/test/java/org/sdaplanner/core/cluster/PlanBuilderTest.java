package org.sdaplanner.core.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sdaplanner.core.plan.AreaMetrics;
import org.sdaplanner.core.plan.PlanFixtures;
import org.sdaplanner.core.plan.PlanningProblem;

/** The whole build on a random 10 × 10 grid: the reported figures agree with each other. */
class PlanBuilderTest {

    @Test
    void buildsAConsistentPlan() {
        PlanningProblem p = PlanFixtures.problem(PlanFixtures.randomGrid(10, 10, 3, 5, 123L));
        ClusterOptions o = ClusterOptions.of(8, 11).withEffort(0.2);
        BuiltPlan plan = PlanBuilder.build(p, o, 25);
        assertArrayEquals(new Clusterer().cluster(p, o).assignment(), plan.clustering().assignment());
        assertEquals(8, plan.summary().areas());
        assertEquals(8, plan.areas().size());
        assertEquals(8, plan.areaIds().size());
        assertEquals(8, plan.areaNames().size());
        assertEquals("SDA01", plan.areaIds().get(0));
        assertEquals(0, plan.summary().nonContiguousAreas());
        assertEquals(100, plan.summary().blocks());
        assertEquals(100, plan.summary().lsoas());
        assertEquals(0, plan.summary().lsoaMismatchResidents(), 1e-9, "one LSOA per block: no mismatch");
        assertEquals(plan.state().alignment(), plan.summary().alignment(), 1e-12);
        double residents = 0;
        int blocks = 0;
        for (AreaMetrics a : plan.areas()) {
            residents += a.residents();
            blocks += a.blocks();
            assertEquals(1, a.districtCodes().size(), "nested: " + a.id());
            assertTrue(a.contiguous(), a.id());
        }
        assertEquals(p.totalResidents(), residents, 1e-6);
        assertEquals(100, blocks);
        assertEquals(5, plan.pcns().size());
        assertEquals(25, plan.baselines().random().length);
        Certificate c = plan.certificate();
        assertEquals(plan.summary().alignment(), c.alignment(), 1e-12);
        assertTrue(c.upperBound() >= c.alignment() - 1e-12, "the bound " + c.upperBound() + " is an upper bound");
        assertEquals(c.upperBound() - c.alignment(), c.gap(), 1e-12);
        assertEquals(3, c.groups().size(), "one group per district");
        double aligned = 0;
        for (Clusterer.GroupResult g : c.groups()) {
            aligned += g.aligned();
            assertTrue(g.feasible(), g.label());
            for (int a : g.areas()) {
                AreaMetrics m = plan.areas().get(a);
                assertTrue(m.residents() >= g.limits().min() - 1e-6 && m.residents() <= g.limits().max() + 1e-6,
                        m.id() + " within " + g.limits());
            }
        }
        assertEquals(plan.summary().alignment(), aligned / p.totalResidents(), 1e-9);
        assertTrue(plan.summary().alignment() > plan.baselines().randomPercentile(1.0),
                "the clustered plan (" + plan.summary().alignment() + ") beats every random contiguous plan (best "
                        + plan.baselines().randomPercentile(1.0) + ")");
    }
}
