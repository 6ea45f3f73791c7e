package org.sdaplanner.core.geography;

import org.locationtech.jts.geom.Point;

/** A postcode unit's centroid (Code-Point Open), EPSG:27700; used to weight population apportionment. */
public record PostcodePoint(String postcode, Point location) {
}
