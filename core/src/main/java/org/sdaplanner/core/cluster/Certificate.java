package org.sdaplanner.core.cluster;

import java.util.List;

/**
 * How close a plan is to the best possible under the same rules (areas per group, contiguity,
 * nesting, population limits): a proven upper bound on the alignment of any such plan, summed
 * over the groups from {@link AlignmentBound}, and the gap to the plan's own alignment.
 *
 * @param alignment  the plan's alignment (residents registered with their area's main PCN ÷ all)
 * @param upperBound no plan under the same rules has a higher alignment
 * @param optimal    the plan reaches the bound (to rounding): no plan is better
 * @param groups     per group: its areas, limits, aligned residents and bound
 */
public record Certificate(double alignment, double upperBound, boolean optimal, List<Clusterer.GroupResult> groups) {
    public Certificate {
        groups = List.copyOf(groups);
    }

    /** Bound minus alignment, in alignment units (0.006 = 0.6 points), never negative. */
    public double gap() {
        return Math.max(0, upperBound - alignment);
    }

    static Certificate of(Clusterer.Result r, double totalResidents, double alignment) {
        double upper = 0;
        boolean optimal = true;
        for (Clusterer.GroupResult g : r.groups()) {
            upper += g.upperBound();
            optimal &= g.optimal();
        }
        double bound = totalResidents > 0 ? upper / totalResidents : alignment;
        return new Certificate(alignment, bound, optimal, r.groups());
    }
}
