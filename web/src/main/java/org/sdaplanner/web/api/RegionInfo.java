package org.sdaplanner.web.api;

import java.util.List;

/**
 * {@code GET /api/region}: the imported region. {@code defaultAreas} is null when the manifest gives none;
 * {@code defaultAreasOf} says its reading ("all": areas in all; "parishes": areas of parishes, the unparished
 * parts getting areas of their own) and {@code defaultCounts} says it in words;
 * {@code bounds} are west, south, east, north in EPSG:4326 (empty without LSOAs).
 */
public record RegionInfo(String name, List<String> attributions, List<CodeName> districts, List<CodeName> pcns,
        Integer defaultAreas, String defaultAreasOf, String defaultCounts, int blocks, double[] bounds) {
}
