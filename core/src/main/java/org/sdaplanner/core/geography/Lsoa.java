package org.sdaplanner.core.geography;

import org.locationtech.jts.geom.Geometry;

/**
 * A Lower-layer Super Output Area.
 *
 * @param code ONS code, e.g. {@code E01015589}
 * @param districtCode the local authority district it lies in, or {@code null} when the region has none
 * @param geometry polygonal, EPSG:27700
 */
public record Lsoa(String code, String name, String districtCode, Geometry geometry) {
}
