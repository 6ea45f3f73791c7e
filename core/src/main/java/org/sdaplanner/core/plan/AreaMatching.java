package org.sdaplanner.core.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Which area of one plan is which area of another, for comparing plans that need not have the same
 * areas (or as many): pairs are taken in order of the residents they share, largest first, each
 * area at most once; an area left without a partner has no counterpart (all its blocks count as
 * changed). Within one plan the areas are the same by id ({@link #identity}).
 *
 * @param aToB for each area of the first plan its partner in the second, or -1
 * @param bToA for each area of the second plan its partner in the first, or -1
 * @param shared residents each pair shares, by area of the first plan (0 without a partner)
 */
public record AreaMatching(int[] aToB, int[] bToA, double[] shared) {

    /** The same areas on both sides. */
    public static AreaMatching identity(int areas, PlanningProblem p, int[] a, int[] b) {
        int[] same = new int[areas];
        Arrays.setAll(same, i -> i);
        return new AreaMatching(same, same.clone(), sharedOf(p, a, b, same, areas));
    }

    /**
     * @param a each block's area in the first plan ({@code aAreas} areas)
     * @param b each block's area in the second plan ({@code bAreas} areas)
     */
    public static AreaMatching byResidents(PlanningProblem p, int[] a, int aAreas, int[] b, int bAreas) {
        double[][] people = new double[aAreas][bAreas];
        double[][] land = new double[aAreas][bAreas];
        for (int i = 0; i < p.blockCount(); i++) {
            people[a[i]][b[i]] += p.residents(i);
            land[a[i]][b[i]] += p.area(i);
        }
        record Pair(int a, int b, double people, double land) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (int x = 0; x < aAreas; x++) {
            for (int y = 0; y < bAreas; y++) {
                if (people[x][y] > 0 || land[x][y] > 0) {
                    pairs.add(new Pair(x, y, people[x][y], land[x][y]));
                }
            }
        }
        // most residents first; land decides between areas without residents; then the lower indexes
        pairs.sort(Comparator.comparingDouble((Pair q) -> -q.people()).thenComparingDouble(q -> -q.land())
                .thenComparingInt(Pair::a).thenComparingInt(Pair::b));
        int[] aToB = new int[aAreas];
        int[] bToA = new int[bAreas];
        Arrays.fill(aToB, -1);
        Arrays.fill(bToA, -1);
        for (Pair q : pairs) {
            if (aToB[q.a()] < 0 && bToA[q.b()] < 0) {
                aToB[q.a()] = q.b();
                bToA[q.b()] = q.a();
            }
        }
        return new AreaMatching(aToB, bToA, sharedOf(p, a, b, aToB, aAreas));
    }

    /** Whether block {@code i} is in another area in the second plan than its first-plan area's partner. */
    public boolean changed(int[] a, int[] b, int i) {
        return aToB[a[i]] != b[i];
    }

    private static double[] sharedOf(PlanningProblem p, int[] a, int[] b, int[] aToB, int aAreas) {
        double[] out = new double[aAreas];
        for (int i = 0; i < p.blockCount(); i++) {
            if (aToB[a[i]] == b[i]) {
                out[a[i]] += p.residents(i);
            }
        }
        return out;
    }
}
