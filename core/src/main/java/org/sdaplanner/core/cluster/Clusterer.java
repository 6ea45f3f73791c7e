package org.sdaplanner.core.cluster;

import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Partitions the blocks into areas. First a seed plan per district from PCN footprints
 * ({@link Seeding}), then local search: boundary blocks move to a neighbouring area when that
 * raises the objective and keeps every area contiguous, inside its district and within the
 * population bounds; locked blocks never move. The seed only orders the visits, so a run is
 * repeatable and different seeds explore different local optima.
 */
public final class Clusterer {

    /**
     * @param assignment area index per block
     * @param districtOf district index per area (-1 without nesting)
     * @param moves      local-search moves made
     */
    public record Result(int[] assignment, int areaCount, int[] districtOf, List<String> warnings, int moves, int passes) {
    }

    /** Clusters with no locked blocks. */
    public Result cluster(PlanningProblem p, ClusterOptions o) {
        int[] none = new int[p.blockCount()];
        Arrays.fill(none, -1);
        return cluster(p, o, none);
    }

    /**
     * @param lockedArea per block, the area index (0 … areas−1) it is locked to, or −1
     * @throws IllegalArgumentException when a lock names an area outside the plan, or locks one
     *                                  area to blocks of two districts under nesting
     */
    public Result cluster(PlanningProblem p, ClusterOptions o, int[] lockedArea) {
        List<String> warnings = new ArrayList<>();
        int n = p.blockCount();
        if (n == 0) {
            throw new IllegalArgumentException("there are no building blocks to cluster");
        }
        checkLocks(p, o, lockedArea);
        int[] quota;
        int[][] groups;
        if (o.districtNesting()) {
            quota = DistrictQuota.allocate(p, o);
            checkLockCounts(p, quota, lockedArea);
            groups = new int[p.districtCodes().size()][];
            int[] fill = new int[groups.length];
            for (int b = 0; b < n; b++) {
                fill[p.district(b)]++;
            }
            for (int d = 0; d < groups.length; d++) {
                groups[d] = new int[fill[d]];
                fill[d] = 0;
            }
            for (int b = 0; b < n; b++) {
                groups[p.district(b)][fill[p.district(b)]++] = b;
            }
        } else {
            quota = new int[]{Math.min(o.areas(), n)};
            groups = new int[][]{java.util.stream.IntStream.range(0, n).toArray()};
        }
        // seed each group; areas with a lock keep its number, the others take the free numbers in order
        int total = Arrays.stream(quota).sum();
        int[] assignment = new int[n];
        Arrays.fill(assignment, -1);
        List<Integer> districtOfArea = new ArrayList<>();
        boolean[] taken = new boolean[Math.max(total, o.areas())];
        List<List<Integer>> unlockedClusters = new ArrayList<>();
        List<Integer> unlockedDistrict = new ArrayList<>();
        int[] districtOf = new int[taken.length];
        Arrays.fill(districtOf, -1);
        for (int g = 0; g < groups.length; g++) {
            for (Seeding.Cluster c : new Seeding(p, warnings).run(groups[g], quota[g], lockedArea)) {
                if (c.lock >= 0) {
                    taken[c.lock] = true;
                    districtOf[c.lock] = o.districtNesting() ? g : -1;
                    for (int b : c.blocks) {
                        assignment[b] = c.lock;
                    }
                } else {
                    unlockedClusters.add(c.blocks);
                    unlockedDistrict.add(o.districtNesting() ? g : -1);
                }
            }
        }
        int next = 0;
        for (int i = 0; i < unlockedClusters.size(); i++) {
            while (next < taken.length && taken[next]) {
                next++;
            }
            if (next >= taken.length) {
                throw new IllegalStateException("more clusters than areas");
            }
            taken[next] = true;
            districtOf[next] = unlockedDistrict.get(i);
            for (int b : unlockedClusters.get(i)) {
                assignment[b] = next;
            }
        }
        int areaCount = 0;
        for (int a = 0; a < taken.length; a++) {
            if (taken[a]) {
                areaCount = a + 1;
            }
        }
        if (areaCount != o.areas()) {
            warnings.add("the plan has " + areaCount + " areas instead of the " + o.areas() + " asked for");
        }
        boolean[] locked = new boolean[n];
        for (int b = 0; b < n; b++) {
            locked[b] = lockedArea[b] >= 0;
        }
        for (int b = 0; b < n; b++) {
            if (assignment[b] < 0) {
                throw new IllegalStateException("block " + p.block(b).code() + " was given no area");
            }
        }
        PlanState s = new PlanState(p, assignment, areaCount, locked);
        int[] passesAndMoves = localSearch(s, o, districtOf);
        if (o.annealingSteps() > 0) {
            anneal(s, o, districtOf, o.annealingSteps() * (long) n);
            int[] more = localSearch(s, o, districtOf);
            passesAndMoves[0] += more[0];
            passesAndMoves[1] += more[1];
        }
        for (int a = 0; a < areaCount; a++) {
            if (s.blocksIn(a) == 0) {
                warnings.add("area " + (a + 1) + " has no blocks (locks point past the areas the districts get)");
            } else if (s.piecesOf(a) > 1) {
                warnings.add("area " + (a + 1) + " is in " + s.piecesOf(a) + " pieces: its locked blocks do not touch,"
                        + " or its district is in pieces (declare a bridge in the region manifest)");
            }
        }
        return new Result(s.assignment(), areaCount, Arrays.copyOf(districtOf, areaCount), List.copyOf(warnings),
                passesAndMoves[1], passesAndMoves[0]);
    }

