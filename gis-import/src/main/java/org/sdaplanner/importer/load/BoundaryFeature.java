package org.sdaplanner.importer.load;

import org.locationtech.jts.geom.MultiPolygon;

import java.util.Map;

/** A validated boundary feature: code, name, other attributes, and a valid MultiPolygon in EPSG:27700. */
public record BoundaryFeature(int index, String code, String name, Map<String, Object> properties, MultiPolygon geometry) {
    public String text(String property) {
        Object v = properties.get(property);
        return v == null ? null : v.toString().trim();
    }
}
