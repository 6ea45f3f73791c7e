package org.sdaplanner.core.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sdaplanner.core.blocks.BuildingBlock;
import org.sdaplanner.core.plan.PlanFixtures;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;

/**
 * Repeatability and the invariants of whole runs on a random 10 × 10 grid (3 districts in
 * vertical bands of 4, 3 and 3 columns, 5 PCNs), 9 areas. At a tenth of the default search
 * effort: these are properties of every run, not of a long one.
 */
class ClustererDeterminismTest {

    private static final int AREAS = 9;
    private static final double EFFORT = 0.1;

    private static ClusterOptions options(long seed) {
        return ClusterOptions.of(AREAS, seed).withEffort(EFFORT);
    }

    private static List<BuildingBlock> blocks() {
        return PlanFixtures.randomGrid(10, 10, 3, 5, 99L);
    }

    @Test
    void theSameProblemOptionsAndSeedGiveTheSamePlan() {
        ClusterOptions o = options(42);
        Clusterer.Result first = new Clusterer().cluster(PlanFixtures.problem(blocks()), o);
        Clusterer.Result second = new Clusterer().cluster(PlanFixtures.problem(blocks()), o);
        assertArrayEquals(first.assignment(), second.assignment());
        assertArrayEquals(first.districtOf(), second.districtOf());
        assertEquals(first.areaCount(), second.areaCount());
        assertEquals(first.moves(), second.moves());
        assertEquals(first.passes(), second.passes());
        assertEquals(first.warnings(), second.warnings());
        // and a third time on the same problem object and clusterer
        PlanningProblem p = PlanFixtures.problem(blocks());
        Clusterer c = new Clusterer();
        assertArrayEquals(c.cluster(p, o).assignment(), c.cluster(p, o).assignment());
    }

    @Test
    void everySeedGivesAValidPlanWithTheQuotaOfEachDistrict() {
        PlanningProblem p = PlanFixtures.problem(blocks());
        int[] quota = DistrictQuota.allocate(p, ClusterOptions.of(AREAS, 1));
        assertEquals(AREAS, quota[0] + quota[1] + quota[2]);
        for (long seed = 1; seed <= 4; seed++) {
            ClusterOptions o = options(seed);
            Clusterer.Result r = new Clusterer().cluster(p, o);
            ClusterChecks.assertValid(p, o, r);
            assertEquals(AREAS, r.areaCount());
            assertEquals(List.of(), r.warnings());
            int[] perDistrict = new int[3];
            for (int d : r.districtOf()) {
                perDistrict[d]++;
            }
            assertArrayEquals(quota, perDistrict);
        }
    }

    @Test
    void withoutNestingThePlanIsStillContiguousAndComplete() {
        PlanningProblem p = PlanFixtures.problem(blocks());
        ClusterOptions o = options(5).withDistrictNesting(false);
        Clusterer.Result r = new Clusterer().cluster(p, o);
        ClusterChecks.assertValid(p, o, r);
        assertEquals(AREAS, r.areaCount());
    }

    /**
     * The search keeps the best plan seen: the score never ends below the seed plan's (without
     * population limits, which the seed plan need not meet).
     */
    @Test
    void theSearchNeverEndsBelowTheSeedPlan() {
        PlanningProblem p = PlanFixtures.problem(blocks());
        for (long seed = 1; seed <= 3; seed++) {
            ClusterOptions o = options(seed).withMaxDeviation(null);
            Clusterer.Result seedPlan = new Clusterer().cluster(p, seedOnly(o));
            assertEquals(0, seedPlan.moves());
            Clusterer.Result r = new Clusterer().cluster(p, o);
            PlanState before = ClusterChecks.state(p, seedPlan);
            PlanState after = ClusterChecks.state(p, r);
            double b = new Objective(before, o).of(before);
            double a = new Objective(after, o).of(after);
            assertTrue(a >= b - 1e-12, "score " + a + " below the seed's " + b);
        }
    }

    /**
     * Alignment only pulls areas away from balance; with bounds at the seed plan's smallest and
     * largest area, the search must keep every area inside them.
     */
    @Test
    void boundsTheSeedRespectsHoldToTheEnd() {
        PlanningProblem p = PlanFixtures.problem(blocks());
        ClusterOptions free = options(3).withWeights(0, 0).withMaxDeviation(null);
        PlanState seed = ClusterChecks.state(p, new Clusterer().cluster(p, seedOnly(free)));
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int a = 0; a < AREAS; a++) {
            min = Math.min(min, seed.residents(a));
            max = Math.max(max, seed.residents(a));
        }
        // without bounds the search does leave them
        PlanState loose = ClusterChecks.state(p, new Clusterer().cluster(p, free));
        boolean outside = false;
        for (int a = 0; a < AREAS; a++) {
            outside |= loose.residents(a) < min - 1e-9 || loose.residents(a) > max + 1e-9;
        }
        assertTrue(outside, "the fixture must tempt the search out of the bounds");
        ClusterOptions bounded = free.withBounds(min, max);
        Clusterer.Result r = new Clusterer().cluster(p, bounded);
        PlanState s = ClusterChecks.assertValid(p, bounded, r);
        assertTrue(r.moves() > 0, "the search still moves blocks within the bounds");
        for (int a = 0; a < AREAS; a++) {
            double res = s.residents(a);
            assertTrue(res >= min - 1e-9 && res <= max + 1e-9, "area " + a + " has " + res
                    + " residents, outside " + min + "–" + max);
        }
    }

    /** The same options with no search: the seed plan. */
    static ClusterOptions seedOnly(ClusterOptions o) {
        return o.withEffort(0);
    }
}