    /** Under nesting, a district cannot hold more locked areas than the areas it gets. */
    private static void checkLockCounts(PlanningProblem p, int[] quota, int[] lockedArea) {
        List<java.util.Set<Integer>> targets = new ArrayList<>();
        for (int d = 0; d < quota.length; d++) {
            targets.add(new java.util.TreeSet<>());
        }
        for (int b = 0; b < lockedArea.length; b++) {
            if (lockedArea[b] >= 0) {
                targets.get(p.district(b)).add(lockedArea[b]);
            }
        }
        for (int d = 0; d < quota.length; d++) {
            if (targets.get(d).size() > quota[d]) {
                throw new IllegalArgumentException("district " + p.districtCodes().get(d) + " has blocks locked to "
                        + targets.get(d).size() + " areas but gets only " + quota[d]
                        + ": ask for more areas, set areas per district, or unlock blocks");
            }
        }
    }

    private static void checkLocks(PlanningProblem p, ClusterOptions o, int[] lockedArea) {
        if (lockedArea.length != p.blockCount()) {
            throw new IllegalArgumentException("locks: expected one entry per block");
        }
        int[] districtOfLock = new int[o.areas()];
        Arrays.fill(districtOfLock, -1);
        for (int b = 0; b < lockedArea.length; b++) {
            int a = lockedArea[b];
            if (a < -1 || a >= o.areas()) {
                throw new IllegalArgumentException("block " + p.block(b).code() + " is locked to area " + (a + 1)
                        + ", outside the plan's " + o.areas() + " areas");
            }
            if (a >= 0 && o.districtNesting()) {
                if (districtOfLock[a] >= 0 && districtOfLock[a] != p.district(b)) {
                    throw new IllegalArgumentException("area " + (a + 1) + " has locked blocks in two districts ("
                            + p.districtCodes().get(districtOfLock[a]) + " and " + p.districtCodes().get(p.district(b))
                            + "): with district nesting an area lies in one district");
                }
                districtOfLock[a] = p.district(b);
            }
        }
    }

    /** Moves boundary blocks while the objective rises; returns {passes, moves}. */
    private static int[] localSearch(PlanState s, ClusterOptions o, int[] districtOf) {
        PlanningProblem p = s.problem();
        Objective objective = new Objective(s, o);
        Random random = new Random(o.seed());
        int n = p.blockCount();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int moves = 0;
        int pass = 0;
        while (pass < o.maxPasses()) {
            pass++;
            shuffle(order, random);
            int movedThisPass = 0;
            for (int b : order) {
                if (s.locked(b)) {
                    continue;
                }
                int from = s.areaOf(b);
                int best = -1;
                double bestDelta = 1e-9;
                int[] ns = p.neighbours(b);
                for (int nb : ns) {
                    int to = s.areaOf(nb);
                    if (to == from || to == best) {
                        continue;
                    }
                    if (!allowed(s, o, districtOf, b, from, to)) {
                        continue;
                    }
                    double d = objective.delta(s, b, to);
                    if (d > bestDelta) {
                        bestDelta = d;
                        best = to;
                    }
                }
                if (best >= 0 && s.removable(b)) {
                    s.move(b, best);
                    moves++;
                    movedThisPass++;
                }
            }
            if (movedThisPass == 0) {
                break;
            }
        }
        return new int[]{pass, moves};
    }

    private static boolean allowed(PlanState s, ClusterOptions o, int[] districtOf, int b, int from, int to) {
        if (o.districtNesting() && districtOf[to] != s.problem().district(b)) {
            return false;
        }
        return withinBounds(s, o, b, from, to);
    }

    /**
     * Simulated annealing: random boundary moves, better ones always taken and worse ones with a
     * probability that falls as the temperature cools (from 1 to 0.001 alignment points), so the
     * search can leave the local optimum the greedy passes stop in. The best plan seen is kept.
     */
    private static void anneal(PlanState s, ClusterOptions o, int[] districtOf, long steps) {
        PlanningProblem p = s.problem();
        Objective objective = new Objective(s, o);
        Random random = new Random(o.seed() ^ 0x5DEECE66DL);
        int n = p.blockCount();
        double current = objective.of(s);
        double best = current;
        int[] bestAssignment = s.assignment();
        double t0 = 0.01;
        double t1 = 0.00001;
        for (long i = 0; i < steps; i++) {
            double temperature = t0 * Math.pow(t1 / t0, (double) i / steps);
            int b = random.nextInt(n);
            if (s.locked(b)) {
                continue;
            }
            int[] ns = p.neighbours(b);
            if (ns.length == 0) {
                continue;
            }
            int from = s.areaOf(b);
            int to = s.areaOf(ns[random.nextInt(ns.length)]);
            if (to == from || !allowed(s, o, districtOf, b, from, to)) {
                continue;
            }
            double d = objective.delta(s, b, to);
            if (d > 0 || random.nextDouble() < Math.exp(d / temperature)) {
                if (!s.removable(b)) {
                    continue;
                }
                s.move(b, to);
                current += d;
                if (current > best + 1e-12) {
                    best = current;
                    bestAssignment = s.assignment();
                }
            }
        }
        for (int b = 0; b < n; b++) {
            if (s.areaOf(b) != bestAssignment[b]) {
                s.move(b, bestAssignment[b]);
            }
        }
    }

    /** A move may not push an area past a bound (it may bring one closer to it). */
    private static boolean withinBounds(PlanState s, ClusterOptions o, int b, int from, int to) {
        double r = s.problem().residents(b);
        if (o.maxResidents() > 0 && s.residents(to) + r > o.maxResidents() && r > 0) {
            return false;
        }
        return !(o.minResidents() > 0 && s.residents(from) - r < o.minResidents() && r > 0);
    }

    private static void shuffle(int[] a, Random r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
