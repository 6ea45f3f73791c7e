package org.sdaplanner.core.cluster;

import java.util.Arrays;
import java.util.Random;

/**
 * The search inside one group: simulated annealing over two kinds of move, both of which keep
 * every area in one piece.
 * <ul>
 *   <li><b>recombination</b>: two neighbouring areas are merged and split again along the best
 *       cut of a few random spanning trees of their union (each tree edge cut gives two
 *       connected halves, scored exactly from subtree sums);</li>
 *   <li><b>single moves</b>: a block on an area's edge joins the neighbouring area.</li>
 * </ul>
 * The score is in residents: Σ over areas of the residents registered with the area's main PCN,
 * less {@link #PENALTY} per resident outside the population limits, less the optional balance
 * and compactness terms. Areas outside the limits are allowed on the way (so a seed plan that
 * breaks them can be repaired), but only plans within the limits are kept as the result. All
 * random choices come from one seeded generator, so a run is repeatable.
 */
final class GroupSearch {
    /** PCNs per union that rank the candidate cuts of a recombination. */
    static final int RANK_PCNS = 8;

    /** Cost of one resident outside the limits, in aligned residents: above 1, so repairs win. */
    static final double PENALTY = 4;

    private final GroupGraph g;
    private final PopulationLimits limits;
    private final double balance;
    private final double compactness;
    private final double mean;
    private final boolean[] locked;
    private final Random random;
    private final int k;
    private final int pcns;

    private final int[] areaOf;
    private final int[] size;
    private final int[] lockedIn;
    private final double[] pop;
    private final double[][] aff;
    private final double[] top;
    private final double[] land;
    private final double[] perim;
    private final double[] score;

    private double bestValue = Double.NEGATIVE_INFINITY;
    private int[] best;
    /** The best plan by score whether within the limits or not: the closest to them when none is. */
    private double bestAnyValue = Double.NEGATIVE_INFINITY;
    private int[] bestAny;
    private long moves;

    // scratch space for recombination
    private final int[] pos;
    private final int[] nodes;
    private final int[] parent;
    private final boolean[] inTree;
    private final int[] order;
    private final double[] subPop;
    private final double[][] subAff;
    private final int[] subLockA;
    private final int[] subLockB;
    private final int[] bestSide;
    private final int[] side;
    private final int[] active;
    private final double[] totAff;
    private final int[] adjStart;
    private final int[] adj;
    private final int[] edgeFrom;
    private final int[] edgeTo;
    private final int[] childStart;
    private final int[] childFill;
    private final int[] children;

    /**
     * @param start       area (0 … k−1) per local block; every area non-empty and in one piece
     * @param mean        residents of the region's mean area, for the balance term
     * @param weights     {balance, compactness} weights as in {@link Objective}
     * @param locked      per local block, whether it may not move
     */
    GroupSearch(GroupGraph g, int k, int[] start, PopulationLimits limits, double mean, double[] weights,
                boolean[] locked, long seed) {
        this.g = g;
        this.k = k;
        this.limits = limits;
        this.mean = mean;
        this.balance = weights[0];
        this.compactness = weights[1];
        this.locked = locked;
        this.random = new Random(seed);
        this.pcns = g.pcnCount();
        int n = g.n;
        areaOf = start.clone();
        size = new int[k];
        lockedIn = new int[k];
        pop = new double[k];
        aff = new double[k][pcns];
        top = new double[k];
        land = new double[k];
        perim = new double[k];
        score = new double[k];
        addUpTotals();
        pos = new int[n];
        Arrays.fill(pos, -1);
        nodes = new int[n];
        parent = new int[n];
        inTree = new boolean[n];
        order = new int[n];
        subPop = new double[n];
        subAff = new double[n][RANK_PCNS];
        subLockA = new int[n];
        subLockB = new int[n];
        bestSide = new int[n];
        side = new int[n];
        active = new int[RANK_PCNS];
        totAff = new double[RANK_PCNS];
        adjStart = new int[n + 1];
        int edges = 0;
        for (int[] ns : g.neighbours) {
            edges += ns.length;
        }
        adj = new int[Math.max(1, edges)];
        edgeFrom = new int[Math.max(1, edges)];
        edgeTo = new int[Math.max(1, edges)];
        childStart = new int[n + 1];
        childFill = new int[n + 1];
        children = new int[Math.max(1, n)];
        keepIfBest();
    }

