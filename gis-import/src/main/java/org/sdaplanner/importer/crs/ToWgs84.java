package org.sdaplanner.importer.crs;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
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
        Geometry copy = g.copy();
        CoordinateTransform t = transform.get();
        ProjCoordinate src = new ProjCoordinate();
        ProjCoordinate dst = new ProjCoordinate();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                src.x = seq.getX(i);
                src.y = seq.getY(i);
                t.transform(src, dst);
                seq.setOrdinate(i, 0, Math.round(dst.x * SCALE) / SCALE);
                seq.setOrdinate(i, 1, Math.round(dst.y * SCALE) / SCALE);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        copy.setSRID(CrsCodes.WGS84);
        return copy;
    }
}
