package org.sdaplanner.web.api;

/**
 * The body of {@code POST /api/plans}: null {@code areas}, {@code seed} and {@code districtNesting} take the
 * defaults (the region's number of areas, seed 1, nested in districts).
 */
public record PlanCreate(String name, Integer areas, Long seed, Boolean districtNesting) {
}