    /** Plan value (aligned residents less the soft terms) if within the limits, else −∞. */
    double bestValue() {
        return bestValue;
    }

    /** The best plan within the limits seen so far, or null when none was. */
    int[] best() {
        return best == null ? null : best.clone();
    }

    /** The best plan by score, within the limits or not. */
    int[] current() {
        return bestAny.clone();
    }

    long moves() {
        return moves;
    }

    static double max(double[] v) {
        double m = 0;
        for (double x : v) {
            if (x > m) {
                m = x;
            }
        }
        return m;
    }

    private double areaScore(double residents, double aligned, double landArea, double perimeter) {
        if (repairing) {
            return -limits.violation(residents);
        }
        return Objective.areaScore(aligned, residents, landArea, perimeter, mean, balance, compactness)
                - PENALTY * limits.violation(residents);
    }

    /** While repairing, the score is minus the residents outside the limits, nothing else. */
    private boolean repairing;

    /**
     * Brings a plan outside the limits inside them: the same moves, scored on residents outside
     * the limits alone and taken when they do not add to them, so that moves which shift an
     * excess from one area to the next are free (a plain penalty would charge them their loss
     * of alignment, and a chain of such moves may be the only way in). Stops as soon as every
     * area is within the limits, or after {@code maxSteps}.
     *
     * @return whether the plan is now within the limits
     */
    boolean repair(long maxSteps, int trees) {
        if (feasible() || k < 2) {
            return feasible();
        }
        setRepairing(true);
        double t = 1e-6 * Math.max(1, g.totalResidents / k);
        for (long i = 0; i < maxSteps && !feasible(); i++) {
            if (random.nextDouble() < 0.5) {
                recombine(t, trees);
            } else {
                singleMove(t);
            }
        }
        setRepairing(false);
        keepIfBest();
        return feasible();
    }

    private void setRepairing(boolean on) {
        repairing = on;
        for (int a = 0; a < k; a++) {
            score[a] = areaScore(pop[a], top[a], land[a], perim[a]);
        }
    }

    /** The current plan's score (aligned residents less soft terms and the limits' penalty). */
    double score() {
        return total();
    }

    /** Local area of each block now. */
    int areaOf(int b) {
        return areaOf[b];
    }

    private double total() {
        double s = 0;
        for (int a = 0; a < k; a++) {
            s += score[a];
        }
        return s;
    }

    private boolean feasible() {
        for (int a = 0; a < k; a++) {
            if (limits.violation(pop[a]) > 0 || size[a] == 0) {
                return false;
            }
        }
        return true;
    }

    private void keepIfBest() {
        if (repairing) {
            return;
        }
        double v = total();
        if (v > bestAnyValue + 1e-7) {
            bestAnyValue = v;
            bestAny = areaOf.clone();
        }
        if (!feasible()) {
            return;
        }
        if (v > bestValue + 1e-7) {
            bestValue = v;
            best = areaOf.clone();
        }
    }

    /** Puts the best plan within the limits back in place (no-op when there is none). */
    void restoreBest() {
        if (best == null) {
            return;
        }
        int[] target = best.clone();
        // rebuild the running totals from scratch: simpler and exact
        Arrays.fill(size, 0);
        Arrays.fill(lockedIn, 0);
        Arrays.fill(pop, 0);
        Arrays.fill(land, 0);
        Arrays.fill(perim, 0);
        for (double[] row : aff) {
            Arrays.fill(row, 0);
        }
        System.arraycopy(target, 0, areaOf, 0, g.n);
        addUpTotals();
    }

