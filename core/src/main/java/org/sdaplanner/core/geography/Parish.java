package org.sdaplanner.core.geography;

import org.locationtech.jts.geom.Geometry;

/**
 * A civil parish, or an ONS "non-civil parished area" (the unparished remainder of a district).
 *
 * @param unparished true for a non-civil parished area (ONS codes {@code E43…})
 * @param geometry polygonal, EPSG:27700
 */
public record Parish(String code, String name, String districtCode, boolean unparished, Geometry geometry) {
}
