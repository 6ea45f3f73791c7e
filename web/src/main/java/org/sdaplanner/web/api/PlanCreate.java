package org.sdaplanner.web.api;

/**
 * The body of {@code POST /api/plans}, the same choices as {@code sda build}'s options: null fields take
 * the defaults (the region's number of areas, seed 1, nested in districts, no population bounds, the
 * standard balance weight).
 */
public record PlanCreate(String name, Integer areas, Long seed, Boolean districtNesting, Double balanceWeight,
        Double minPopulation, Double maxPopulation) {
}