    /** Adds up each area's totals from {@code areaOf}, into arrays that hold zeros. */
    private void addUpTotals() {
        for (int b = 0; b < g.n; b++) {
            int a = areaOf[b];
            size[a]++;
            if (locked[b]) {
                lockedIn[a]++;
            }
            pop[a] += g.residents[b];
            land[a] += g.area[b];
            perim[a] += g.perimeter[b];
            for (int q = 0; q < pcns; q++) {
                aff[a][q] += g.affinity[b][q];
            }
            for (int j = 0; j < g.neighbours[b].length; j++) {
                int y = g.neighbours[b][j];
                if (y < b && areaOf[y] == a) {
                    perim[a] -= 2 * g.shared[b][j];
                }
            }
        }
        for (int a = 0; a < k; a++) {
            top[a] = max(aff[a]);
            score[a] = areaScore(pop[a], top[a], land[a], perim[a]);
        }
    }

    /**
     * Simulated annealing for {@code steps} steps, the temperature falling geometrically from
     * {@code t0} to {@code t1} (in residents); {@code recombineShare} of the steps are
     * recombinations, each trying {@code trees} spanning trees.
     */
    void anneal(long steps, double t0, double t1, double recombineShare, int trees) {
        if (k < 1 || g.n < 2) {
            return;
        }
        double ratio = Math.log(t1 / t0);
        for (long i = 0; i < steps; i++) {
            double t = t0 * Math.exp(ratio * i / steps);
            if (k >= 2 && random.nextDouble() < recombineShare) {
                recombine(t, trees);
            } else {
                singleMove(t);
            }
        }
        keepIfBest();
    }

