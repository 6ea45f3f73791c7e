package org.sdaplanner.core.plan;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * A working assignment of blocks to areas with running totals per area, so that one move is
 * scored and applied in time proportional to the block's neighbours and PCNs, not to the plan:
 * residents, registered patients, land area, perimeter (block perimeters less twice the
 * boundary shared inside the area), PCN affinity and PCN patients. Not thread-safe.
 */
public final class PlanState {
    private final PlanningProblem problem;
    private final int areaCount;
    private final int[] areaOf;
    private final boolean[] locked;
    private final int[] blocksIn;
    private final double[] residents;
    private final double[] registered;
    private final double[] landArea;
    private final double[] perimeter;
    private final double[][] affinity;
    private final double[][] patients;
    /** Largest affinity per area and its PCN: the area's main PCN. */
    private final double[] mainAffinity;
    private final int[] mainPcn;
    private double alignedSum;

    public PlanState(PlanningProblem problem, int[] assignment, int areaCount, boolean[] locked) {
        this.problem = problem;
        this.areaCount = areaCount;
        int n = problem.blockCount();
        if (assignment.length != n) {
            throw new IllegalArgumentException("assignment has " + assignment.length + " blocks, the problem " + n);
        }
        this.areaOf = new int[n];
        java.util.Arrays.fill(areaOf, -1);
        this.locked = locked == null ? new boolean[n] : locked.clone();
        int p = problem.pcnCodes().size();
        blocksIn = new int[areaCount];
        residents = new double[areaCount];
        registered = new double[areaCount];
        landArea = new double[areaCount];
        perimeter = new double[areaCount];
        affinity = new double[areaCount][p];
        patients = new double[areaCount][p];
        mainAffinity = new double[areaCount];
        mainPcn = new int[areaCount];
        // blocks join one at a time, so each shared boundary is counted once as inside an area
        for (int b = 0; b < n; b++) {
            int a = assignment[b];
            if (a < 0 || a >= areaCount) {
                throw new IllegalArgumentException("block " + problem.block(b).code() + " is in no area");
            }
            add(b, a, +1);
            areaOf[b] = a;
        }
        for (int a = 0; a < areaCount; a++) {
            refreshMain(a);
        }
    }

    private void add(int b, int a, int sign) {
        blocksIn[a] += sign;
        residents[a] += sign * problem.residents(b);
        registered[a] += sign * problem.registered(b);
        landArea[a] += sign * problem.area(b);
        double inner = 0;
        int[] ns = problem.neighbours(b);
        double[] sh = problem.sharedLengths(b);
        for (int j = 0; j < ns.length; j++) {
            if (ns[j] != b && areaOf[ns[j]] == a) {
                inner += sh[j];
            }
        }
        perimeter[a] += sign * (problem.perimeter(b) - 2 * inner);
        int[] pcs = problem.affinityPcns(b);
        double[] av = problem.affinityValues(b);
        double[] pv = problem.patientValues(b);
        for (int k = 0; k < pcs.length; k++) {
            affinity[a][pcs[k]] += sign * av[k];
            patients[a][pcs[k]] += sign * pv[k];
        }
    }

    private void refreshMain(int a) {
        alignedSum -= mainAffinity[a];
        double best = 0;
        int arg = -1;
        double[] aff = affinity[a];
        for (int p = 0; p < aff.length; p++) {
            if (aff[p] > best + 1e-9) {
                best = aff[p];
                arg = p;
            }
        }
        mainAffinity[a] = best;
        mainPcn[a] = arg;
        alignedSum += best;
    }

    public PlanningProblem problem() {
        return problem;
    }

    public int areaCount() {
        return areaCount;
    }

    public int areaOf(int block) {
        return areaOf[block];
    }

    public int[] assignment() {
        return areaOf.clone();
    }

    public boolean locked(int block) {
        return locked[block];
    }

    public int blocksIn(int area) {
        return blocksIn[area];
    }

    public double residents(int area) {
        return residents[area];
    }

    public double registered(int area) {
        return registered[area];
    }

    public double landArea(int area) {
        return landArea[area];
    }

    public double perimeter(int area) {
        return perimeter[area];
    }

    /** Index of the area's main PCN (largest affinity), or -1 for an area with none. */
    public int mainPcn(int area) {
        return mainPcn[area];
    }

