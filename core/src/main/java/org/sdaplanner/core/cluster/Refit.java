package org.sdaplanner.core.cluster;

import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Re-optimises some areas of a plan and nothing else: the blocks of the chosen areas are searched again
 * with the clusterer's own search ({@link Clusterer#search}: recombination and single moves under
 * annealing, every area kept contiguous), under the problem given (a new data release), while every other
 * block and every locked block stays where it is. Areas are searched within the groups the clusterer
 * uses (a district, its parished side, an unparished part), so the plan keeps its rules. A group's new
 * areas are kept only when they align more residents than before; its population limits are the plan's,
 * widened to what its areas already have, so a re-fit never makes balance worse than the plan was.
 */
public final class Refit {
    /**
     * @param assignment      area per block after the re-fit
     * @param areas           the areas searched again (indexes)
     * @param alignmentBefore the plan's alignment under the problem before the re-fit
     * @param alignmentAfter  after
     * @param moved           blocks whose area changed
     * @param warnings        areas left alone, and why
     */
    public record Result(int[] assignment, List<Integer> areas, double alignmentBefore, double alignmentAfter, int moved,
                         List<String> warnings) {
        public Result {
            assignment = assignment.clone();
            areas = List.copyOf(areas);
            warnings = List.copyOf(warnings);
        }
    }

    private Refit() {
    }

    /**
     * @param assignment area per block (0 … areaCount−1)
     * @param locked     per block, whether it may not move (null: none)
     * @param areas      the areas to search again
     * @param o          the plan's options (counts, nesting, limits, weights, seed, effort)
     */
    public static Result of(PlanningProblem p, int[] assignment, int areaCount, boolean[] locked, Collection<Integer> areas,
                            ClusterOptions o) {
        int n = p.blockCount();
        if (assignment.length != n) {
            throw new IllegalArgumentException("the assignment must give every block an area");
        }
        PlanState start = new PlanState(p, assignment, areaCount, locked);
        List<String> warnings = new ArrayList<>();
        TreeSet<Integer> chosen = new TreeSet<>();
        for (int a : areas) {
            if (a < 0 || a >= areaCount) {
                throw new IllegalArgumentException("area " + (a + 1) + " is not one of the plan's " + areaCount + " areas");
            }
            if (start.blocksIn(a) == 0) {
                continue;
            }
            if (start.piecesOf(a) > 1) {
                warnings.add("area " + (a + 1) + " is in " + start.piecesOf(a) + " pieces, so it was left as it is");
                continue;
            }
            chosen.add(a);
        }
        // the clusterer's groups; areas that share a group (or that already span two) are searched together
        int[] groupOf = new int[n];
        List<PlanGroups.Group> groups = groups(p, o, areaCount);
        for (int gi = 0; gi < groups.size(); gi++) {
            for (int b : groups.get(gi).blocks()) {
                groupOf[b] = gi;
            }
        }
        int[] root = new int[Math.max(1, groups.size())];
        for (int i = 0; i < root.length; i++) {
            root[i] = i;
        }
        int[] firstGroup = new int[areaCount];
        Arrays.fill(firstGroup, -1);
        for (int b = 0; b < n; b++) {
            int a = assignment[b];
            if (!chosen.contains(a)) {
                continue;
            }
            if (firstGroup[a] < 0) {
                firstGroup[a] = groupOf[b];
            } else {
                root[find(root, groupOf[b])] = find(root, firstGroup[a]);
            }
        }
        TreeMap<Integer, List<Integer>> areasByGroup = new TreeMap<>();
        for (int a : chosen) {
            areasByGroup.computeIfAbsent(find(root, firstGroup[a]), k -> new ArrayList<>()).add(a);
        }
        int[] lockedArea = new int[n];
        for (int b = 0; b < n; b++) {
            lockedArea[b] = locked != null && locked[b] ? assignment[b] : -1;
        }
        int[] out = assignment.clone();
        double mean = p.totalResidents() / areaCount;
        PopulationLimits base = PopulationLimits.of(mean, o.maxDeviation(), o.minResidents(), o.maxResidents());
        Clusterer.Budget budget = Clusterer.Budget.of(n, Math.max(1, groups.size()), o.effort());
        for (var e : areasByGroup.entrySet()) {
            int[] local = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            if (local.length < 2) {
                warnings.add("area " + (local[0] + 1) + " is the only affected area of " + groups.get(e.getKey()).label()
                        + ": it has no affected neighbour to trade blocks with, so it was left as it is");
                continue;
            }
            int[] blocks = java.util.stream.IntStream.range(0, n).filter(b -> e.getValue().contains(assignment[b])).toArray();
            GroupGraph graph = new GroupGraph(p, blocks);
            double lo = base.min();
            double hi = base.max();
            for (int a : local) {
                lo = Math.min(lo, start.residents(a));
                hi = Math.max(hi, start.residents(a));
            }
            PopulationLimits limits = new PopulationLimits(lo, hi, null);
            Clusterer.GroupOutcome r = Clusterer.search(graph, local, assignment, lockedArea, limits, mean, o,
                    o.seed() * 1_000_003L + e.getKey(), budget, false);
            int[] startLocal = new int[graph.n];
            int[] localIndex = new int[areaCount];
            for (int i = 0; i < local.length; i++) {
                localIndex[local[i]] = i;
            }
            for (int i = 0; i < graph.n; i++) {
                startLocal[i] = localIndex[assignment[graph.blocks[i]]];
            }
            double was = Clusterer.aligned(graph, startLocal, local.length);
            double now = Clusterer.aligned(graph, r.local(), local.length);
            if (!r.feasible() || now <= was + 1e-9) {
                continue;
            }
            for (int i = 0; i < graph.n; i++) {
                out[graph.blocks[i]] = local[r.local()[i]];
            }
        }
        int moved = 0;
        for (int b = 0; b < n; b++) {
            if (out[b] != assignment[b]) {
                if (locked != null && locked[b]) {
                    throw new IllegalStateException("the re-fit moved locked block " + p.block(b).code());
                }
                moved++;
            }
        }
        PlanState end = new PlanState(p, out, areaCount, locked);
        for (int a : chosen) {
            if (end.piecesOf(a) > 1) {
                throw new IllegalStateException(String.format(Locale.ROOT, "the re-fit left area %d in pieces", a + 1));
            }
        }
        return new Result(out, List.copyOf(chosen), start.alignment(), end.alignment(), moved, warnings);
    }

    /** The clusterer's groups for the plan's options, or one group of every block when they do not fit this plan. */
    private static List<PlanGroups.Group> groups(PlanningProblem p, ClusterOptions o, int areaCount) {
        try {
            return PlanGroups.of(p, o);
        } catch (RuntimeException e) {
            int[] all = java.util.stream.IntStream.range(0, p.blockCount()).toArray();
            return List.of(new PlanGroups.Group(-1, PlanGroups.Side.ALL, all, areaCount, p.totalResidents(), "the region"));
        }
    }

    private static int find(int[] root, int x) {
        while (root[x] != x) {
            root[x] = root[root[x]];
            x = root[x];
        }
        return x;
    }
}