    /** Greedy single moves (each block in a random order) until none raises the score. */
    void polish(int maxPasses) {
        int n = g.n;
        int[] visit = new int[n];
        for (int i = 0; i < n; i++) {
            visit[i] = i;
        }
        for (int pass = 0; pass < maxPasses; pass++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = visit[i];
                visit[i] = visit[j];
                visit[j] = t;
            }
            boolean moved = false;
            for (int b : visit) {
                if (locked[b] || size[areaOf[b]] <= 1) {
                    continue;
                }
                int from = areaOf[b];
                int bestTo = -1;
                double bestDelta = 1e-7;
                for (int y : g.neighbours[b]) {
                    int to = areaOf[y];
                    if (to == from || to == bestTo) {
                        continue;
                    }
                    double d = moveDelta(b, to);
                    if (d > bestDelta && !worsensFeasibility(b, from, to)) {
                        bestDelta = d;
                        bestTo = to;
                    }
                }
                if (bestTo >= 0 && removable(b)) {
                    apply(b, bestTo);
                    moved = true;
                }
            }
            keepIfBest();
            if (!moved) {
                break;
            }
        }
    }

    /** Once the plan is within the limits, a greedy move may not take it outside. */
    private boolean worsensFeasibility(int b, int from, int to) {
        double r = g.residents[b];
        return limits.violation(pop[from] - r) > limits.violation(pop[from]) + 1e-9
                || limits.violation(pop[to] + r) > limits.violation(pop[to]) + 1e-9;
    }

    // ------------------------------------------------------------------ single moves

    private void singleMove(double t) {
        int b = random.nextInt(g.n);
        int[] ns = g.neighbours[b];
        if (locked[b] || ns.length == 0) {
            return;
        }
        int from = areaOf[b];
        int to = areaOf[ns[random.nextInt(ns.length)]];
        if (to == from || size[from] <= 1) {
            return;
        }
        double d = moveDelta(b, to);
        if (d >= 0 || random.nextDouble() < Math.exp(d / t)) {
            if (removable(b)) {
                apply(b, to);
                if (d > 0) {
                    keepIfBest();
                }
            }
        }
    }

    /** The change in {@link #score()} if block b moved to local area {@code to}. */
    double moveDelta(int b, int to) {
        int from = areaOf[b];
        double r = g.residents[b];
        double[] v = g.affinity[b];
        double fromTop = 0;
        double toTop = 0;
        for (int q = 0; q < pcns; q++) {
            double f = aff[from][q] - v[q];
            if (f > fromTop) {
                fromTop = f;
            }
            double x = aff[to][q] + v[q];
            if (x > toTop) {
                toTop = x;
            }
        }
        double sharedFrom = 0;
        double sharedTo = 0;
        if (compactness > 0) {
            for (int j = 0; j < g.neighbours[b].length; j++) {
                int a = areaOf[g.neighbours[b][j]];
                if (a == from) {
                    sharedFrom += g.shared[b][j];
                } else if (a == to) {
                    sharedTo += g.shared[b][j];
                }
            }
        }
        double newFrom = areaScore(pop[from] - r, fromTop, land[from] - g.area[b],
                perim[from] - (g.perimeter[b] - 2 * sharedFrom));
        double newTo = areaScore(pop[to] + r, toTop, land[to] + g.area[b], perim[to] + (g.perimeter[b] - 2 * sharedTo));
        return newFrom + newTo - score[from] - score[to];
    }

    /** Moves block b to local area {@code to} (contiguity is the caller's business). */
    void apply(int b, int to) {
        int from = areaOf[b];
        double sharedFrom = 0;
        double sharedTo = 0;
        for (int j = 0; j < g.neighbours[b].length; j++) {
            int a = areaOf[g.neighbours[b][j]];
            if (a == from) {
                sharedFrom += g.shared[b][j];
            } else if (a == to) {
                sharedTo += g.shared[b][j];
            }
        }
        double r = g.residents[b];
        size[from]--;
        size[to]++;
        if (locked[b]) {
            lockedIn[from]--;
            lockedIn[to]++;
        }
        pop[from] -= r;
        pop[to] += r;
        land[from] -= g.area[b];
        land[to] += g.area[b];
        perim[from] -= g.perimeter[b] - 2 * sharedFrom;
        perim[to] += g.perimeter[b] - 2 * sharedTo;
        double[] v = g.affinity[b];
        for (int q = 0; q < pcns; q++) {
            aff[from][q] -= v[q];
            aff[to][q] += v[q];
        }
        areaOf[b] = to;
        top[from] = max(aff[from]);
        top[to] = max(aff[to]);
        score[from] = areaScore(pop[from], top[from], land[from], perim[from]);
        score[to] = areaScore(pop[to], top[to], land[to], perim[to]);
        moves++;
    }

    /** Whether the block's area stays in one piece without it. */
    private boolean removable(int b) {
        int a = areaOf[b];
        int start = -1;
        for (int y : g.neighbours[b]) {
            if (areaOf[y] == a) {
                start = y;
                break;
            }
        }
        if (start < 0) {
            return false;
        }
        // flood the area from start, not through b; uses `side` as the seen-marker (0 = unseen)
        int top = 0;
        nodes[top++] = start;
        side[start] = 1;
        side[b] = 1;
        int reached = 1;
        int head = 0;
        while (head < top) {
            int x = nodes[head++];
            for (int y : g.neighbours[x]) {
                if (side[y] == 0 && areaOf[y] == a) {
                    side[y] = 1;
                    nodes[top++] = y;
                    reached++;
                }
            }
        }
        for (int i = 0; i < top; i++) {
            side[nodes[i]] = 0;
        }
        side[b] = 0;
        return reached == size[a] - 1;
    }

    // ------------------------------------------------------------------ recombination

    private void recombine(double t, int trees) {
        int b = random.nextInt(g.n);
        int[] ns = g.neighbours[b];
        if (ns.length == 0) {
            return;
        }
        int areaA = areaOf[b];
        int areaB = areaOf[ns[random.nextInt(ns.length)]];
        if (areaA == areaB) {
            return;
        }
        int m = 0;
        for (int x = 0; x < g.n; x++) {
            int a = areaOf[x];
            if (a == areaA || a == areaB) {
                pos[x] = m;
                nodes[m++] = x;
            }
        }
        buildUnionAdjacency(m);
        if (!connected(m)) {
            clearPos(m);
            return;
        }
        double totPop = pop[areaA] + pop[areaB];
        // cuts are ranked on the union's RANK_PCNS largest PCNs (a half's main PCN is nearly always
        // one of them); the cut taken is then scored exactly on all of them (splitScore)
        int na = 0;
        for (int q = 0; q < pcns; q++) {
            double t2 = aff[areaA][q] + aff[areaB][q];
            if (t2 <= 0) {
                continue;
            }
            int at = na < RANK_PCNS ? na++ : RANK_PCNS;
            if (at == RANK_PCNS && t2 <= totAff[RANK_PCNS - 1]) {
                continue;
            }
            // insertion into the list kept in decreasing order of total
            int i = Math.min(at, RANK_PCNS - 1);
            while (i > 0 && totAff[i - 1] < t2) {
                totAff[i] = totAff[i - 1];
                active[i] = active[i - 1];
                i--;
            }
            totAff[i] = t2;
            active[i] = q;
        }
        int locksA = lockedIn[areaA];
        int locksB = lockedIn[areaB];
        double current = score[areaA] + score[areaB];
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestCut = -1;
        for (int tree = 0; tree < trees; tree++) {
            randomTree(m);
            int cut = -1;
            double cutScore = Double.NEGATIVE_INFINITY;
            // order[] holds the nodes root first, each after its parent: sum subtrees backwards
            for (int i = m - 1; i >= 0; i--) {
                int v = order[i];
                int x = nodes[v];
                subPop[v] += g.residents[x];
                double[] sa = subAff[v];
                double[] own = g.affinity[x];
                for (int j = 0; j < na; j++) {
                    sa[j] += own[active[j]];
                }
                if (locked[x]) {
                    if (areaOf[x] == areaA) {
                        subLockA[v]++;
                    } else {
                        subLockB[v]++;
                    }
                }
                if (i == 0) {
                    break;
                }
                int u = parent[v];
                subPop[u] += subPop[v];
                double[] su = subAff[u];
                for (int j = 0; j < na; j++) {
                    su[j] += sa[j];
                }
                subLockA[u] += subLockA[v];
                subLockB[u] += subLockB[v];
                // the cut above v: v's subtree is one half
                if (!locksFit(subLockA[v], subLockB[v], locksA, locksB)) {
                    continue;
                }
                double p1 = subPop[v];
                double p2 = totPop - p1;
                double v1 = 0;
                double v2 = 0;
                for (int j = 0; j < na; j++) {
                    if (sa[j] > v1) {
                        v1 = sa[j];
                    }
                    double rest = totAff[j] - sa[j];
                    if (rest > v2) {
                        v2 = rest;
                    }
                }
                double sc = quickScore(p1, v1) + quickScore(p2, v2);
                if (sc > cutScore) {
                    cutScore = sc;
                    cut = v;
                }
            }
            if (cut >= 0 && cutScore > bestScore + 1e-9) {
                bestScore = cutScore;
                bestCut = cut;
                markSubtree(cut, m);
            }
            for (int i = 0; i < m; i++) {
                subPop[i] = 0;
                double[] sa = subAff[i];
                for (int j = 0; j < na; j++) {
                    sa[j] = 0;
                }
                subLockA[i] = 0;
                subLockB[i] = 0;
            }
        }
        if (bestCut < 0) {
            clearPos(m);
            return;
        }
        // the half holding A's locks (or, without locks, the half holding most of A) stays A
        int overlapA = 0;
        int inHalf = 0;
        boolean halfHasLockA = false;
        boolean halfHasLockB = false;
        for (int i = 0; i < m; i++) {
            if (bestSide[i] == 1) {
                inHalf++;
                int x = nodes[i];
                if (areaOf[x] == areaA) {
                    overlapA++;
                }
                if (locked[x]) {
                    halfHasLockA |= areaOf[x] == areaA;
                    halfHasLockB |= areaOf[x] == areaB;
                }
            }
        }
        // the half with A's locks is A, the half with B's is B; a half without locks goes by the
        // locks of the other half, and when neither has any, by which area it mostly was
        boolean halfIsA;
        if (halfHasLockA || halfHasLockB) {
            halfIsA = halfHasLockA;
        } else if (locksA > 0 || locksB > 0) {
            halfIsA = locksA == 0;
        } else {
            halfIsA = 2 * overlapA >= inHalf;
        }
        double before = current;
        double exactAfter = splitScore(m, halfIsA, areaA, areaB);
        double d = exactAfter - before;
        if (d >= 0 || random.nextDouble() < Math.exp(d / t)) {
            applySplit(m, halfIsA, areaA, areaB);
            if (d > 0) {
                keepIfBest();
            }
        }
        clearPos(m);
    }

    private static boolean locksFit(int subA, int subB, int locksA, int locksB) {
        // each area's locked blocks all on one side, and not both areas' locks on the same side
        boolean aSplit = subA > 0 && subA < locksA;
        boolean bSplit = subB > 0 && subB < locksB;
        if (aSplit || bSplit) {
            return false;
        }
        boolean aIn = locksA > 0 && subA == locksA;
        boolean bIn = locksB > 0 && subB == locksB;
        boolean aOut = locksA > 0 && subA == 0;
        boolean bOut = locksB > 0 && subB == 0;
        return !(aIn && bIn) && !(aOut && bOut);
    }

    /** Area score from residents and aligned residents only (no compactness): ranks candidate cuts. */
    private double quickScore(double residents, double aligned) {
        if (repairing) {
            return -limits.violation(residents);
        }
        return Objective.areaScore(aligned, residents, 0, 0, mean, balance, 0) - PENALTY * limits.violation(residents);
    }

    private void markSubtree(int cut, int m) {
        // bestSide[i] = 1 for the nodes in cut's subtree: walk each node up to the root
        for (int i = 0; i < m; i++) {
            bestSide[i] = 0;
        }
        bestSide[cut] = 1;
        for (int idx = 1; idx < m; idx++) { // order[0] is the root
            int v = order[idx];
            if (v != cut && bestSide[parent[v]] == 1) {
                bestSide[v] = 1;
            }
        }
    }

    /**
     * A random spanning tree of the union, then a root-first order. Grown from a random root by
     * adding, one at a time, a random edge leaving the tree (O(edges), one random number per
     * edge); not uniform over trees like Wilson's algorithm, which ReCom samplers use, but as
     * varied, and cheaper on the long thin unions districts make (measured: the same plans on
     * C&P for about a fifth less work).
     */
    private void randomTree(int m) {
        for (int i = 0; i < m; i++) {
            inTree[i] = false;
            parent[i] = -1;
        }
        int root = random.nextInt(m);
        inTree[root] = true;
        int frontier = 0;
        for (int j = adjStart[root]; j < adjStart[root + 1]; j++) {
            edgeFrom[frontier] = root;
            edgeTo[frontier++] = adj[j];
        }
        while (frontier > 0) {
            int pick = random.nextInt(frontier);
            int u = edgeFrom[pick];
            int w = edgeTo[pick];
            frontier--;
            edgeFrom[pick] = edgeFrom[frontier];
            edgeTo[pick] = edgeTo[frontier];
            if (inTree[w]) {
                continue;
            }
            inTree[w] = true;
            parent[w] = u;
            for (int j = adjStart[w]; j < adjStart[w + 1]; j++) {
                if (!inTree[adj[j]]) {
                    edgeFrom[frontier] = w;
                    edgeTo[frontier++] = adj[j];
                }
            }
        }
        treeOrder(m, root);
    }

    private void treeOrder(int m, int root) {
        // root-first order: breadth first over children (built from parent pointers)
        java.util.Arrays.fill(childStart, 0, m + 1, 0);
        for (int v = 0; v < m; v++) {
            if (v != root) {
                childStart[parent[v] + 1]++;
            }
        }
        for (int v = 0; v < m; v++) {
            childStart[v + 1] += childStart[v];
        }
        System.arraycopy(childStart, 0, childFill, 0, m + 1);
        for (int v = 0; v < m; v++) {
            if (v != root) {
                children[childFill[parent[v]]++] = v;
            }
        }
        int head = 0;
        int tail = 0;
        order[tail++] = root;
        while (head < tail) {
            int v = order[head++];
            for (int c = childStart[v]; c < childStart[v + 1]; c++) {
                order[tail++] = children[c];
            }
        }
    }

    private double splitScore(int m, boolean halfIsA, int areaA, int areaB) {
        double[] popAB = new double[2];
        double[][] affAB = new double[2][pcns];
        double[] landAB = new double[2];
        double[] perimAB = new double[2];
        for (int i = 0; i < m; i++) {
            int x = nodes[i];
            int s = (bestSide[i] == 1) == halfIsA ? 0 : 1;
            side[i] = s;
            popAB[s] += g.residents[x];
            landAB[s] += g.area[x];
            perimAB[s] += g.perimeter[x];
            for (int q = 0; q < pcns; q++) {
                affAB[s][q] += g.affinity[x][q];
            }
        }
        for (int i = 0; i < m; i++) {
            int x = nodes[i];
            for (int j = 0; j < g.neighbours[x].length; j++) {
                int y = g.neighbours[x][j];
                int py = pos[y];
                if (py >= 0 && y < x && side[py] == side[i]) {
                    perimAB[side[i]] -= 2 * g.shared[x][j];
                }
            }
        }
        for (int i = 0; i < m; i++) {
            side[i] = 0;
        }
        return areaScore(popAB[0], max(affAB[0]), landAB[0], perimAB[0])
                + areaScore(popAB[1], max(affAB[1]), landAB[1], perimAB[1]);
    }

    private void applySplit(int m, boolean halfIsA, int areaA, int areaB) {
        for (int i = 0; i < m; i++) {
            int x = nodes[i];
            int target = (bestSide[i] == 1) == halfIsA ? areaA : areaB;
            if (areaOf[x] != target) {
                apply(x, target);
            }
        }
    }

    /** The union's own graph in compressed rows: the neighbours of union node v are adj[adjStart[v] … adjStart[v+1]). */
    private void buildUnionAdjacency(int m) {
        int e = 0;
        for (int v = 0; v < m; v++) {
            adjStart[v] = e;
            for (int y : g.neighbours[nodes[v]]) {
                int w = pos[y];
                if (w >= 0) {
                    adj[e++] = w;
                }
            }
        }
        adjStart[m] = e;
    }

    /** Whether the union (nodes 0 … m−1) is in one piece: a tree over it exists. */
    private boolean connected(int m) {
        for (int i = 0; i < m; i++) {
            inTree[i] = false;
        }
        int head = 0;
        int tail = 0;
        order[tail++] = 0;
        inTree[0] = true;
        while (head < tail) {
            int v = order[head++];
            for (int j = adjStart[v]; j < adjStart[v + 1]; j++) {
                int w = adj[j];
                if (!inTree[w]) {
                    inTree[w] = true;
                    order[tail++] = w;
                }
            }
        }
        return tail == m;
    }

    private void clearPos(int m) {
        for (int i = 0; i < m; i++) {
            pos[nodes[i]] = -1;
        }
    }
}
