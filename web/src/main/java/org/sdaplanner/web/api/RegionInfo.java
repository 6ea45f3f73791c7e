package org.sdaplanner.web.api;

import java.util.List;

/**
 * {@code GET /api/region}: the imported region. {@code defaultAreas} is null when the manifest gives none;
 * {@code bounds} are west, south, east, north in EPSG:4326 (empty without LSOAs).
 */
public record RegionInfo(String name, List<String> attributions, List<CodeName> districts, List<CodeName> pcns,
        Integer defaultAreas, int blocks, double[] bounds) {
}
