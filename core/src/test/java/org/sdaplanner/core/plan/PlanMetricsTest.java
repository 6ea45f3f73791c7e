package org.sdaplanner.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdaplanner.core.plan.PlanFixtures.aff;
import static org.sdaplanner.core.plan.PlanFixtures.parish;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Figures of a plan on a strip, all by hand:
 * <pre>
 *   Ashby P (X 1000) | Brampton Q (Y 700, X 300) | Catworth R (Y 1000) | Denton S (Y 1000)
 *   SDA01 = P, Q                                   SDA02 = R, S
 * </pre>
 * Each area is a 2 km × 1 km rectangle: compactness 4π·2e6 / 6000² = 2π/9.
 */
class PlanMetricsTest {

    private static final double EPS = 1e-12;

    @Test
    void areaPcnAndPlanFiguresByHand() {
        PlanningProblem p = PlanFixtures.problem(
                parish("P", "Ashby", "D1", 0, 0, aff("X", 1000)),
                parish("Q", "Brampton", "D1", 1, 0, aff("X", 300, "Y", 700)),
                parish("R", "Catworth", "D1", 2, 0, aff("Y", 1000)),
                parish("S", "Denton", "D1", 3, 0, aff("Y", 1000)));
        int[] a = {0, 0, 1, 1};
        PlanState s = new PlanState(p, a, 2, null);
        List<String> ids = AreaNames.ids(2);
        List<String> names = AreaNames.names(p, a, 2);
        List<AreaMetrics> areas = PlanMetrics.areas(s, ids, names);

        AreaMetrics a1 = areas.get(0);
        assertEquals("SDA01", a1.id());
        assertEquals("Ashby", a1.name());
        assertEquals(List.of("D1"), a1.districtCodes());
        assertEquals(2, a1.blocks());
        assertEquals(2, a1.parishes());
        assertEquals(2000, a1.residents(), EPS);
        assertEquals(2400, a1.registered(), 1e-9);
        assertEquals(0, a1.deviation(), EPS);
        assertEquals("X", a1.mainPcn());
        assertEquals(List.of("X", "Y"), List.copyOf(a1.pcnMix().keySet()), "largest share first");
        assertEquals(0.65, a1.pcnMix().get("X"), EPS);
        assertEquals(0.35, a1.pcnMix().get("Y"), EPS);
        assertEquals(0.65, a1.alignment(), EPS);
        assertEquals(2 * Math.PI / 9, a1.compactness(), EPS);
        assertEquals(1, a1.pieces());
        assertTrue(a1.contiguous());

        AreaMetrics a2 = areas.get(1);
        assertEquals("Catworth", a2.name());
        assertEquals("Y", a2.mainPcn());
        assertEquals(Map.of("Y", 1.0), a2.pcnMix());
        assertEquals(1.0, a2.alignment(), EPS);

        // PCN X: 1300 patients, all in SDA01. PCN Y: 2700, of which 2000 in SDA02 and 700 (26%) in SDA01.
        List<PcnMetrics> pcns = PlanMetrics.pcns(s, ids);
        assertEquals(new PcnMetrics("X", 1300, "SDA01", 1.0, 1), pcns.get(0));
        PcnMetrics y = pcns.get(1);
        assertEquals("Y", y.pcnCode());
        assertEquals(2700, y.patients(), EPS);
        assertEquals("SDA02", y.bestArea());
        assertEquals(2000.0 / 2700, y.coterminosity(), EPS);
        assertEquals(2, y.areasSpanned());

        PlanSummary sum = PlanMetrics.summary(s, areas, LsoaBestFit.of(s));
        assertEquals(2, sum.areas());
        assertEquals(3300.0 / 4000, sum.alignment(), EPS);
        assertEquals("SDA01", sum.worstArea());
        assertEquals(0.65, sum.worstAlignment(), EPS);
        assertEquals(0, sum.maxDeviation(), EPS);
        assertEquals(2000, sum.meanResidents(), EPS);
        assertEquals(2 * Math.PI / 9, sum.meanCompactness(), EPS);
        assertEquals(0, sum.nonContiguousAreas());
        assertEquals(4, sum.blocks());
        assertEquals(4, sum.parishes());
        assertEquals(4, sum.lsoas());
        assertEquals(0, sum.lsoaMismatchResidents(), EPS);

        // Q moves over: SDA01 = P (1000, deviation −0.5), SDA02 = Q, R, S (3000, +0.5)
        s.move(p.indexOf("Q"), 1);
        List<AreaMetrics> after = PlanMetrics.areas(s, ids, names);
        assertEquals(-0.5, after.get(0).deviation(), EPS);
        assertEquals(0.5, after.get(1).deviation(), EPS);
        assertEquals(0.5, PlanMetrics.summary(s, after, LsoaBestFit.of(s)).maxDeviation(), EPS);
        assertEquals(new PcnMetrics("Y", 2700, "SDA02", 1.0, 1), PlanMetrics.pcns(s, ids).get(1));
    }
}
