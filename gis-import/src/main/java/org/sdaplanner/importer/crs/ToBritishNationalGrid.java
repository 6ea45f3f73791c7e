package org.sdaplanner.importer.crs;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Reprojects geometries into British National Grid (EPSG:27700), where the engine measures
 * areas, lengths and adjacency. Uses proj4j with the EPSG:27700 Helmert parameters (accurate to a
 * few metres, far below the generalisation of the boundary files).
 */
public final class ToBritishNationalGrid {
    private final int sourceSrid;
    private final Reprojection reprojection;

    public ToBritishNationalGrid(int sourceSrid) {
        this.sourceSrid = sourceSrid;
        this.reprojection = new Reprojection(sourceSrid, CrsCodes.BNG, 0);
    }

    public int sourceSrid() {
        return sourceSrid;
    }

    /** Returns a reprojected copy, or the geometry itself when it is already in EPSG:27700. */
    public Geometry apply(Geometry g) {
        return reprojection.apply(g);
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
