package org.sdaplanner.export;

import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** For tests: GeoJSON (Multi)Polygons read into JTS exactly as written, and RFC 7946 ring order checked. */
public final class GeoJsonGeometries {
    private static final GeometryFactory GF = new GeometryFactory();

    private GeoJsonGeometries() {
    }

    /** The geometry of a GeoJSON geometry object, rings in the order written. */
    public static Geometry read(JsonNode geometry) {
        String type = geometry.path("type").asText();
        JsonNode c = geometry.path("coordinates");
        if (type.equals("Polygon")) {
            return polygon(c);
        }
        assertEquals("MultiPolygon", type, "a polygonal geometry");
        Polygon[] ps = new Polygon[c.size()];
        for (int i = 0; i < ps.length; i++) {
            ps[i] = polygon(c.get(i));
        }
        return GF.createMultiPolygon(ps);
    }

    /** Every exterior ring counter-clockwise and every hole clockwise (RFC 7946 §3.1.6). */
    public static void assertRfc7946Winding(Geometry g, String what) {
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            assertTrue(Orientation.isCCW(p.getExteriorRing().getCoordinateSequence()), what + ": exterior counter-clockwise: " + p);
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                assertFalse(Orientation.isCCW(p.getInteriorRingN(h).getCoordinateSequence()), what + ": hole clockwise");
            }
        }
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        List<LinearRing> holes = new ArrayList<>();
        for (int i = 1; i < rings.size(); i++) {
            holes.add(ring(rings.get(i)));
        }
        return GF.createPolygon(shell, holes.toArray(new LinearRing[0]));
    }

    private static LinearRing ring(JsonNode positions) {
        Coordinate[] cs = new Coordinate[positions.size()];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = new Coordinate(positions.get(i).get(0).asDouble(), positions.get(i).get(1).asDouble());
        }
        return GF.createLinearRing(cs);
    }
}
