package org.sdaplanner.web.api;

/** One hit of {@code GET /api/search}: a parish, LSOA or postcode, the block holding it and where it is (EPSG:4326). */
public record SearchHit(String kind, String code, String name, String blockCode, double lon, double lat) {
}
