package org.sdaplanner.importer.crs;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Reprojects British National Grid geometries to WGS84 longitude/latitude for the web, rounded
 * to 6 decimals (about 0.1 m): enough for a map, and the same digits on every run.
 */
public final class ToWgs84 {
    private static final double SCALE = 1e6;
    private final ThreadLocal<CoordinateTransform> transform = ThreadLocal.withInitial(() -> {
        CRSFactory crs = new CRSFactory();
        return new CoordinateTransformFactory().createTransform(crs.createFromName("EPSG:" + CrsCodes.BNG),
                crs.createFromName("EPSG:" + CrsCodes.WGS84));
    });

    public Geometry apply(Geometry g) {
        CoordinateTransform t = transform.get();
        ProjCoordinate src = new ProjCoordinate();
        ProjCoordinate dst = new ProjCoordinate();
        Geometry copy = Coordinates.map(g, (x, y, out) -> {
            src.x = x;
            src.y = y;
            t.transform(src, dst);
            out[0] = Coordinates.round(dst.x, SCALE);
            out[1] = Coordinates.round(dst.y, SCALE);
        });
        copy.setSRID(CrsCodes.WGS84);
        return copy;
    }
}
