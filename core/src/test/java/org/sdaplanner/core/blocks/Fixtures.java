package org.sdaplanner.core.blocks;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.core.geography.Parish;
import org.sdaplanner.core.geography.PostcodePoint;

/** Hand-made rectangles in metres, small enough to check every answer by hand. */
public final class Fixtures {

    public static final GeometryFactory GF = new GeometryFactory();

    private Fixtures() {
    }

    public static Polygon rect(double x0, double y0, double x1, double y1) {
        return GF.createPolygon(new Coordinate[] {
            new Coordinate(x0, y0), new Coordinate(x1, y0), new Coordinate(x1, y1),
            new Coordinate(x0, y1), new Coordinate(x0, y0)});
    }

    public static Geometry wkt(String text) {
        try {
            return new WKTReader(GF).read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Point point(double x, double y) {
        return GF.createPoint(new Coordinate(x, y));
    }

    static Lsoa lsoa(String code, Geometry g) {
        return new Lsoa(code, code + " name", "D1", g);
    }

    static Lsoa lsoa(String code, String district, Geometry g) {
        return new Lsoa(code, code + " name", district, g);
    }

    static Parish parish(String code, Geometry g) {
        return new Parish(code, code + " parish", "D1", false, g);
    }

    static Parish parish(String code, String district, Geometry g) {
        return new Parish(code, code + " parish", district, false, g);
    }

    static Parish unparishedArea(String code, Geometry g) {
        return new Parish(code, code + ", unparished area", "D1", true, g);
    }

    static PostcodePoint postcode(String pc, double x, double y) {
        return new PostcodePoint(pc, point(x, y));
    }
}
