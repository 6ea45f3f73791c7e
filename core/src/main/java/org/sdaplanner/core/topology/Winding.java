package org.sdaplanner.core.topology;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * Ring orientation as output formats want it: GeoJSON (RFC 7946 §3.1.6) and OGC/ISO
 * simple features draw exterior rings counter-clockwise and holes clockwise; ESRI Shapefiles the
 * other way round.
 */
public final class Winding {

    private Winding() {
    }

    /** Exterior rings counter-clockwise, holes clockwise (RFC 7946, OGC). */
    public static Geometry counterClockwise(Geometry g) {
        return orient(g, true);
    }

    /** Exterior rings clockwise, holes counter-clockwise (ESRI Shapefile). */
    public static Geometry clockwise(Geometry g) {
        return orient(g, false);
    }

    /** A copy of polygonal {@code g} with its rings oriented; anything else is returned as it is. */
    private static Geometry orient(Geometry g, boolean exteriorCcw) {
        if (g instanceof Polygon p) {
            return orient(p, exteriorCcw);
        }
        if (g instanceof MultiPolygon mp) {
            Polygon[] ps = new Polygon[mp.getNumGeometries()];
            for (int i = 0; i < ps.length; i++) {
                ps[i] = orient((Polygon) mp.getGeometryN(i), exteriorCcw);
            }
            MultiPolygon out = mp.getFactory().createMultiPolygon(ps);
            out.setSRID(mp.getSRID());
            return out;
        }
        return g;
    }

    private static Polygon orient(Polygon p, boolean exteriorCcw) {
        if (p.isEmpty()) {
            return p;
        }
        GeometryFactory f = p.getFactory();
        LinearRing shell = ring(p.getExteriorRing(), exteriorCcw);
        LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = ring(p.getInteriorRingN(i), !exteriorCcw);
        }
        Polygon out = f.createPolygon(shell, holes);
        out.setSRID(p.getSRID());
        return out;
    }

    private static LinearRing ring(LinearRing r, boolean ccw) {
        if (r.getNumPoints() < 4 || Orientation.isCCW(r.getCoordinateSequence()) == ccw) {
            return r;
        }
        return r.reverse();
    }
}
