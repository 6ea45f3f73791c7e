package org.sdaplanner.core.cluster;

import org.sdaplanner.core.plan.PlanningProblem;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * First plan for one district (or the whole region): clusters of neighbouring blocks that lean
 * to the same PCN (PCN footprints), then merges of the smallest clusters into the neighbour that
 * loses least alignment, and balanced splits of the largest, until the district has its quota.
 * Every step keeps clusters contiguous where the block graph allows it. Blocks locked to an area
 * seed that area's cluster; clusters of different locks are never merged, locked ones never split.
 */
final class Seeding {
    private final PlanningProblem p;
    private final List<String> warnings;

    Seeding(PlanningProblem p, List<String> warnings) {
        this.p = p;
        this.warnings = warnings;
    }

    /** A cluster under construction. */
    static final class Cluster {
        final List<Integer> blocks = new ArrayList<>();
        double residents;
        double[] affinity;
        int lock = -1;

        double best() {
            double m = 0;
            for (double v : affinity) {
                m = Math.max(m, v);
            }
            return m;
        }
    }

    /**
     * @param group      the blocks of the district, ascending
     * @param quota      areas wanted
     * @param lockedArea per block: the area it is locked to, or -1
     * @return the clusters, each a list of block indexes, with their lock (or -1)
     */
    List<Cluster> run(int[] group, int quota, int[] lockedArea) {
        int n = p.blockCount();
        int pcns = p.pcnCodes().size();
        int[] clusterOf = new int[n];
        Arrays.fill(clusterOf, -2); // -2: not in this group
        for (int b : group) {
            clusterOf[b] = -1;
        }
        List<Cluster> clusters = new ArrayList<>();
        // locked blocks: one cluster per lock target
        java.util.TreeMap<Integer, Cluster> byLock = new java.util.TreeMap<>();
        for (int b : group) {
            if (lockedArea[b] >= 0) {
                Cluster c = byLock.computeIfAbsent(lockedArea[b], k -> {
                    Cluster nc = new Cluster();
                    nc.lock = k;
                    nc.affinity = new double[pcns];
                    return nc;
                });
                c.blocks.add(b);
            }
        }
        for (Cluster c : byLock.values()) {
            for (int b : c.blocks) {
                clusterOf[b] = clusters.size();
            }
            clusters.add(c);
        }
        // unlocked blocks: components of same-dominant-PCN neighbours
        for (int b : group) {
            if (clusterOf[b] != -1) {
                continue;
            }
            Cluster c = new Cluster();
            c.affinity = new double[pcns];
            int id = clusters.size();
            clusters.add(c);
            int lean = dominant(b);
            ArrayDeque<Integer> q = new ArrayDeque<>();
            q.add(b);
            clusterOf[b] = id;
            while (!q.isEmpty()) {
                int x = q.poll();
                c.blocks.add(x);
                for (int y : p.neighbours(x)) {
                    if (clusterOf[y] == -1 && lean >= 0 && dominant(y) == lean) {
                        clusterOf[y] = id;
                        q.add(y);
                    }
                }
            }
        }
        for (Cluster c : clusters) {
            c.blocks.sort(null);
            for (int b : c.blocks) {
                add(c, b);
            }
        }
        // Clusters far below an area's size (a lone hamlet, a sliver remainder) join a neighbour
        // first, whatever the count, so splits rather than scraps make up the district's areas.
        double districtResidents = 0;
        for (Cluster c : clusters) {
            districtResidents += c.residents;
        }
        double tiny = TINY_SHARE * districtResidents / quota;
        while (clusters.size() > 1 && mergeTiny(clusters, clusterOf, tiny)) {
            // repeat until no small cluster can join a neighbour
        }
        while (clusters.size() > quota) {
            if (!mergeOnce(clusters, clusterOf)) {
                break;
            }
        }
        while (clusters.size() < quota) {
            if (!splitOnce(clusters, clusterOf)) {
                warnings.add("a district has fewer splittable blocks than the areas asked for: it gets "
                        + clusters.size() + " instead of " + quota);
                break;
            }
        }
        return clusters;
    }

    /** A cluster under this share of the district's mean area population is merged before anything else. */
    static final double TINY_SHARE = 0.25;

