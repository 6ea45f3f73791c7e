package org.sdaplanner.web.api;

/**
 * One hit of {@code GET /api/search}: a place (a parish, or the city of an unparished area), an LSOA or a
 * postcode; for a place whether it is a city, town or village; the district it is in; the building block
 * holding it and where it is (EPSG:4326).
 */
public record SearchHit(String kind, String code, String name, String place, String district, String blockCode,
        double lon, double lat) {
}
