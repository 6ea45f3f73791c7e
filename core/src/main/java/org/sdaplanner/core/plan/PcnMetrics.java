package org.sdaplanner.core.plan;

/**
 * How one PCN's patients fall across the areas.
 *
 * @param patients      its registered patients living in the region
 * @param bestArea      the area holding most of them
 * @param coterminosity share of its patients living in {@code bestArea}
 * @param areasSpanned  areas holding at least {@link PlanMetrics#SPAN_SHARE} of its patients
 */
public record PcnMetrics(String pcnCode, double patients, String bestArea, double coterminosity, int areasSpanned) {
}