    /** Merges the smallest cluster under {@code tiny} residents into its best neighbour; false when there is none. */
    private boolean mergeTiny(List<Cluster> clusters, int[] clusterOf, double tiny) {
        int small = -1;
        for (int i = 0; i < clusters.size(); i++) {
            Cluster c = clusters.get(i);
            if (c.residents < tiny && c.lock < 0 && !neighbourClusters(c, i, clusterOf).isEmpty()
                    && (small < 0 || c.residents < clusters.get(small).residents)) {
                small = i;
            }
        }
        if (small < 0) {
            return false;
        }
        Cluster a = clusters.get(small);
        int target = -1;
        double bestGain = Double.NEGATIVE_INFINITY;
        for (int nb : neighbourClusters(a, small, clusterOf)) {
            Cluster b = clusters.get(nb);
            double merged = 0;
            for (int q = 0; q < a.affinity.length; q++) {
                merged = Math.max(merged, a.affinity[q] + b.affinity[q]);
            }
            double gain = merged - a.best() - b.best() - 1e-9 * b.residents;
            if (gain > bestGain) {
                bestGain = gain;
                target = nb;
            }
        }
        merge(clusters, clusterOf, target, small);
        return true;
    }

    private int dominant(int b) {
        return p.dominantPcn(b);
    }

    private void add(Cluster c, int b) {
        c.residents += p.residents(b);
        int[] pcs = p.affinityPcns(b);
        double[] v = p.affinityValues(b);
        for (int k = 0; k < pcs.length; k++) {
            c.affinity[pcs[k]] += v[k];
        }
    }

    /** Merges the smallest cluster that has a mergeable neighbour into the neighbour losing least alignment. */
    private boolean mergeOnce(List<Cluster> clusters, int[] clusterOf) {
        Integer[] order = new Integer[clusters.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> {
            int c = Double.compare(clusters.get(x).residents, clusters.get(y).residents);
            return c != 0 ? c : Integer.compare(clusters.get(x).blocks.get(0), clusters.get(y).blocks.get(0));
        });
        for (int small : order) {
            Cluster a = clusters.get(small);
            int target = -1;
            double bestGain = Double.NEGATIVE_INFINITY;
            for (int nb : neighbourClusters(a, small, clusterOf)) {
                Cluster b = clusters.get(nb);
                if (a.lock >= 0 && b.lock >= 0) {
                    continue;
                }
                double merged = 0;
                for (int q = 0; q < a.affinity.length; q++) {
                    merged = Math.max(merged, a.affinity[q] + b.affinity[q]);
                }
                double gain = merged - a.best() - b.best() - 1e-9 * b.residents; // ties: the smaller partner
                if (gain > bestGain) {
                    bestGain = gain;
                    target = nb;
                }
            }
            if (target >= 0) {
                merge(clusters, clusterOf, target, small);
                return true;
            }
        }
        // No cluster touches another it may join: the district is in separate pieces.
        for (int i = 0; i < order.length; i++) {
            for (int j = i + 1; j < order.length; j++) {
                Cluster a = clusters.get(order[i]);
                Cluster b = clusters.get(order[j]);
                if (a.lock < 0 || b.lock < 0) {
                    warnings.add("district pieces cannot be joined by neighbours: an area made of "
                            + p.block(a.blocks.get(0)).code() + " and " + p.block(b.blocks.get(0)).code()
                            + " is not contiguous (declare a bridge in the region manifest)");
                    merge(clusters, clusterOf, order[j], order[i]);
                    return true;
                }
            }
        }
        return false;
    }

