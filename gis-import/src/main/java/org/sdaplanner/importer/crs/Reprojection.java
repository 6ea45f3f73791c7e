package org.sdaplanner.importer.crs;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.UnknownAuthorityCodeException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reprojects geometries between two EPSG codes with proj4j, optionally rounding the result
 * (so outputs have the same digits on every run). Thread-safe.
 */
public final class Reprojection {
    private final int targetSrid;
    private final double roundingScale;
    /** proj4j transforms keep scratch state, so each thread gets its own; null when source = target. */
    private final ThreadLocal<CoordinateTransform> transform;

    /**
     * @param roundingScale round coordinates to multiples of 1/scale (e.g. 1e6 for degrees), 0 to keep them
     * @throws IllegalArgumentException when proj4j does not know a code
     */
    public Reprojection(int sourceSrid, int targetSrid, double roundingScale) {
        this.targetSrid = targetSrid;
        this.roundingScale = roundingScale;
        if (sourceSrid == targetSrid) {
            transform = null;
            return;
        }
        for (int code : new int[]{sourceSrid, targetSrid}) {
            try {
                crs(code);
            } catch (UnknownAuthorityCodeException | IllegalStateException e) {
                throw new IllegalArgumentException("unknown CRS EPSG:" + code);
            } catch (RuntimeException e) {
                // proj4j knows the code but not how to use it (an unsupported projection or parameter)
                throw new IllegalArgumentException("unsupported CRS EPSG:" + code);
            }
        }
        transform = ThreadLocal.withInitial(() -> new CoordinateTransformFactory().createTransform(crs(sourceSrid), crs(targetSrid)));
    }

    /**
     * proj4j finds an EPSG code by reading its whole definitions file (20 to 100 ms each time); a code's
     * definition never changes, so its parameters are read once per process and the CRS is built from
     * them (the same transform to the bit).
     */
    private static final ConcurrentHashMap<Integer, String> PARAMETERS = new ConcurrentHashMap<>(Reprojection.builtIn());

    /**
     * The definitions of the two codes every command uses, as proj4j's file has them (checked against it
     * by ReprojectionTest), so that no command reads the file for them: that took about 0.1 s of each
     * command that draws a map or exports.
     */
    static Map<Integer, String> builtIn() {
        return Map.of(
                CrsCodes.BNG, "+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +datum=OSGB36"
                        + " +units=m +no_defs ",
                CrsCodes.WGS84, "+proj=longlat +datum=WGS84 +no_defs ");
    }

    private static CoordinateReferenceSystem crs(int code) {
        String params = PARAMETERS.computeIfAbsent(code, c -> new CRSFactory().createFromName("EPSG:" + c).getParameterString());
        return new CRSFactory().createFromParameters("EPSG:" + code, params);
    }

    /** A reprojected copy, or the geometry itself when source and target are the same CRS. */
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
            try {
                t.transform(src, dst);
            } catch (RuntimeException e) {
                // a point the projection cannot take (e.g. latitude past 90°): NaN, which every extent check refuses
                dst.x = Double.NaN;
                dst.y = Double.NaN;
            }
            out[0] = roundingScale > 0 ? Coordinates.round(dst.x, roundingScale) : dst.x;
            out[1] = roundingScale > 0 ? Coordinates.round(dst.y, roundingScale) : dst.y;
        });
        copy.setSRID(targetSrid);
        return copy;
    }
}
