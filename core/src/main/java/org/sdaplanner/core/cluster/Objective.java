package org.sdaplanner.core.cluster;

import org.sdaplanner.core.plan.PlanState;

/**
 * The score the clusterer maximises, in one place: plan alignment, less {@code balanceWeight} ×
 * the mean squared relative deviation of area residents from the mean, less
 * {@code compactnessWeight} × the mean of (1 − Polsby–Popper). Per area, in residents, it is
 * {@link #areaScore}; the plan's score is their sum ÷ all residents. The search adds a penalty
 * for residents outside the population limits on top ({@link GroupSearch#PENALTY}).
 */
final class Objective {
    private final ClusterOptions o;
    private final double mean;
    private final double total;

    Objective(PlanState s, ClusterOptions o) {
        this.o = o;
        this.total = s.problem().totalResidents();
        this.mean = total / s.areaCount();
    }

    double of(PlanState s) {
        double sum = 0;
        for (int a = 0; a < s.areaCount(); a++) {
            sum += areaScore(s.alignment(a) * s.residents(a), s.residents(a), s.landArea(a), s.perimeter(a), mean,
                    o.balanceWeight(), o.compactnessWeight());
        }
        return total > 0 ? sum / total : 0;
    }

    /**
     * One area's share of the score, in residents: those registered with its main PCN, less
     * {@code balance} × mean × (relative deviation)², less {@code compactness} × mean × (1 − PP).
     *
     * @param mean residents of the region's mean area
     */
    static double areaScore(double aligned, double residents, double landArea, double perimeter, double mean,
                            double balance, double compactness) {
        double s = aligned;
        if (balance > 0 && mean > 0) {
            double d = (residents - mean) / mean;
            s -= balance * mean * d * d;
        }
        if (compactness > 0) {
            double pp = perimeter <= 0 ? 0 : 4 * Math.PI * landArea / (perimeter * perimeter);
            s -= compactness * mean * (1 - pp);
        }
        return s;
    }
}
