package org.sdaplanner.core.cluster;

import org.sdaplanner.core.plan.PlanningProblem;

import java.util.ArrayList;
import java.util.List;

/**
 * What balance costs: the best plan at a range of bounds on the deviation from the mean area,
 * each with its alignment and the proven upper bound, so an analyst can pick a point on the
 * curve. Each bound is hard (never widened); a bound no plan can meet gives a row with the reason.
 */
public final class Tradeoff {
    /** The deviations swept by default: ±10 % … ±40 %, then no bound (null). */
    public static final List<Double> DEVIATIONS = java.util.Collections.unmodifiableList(
            java.util.Arrays.asList(0.10, 0.15, 0.20, 0.25, 0.30, 0.40, null));

    /**
     * One point of the curve.
     *
     * @param maxDeviation the bound asked for, or null for none
     * @param plan         the plan built under it, or null when none can meet it
     * @param infeasible   why no plan meets the bound, or null
     */
    public record Point(Double maxDeviation, BuiltPlan plan, String infeasible) {
        public double alignment() {
            return plan == null ? Double.NaN : plan.summary().alignment();
        }

        public double upperBound() {
            return plan == null ? Double.NaN : plan.certificate().upperBound();
        }
    }

    private Tradeoff() {
    }

    /** The curve for {@code options} (counts, nesting, seed, effort, other bounds) at each deviation. */
    public static List<Point> sweep(PlanningProblem problem, ClusterOptions options, List<Double> deviations) {
        List<Point> out = new ArrayList<>();
        for (Double d : deviations) {
            out.add(point(problem, options, d));
        }
        return out;
    }

    /** One point: the best plan with the deviation bounded by {@code maxDeviation} (null: none). */
    public static Point point(PlanningProblem problem, ClusterOptions options, Double maxDeviation) {
        try {
            return new Point(maxDeviation, PlanBuilder.build(problem, options.withMaxDeviation(maxDeviation), 0), null);
        } catch (InfeasiblePlanException e) {
            return new Point(maxDeviation, null, e.getMessage());
        }
    }
}
