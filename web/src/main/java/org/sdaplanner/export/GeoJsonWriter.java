package org.sdaplanner.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.sdaplanner.core.topology.Winding;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Streams a GeoJSON FeatureCollection (RFC 7946, longitude/latitude). Properties keep their
 * insertion order and numbers are written as given, so output is byte-for-byte repeatable.
 * Polygon rings are written in the order RFC 7946 §3.1.6 asks for: exteriors counter-clockwise,
 * holes clockwise.
 */
public final class GeoJsonWriter implements AutoCloseable {
    private final JsonGenerator g;

    public GeoJsonWriter(OutputStream out) throws IOException {
        g = new JsonFactory().createGenerator(out);
        g.writeStartObject();
        g.writeStringField("type", "FeatureCollection");
        g.writeArrayFieldStart("features");
    }

    /** Writes one feature; property values may be strings, numbers, booleans, lists or maps. */
    public void feature(Map<String, ?> properties, Geometry wgs84) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeObjectFieldStart("properties");
        for (Map.Entry<String, ?> e : properties.entrySet()) {
            g.writeFieldName(e.getKey());
            value(e.getValue());
        }
        g.writeEndObject();
        g.writeFieldName("geometry");
        geometry(wgs84);
        g.writeEndObject();
    }

    private void value(Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(e.getKey().toString());
                value(e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                value(o);
            }
            g.writeEndArray();
        } else {
            g.writeString(v.toString());
        }
    }

    private void geometry(Geometry geom) throws IOException {
        if (geom == null || geom.isEmpty()) {
            g.writeNull(); // RFC 7946 §3.2: a feature with no place (a polygon too small to draw at this zoom)
            return;
        }
        g.writeStartObject();
        if (geom instanceof Point p) {
            g.writeStringField("type", "Point");
            g.writeFieldName("coordinates");
            position(p.getCoordinate());
        } else if (geom instanceof Polygon p) {
            g.writeStringField("type", "Polygon");
            g.writeFieldName("coordinates");
            polygon(p);
        } else {
            @SuppressWarnings("unchecked")
            List<Polygon> polys = geom instanceof MultiPolygon ? null : PolygonExtracter.getPolygons(geom);
            g.writeStringField("type", "MultiPolygon");
            g.writeArrayFieldStart("coordinates");
            int n = polys == null ? geom.getNumGeometries() : polys.size();
            for (int i = 0; i < n; i++) {
                polygon(polys == null ? (Polygon) geom.getGeometryN(i) : polys.get(i));
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private void polygon(Polygon polygon) throws IOException {
        Polygon p = (Polygon) Winding.counterClockwise(polygon);
        g.writeStartArray();
        ring(p.getExteriorRing());
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            ring(p.getInteriorRingN(i));
        }
        g.writeEndArray();
    }

    private void ring(LineString r) throws IOException {
        g.writeStartArray();
        for (Coordinate c : r.getCoordinates()) {
            position(c);
        }
        g.writeEndArray();
    }

    private void position(Coordinate c) throws IOException {
        g.writeStartArray();
        g.writeNumber(c.x);
        g.writeNumber(c.y);
        g.writeEndArray();
    }

    @Override
    public void close() throws IOException {
        g.writeEndArray();
        g.writeEndObject();
        g.close();
    }
}
