package org.sdaplanner.core.cluster;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A proven upper bound on the aligned residents of any plan of one group, from an integer
 * programme solved with CP-SAT. The programme is a relaxation: every true plan maps to one of its
 * solutions with the same value, so its optimum (or CP-SAT's bound on it) is never below the best
 * plan.
 *
 * <p><b>The relaxation.</b> Each block is credited to one <i>label</i> (a PCN); {@code m[c]}
 * areas carry label c (Σ m = k), and the blocks credited to c hold between m[c]·min and
 * m[c]·max residents. The value is Σ of each block's residents registered with its label. A
 * plan gives a solution by labelling each area with its main PCN. PCNs holding under
 * {@link #LABEL_SHARE} of the group's residents share one label "other", whose value for a
 * block is the largest of theirs (never below what any of them would earn).
 *
 * <p><b>Contiguity cuts</b>, added round by round where the last solution breaks them (each is
 * true of every plan, for every label):
 * <ul>
 *   <li>a block b in a set S holding fewer than min residents: b's area cannot lie inside S, so
 *       if b has label c, some neighbour of S has label c too;</li>
 *   <li>j + 1 blocks in separate pieces C_0 … C_j of one label's solution: if all have label c
 *       and no neighbour of the pieces has, label c holds j + 1 separate pieces, so at least
 *       j + 1 areas: m[c] ≥ j + 1.</li>
 * </ul>
 * When a round's optimum breaks no cut and every label's blocks form exactly m[c] pieces each
 * within the limits, that solution is itself a plan, and the bound is attained: the plan is
 * optimal.
 *
 * <p>Coefficients are scaled to integers rounding so that the relaxation only grows (values
 * up, residents against the maximum down, against the minimum up). CP-SAT runs on one worker
 * with a fixed seed and a deterministic time limit, so the bound is the same on every run.
 */
final class AlignmentBound {
    static final double LABEL_SHARE = 0.01;
    private static final long VALUE_SCALE = 100;
    private static final long RESIDENT_SCALE = 10;
    /** Deterministic time of one CP-SAT round (CP-SAT's own unit, roughly seconds). */
    static final double ROUND_TIME = 0.15;

    /**
     * @param upper    bound on the group's aligned residents (+∞ when none could be proven)
     * @param optimal  the bound is attained by {@code plan}
     * @param plan     local area per block of a plan attaining the bound, or null
     * @param infeasible the relaxation has no solution: no plan meets the limits
     */
    record Result(double upper, boolean optimal, int[] plan, boolean infeasible, int rounds) {
    }

    /** A round gets at least this much deterministic time, so that it can find a solution at all. */
    static final double MIN_ROUND_TIME = 0.02;

    /**
     * The bound every partition of the group meets, whatever its rules: each block's residents
     * registered with the PCN it leans to most.
     */
    static double trivial(GroupGraph g) {
        double s = 0;
        for (int b = 0; b < g.n; b++) {
            s += GroupSearch.max(g.affinity[b]);
        }
        return s + rounding(g.n);
    }

    /** How far the bound may lie above the best plan through rounding alone (values are rounded up per block). */
    static double rounding(int blocks) {
        return (double) blocks / VALUE_SCALE + 1e-6;
    }

    private static volatile boolean loaded;

    static void load() {
        if (!loaded) {
            synchronized (AlignmentBound.class) {
                if (!loaded) {
                    Loader.loadNativeLibraries();
                    loaded = true;
                }
            }
        }
    }

    private final GroupGraph g;
    private final int k;
    private final PopulationLimits limits;
    private final int labels;
    /** value[b][c]: what block b earns with label c (residents). */
    private final double[] [] value;
    private final CpModel model = new CpModel();
    private final BoolVar[][] x;
    private final BoolVar[][] atLeast; // atLeast[c][t]: m[c] ≥ t + 1
    private final IntVar[] m;
    private final Set<String> cuts = new HashSet<>();

    private AlignmentBound(GroupGraph g, int k, PopulationLimits limits) {
        this.g = g;
        this.k = k;
        this.limits = limits;
        int p = g.pcnCount();
        double[] totals = new double[p];
        for (int b = 0; b < g.n; b++) {
            for (int q = 0; q < p; q++) {
                totals[q] += g.affinity[b][q];
            }
        }
        List<Integer> kept = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        for (int q = 0; q < p; q++) {
            if (totals[q] >= LABEL_SHARE * g.totalResidents && totals[q] > 0) {
                kept.add(q);
            } else if (totals[q] > 0) {
                rest.add(q);
            }
        }
        labels = Math.max(1, kept.size() + (rest.isEmpty() ? 0 : 1));
        value = new double[g.n][labels];
        for (int b = 0; b < g.n; b++) {
            for (int c = 0; c < kept.size(); c++) {
                value[b][c] = g.affinity[b][kept.get(c)];
            }
            if (!rest.isEmpty()) {
                double best = 0;
                for (int q : rest) {
                    best = Math.max(best, g.affinity[b][q]);
                }
                value[b][labels - 1] = best;
            }
        }
        x = new BoolVar[g.n][labels];
        for (int b = 0; b < g.n; b++) {
            for (int c = 0; c < labels; c++) {
                x[b][c] = model.newBoolVar("x" + b + "_" + c);
            }
            model.addExactlyOne(x[b]);
        }
        m = new IntVar[labels];
        atLeast = new BoolVar[labels][k];
        for (int c = 0; c < labels; c++) {
            m[c] = model.newIntVar(0, k, "m" + c);
            LinearExprBuilder unary = LinearExpr.newBuilder();
            for (int t = 0; t < k; t++) {
                atLeast[c][t] = model.newBoolVar("m" + c + ">=" + (t + 1));
                unary.add(atLeast[c][t]);
                if (t > 0) {
                    model.addImplication(atLeast[c][t], atLeast[c][t - 1]);
                }
            }
            model.addEquality(m[c], unary);
            LinearExprBuilder count = LinearExpr.newBuilder();
            LinearExprBuilder low = LinearExpr.newBuilder();
            LinearExprBuilder high = LinearExpr.newBuilder();
            for (int b = 0; b < g.n; b++) {
                model.addImplication(x[b][c], atLeast[c][0]); // a label that credits a block has an area
                count.add(x[b][c]);
                low.addTerm(x[b][c], (long) Math.ceil(g.residents[b] * RESIDENT_SCALE));
                high.addTerm(x[b][c], (long) Math.floor(g.residents[b] * RESIDENT_SCALE));
            }
            model.addGreaterOrEqual(count.addTerm(m[c], -1), 0); // every area has a block
            if (limits.max() < Double.POSITIVE_INFINITY) {
                model.addLessOrEqual(high.addTerm(m[c], -(long) Math.ceil(limits.max() * RESIDENT_SCALE)), 0);
            }
            if (limits.min() > 0) {
                model.addGreaterOrEqual(low.addTerm(m[c], -(long) Math.floor(limits.min() * RESIDENT_SCALE)), 0);
            }
        }
        model.addEquality(LinearExpr.sum(m), k);
        LinearExprBuilder objective = LinearExpr.newBuilder();
        for (int b = 0; b < g.n; b++) {
            for (int c = 0; c < labels; c++) {
                long v = (long) Math.ceil(value[b][c] * VALUE_SCALE);
                if (v != 0) {
                    objective.addTerm(x[b][c], v);
                }
            }
        }
        model.maximize(objective);
        // a block too small to be an area on its own needs a neighbour with its label
        for (int b = 0; b < g.n; b++) {
            if (g.residents[b] < limits.min() - 1e-6) {
                addPopulationCut(new int[]{b}, b);
            }
        }
    }

    /**
     * @param hint      local area per block of a known plan (warm start), or null
     * @param budget    deterministic time for all rounds together
     */
    static Result of(GroupGraph g, int k, PopulationLimits limits, int[] hint, long seed, double budget) {
        if (k <= 1 || g.n <= 1) {
            double best = 0;
            for (int q = 0; q < g.pcnCount(); q++) {
                double s = 0;
                for (int b = 0; b < g.n; b++) {
                    s += g.affinity[b][q];
                }
                best = Math.max(best, s);
            }
            int[] plan = new int[g.n];
            return new Result(best, true, plan, limits.violation(g.totalResidents) > 0, 0);
        }
        load();
        return new AlignmentBound(g, k, limits).solve(hint, seed, budget);
    }

    private Result solve(int[] hint, long seed, double budget) {
        if (hint != null) {
            addHint(hint);
        }
        double bound = trivial(g);
        double spent = 0;
        int rounds = 0;
        while (rounds == 0 || spent < budget - MIN_ROUND_TIME) {
            rounds++;
            CpSolver solver = new CpSolver();
            double time = Math.max(MIN_ROUND_TIME, Math.min(ROUND_TIME, budget - spent));
            solver.getParameters().setNumWorkers(1).setRandomSeed((int) (seed & 0x7fffffff))
                    .setMaxDeterministicTime(time).setLogSearchProgress(false);
            // symmetry detection costs wall time (not counted as deterministic time) and does not pay
            // here; without presolve each round is cheaper, so more rounds of cuts fit the same
            // budget (measured: tighter bounds on C&P at every balance level)
            solver.getParameters().setSymmetryLevel(0).setCpModelPresolve(false);
            CpSolverStatus status = solver.solve(model);
            spent += Math.max(solver.response().getDeterministicTime(), 1e-3);

            if (status == CpSolverStatus.INFEASIBLE) {
                return new Result(Double.NEGATIVE_INFINITY, false, null, true, rounds);
            }
            if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
                break; // no solution in the time (CP-SAT then reports no usable bound): keep those proven so far
            }
            bound = Math.min(bound, solver.bestObjectiveBound() / VALUE_SCALE);
            boolean[][] chosen = new boolean[g.n][labels];
            for (int b = 0; b < g.n; b++) {
                for (int c = 0; c < labels; c++) {
                    chosen[b][c] = solver.booleanValue(x[b][c]);
                }
            }
            int[] mv = new int[labels];
            for (int c = 0; c < labels; c++) {
                mv[c] = (int) solver.value(m[c]);
            }
            int added = separate(chosen, mv);
            if (added == 0) {
                if (status == CpSolverStatus.OPTIMAL) {
                    int[] plan = asPlan(chosen, mv);
                    return new Result(bound, plan != null, plan, false, rounds);
                }
                break;
            }
            addHintFrom(chosen);
        }
        return new Result(bound, false, null, false, rounds);
    }

    /** Adds the cuts the solution breaks; returns how many were new. */
    private int separate(boolean[][] chosen, int[] mv) {
        int added = 0;
        for (int c = 0; c < labels; c++) {
            List<int[]> pieces = pieces(chosen, c);
            for (int[] piece : pieces) {
                double r = 0;
                for (int b : piece) {
                    r += g.residents[b];
                }
                if (r < limits.min() - 1e-6) {
                    for (int b : piece) {
                        added += addPopulationCut(piece, b);
                    }
                }
            }
            if (pieces.size() > mv[c] && mv[c] < k) {
                // the m[c] + 1 pieces worth most to label c
                int c0 = c;
                pieces.sort((a, b2) -> Double.compare(worth(b2, c0), worth(a, c0)));
                List<int[]> some = pieces.subList(0, mv[c] + 1);
                added += addPieceCut(some, c, mv[c]);
            }
        }
        return added;
    }

    private double worth(int[] piece, int c) {
        double s = 0;
        for (int b : piece) {
            s += value[b][c];
        }
        return s;
    }

    /** x[b][c] ≤ Σ over the neighbours of S of x[v][c], for every label. */
    private int addPopulationCut(int[] set, int b) {
        int[] sorted = set.clone();
        Arrays.sort(sorted);
        String key = "p" + b + ":" + Arrays.toString(sorted);
        if (!cuts.add(key)) {
            return 0;
        }
        int[] around = neighbourhood(sorted);
        for (int c = 0; c < labels; c++) {
            LinearExprBuilder e = LinearExpr.newBuilder();
            for (int v : around) {
                e.add(x[v][c]);
            }
            e.addTerm(x[b][c], -1);
            model.addGreaterOrEqual(e, 0);
        }
        return 1;
    }

    /** Σ x[u_i][c] − j ≤ Σ over the pieces' neighbours of x[v][c] + [m[c] ≥ j + 1], for every label. */
    private int addPieceCut(List<int[]> pieces, int label, int j) {
        int[] reps = new int[pieces.size()];
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            int[] piece = pieces.get(i);
            int best = piece[0];
            for (int b : piece) {
                if (value[b][label] > value[best][label]) {
                    best = b;
                }
                all.add(b);
            }
            reps[i] = best;
        }
        int[] union = all.stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] sortedReps = reps.clone();
        Arrays.sort(sortedReps);
        String key = "s" + Arrays.toString(sortedReps) + ":" + Arrays.toString(union);
        if (!cuts.add(key)) {
            return 0;
        }
        int[] around = neighbourhood(union);
        for (int c = 0; c < labels; c++) {
            LinearExprBuilder e = LinearExpr.newBuilder();
            for (int v : around) {
                e.add(x[v][c]);
            }
            e.add(atLeast[c][j]);
            for (int u : reps) {
                e.addTerm(x[u][c], -1);
            }
            model.addGreaterOrEqual(e, -j);
        }
        return 1;
    }

    /** Blocks next to the set and not in it (the set sorted). */
    private int[] neighbourhood(int[] sorted) {
        boolean[] in = new boolean[g.n];
        for (int b : sorted) {
            in[b] = true;
        }
        boolean[] around = new boolean[g.n];
        for (int b : sorted) {
            for (int y : g.neighbours[b]) {
                if (!in[y]) {
                    around[y] = true;
                }
            }
        }
        int count = 0;
        for (boolean a : around) {
            if (a) {
                count++;
            }
        }
        int[] out = new int[count];
        int i = 0;
        for (int b = 0; b < g.n; b++) {
            if (around[b]) {
                out[i++] = b;
            }
        }
        return out;
    }

    /** The connected pieces of the blocks credited to label c. */
    private List<int[]> pieces(boolean[][] chosen, int c) {
        List<int[]> out = new ArrayList<>();
        boolean[] seen = new boolean[g.n];
        int[] stack = new int[g.n];
        for (int s = 0; s < g.n; s++) {
            if (!chosen[s][c] || seen[s]) {
                continue;
            }
            List<Integer> members = new ArrayList<>();
            int top = 0;
            stack[top++] = s;
            seen[s] = true;
            while (top > 0) {
                int v = stack[--top];
                members.add(v);
                for (int y : g.neighbours[v]) {
                    if (chosen[y][c] && !seen[y]) {
                        seen[y] = true;
                        stack[top++] = y;
                    }
                }
            }
            out.add(members.stream().mapToInt(Integer::intValue).sorted().toArray());
        }
        return out;
    }

    /** The solution as a plan when each label's blocks form exactly m[c] pieces within the limits, else null. */
    private int[] asPlan(boolean[][] chosen, int[] mv) {
        int[] plan = new int[g.n];
        int area = 0;
        for (int c = 0; c < labels; c++) {
            List<int[]> pieces = pieces(chosen, c);
            if (pieces.size() != mv[c]) {
                return null;
            }
            for (int[] piece : pieces) {
                double r = 0;
                for (int b : piece) {
                    r += g.residents[b];
                    plan[b] = area;
                }
                if (limits.violation(r) > 0) {
                    return null;
                }
                area++;
            }
        }
        return area == k ? plan : null;
    }

    private void addHint(int[] plan) {
        int[] label = new int[k];
        for (int a = 0; a < k; a++) {
            double best = -1;
            for (int c = 0; c < labels; c++) {
                double s = 0;
                for (int b = 0; b < g.n; b++) {
                    if (plan[b] == a) {
                        s += value[b][c];
                    }
                }
                if (s > best) {
                    best = s;
                    label[a] = c;
                }
            }
        }
        boolean[][] chosen = new boolean[g.n][labels];
        for (int b = 0; b < g.n; b++) {
            chosen[b][label[plan[b]]] = true;
        }
        int[] count = new int[labels];
        for (int a = 0; a < k; a++) {
            count[label[a]]++;
        }
        model.clearHints();
        for (int b = 0; b < g.n; b++) {
            for (int c = 0; c < labels; c++) {
                model.addHint(x[b][c], chosen[b][c]);
            }
        }
        for (int c = 0; c < labels; c++) {
            model.addHint(m[c], count[c]);
            for (int t = 0; t < k; t++) {
                model.addHint(atLeast[c][t], t < count[c]);
            }
        }
        hintPlan = plan;
    }

    private int[] hintPlan;

    /** Keeps the known plan as the hint: it stays a solution under every cut, unlike the last round's. */
    private void addHintFrom(boolean[][] chosen) {
        if (hintPlan != null) {
            addHint(hintPlan);
        }
    }
}
