package org.sdaplanner.core.cluster;

import org.sdaplanner.core.plan.PlanningProblem;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * The blocks of one group (a district, or its parished or unparished part) with local indexes
 * 0 … n−1: residents, dense PCN affinity over the PCNs present in the group, land area,
 * perimeter and the adjacency inside the group. The search and the bound work on this, so a
 * district of 100 blocks costs the same in a national problem as in a regional one.
 */
final class GroupGraph {
    final int[] blocks;
    final int n;
    /** Global PCN index of each local PCN. */
    final int[] pcns;
    final double[] residents;
    /** affinity[b][q]: residents of block b registered with local PCN q. */
    final double[][] affinity;
    final double[] area;
    final double[] perimeter;
    final int[][] neighbours;
    final double[][] shared;
    final double totalResidents;

    GroupGraph(PlanningProblem p, int[] groupBlocks) {
        blocks = groupBlocks.clone();
        Arrays.sort(blocks);
        n = blocks.length;
        int[] local = new int[p.blockCount()];
        Arrays.fill(local, -1);
        for (int i = 0; i < n; i++) {
            local[blocks[i]] = i;
        }
        TreeSet<Integer> present = new TreeSet<>();
        for (int b : blocks) {
            for (int q : p.affinityPcns(b)) {
                present.add(q);
            }
        }
        pcns = present.stream().mapToInt(Integer::intValue).toArray();
        int[] pcnLocal = new int[p.pcnCodes().size()];
        for (int q = 0; q < pcns.length; q++) {
            pcnLocal[pcns[q]] = q;
        }
        residents = new double[n];
        affinity = new double[n][pcns.length];
        area = new double[n];
        perimeter = new double[n];
        neighbours = new int[n][];
        shared = new double[n][];
        double total = 0;
        for (int i = 0; i < n; i++) {
            int b = blocks[i];
            residents[i] = p.residents(b);
            total += residents[i];
            area[i] = p.area(b);
            perimeter[i] = p.perimeter(b);
            int[] pc = p.affinityPcns(b);
            double[] v = p.affinityValues(b);
            for (int k = 0; k < pc.length; k++) {
                affinity[i][pcnLocal[pc[k]]] += v[k];
            }
            int[] ns = p.neighbours(b);
            double[] sh = p.sharedLengths(b);
            int count = 0;
            for (int y : ns) {
                if (local[y] >= 0 && y != b) {
                    count++;
                }
            }
            neighbours[i] = new int[count];
            shared[i] = new double[count];
            int j = 0;
            for (int k = 0; k < ns.length; k++) {
                if (local[ns[k]] >= 0 && ns[k] != b) {
                    neighbours[i][j] = local[ns[k]];
                    shared[i][j] = sh[k];
                    j++;
                }
            }
        }
        totalResidents = total;
    }

    int pcnCount() {
        return pcns.length;
    }

    /** Connected pieces of the group's own graph: piece index per local block, pieces numbered from 0. */
    int[] pieces() {
        int[] piece = new int[n];
        Arrays.fill(piece, -1);
        int next = 0;
        int[] stack = new int[n];
        for (int s = 0; s < n; s++) {
            if (piece[s] >= 0) {
                continue;
            }
            int top = 0;
            stack[top++] = s;
            piece[s] = next;
            while (top > 0) {
                int x = stack[--top];
                for (int y : neighbours[x]) {
                    if (piece[y] < 0) {
                        piece[y] = next;
                        stack[top++] = y;
                    }
                }
            }
            next++;
        }
        return piece;
    }
}
