package org.sdaplanner.importer.crs;

import org.locationtech.jts.geom.Geometry;

/**
 * Reprojects British National Grid geometries to WGS84 longitude/latitude for the web, rounded
 * to 6 decimals (about 0.1 m): enough for a map, and the same digits on every run.
 */
public final class ToWgs84 {
    private final Reprojection reprojection = new Reprojection(CrsCodes.BNG, CrsCodes.WGS84, 1e6);

    public Geometry apply(Geometry g) {
        return reprojection.apply(g);
    }
}
