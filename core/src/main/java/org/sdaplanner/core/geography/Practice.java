package org.sdaplanner.core.geography;

import org.locationtech.jts.geom.Point;

/**
 * A GP practice.
 *
 * @param pcnCode its PCN, {@link Pcn#UNALLOCATED} when the map says so, {@code null} when the
 *                practice is missing from the practice → PCN map
 * @param inRegion true when the practice belongs to the region's commissioners (e.g. sub-ICB 06H)
 * @param location EPSG:27700, or {@code null} when unknown
 */
public record Practice(String code, String name, String postcode, String pcnCode, boolean inRegion,
                       Point location) {
}
