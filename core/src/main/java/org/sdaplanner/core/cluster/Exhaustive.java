package org.sdaplanner.core.cluster;

/**
 * Tries every way to cut a small group into its areas, for the case where the search found no
 * plan within the limits: either one exists (and is returned), or none does, which is then a
 * proof the build can state. Areas are labelled in order of first block (each partition is
 * visited once) and a branch stops as soon as an area is over the maximum.
 */
final class Exhaustive {
    /** Assignments tried at most (a fraction of a second)… */
    static final long MAX_NODES = 20_000_000;
    /** … and only for groups of up to this many blocks. */
    static final int MAX_BLOCKS = 20;

    /** What the enumeration found: a plan within the limits, none at all, or too many cuts to try. */
    enum Verdict { FOUND, NONE, TOO_MANY }

    record Result(Verdict verdict, int[] plan) {
    }

    private final GroupGraph g;
    private final int k;
    private final PopulationLimits limits;
    private final int[] area;
    private final double[] pop;
    private final int[] seen;
    private final int[] queue;
    private long nodes;
    private int stamp;

    private Exhaustive(GroupGraph g, int k, PopulationLimits limits) {
        this.g = g;
        this.k = k;
        this.limits = limits;
        area = new int[g.n];
        pop = new double[k];
        seen = new int[g.n];
        queue = new int[g.n];
    }

    static Result search(GroupGraph g, int k, PopulationLimits limits) {
        if (k < 1 || k > g.n) {
            return new Result(Verdict.NONE, null);
        }
        if (g.n > MAX_BLOCKS) {
            return new Result(Verdict.TOO_MANY, null);
        }
        Exhaustive e = new Exhaustive(g, k, limits);
        Boolean found = e.assign(0, 0);
        if (found == null) {
            return new Result(Verdict.TOO_MANY, null);
        }
        return found ? new Result(Verdict.FOUND, e.area.clone()) : new Result(Verdict.NONE, null);
    }

    /** True when a plan was completed (left in {@code area}), false when none below this branch, null when over budget. */
    private Boolean assign(int b, int used) {
        if (++nodes > MAX_NODES) {
            return null;
        }
        if (b == g.n) {
            return used == k && complete();
        }
        if (k - used > g.n - b) {
            return false;
        }
        double r = g.residents[b];
        for (int a = 0; a <= Math.min(used, k - 1); a++) {
            if (pop[a] + r > limits.max() + 1e-6) {
                continue;
            }
            area[b] = a;
            pop[a] += r;
            Boolean found = assign(b + 1, Math.max(used, a + 1));
            if (found == null || found) {
                return found;
            }
            pop[a] -= r;
        }
        return false;
    }

    /**
     * The smallest largest deviation from {@code mean} any contiguous plan of the group can have
     * (branch and bound over the same enumeration), or NaN when the group is too large to try.
     */
    static double smallestDeviation(GroupGraph g, int k, double mean) {
        if (k < 1 || k > g.n || g.n > MAX_BLOCKS || mean <= 0) {
            return Double.NaN;
        }
        Exhaustive e = new Exhaustive(g, k, PopulationLimits.NONE);
        e.best = Double.POSITIVE_INFINITY;
        e.mean = mean;
        return e.minimise(0, 0) ? e.best : Double.NaN;
    }

    private double best;
    private double mean;

    /** False when over budget. */
    private boolean minimise(int b, int used) {
        if (++nodes > MAX_NODES) {
            return false;
        }
        if (b == g.n) {
            if (used == k) {
                double worst = 0;
                for (int a = 0; a < k; a++) {
                    worst = Math.max(worst, Math.abs(pop[a] / mean - 1));
                }
                if (worst < best && allContiguous()) {
                    best = worst;
                }
            }
            return true;
        }
        if (k - used > g.n - b) {
            return true;
        }
        double r = g.residents[b];
        for (int a = 0; a <= Math.min(used, k - 1); a++) {
            if (pop[a] + r > mean * (1 + best) + 1e-6) {
                continue;
            }
            area[b] = a;
            pop[a] += r;
            boolean ok = minimise(b + 1, Math.max(used, a + 1));
            pop[a] -= r;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private boolean allContiguous() {
        for (int a = 0; a < k; a++) {
            if (!contiguous(a)) {
                return false;
            }
        }
        return true;
    }

    private boolean complete() {
        for (int a = 0; a < k; a++) {
            if (limits.violation(pop[a]) > 0) {
                return false;
            }
        }
        for (int a = 0; a < k; a++) {
            if (!contiguous(a)) {
                return false;
            }
        }
        return true;
    }

    private boolean contiguous(int a) {
        stamp++;
        int start = -1;
        int size = 0;
        for (int b = 0; b < g.n; b++) {
            if (area[b] == a) {
                size++;
                if (start < 0) {
                    start = b;
                }
            }
        }
        int head = 0;
        int tail = 0;
        queue[tail++] = start;
        seen[start] = stamp;
        while (head < tail) {
            int x = queue[head++];
            for (int y : g.neighbours[x]) {
                if (seen[y] != stamp && area[y] == a) {
                    seen[y] = stamp;
                    queue[tail++] = y;
                }
            }
        }
        return tail == size;
    }
}
