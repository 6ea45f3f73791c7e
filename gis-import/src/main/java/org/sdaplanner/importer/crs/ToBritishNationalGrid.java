package org.sdaplanner.importer.crs;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.UnknownAuthorityCodeException;

/**
 * Reprojects geometries into British National Grid (EPSG:27700), where the engine measures
 * areas, lengths and adjacency. Uses proj4j with the EPSG:27700 Helmert parameters (accurate to a
 * few metres, far below the generalisation of the boundary files).
 */
public final class ToBritishNationalGrid {
    private final int sourceSrid;
    /** proj4j transforms keep scratch state, so each thread gets its own. */
    private final ThreadLocal<CoordinateTransform> transform;

    public ToBritishNationalGrid(int sourceSrid) {
        this.sourceSrid = sourceSrid;
        if (sourceSrid == CrsCodes.BNG) {
            transform = null;
        } else {
            CRSFactory crs = new CRSFactory();
            try {
                crs.createFromName("EPSG:" + sourceSrid);
            } catch (UnknownAuthorityCodeException | IllegalStateException e) {
                throw new IllegalArgumentException("unknown CRS EPSG:" + sourceSrid);
            }
            transform = ThreadLocal.withInitial(() -> {
                CRSFactory own = new CRSFactory();
                return new CoordinateTransformFactory().createTransform(
                        own.createFromName("EPSG:" + sourceSrid), own.createFromName("EPSG:" + CrsCodes.BNG));
            });
        }
    }

    public int sourceSrid() {
        return sourceSrid;
    }

    /** Returns a reprojected copy, or the geometry itself when it is already in EPSG:27700. */
    public Geometry apply(Geometry g) {
        if (transform == null || g == null) {
            return g;
        }
        CoordinateTransform t = transform.get();
        ProjCoordinate src = new ProjCoordinate();
        ProjCoordinate dst = new ProjCoordinate();
        Geometry copy = Coordinates.map(g, (x, y, out) -> {
            src.x = x;
            src.y = y;
            t.transform(src, dst);
            out[0] = dst.x;
            out[1] = dst.y;
        });
        copy.setSRID(CrsCodes.BNG);
        return copy;
    }

    /** Plausible extents, to catch a file whose CRS is missing or wrong. */
    public static boolean looksLikeLonLat(Envelope e) {
        return e.getMinX() >= -180 && e.getMaxX() <= 180 && e.getMinY() >= -90 && e.getMaxY() <= 90;
    }

    public static boolean looksLikeBritishNationalGrid(Envelope e) {
        return e.getMinX() >= -100_000 && e.getMaxX() <= 800_000 && e.getMinY() >= -100_000 && e.getMaxY() <= 1_400_000
                && !looksLikeLonLat(e);
    }
}
