package org.sdaplanner.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdaplanner.core.plan.PlanFixtures.aff;
import static org.sdaplanner.core.plan.PlanFixtures.parish;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.sdaplanner.core.blocks.BuildingBlock;
import org.sdaplanner.core.plan.PlanFixtures;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;

/**
 * Baselines on a strip of five blocks (district D1) and, for the nesting cases, a sixth block F
 * in district D2 at the end:
 * <pre>
 *   A (X 400, Y 500, Z 100) | B (Z 1000) | C (X 1000) | D (X 100, Y 900) | E (X 200, Y 200, Z 600) ‖ F (W 1000)
 * </pre>
 * The four cuts of A … E into two contiguous areas align
 * A|BCDE 500 + 1600 = 2100, AB|CDE 1100 + 1300 = 2400, ABC|DE 1400 + 1100 = 2500, ABCD|E 1500 + 600 = 2100
 * of 5000, i.e. 0.42, 0.48, 0.50, 0.42. The affinities were picked so that no other plan of one, two or
 * three areas (contiguous or not) aligns any of these, which makes a random plan's alignment tell
 * whether it was a contiguous two-area plan.
 */
class BaselinesTest {

    private static final double EPS = 1e-9;

    private static List<BuildingBlock> strip() {
        List<BuildingBlock> b = new ArrayList<>();
        b.add(parish("A", "Abington", "D1", 0, 0, aff("X", 400, "Y", 500, "Z", 100)));
        b.add(parish("B", "Babraham", "D1", 1, 0, aff("Z", 1000)));
        b.add(parish("C", "Comberton", "D1", 2, 0, aff("X", 1000)));
        b.add(parish("D", "Duxford", "D1", 3, 0, aff("X", 100, "Y", 900)));
        b.add(parish("E", "Elsworth", "D1", 4, 0, aff("X", 200, "Y", 200, "Z", 600)));
        return b;
    }

    private static PlanningProblem stripWithF() {
        List<BuildingBlock> b = strip();
        b.add(parish("F", "Fordham", "D2", 5, 0, aff("W", 1000)));
        return PlanFixtures.problem(b);
    }

