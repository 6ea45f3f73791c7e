package org.sdaplanner.core.cluster;

import org.sdaplanner.core.plan.PlanningProblem;

import java.util.Arrays;
import java.util.Locale;

/**
 * Quick proofs that a group cannot meet its population limits, each with a message a person can
 * act on; and, for the default deviation bound, the smallest bound a group can meet.
 */
final class Feasibility {
    private Feasibility() {
    }

    /**
     * Why no plan of the group can meet the limits, or null when these quick checks find no
     * reason (the search, and the bound's relaxation, may still find one).
     */
    static String whyNot(PlanningProblem p, PlanGroups.Group group, GroupGraph g, PopulationLimits limits, double mean) {
        String reason = reason(p, group, g, limits, mean);
        return reason == null ? null : group.label() + ": " + reason;
    }

    /** {@link #whyNot} without the group's name: "block X has …", "its … residents …", "it is in … pieces …". */
    static String reason(PlanningProblem p, PlanGroups.Group group, GroupGraph g, PopulationLimits limits, double mean) {
        int k = group.areas();
        String rule = describe(limits, mean);
        for (int i = 0; i < g.n; i++) {
            if (g.residents[i] > limits.max()) {
                int b = g.blocks[i];
                return String.format(Locale.ROOT, "block %s (%s) has %,.0f residents, more than an area may have (%s)",
                        p.block(b).code(), p.block(b).name(), g.residents[i], rule);
            }
        }
        if (g.totalResidents < k * limits.min() - 1e-6) {
            return String.format(Locale.ROOT, "its %,.0f residents are fewer than %d areas × %,.0f (%s)",
                    g.totalResidents, k, limits.min(), rule);
        }
        if (g.totalResidents > k * limits.max() + 1e-6) {
            return String.format(Locale.ROOT, "its %,.0f residents are more than %d areas × %,.0f (%s)",
                    g.totalResidents, k, limits.max(), rule);
        }
        // each connected piece of the group holds whole areas: some count j per piece, j·min ≤ residents ≤ j·max, Σ j = k
        int[] piece = g.pieces();
        int pieces = 0;
        for (int x : piece) {
            pieces = Math.max(pieces, x + 1);
        }
        if (pieces > 1) {
            double[] r = new double[pieces];
            for (int i = 0; i < g.n; i++) {
                r[piece[i]] += g.residents[i];
            }
            if (pieces > k) {
                return String.format(Locale.ROOT, "it is in %d pieces that share no boundary but gets %d areas:"
                        + " an area cannot span two pieces (declare a bridge in the region manifest, or ask for more areas)",
                        pieces, k);
            }
            // reachable[j]: the pieces so far can take exactly j areas
            boolean[] reachable = new boolean[k + 1];
            reachable[0] = true;
            for (int x = 0; x < pieces; x++) {
                boolean[] nextReach = new boolean[k + 1];
                for (int j = 0; j <= k; j++) {
                    if (!reachable[j]) {
                        continue;
                    }
                    for (int add = 1; j + add <= k; add++) {
                        if (add * limits.min() <= r[x] + 1e-6 && r[x] <= add * limits.max() + 1e-6) {
                            nextReach[j + add] = true;
                        }
                    }
                }
                reachable = nextReach;
            }
            if (!reachable[k]) {
                return String.format(Locale.ROOT, "it is in %d pieces that share no boundary, and their residents"
                        + " cannot be shared into %d areas of %s (declare a bridge in the region manifest)",
                        pieces, k, rule);
            }
        }
        return null;
    }

