package org.sdaplanner.core.cluster;

import org.sdaplanner.core.plan.PlanningProblem;

import java.util.List;

/**
 * Shares the areas among districts in proportion to their residents (Sainte-Laguë), with at
 * least one area per district and never more areas than blocks; or takes fixed counts.
 */
final class DistrictQuota {
    private DistrictQuota() {
    }

    /** Areas per district index for the "in all" reading. */
    static int[] allocate(PlanningProblem p, ClusterOptions o) {
        List<String> codes = p.districtCodes();
        int d = codes.size();
        double[] residents = new double[d];
        int[] blocks = new int[d];
        for (int b = 0; b < p.blockCount(); b++) {
            residents[p.district(b)] += p.residents(b);
            blocks[p.district(b)]++;
        }
        int[] quota = new int[d];
        var fixed = o.counts().perDistrict();
        if (!fixed.isEmpty()) {
            for (int i = 0; i < d; i++) {
                Integer q = fixed.get(codes.get(i));
                if (q == null || q < 1) {
                    throw new IllegalArgumentException("areas per district: district " + codes.get(i) + " needs a count of at least 1");
                }
                quota[i] = Math.min(q, blocks[i]);
            }
            return quota;
        }
        if (o.areas() < d) {
            throw new IllegalArgumentException(o.areas() + " areas cannot nest in " + d
                    + " districts: ask for at least " + d + " or switch district nesting off");
        }
        return sainteLague(residents, blocks, o.areas(), 1);
    }

    /**
     * {@code minEach} area to every group, then the rest one at a time to the group with the most
     * residents per area by the Sainte-Laguë divisor (r / (2q + 1)), never beyond a group's block
     * count. Ties go to the first group.
     */
    static int[] sainteLague(double[] residents, int[] blocks, int areas, int minEach) {
        int d = residents.length;
        int[] quota = new int[d];
        int given = 0;
        for (int i = 0; i < d; i++) {
            quota[i] = Math.min(minEach, blocks[i]);
            given += quota[i];
        }
        while (given < areas) {
            int best = -1;
            double bestPriority = -1;
            for (int i = 0; i < d; i++) {
                if (quota[i] >= blocks[i]) {
                    continue;
                }
                double priority = residents[i] / (2.0 * quota[i] + 1);
                if (priority > bestPriority) {
                    bestPriority = priority;
                    best = i;
                }
            }
            if (best < 0) {
                break; // every group has as many areas as blocks
            }
            quota[best]++;
            given++;
        }
        return quota;
    }
}
