package org.sdaplanner.core.cluster;

import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;

/**
 * The score the clusterer maximises: plan alignment, less {@code balanceWeight} × the mean
 * squared relative deviation of area residents from the mean, less {@code compactnessWeight} ×
 * the mean of (1 − Polsby–Popper). Each term is scored for a single move from the running totals.
 */
final class Objective {
    private final ClusterOptions o;
    private final double mean;
    private final double total;
    private final int areas;

    Objective(PlanState s, ClusterOptions o) {
        this.o = o;
        this.areas = s.areaCount();
        this.total = s.problem().totalResidents();
        this.mean = total / areas;
    }

    double of(PlanState s) {
        double bal = 0;
        double comp = 0;
        for (int a = 0; a < areas; a++) {
            bal += balanceTerm(s.residents(a));
            comp += 1 - s.compactness(a);
        }
        return s.alignment() - o.balanceWeight() * bal / areas - o.compactnessWeight() * comp / areas;
    }

    private double balanceTerm(double residents) {
        if (mean <= 0) {
            return 0;
        }
        double d = (residents - mean) / mean;
        return d * d;
    }

    /** The change in score if block b moved to area {@code to}. */
    double delta(PlanState s, int b, int to) {
        PlanningProblem p = s.problem();
        int from = s.areaOf(b);
        double r = p.residents(b);
        double align = total > 0 ? s.alignedDelta(b, to) / total : 0;
        double bal = balanceTerm(s.residents(from) - r) + balanceTerm(s.residents(to) + r)
                - balanceTerm(s.residents(from)) - balanceTerm(s.residents(to));
        double sharedFrom = 0;
        double sharedTo = 0;
        int[] ns = p.neighbours(b);
        double[] sh = p.sharedLengths(b);
        for (int j = 0; j < ns.length; j++) {
            int a = s.areaOf(ns[j]);
            if (a == from) {
                sharedFrom += sh[j];
            } else if (a == to) {
                sharedTo += sh[j];
            }
        }
        double pFrom = s.perimeter(from) - (p.perimeter(b) - 2 * sharedFrom);
        double pTo = s.perimeter(to) + (p.perimeter(b) - 2 * sharedTo);
        double comp = -(pp(s.landArea(from) - p.area(b), pFrom) - s.compactness(from))
                - (pp(s.landArea(to) + p.area(b), pTo) - s.compactness(to));
        return align - o.balanceWeight() * bal / areas - o.compactnessWeight() * comp / areas;
    }

    private static double pp(double area, double perimeter) {
        return perimeter <= 0 ? 0 : 4 * Math.PI * area / (perimeter * perimeter);
    }
}
