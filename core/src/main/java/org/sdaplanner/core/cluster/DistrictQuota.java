package org.sdaplanner.core.cluster;

import org.sdaplanner.core.plan.PlanningProblem;

import java.util.List;

/**
 * Shares the areas among districts in proportion to their residents (largest remainder), with
 * at least one area per district and never more areas than blocks; or takes fixed counts.
 */
final class DistrictQuota {
    private DistrictQuota() {
    }

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
        if (!o.areasPerDistrict().isEmpty()) {
            for (int i = 0; i < d; i++) {
                Integer q = o.areasPerDistrict().get(codes.get(i));
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
        double total = 0;
        for (double r : residents) {
            total += r;
        }
        int spare = o.areas() - d; // one each first, the rest by population
        double[] rem = new double[d];
        int given = 0;
        for (int i = 0; i < d; i++) {
            double exact = total > 0 ? spare * residents[i] / total : (double) spare / d;
            quota[i] = 1 + (int) Math.floor(exact);
            rem[i] = exact - Math.floor(exact);
            given += quota[i];
        }
        while (given < o.areas()) {
            int best = -1;
            for (int i = 0; i < d; i++) {
                if (quota[i] < blocks[i] && (best < 0 || rem[i] > rem[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            quota[best]++;
            rem[best] = -1;
            given++;
        }
        for (int i = 0; i < d; i++) {
            quota[i] = Math.min(quota[i], blocks[i]);
        }
        return quota;
    }
}
