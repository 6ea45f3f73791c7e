package org.sdaplanner.core.cluster;

import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Partitions the blocks into areas, group by group (a district, or its parished side and its
 * unparished parts: {@link PlanGroups}). First a seed plan per group from PCN footprints
 * ({@link Seeding}), then the search ({@link GroupSearch}): recombination of neighbouring areas
 * along random spanning trees and single-block moves, under simulated annealing, keeping every
 * area contiguous, inside its group and within the population limits; locked blocks never move.
 * Groups are independent, so they are searched in parallel; each has its own seeded random
 * stream, so a run is repeatable whatever the number of cores.
 */
public final class Clusterer {
    /**
     * One group's areas and the population limits they were held to.
     *
     * @param areas    the plan's area indexes in this group
     * @param limits   residents every area of the group must have
     * @param feasible whether the plan meets the limits in this group (false only for the
     *                 default limits, when no plan within them was found)
     */
    public record GroupResult(String label, String districtCode, String side, int[] areas, PopulationLimits limits,
                              boolean feasible, double aligned, double upperBound, boolean optimal) {
    }

    /**
     * @param assignment area index per block
     * @param districtOf district index per area (-1 without nesting)
     * @param moves      search moves made
     * @param groups     the groups, with their areas and limits
     */
    public record Result(int[] assignment, int areaCount, int[] districtOf, List<String> warnings, int moves, int passes,
                         List<GroupResult> groups, double meanResidents) {
        public Result(int[] assignment, int areaCount, int[] districtOf, List<String> warnings, int moves, int passes) {
            this(assignment, areaCount, districtOf, warnings, moves, passes, List.of(), 0);
        }
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
     *                                  area to blocks of two groups under nesting
     * @throws InfeasiblePlanException  when the population limits asked for cannot be met
     */
    public Result cluster(PlanningProblem p, ClusterOptions o, int[] lockedArea) {
        List<String> warnings = new ArrayList<>();
        int n = p.blockCount();
        if (n == 0) {
            throw new IllegalArgumentException("there are no building blocks to cluster");
        }
        List<PlanGroups.Group> groups = PlanGroups.of(p, o);
        int total = groups.stream().mapToInt(PlanGroups.Group::areas).sum();
        checkLocks(p, o, lockedArea, groups, total);
        double mean = p.totalResidents() / total;
        List<GroupGraph> whole = groups.stream().map(g -> new GroupGraph(p, g.blocks())).toList();
        Setup setup = splitPieces(p, new Setup(groups, whole, limits(p, o, groups, whole, mean, warnings)), lockedArea);
        groups = setup.groups();
        List<GroupGraph> graphs = setup.graphs();
        List<PopulationLimits> limits = setup.limits();

        // seed each group; areas with a lock keep its number, the others take the free numbers in order
        int[] assignment = new int[n];
        Arrays.fill(assignment, -1);
        boolean[] taken = new boolean[Math.max(total, o.areas())];
        int[] districtOf = new int[taken.length];
        Arrays.fill(districtOf, -1);
        int[] groupOf = new int[taken.length];
        Arrays.fill(groupOf, -1);
        List<List<Integer>> unlockedClusters = new ArrayList<>();
        List<Integer> unlockedGroup = new ArrayList<>();
        for (int gi = 0; gi < groups.size(); gi++) {
            PlanGroups.Group g = groups.get(gi);
            for (Seeding.Cluster c : new Seeding(p, warnings).run(g.blocks(), g.areas(), lockedArea)) {
                if (c.lock >= 0) {
                    taken[c.lock] = true;
                    districtOf[c.lock] = g.district();
                    groupOf[c.lock] = gi;
                    for (int b : c.blocks) {
                        assignment[b] = c.lock;
                    }
                } else {
                    unlockedClusters.add(c.blocks);
                    unlockedGroup.add(gi);
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
            groupOf[next] = unlockedGroup.get(i);
            districtOf[next] = groups.get(unlockedGroup.get(i)).district();
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
        int asked = o.counts().partsOfTheirOwn() ? total : o.areas();
        if (areaCount != asked) {
            warnings.add("the plan has " + areaCount + " areas instead of the " + asked + " asked for");
        }
        for (int b = 0; b < n; b++) {
            if (assignment[b] < 0) {
                throw new IllegalStateException("block " + p.block(b).code() + " was given no area");
            }
        }

        // search every group; independent, so in parallel (largest first), each with its own random stream
        int[][] areasOfGroup = new int[groups.size()][];
        for (int gi = 0; gi < groups.size(); gi++) {
            int gg = gi;
            areasOfGroup[gi] = java.util.stream.IntStream.range(0, areaCount).filter(a -> groupOf[a] == gg).toArray();
        }
        GroupOutcome[] outcomes = new GroupOutcome[groups.size()];
        Budget budget = Budget.of(n, groups.size(), o.effort());
        boolean strict = !o.deviationWidens() || o.minResidents() > 0 || o.maxResidents() > 0;
        LargestFirst.run(groups.size(), gi -> graphs.get(gi).n, gi ->
                outcomes[gi] = searchWidening(graphs.get(gi), areasOfGroup[gi], assignment, lockedArea, limits.get(gi),
                        mean, o, o.seed() * 1_000_003L + gi, budget, strict ? 0 : WIDENINGS));
        List<GroupResult> groupResults = new ArrayList<>();
        int moves = 0;
        for (int gi = 0; gi < groups.size(); gi++) {
            PlanGroups.Group g = groups.get(gi);
            GroupOutcome out = outcomes[gi];
            GroupGraph graph = graphs.get(gi);
            for (int i = 0; i < graph.n; i++) {
                assignment[graph.blocks[i]] = areasOfGroup[gi][out.local[i]];
            }
            moves += (int) Math.min(Integer.MAX_VALUE, out.moves);
            if (out.limits != limits.get(gi)) {
                warnings.add(g.label() + ": no plan was found within " + Feasibility.describe(limits.get(gi), mean)
                        + ", so the default limits were widened to " + Feasibility.describe(out.limits, mean));
            }
            if (!out.feasible) {
                String rule = Feasibility.describe(out.limits, mean);
                double least = out.provenNone ? Exhaustive.smallestDeviation(graph, g.areas(), mean) : Double.NaN;
                String message = out.bound.infeasible()
                        ? g.label() + ": no plan can have " + g.areas() + " areas of " + rule
                                + ": no grouping of its blocks meets the limits, even ignoring contiguity"
                        : out.provenNone
                        ? g.label() + ": no plan can have " + g.areas() + " areas of " + rule + ": none of the ways to cut its "
                                + graph.n + " blocks into " + g.areas() + " contiguous areas meets them"
                                + (Double.isNaN(least) ? "" : String.format(Locale.ROOT,
                                        " (the smallest largest deviation they allow is %.1f%%)", 100 * least))
                        : g.label() + ": no plan found with " + g.areas() + " areas of " + rule + " ("
                                + worstArea(graph, out.local, g.areas(), out.limits)
                                + "); the limits may be too tight for its blocks: loosen them, or ask for another number of areas";
                if (strict) {
                    throw new InfeasiblePlanException(message);
                }
                warnings.add(message);
            }
            String code = g.district() < 0 ? null : p.districtCodes().get(g.district());
            groupResults.add(new GroupResult(g.label(), code, g.side().name().toLowerCase(Locale.ROOT), areasOfGroup[gi],
                    out.limits, out.feasible, out.aligned, out.bound.upper(),
                    out.feasible && out.aligned >= out.bound.upper() - AlignmentBound.rounding(graph.n)));
        }
        PlanState s = new PlanState(p, assignment, areaCount, null);
        for (int a = 0; a < areaCount; a++) {
            if (s.blocksIn(a) == 0) {
                warnings.add("area " + (a + 1) + " has no blocks (locks point past the areas the districts get)");
            } else if (s.piecesOf(a) > 1) {
                warnings.add("area " + (a + 1) + " is in " + s.piecesOf(a) + " pieces: its locked blocks do not touch,"
                        + " or its district is in pieces (declare a bridge in the region manifest)");
            }
        }
        return new Result(s.assignment(), areaCount, Arrays.copyOf(districtOf, areaCount), List.copyOf(warnings), moves, 1,
                List.copyOf(groupResults), mean);
    }

    /** The groups to search, each with its blocks' graph and population limits. */
    private record Setup(List<PlanGroups.Group> groups, List<GroupGraph> graphs, List<PopulationLimits> limits) {
    }

    /** A group in pieces that share no boundary: each piece becomes a group, with the areas it can hold. */
    private static Setup splitPieces(PlanningProblem p, Setup in, int[] lockedArea) {
        List<PlanGroups.Group> groups = new ArrayList<>();
        List<GroupGraph> graphs = new ArrayList<>();
        List<PopulationLimits> limits = new ArrayList<>();
        for (int gi = 0; gi < in.groups().size(); gi++) {
            PlanGroups.Group g = in.groups().get(gi);
            GroupGraph graph = in.graphs().get(gi);
            int[] counts = Arrays.stream(g.blocks()).anyMatch(b -> lockedArea[b] >= 0) ? null
                    : Feasibility.pieceCounts(graph, g.areas(), in.limits().get(gi));
            if (counts == null) {
                groups.add(g);
                graphs.add(graph);
                limits.add(in.limits().get(gi));
                continue;
            }
            int[] piece = graph.pieces();
            for (int x = 0; x < counts.length; x++) {
                int xx = x;
                int[] blocks = java.util.stream.IntStream.range(0, piece.length).filter(i -> piece[i] == xx)
                        .map(i -> graph.blocks[i]).toArray();
                groups.add(new PlanGroups.Group(g.district(), g.side(), blocks, counts[x], PlanGroups.residents(p, blocks),
                        g.label() + ", piece " + (x + 1) + " of " + counts.length));
                graphs.add(new GroupGraph(p, blocks));
                limits.add(in.limits().get(gi));
            }
        }
        return new Setup(groups, graphs, limits);
    }

    /** @param provenNone every cut of the group was tried and none meets the limits */
    record GroupOutcome(int[] local, boolean feasible, long moves, double aligned, AlignmentBound.Result bound,
                                PopulationLimits limits, boolean provenNone) {
        GroupOutcome withLimits(PopulationLimits l) {
            return new GroupOutcome(local, feasible, moves, aligned, bound, l, provenNone);
        }
    }

    /** With the default limits, a group where no plan is found gets them widened by this share of the mean … */
    static final double WIDENING_STEP = 0.10;
    /** … up to this many times. */
    static final int WIDENINGS = 8;

    /**
     * The search; with the default limits ({@code widenings} > 0), a group where it finds no plan
     * within them is searched again with the limits widened on both sides, so that the default
     * build always gives the closest plan to the default rules it can find, and says so.
     */
    private static GroupOutcome searchWidening(GroupGraph graph, int[] areas, int[] assignment, int[] lockedArea,
                                               PopulationLimits limits, double mean, ClusterOptions o, long seed,
                                               Budget budget, int widenings) {
        GroupOutcome out = search(graph, areas, assignment, lockedArea, limits, mean, o, seed, budget, widenings == 0)
                .withLimits(limits);
        PopulationLimits l = limits;
        for (int i = 0; i < widenings && !out.feasible; i++) {
            double step = WIDENING_STEP * mean;
            l = new PopulationLimits(Math.max(0, l.min() - step), l.max() + step, null);
            GroupOutcome next = search(graph, areas, assignment, lockedArea, l, mean, o, seed, budget, false).withLimits(l);
            out = new GroupOutcome(next.local, next.feasible, out.moves + next.moves, next.aligned, next.bound, l, false);
        }
        return out;
    }

    /**
     * Population limits per group: as asked, or for the default deviation bound widened where a
     * group needs it. Every group the quick checks rule out is named in one exception.
     */
    private static List<PopulationLimits> limits(PlanningProblem p, ClusterOptions o, List<PlanGroups.Group> groups,
                                                 List<GroupGraph> graphs, double mean, List<String> warnings) {
        List<PopulationLimits> out = new ArrayList<>();
        List<String> impossible = new ArrayList<>();
        PopulationLimits base = PopulationLimits.of(mean, o.maxDeviation(), o.minResidents(), o.maxResidents());
        for (int gi = 0; gi < groups.size(); gi++) {
            PlanGroups.Group g = groups.get(gi);
            PopulationLimits l = base;
            if (o.deviationWidens() && o.maxDeviation() != null
                    && Feasibility.whyNot(p, g, graphs.get(gi), base, mean) != null) {
                String why = Feasibility.reason(p, g, graphs.get(gi), base, mean);
                l = Feasibility.widened(p, g, graphs.get(gi), o.maxDeviation(), mean, o.minResidents(), o.maxResidents());
                warnings.add(String.format(Locale.ROOT, "%s: the default limits were widened to %s because %s", g.label(),
                        Feasibility.describe(l, mean), why));
            }
            String why = Feasibility.whyNot(p, g, graphs.get(gi), l, mean);
            if (why != null) {
                impossible.add(why);
            }
            out.add(l);
        }
        if (!impossible.isEmpty()) {
            throw new InfeasiblePlanException(String.join("; ", impossible));
        }
        return out;
    }

    /**
     * The work a run may do, shared out over the groups in proportion to their blocks: a fixed
     * number of search steps and of CP-SAT deterministic seconds, never a clock, so the same
     * options give the same plan on any machine. Small problems get the full rate per block; large
     * ones (a national run) are capped in total.
     */
    record Budget(double stepsPerBlock, double boundPerBlock) {
        static Budget of(int blocks, int groups, double effort) {
            double steps = STEPS_PER_BLOCK * Math.min(1, (double) MAX_STEPS / (STEPS_PER_BLOCK * (double) blocks));
            double bound = Math.min(BOUND_TIME * groups, MAX_BOUND_TIME) / Math.max(1, blocks);
            return new Budget(effort * steps, effort * bound);
        }

        long steps(GroupGraph g) {
            return (long) Math.ceil(stepsPerBlock * g.n);
        }

        double boundTime(GroupGraph g) {
            return boundPerBlock * g.n;
        }
    }

    /** Search steps per block of a group at effort 1 (for problems of up to {@link #MAX_STEPS} / this blocks). */
    static final int STEPS_PER_BLOCK = 2_000;
    /** Search steps of a whole run at effort 1, at most. */
    static final long MAX_STEPS = 4_000_000;
    /** CP-SAT deterministic time for the bound per group at effort 1 … */
    static final double BOUND_TIME = 0.15;
    /** … and for the whole run at most. */
    static final double MAX_BOUND_TIME = 6.0;
    /**
     * Independent annealing runs per group from the seed plan, sharing {@link #RESTART_SHARE} of the
     * steps; the best then goes on with the rest, from {@link #T_CONTINUE}. Several short runs find
     * the right basin more often than one long one (measured in docs/benchmarks.md).
     */
    static final int RESTARTS = 3;
    static final double RESTART_SHARE = 0.6;
    static final double T_CONTINUE = 0.005;
    /** Starting and final temperature of the annealing, as shares of the group's mean area residents. */
    static final double T_START = 0.02;
    static final double T_END = 0.00002;
    /** Share of annealing steps that are recombinations, and spanning trees tried in each. */
    static final double RECOMBINE_SHARE = 0.2;
    static final int TREES = 8;
    /** Greedy passes after the annealing, at most. */
    static final int POLISH_PASSES = 50;

    static GroupOutcome search(GroupGraph graph, int[] areas, int[] assignment, int[] lockedArea,
                                       PopulationLimits limits, double mean, ClusterOptions o, long seed, Budget budget,
                                       boolean strict) {
        int k = areas.length;
        int[] localArea = new int[Arrays.stream(areas).max().orElse(-1) + 1];
        for (int i = 0; i < k; i++) {
            localArea[areas[i]] = i;
        }
        int[] start = new int[graph.n];
        boolean[] locked = new boolean[graph.n];
        for (int i = 0; i < graph.n; i++) {
            start[i] = localArea[assignment[graph.blocks[i]]];
            locked[i] = lockedArea[graph.blocks[i]] >= 0;
        }
        if (k <= 1) {
            AlignmentBound.Result one = AlignmentBound.of(graph, 1, limits, start, seed, 0);
            return new GroupOutcome(start, limits.violation(graph.totalResidents) == 0, 0, one.upper(), one, limits, false);
        }
        double[] weights = {o.balanceWeight(), o.compactnessWeight()};
        double scale = graph.totalResidents / k;
        long steps = budget.steps(graph);
        if (steps == 0) {
            boolean within = new GroupSearch(graph, k, start, limits, mean, weights, locked, seed).best() != null;
            AlignmentBound.Result bound = AlignmentBound.of(graph, k, limits, within ? start : null, seed, 0);
            return new GroupOutcome(start, within, 0, aligned(graph, start, k), within ? bound
                    : new AlignmentBound.Result(AlignmentBound.trivial(graph), false, null, bound.infeasible(), 0), limits, false);
        }
        GroupSearch s = null;
        long moves = 0;
        for (int r = 0; r < RESTARTS; r++) {
            GroupSearch run = new GroupSearch(graph, k, start, limits, mean, weights, locked, seed + 7919L * r);
            run.repair(steps / RESTARTS, TREES);
            run.anneal((long) (steps * RESTART_SHARE / RESTARTS), T_START * scale, T_END * scale, RECOMBINE_SHARE, TREES);
            run.restoreBest();
            run.polish(POLISH_PASSES);
            moves += run.moves();
            if (s == null || run.bestValue() > s.bestValue() + 1e-7) {
                s = run;
            }
        }
        // the best run goes on from its best plan, starting cooler
        s.anneal((long) (steps * (1 - RESTART_SHARE)), T_CONTINUE * scale, T_END * scale, RECOMBINE_SHARE, TREES);
        s.restoreBest();
        s.polish(POLISH_PASSES);
        int[] best = s.best();
        boolean feasible = best != null;
        int[] plan = feasible ? best : s.current();
        boolean provenNone = false;
        if (!feasible && strict && !anyLocked(locked)) {
            // a small group: try every cut, for a plan the search missed or a proof there is none
            Exhaustive.Result all = Exhaustive.search(graph, k, limits);
            if (all.verdict() == Exhaustive.Verdict.FOUND) {
                GroupSearch from = new GroupSearch(graph, k, all.plan(), limits, mean, weights, locked, seed);
                from.anneal(steps / RESTARTS, T_CONTINUE * scale, T_END * scale, RECOMBINE_SHARE, TREES);
                from.restoreBest();
                from.polish(POLISH_PASSES);
                s = from;
                plan = from.best();
                feasible = true;
            }
            provenNone = all.verdict() == Exhaustive.Verdict.NONE;
        }
        AlignmentBound.Result bound = AlignmentBound.of(graph, k, limits, feasible ? plan : null, seed,
                budget.boundTime(graph));
        if (bound.optimal() && !anyLocked(locked)) {
            // the relaxation's optimum is itself a plan: take it when it scores better
            GroupSearch exact = new GroupSearch(graph, k, bound.plan(), limits, mean, weights, locked, seed);
            exact.polish(POLISH_PASSES);
            if (exact.bestValue() > s.bestValue() + 1e-6) {
                plan = exact.best();
                feasible = true;
            }
        }
        if (!feasible) {
            // the plan breaks the limits, so a bound on plans within them says nothing about it
            bound = new AlignmentBound.Result(AlignmentBound.trivial(graph), false, null, bound.infeasible(), bound.rounds());
        }
        return new GroupOutcome(plan, feasible, moves, aligned(graph, plan, k), bound, limits, provenNone);
    }

    private static boolean anyLocked(boolean[] locked) {
        for (boolean l : locked) {
            if (l) {
                return true;
            }
        }
        return false;
    }

    /** Aligned residents of a group's plan: Σ over its areas of the main PCN's residents. */
    static double aligned(GroupGraph g, int[] local, int k) {
        double[][] aff = new double[k][g.pcnCount()];
        for (int b = 0; b < g.n; b++) {
            for (int q = 0; q < g.pcnCount(); q++) {
                aff[local[b]][q] += g.affinity[b][q];
            }
        }
        double s = 0;
        for (double[] a : aff) {
            s += GroupSearch.max(a);
        }
        return s;
    }

    /** The area furthest outside the limits, in words. */
    private static String worstArea(GroupGraph g, int[] local, int k, PopulationLimits limits) {
        double[] r = new double[k];
        for (int i = 0; i < g.n; i++) {
            r[local[i]] += g.residents[i];
        }
        int worst = 0;
        for (int a = 1; a < r.length; a++) {
            if (limits.violation(r[a]) > limits.violation(r[worst])) {
                worst = a;
            }
        }
        return String.format(Locale.ROOT, "the closest plan found has an area of %,.0f residents", r[worst]);
    }

    /**
     * Locks must name areas of the plan; under nesting an area's locked blocks lie in one district
     * (and one side of it), and a group cannot hold more locked areas than the areas it gets.
     */
    private static void checkLocks(PlanningProblem p, ClusterOptions o, int[] lockedArea, List<PlanGroups.Group> groups,
                                   int total) {
        if (lockedArea.length != p.blockCount()) {
            throw new IllegalArgumentException("locks: expected one entry per block");
        }
        int areas = Math.max(total, o.areas());
        int[] groupOfBlock = new int[p.blockCount()];
        for (int gi = 0; gi < groups.size(); gi++) {
            for (int b : groups.get(gi).blocks()) {
                groupOfBlock[b] = gi;
            }
        }
        int[] groupOfLock = new int[areas];
        int[] blockOfLock = new int[areas];
        Arrays.fill(groupOfLock, -1);
        for (int b = 0; b < lockedArea.length; b++) {
            int a = lockedArea[b];
            if (a < -1 || a >= areas) {
                throw new IllegalArgumentException("block " + p.block(b).code() + " is locked to area " + (a + 1)
                        + ", outside the plan's " + areas + " areas");
            }
            if (a < 0) {
                continue;
            }
            int g = groupOfBlock[b];
            if (groupOfLock[a] >= 0 && groupOfLock[a] != g) {
                int other = blockOfLock[a];
                if (p.district(other) != p.district(b)) {
                    throw new IllegalArgumentException("area " + (a + 1) + " has locked blocks in two districts ("
                            + p.districtCodes().get(p.district(other)) + " and " + p.districtCodes().get(p.district(b))
                            + "): with district nesting an area lies in one district");
                }
                throw new IllegalArgumentException("area " + (a + 1) + " has locked blocks in " + groups.get(groupOfLock[a]).label()
                        + " and in " + groups.get(g).label() + ": an area lies on one side");
            }
            groupOfLock[a] = g;
            blockOfLock[a] = b;
        }
        for (int gi = 0; gi < groups.size(); gi++) {
            int locks = 0;
            for (int a = 0; a < areas; a++) {
                if (groupOfLock[a] == gi) {
                    locks++;
                }
            }
            PlanGroups.Group g = groups.get(gi);
            if (locks > g.areas()) {
                String where = g.side() == PlanGroups.Side.ALL && g.district() >= 0
                        ? "district " + p.districtCodes().get(g.district()) : g.label();
                throw new IllegalArgumentException(where + " has blocks locked to " + locks + " areas but gets only "
                        + g.areas() + ": ask for more areas, set areas per district, or unlock blocks");
            }
        }
    }
}
