package org.sdaplanner.web.api;

/**
 * One point of the trade-off curve: the best plan found with every area within {@code max_deviation} of the
 * mean, and the bound no plan under the same rules can beat. A deviation no plan can meet has null figures and
 * {@code infeasible} saying why (the district and what it cannot do).
 *
 * @param maxDeviation        the bound on the deviation from the mean area (0.2 = ±20%), or null for none
 * @param alignment           the plan's PCN alignment
 * @param alignmentUpperBound no plan under these rules aligns more
 * @param optimalityGap       bound − alignment
 * @param largestDeviation    the largest deviation the plan actually has
 * @param areas               areas in the plan
 * @param optimal             the plan reaches the bound
 * @param infeasible          why no plan meets the bound, or null
 */
public record TradeoffPoint(Double maxDeviation, Double alignment, Double alignmentUpperBound, Double optimalityGap,
        Double largestDeviation, Integer areas, Boolean optimal, String infeasible) {
}
