package org.sdaplanner.importer.read;

import org.locationtech.jts.geom.Geometry;

import java.util.Map;

/**
 * A feature as read from a boundary file, before validation: attributes as text or numbers,
 * geometry in the file's own CRS.
 *
 * @param index 1-based position in the file, used in messages
 */
public record RawFeature(int index, Map<String, Object> properties, Geometry geometry) {
    public String text(String property) {
        Object v = properties.get(property);
        return v == null ? null : v.toString().trim();
    }
}
