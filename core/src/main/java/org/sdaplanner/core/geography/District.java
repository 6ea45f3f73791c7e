package org.sdaplanner.core.geography;

import org.locationtech.jts.geom.Geometry;

/** A local authority district; its geometry may be {@code null} when the region gives only codes. */
public record District(String code, String name, Geometry geometry) {
}