    /** Alignments of every assignment of the blocks to exactly k areas, split by validity. */
    private static void enumerate(PlanningProblem p, int k, boolean nesting, TreeSet<Double> valid, TreeSet<Double> invalid) {
        int n = p.blockCount();
        int[] a = new int[n];
        int total = (int) Math.pow(k, n);
        for (int code = 0; code < total; code++) {
            int c = code;
            for (int i = 0; i < n; i++) {
                a[i] = c % k;
                c /= k;
            }
            PlanState s = new PlanState(p, a, k, null);
            boolean ok = true;
            for (int area = 0; area < k; area++) {
                ok &= s.blocksIn(area) > 0 && s.piecesOf(area) == 1;
            }
            if (nesting) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        ok &= a[i] != a[j] || p.district(i) == p.district(j);
                    }
                }
            }
            boolean empty = false;
            for (int area = 0; area < k; area++) {
                empty |= s.blocksIn(area) == 0;
            }
            if (empty) {
                continue; // not a plan of k areas
            }
            (ok ? valid : invalid).add(round(s.alignment()));
        }
    }

    private static double round(double v) {
        return Math.round(v * 1e9) / 1e9;
    }

    @Test
    void dominantGroupingByHand() {
        // D1: A → Y, B → Z, C → X, D → Y, E → Z; D2: F → W.
        // Groups: D1/Y = {A, D}: max(X 500, Y 1400, Z 100) = 1400; D1/Z = {B, E}: Z 1600;
        // D1/X = {C}: 1000; D2/W = {F}: 1000. Aligned 5000 of 6000, in 4 groups (A and D do not touch).
        Baselines.Result r = Baselines.of(stripWithF(), ClusterOptions.of(3, 1), 0);
        assertEquals(5000.0 / 6000, r.dominantAlignment(), EPS);
        assertEquals(4, r.dominantAreas());
        assertEquals(0, r.random().length);
    }

    @Test
    void randomPlansOfOneDistrictAreContiguousAndHaveTheAreasAskedFor() {
        PlanningProblem p = PlanFixtures.problem(strip());
        TreeSet<Double> valid = new TreeSet<>();
        TreeSet<Double> invalid = new TreeSet<>();
        enumerate(p, 2, true, valid, invalid);
        assertEquals(new TreeSet<>(List.of(0.42, 0.48, 0.5)), valid);
        enumerate(p, 1, true, new TreeSet<>(), invalid);
        enumerate(p, 3, true, invalid, invalid);
        for (double v : valid) {
            assertTrue(!invalid.contains(v), "fixture: " + v + " must identify the contiguous 2-area plans");
        }
        Baselines.Result r = Baselines.of(p, ClusterOptions.of(2, 5), 60);
        assertEquals(60, r.random().length, "as many random plans as asked for");
        TreeSet<Double> seen = new TreeSet<>();
        for (int i = 0; i < r.random().length; i++) {
            double v = round(r.random()[i]);
            assertTrue(valid.contains(v), "random plan " + i + " aligns " + v + ": not a contiguous 2-area plan");
            seen.add(v);
            if (i > 0) {
                assertTrue(r.random()[i - 1] <= r.random()[i], "sorted ascending");
            }
        }
        assertTrue(seen.size() >= 2, "random plans vary: " + seen);
    }

    /**
     * Two districts, three areas: D1 (5000 residents, 5 blocks) gets 2, D2 (one block) 1. Every
     * random plan is F alone plus a cut of the strip: 3100, 3400 or 3500 of 6000.
     */
    @Test
    void randomPlansNestInDistricts() {
        PlanningProblem p = stripWithF();
        TreeSet<Double> valid = new TreeSet<>();
        enumerate(p, 3, true, valid, new TreeSet<>());
        assertEquals(new TreeSet<>(List.of(round(3100.0 / 6000), round(3400.0 / 6000), round(3500.0 / 6000))), valid);
        Baselines.Result r = Baselines.of(p, ClusterOptions.of(3, 9), 40);
        assertEquals(40, r.random().length);
        for (double v : r.random()) {
            assertTrue(valid.contains(round(v)), v + " is not a nested contiguous 3-area plan");
        }
    }

    /** Without nesting the random plans are contiguous 3-area plans of all six blocks. */
    @Test
    void randomPlansWithoutNestingAreContiguousOverTheRegion() {
        PlanningProblem p = stripWithF();
        TreeSet<Double> valid = new TreeSet<>();
        enumerate(p, 3, false, valid, new TreeSet<>());
        Baselines.Result r = Baselines.of(p, ClusterOptions.of(3, 9).withDistrictNesting(false), 40);
        assertEquals(40, r.random().length);
        for (double v : r.random()) {
            assertTrue(valid.contains(round(v)), v + " is not a contiguous 3-area plan");
        }
    }

    @Test
    void theSameSeedGivesTheSameRandomPlans() {
        PlanningProblem p = stripWithF();
        double[] a = Baselines.of(p, ClusterOptions.of(3, 4), 30).random();
        double[] b = Baselines.of(p, ClusterOptions.of(3, 4), 30).random();
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b);
    }

    @Test
    void summaryFiguresOfTheRandomPlans() {
        Baselines.Result r = new Baselines.Result(0.8, 4, new double[] {0.1, 0.2, 0.3, 0.4, 0.5});
        assertEquals(0.3, r.randomMean(), EPS);
        assertEquals(0.1, r.randomPercentile(0), EPS);
        assertEquals(0.3, r.randomPercentile(0.5), EPS);
        assertEquals(0.5, r.randomPercentile(1), EPS);
        assertEquals(0.6, r.shareBelow(0.35), EPS);
        assertEquals(0, r.shareBelow(0.1), EPS, "strictly below");
        Baselines.Result none = new Baselines.Result(0.8, 4, new double[0]);
        assertEquals(0, none.randomMean(), 0);
        assertEquals(0, none.randomPercentile(0.5), 0);
        assertEquals(0, none.shareBelow(0.5), 0);
    }
}
