package org.sdaplanner.web.api;

/**
 * The body of {@code POST /api/plans}, the same choices as {@code sda build}'s options: null fields take
 * the defaults (the region's number of areas, seed 1, nested in districts, the default population limits,
 * the standard balance weight).
 *
 * @param areas           areas in all ({@code --areas})
 * @param parishAreas     areas of parishes, the unparished parts getting areas of their own ({@code --parish-areas})
 * @param unparishedAreas with {@code parishAreas}: a number, or "auto" ({@code --unparished-areas})
 * @param maxDeviation    the largest deviation from the mean area, as a fraction ("0.2", or a JSON number), a
 *                        percentage ("20%") or "none" ({@code --max-deviation}); null for the default bound
 */
public record PlanCreate(String name, Integer areas, Integer parishAreas, String unparishedAreas, Long seed,
        Boolean districtNesting, Double balanceWeight, String maxDeviation, Double minPopulation, Double maxPopulation) {
}
