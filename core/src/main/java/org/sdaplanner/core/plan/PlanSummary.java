package org.sdaplanner.core.plan;

/**
 * Whole-plan figures.
 *
 * @param alignment     residents registered with their area's main PCN ÷ all residents
 * @param worstArea     the area with the lowest alignment, and that alignment
 * @param maxDeviation  largest |residents ÷ mean − 1| over the areas
 */
public record PlanSummary(int areas, double alignment, String worstArea, double worstAlignment, double maxDeviation,
                          double meanResidents, double meanCompactness, int nonContiguousAreas, int blocks,
                          int parishes, int lsoas, double lsoaMismatchResidents) {
}