    /**
     * For a group in several pieces that share no boundary: how many areas each piece takes, so
     * that every piece can meet the limits and the counts are as near as possible to the pieces'
     * shares of residents; null when the group is in one piece or no such counts exist.
     *
     * @return areas per piece, indexed as {@link GroupGraph#pieces()}
     */
    static int[] pieceCounts(GroupGraph g, int k, PopulationLimits limits) {
        int[] piece = g.pieces();
        int pieces = 0;
        for (int x : piece) {
            pieces = Math.max(pieces, x + 1);
        }
        if (pieces < 2 || pieces > k) {
            return null;
        }
        double[] r = new double[pieces];
        for (int i = 0; i < g.n; i++) {
            r[piece[i]] += g.residents[i];
        }
        double total = Math.max(1e-9, g.totalResidents);
        // cost[x][j]: least Σ (count − fair share)² for pieces 0 … x−1 taking j areas; choice[x][j] its last count
        double[][] cost = new double[pieces + 1][k + 1];
        int[][] choice = new int[pieces + 1][k + 1];
        for (double[] row : cost) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        cost[0][0] = 0;
        for (int x = 0; x < pieces; x++) {
            double fair = k * r[x] / total;
            for (int j = 0; j <= k; j++) {
                if (cost[x][j] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                for (int add = 1; j + add <= k; add++) {
                    if (add * limits.min() <= r[x] + 1e-6 && r[x] <= add * limits.max() + 1e-6) {
                        double c = cost[x][j] + (add - fair) * (add - fair);
                        if (c < cost[x + 1][j + add] - 1e-12) {
                            cost[x + 1][j + add] = c;
                            choice[x + 1][j + add] = add;
                        }
                    }
                }
            }
        }
        if (cost[pieces][k] == Double.POSITIVE_INFINITY) {
            return null;
        }
        int[] out = new int[pieces];
        int j = k;
        for (int x = pieces; x > 0; x--) {
            out[x - 1] = choice[x][j];
            j -= choice[x][j];
        }
        return out;
    }

    /**
     * Limits the quick checks do not rule out for the group, from the default deviation bound
     * {@code base} widened in steps of 5 points: first the upper limit alone (one block larger
     * than an area may be), then the lower one too. Explicit bounds on residents are kept.
     */
    static PopulationLimits widened(PlanningProblem p, PlanGroups.Group group, GroupGraph g, double base, double mean,
                                    double minResidents, double maxResidents) {
        double hi = base;
        double lo = base;
        for (int step = 0; step < 800; step++) {
            PopulationLimits l = limits(mean, lo, hi, minResidents, maxResidents);
            if (l == null || whyNot(p, group, g, l, mean) == null) {
                return l == null ? PopulationLimits.of(mean, base, minResidents, maxResidents) : l;
            }
            // widen the upper side while a single block or the group's own mean needs it, else both
            double biggest = 0;
            for (double r : g.residents) {
                biggest = Math.max(biggest, r);
            }
            boolean upperOnly = biggest > l.max() || g.totalResidents / group.areas() > l.max();
            hi = Math.floor(hi * 20 + 1 + 1e-9) / 20;
            if (!upperOnly) {
                lo = Math.min(1, Math.floor(lo * 20 + 1 + 1e-9) / 20);
            }
        }
        return limits(mean, lo, hi, minResidents, maxResidents);
    }

    private static PopulationLimits limits(double mean, double lo, double hi, double minResidents, double maxResidents) {
        double min = Math.max(minResidents, mean * (1 - lo));
        double max = mean * (1 + hi);
        if (maxResidents > 0) {
            max = Math.min(max, maxResidents);
        }
        if (max < min) {
            return null;
        }
        return new PopulationLimits(Math.max(0, min), max, lo == hi ? hi : null);
    }

    static String describe(PopulationLimits l, double mean) {
        String range = l.describe();
        if (l.deviation() != null) {
            range += String.format(Locale.ROOT, ": ±%.1f%% of the mean area's %,.0f", 100 * l.deviation(), mean);
        } else if (l.bounded() && mean > 0 && l.max() < Double.POSITIVE_INFINITY) {
            range += String.format(Locale.ROOT, ": %+.1f%% to %+.1f%% of the mean area's %,.0f", 100 * (l.min() / mean - 1),
                    100 * (l.max() / mean - 1), mean);
        }
        return range;
    }
}
