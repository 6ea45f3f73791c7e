package org.sdaplanner.core.cluster;

import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;


import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Yardsticks printed next to a plan: (1) every block grouped with the others of its district
 * that lean to the same PCN, with no control of size, count or contiguity; (2) the spread of
 * alignment over random contiguous plans with the same number of areas per district.
 */
public final class Baselines {

    /**
     * @param dominantAlignment alignment of the dominant-PCN-per-district grouping
     * @param dominantAreas     how many groups that makes
     * @param random            alignments of the random plans, sorted ascending
     */
    public record Result(double dominantAlignment, int dominantAreas, double[] random) {
        public double randomMean() {
            return Arrays.stream(random).average().orElse(0);
        }

        public double randomPercentile(double q) {
            if (random.length == 0) {
                return 0;
            }
            int i = (int) Math.min(random.length - 1, Math.max(0, Math.round(q * (random.length - 1))));
            return random[i];
        }

        /** Share of random plans whose alignment is below {@code alignment}. */
        public double shareBelow(double alignment) {
            int below = 0;
            for (double r : random) {
                if (r < alignment) {
                    below++;
                }
            }
            return random.length == 0 ? 0 : (double) below / random.length;
        }
    }

    public static Result of(PlanningProblem p, ClusterOptions o, int randomPlans) {
        return new Result(dominantGrouping(p), dominantGroups(p), randomPlans(p, o, randomPlans));
    }

    private static int[] dominantKeys(PlanningProblem p, Map<String, Integer> ids) {
        int[] a = new int[p.blockCount()];
        for (int b = 0; b < p.blockCount(); b++) {
            a[b] = ids.computeIfAbsent(p.district(b) + ":" + p.dominantPcn(b), k -> ids.size());
        }
        return a;
    }

    private static int dominantGroups(PlanningProblem p) {
        Map<String, Integer> ids = new HashMap<>();
        dominantKeys(p, ids);
        return ids.size();
    }

    private static double dominantGrouping(PlanningProblem p) {
        Map<String, Integer> ids = new HashMap<>();
        int[] a = dominantKeys(p, ids);
        return new PlanState(p, a, ids.size(), null).alignment();
    }

    private static double[] randomPlans(PlanningProblem p, ClusterOptions o, int count) {
        int n = p.blockCount();
        List<PlanGroups.Group> gs = PlanGroups.of(p, o);
        int[] quota = gs.stream().mapToInt(PlanGroups.Group::areas).toArray();
        List<int[]> groups = new ArrayList<>();
        gs.forEach(g -> groups.add(g.blocks()));
        Random random = new Random(o.seed() * 31 + 7);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            int[] a = new int[n];
            Arrays.fill(a, -1);
            int next = 0;
            for (int g = 0; g < groups.size(); g++) {
                next = grow(p, groups.get(g), quota[g], next, a, random);
            }
            out[i] = new PlanState(p, a, next, null).alignment();
        }
        Arrays.sort(out);
        return out;
    }

    /** Random seeds, then a flood from all seeds in random order: every area grows as one piece. */
    private static int grow(PlanningProblem p, int[] group, int k, int firstArea, int[] a, Random random) {
        int[] shuffled = group.clone();
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        List<Integer> frontier = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            a[shuffled[i]] = firstArea + i;
            frontier.add(shuffled[i]);
        }
        boolean[] inGroup = new boolean[p.blockCount()];
        for (int b : group) {
            inGroup[b] = true;
        }
        while (!frontier.isEmpty()) {
            int idx = random.nextInt(frontier.size());
            int x = frontier.get(idx);
            int free = -1;
            for (int y : p.neighbours(x)) {
                if (inGroup[y] && a[y] < 0) {
                    free = y;
                    break;
                }
            }
            if (free < 0) {
                frontier.set(idx, frontier.get(frontier.size() - 1));
                frontier.remove(frontier.size() - 1);
                continue;
            }
            a[free] = a[x];
            frontier.add(free);
        }
        // blocks no seed could reach (a district in pieces): join a random area of the district
        for (int b : group) {
            if (a[b] < 0) {
                a[b] = firstArea + random.nextInt(k);
            }
        }
        return firstArea + k;
    }

}