    private List<Integer> neighbourClusters(Cluster c, int self, int[] clusterOf) {
        java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
        for (int b : c.blocks) {
            for (int y : p.neighbours(b)) {
                int k = clusterOf[y];
                if (k >= 0 && k != self) {
                    out.add(k);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** Moves {@code from}'s blocks into {@code into} and removes {@code from}, renumbering the rest. */
    private void merge(List<Cluster> clusters, int[] clusterOf, int into, int from) {
        Cluster a = clusters.get(into);
        Cluster b = clusters.get(from);
        for (int x : b.blocks) {
            a.blocks.add(x);
            add(a, x);
        }
        a.blocks.sort(null);
        if (a.lock < 0) {
            a.lock = b.lock;
        }
        clusters.remove(from);
        renumber(clusters, clusterOf);
    }

    private static void renumber(List<Cluster> clusters, int[] clusterOf) {
        for (int i = 0; i < clusters.size(); i++) {
            for (int b : clusters.get(i).blocks) {
                clusterOf[b] = i;
            }
        }
    }

    /** Splits the most populous unlocked cluster of two or more blocks into two contiguous, balanced halves. */
    private boolean splitOnce(List<Cluster> clusters, int[] clusterOf) {
        int pick = -1;
        for (int i = 0; i < clusters.size(); i++) {
            Cluster c = clusters.get(i);
            if (c.lock < 0 && c.blocks.size() >= 2 && (pick < 0 || c.residents > clusters.get(pick).residents)) {
                pick = i;
            }
        }
        if (pick < 0) {
            return false;
        }
        Cluster c = clusters.get(pick);
        // seeds on populated blocks where possible, so neither half is left with no residents
        boolean populatedOnly = c.blocks.stream().filter(b -> p.residents(b) > 0).count() >= 2;
        int start = populatedOnly ? c.blocks.stream().filter(b -> p.residents(b) > 0).findFirst().orElseThrow()
                : c.blocks.get(0);
        int seedA = farthest(start, pick, clusterOf, populatedOnly);
        int seedB = farthest(seedA, pick, clusterOf, populatedOnly);
        if (seedA == seedB) { // a cluster in separate pieces: split off the piece of its first block
            seedB = c.blocks.get(c.blocks.size() - 1);
        }
        int[] distA = hops(seedA, pick, clusterOf);
        int[] distB = hops(seedB, pick, clusterOf);
        int n = p.blockCount();
        int[] side = new int[n];
        Arrays.fill(side, -1);
        side[seedA] = 0;
        side[seedB] = 1;
        double[] res = {p.residents(seedA), p.residents(seedB)};
        int left = c.blocks.size() - 2;
        while (left > 0) {
            int grow = res[0] <= res[1] ? 0 : 1;
            int b = frontier(c, grow, side, grow == 0 ? distA : distB);
            if (b < 0) {
                grow = 1 - grow;
                b = frontier(c, grow, side, grow == 0 ? distA : distB);
            }
            if (b < 0) { // unreachable leftovers (a cluster in pieces): give them to the smaller side
                for (int x : c.blocks) {
                    if (side[x] < 0) {
                        side[x] = res[0] <= res[1] ? 0 : 1;
                        res[side[x]] += p.residents(x);
                        left--;
                    }
                }
                break;
            }
            side[b] = grow;
            res[grow] += p.residents(b);
            left--;
        }
        Cluster a = new Cluster();
        Cluster bb = new Cluster();
        a.affinity = new double[c.affinity.length];
        bb.affinity = new double[c.affinity.length];
        for (int x : c.blocks) {
            Cluster t = side[x] == 0 ? a : bb;
            t.blocks.add(x);
            add(t, x);
        }
        clusters.set(pick, a);
        clusters.add(bb);
        renumber(clusters, clusterOf);
        return true;
    }

    private int frontier(Cluster c, int side, int[] sideOf, int[] dist) {
        int best = -1;
        for (int x : c.blocks) {
            if (sideOf[x] != -1) {
                continue;
            }
            boolean touches = false;
            for (int y : p.neighbours(x)) {
                if (sideOf[y] == side) {
                    touches = true;
                    break;
                }
            }
            if (touches && (best < 0 || dist[x] < dist[best])) {
                best = x;
            }
        }
        return best;
    }

    private int[] hops(int from, int cluster, int[] clusterOf) {
        int[] d = new int[p.blockCount()];
        Arrays.fill(d, Integer.MAX_VALUE);
        ArrayDeque<Integer> q = new ArrayDeque<>();
        d[from] = 0;
        q.add(from);
        while (!q.isEmpty()) {
            int x = q.poll();
            for (int y : p.neighbours(x)) {
                if (clusterOf[y] == cluster && d[y] == Integer.MAX_VALUE) {
                    d[y] = d[x] + 1;
                    q.add(y);
                }
            }
        }
        return d;
    }

    private int farthest(int from, int cluster, int[] clusterOf, boolean populatedOnly) {
        int[] d = hops(from, cluster, clusterOf);
        int best = from;
        for (int b = 0; b < d.length; b++) {
            if (d[b] != Integer.MAX_VALUE && d[b] > d[best] && (!populatedOnly || p.residents(b) > 0)) {
                best = b;
            }
        }
        return best;
    }
}