    public double affinity(int area, int pcn) {
        return affinity[area][pcn];
    }

    public double patients(int area, int pcn) {
        return patients[area][pcn];
    }

    /** Share of the area's residents whose registrations fall to its main PCN. */
    public double alignment(int area) {
        return residents[area] <= 0 ? 0 : mainAffinity[area] / residents[area];
    }

    /** Plan alignment: residents registered with their area's main PCN ÷ all residents. */
    public double alignment() {
        double total = problem.totalResidents();
        return total <= 0 ? 0 : alignedSum / total;
    }

    /** Polsby–Popper compactness 4πA/P² of an area (1 for a circle). */
    public double compactness(int area) {
        double p = perimeter[area];
        return p <= 0 ? 0 : 4 * Math.PI * landArea[area] / (p * p);
    }

    /** Change in plan alignment (aligned residents) if block b moved to area {@code to}, without moving it. */
    public double alignedDelta(int b, int to) {
        int from = areaOf[b];
        if (from == to) {
            return 0;
        }
        int[] pcs = problem.affinityPcns(b);
        double[] av = problem.affinityValues(b);
        // the destination's best can only rise through the block's own PCNs
        double toBest = mainAffinity[to];
        for (int k = 0; k < pcs.length; k++) {
            toBest = Math.max(toBest, affinity[to][pcs[k]] + av[k]);
        }
        // the origin's best falls only if its main PCN is among the block's PCNs
        double fromBest = mainAffinity[from];
        int mp = mainPcn[from];
        if (mp >= 0 && Arrays.binarySearch(pcs, mp) >= 0) {
            fromBest = 0;
            double[] aff = affinity[from];
            for (int p = 0; p < aff.length; p++) {
                int k = Arrays.binarySearch(pcs, p);
                double v = aff[p] - (k >= 0 ? av[k] : 0);
                if (v > fromBest) {
                    fromBest = v;
                }
            }
        }
        return (toBest - mainAffinity[to]) + (fromBest - mainAffinity[from]);
    }

    /** Moves a block (locks are the caller's business: see {@link #locked(int)}). */
    public void move(int b, int to) {
        int from = areaOf[b];
        if (from == to) {
            return;
        }
        add(b, from, -1);
        areaOf[b] = -1;
        add(b, to, +1);
        areaOf[b] = to;
        refreshMain(from);
        refreshMain(to);
    }

    public void setLocked(int b, boolean value) {
        locked[b] = value;
    }

    /** Whether the area holds its blocks in one connected piece (an empty area counts as contiguous). */
    public boolean contiguous(int area) {
        return piecesOf(area) <= 1;
    }

    /** How many connected pieces the area falls into. */
    public int piecesOf(int area) {
        int n = problem.blockCount();
        boolean[] seen = new boolean[n];
        int pieces = 0;
        for (int b = 0; b < n; b++) {
            if (areaOf[b] == area && !seen[b]) {
                pieces++;
                flood(b, area, -1, seen);
            }
        }
        return pieces;
    }

    /**
     * True when the block's area stays in one piece without it. Looks only at that area:
     * a flood from one of the block's same-area neighbours must reach all the others.
     */
    public boolean removable(int b) {
        int a = areaOf[b];
        if (blocksIn[a] <= 1) {
            return false;
        }
        int start = -1;
        int[] ns = problem.neighbours(b);
        for (int nb : ns) {
            if (areaOf[nb] == a) {
                start = nb;
                break;
            }
        }
        if (start < 0) {
            return true; // the block is itself a detached piece: removing it can only help
        }
        int reached = flood(start, a, b, new boolean[problem.blockCount()]);
        return reached == blocksIn[a] - 1;
    }

    private int flood(int start, int area, int skip, boolean[] seen) {
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        seen[start] = true;
        int count = 0;
        while (!queue.isEmpty()) {
            int x = queue.poll();
            count++;
            for (int y : problem.neighbours(x)) {
                if (y != skip && !seen[y] && areaOf[y] == area) {
                    seen[y] = true;
                    queue.add(y);
                }
            }
        }
        return count;
    }

    /** True when block b touches area a (shares a boundary or a declared bridge with a block of it). */
    public boolean touches(int b, int a) {
        for (int nb : problem.neighbours(b)) {
            if (areaOf[nb] == a) {
                return true;
            }
        }
        return false;
    }
}
