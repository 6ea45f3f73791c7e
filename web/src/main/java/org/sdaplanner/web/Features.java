package org.sdaplanner.web;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.sdaplanner.export.GeoJsonWriter;
import org.sdaplanner.importer.crs.ToWgs84;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Renders features held in British National Grid as a GeoJSON FeatureCollection (EPSG:4326) for a map zoom. */
public final class Features {
    /** The largest zoom the API accepts; beyond 20 simplification no longer changes anything visible. */
    public static final int MAX_ZOOM = 22;
    /** Metres per pixel at zoom 0 of the web map (256-pixel tiles). */
    private static final double METRES_PER_PIXEL_Z0 = 156543.03392;
    private static final ToWgs84 TO_WGS84 = new ToWgs84();

    /** A feature: properties in output order and a geometry in EPSG:27700 (may be null). */
    public record Feature(Map<String, ?> properties, Geometry geometry) {
    }

    private Features() {
    }

    /** Half a pixel at the zoom, in metres; 0 (no simplification) for a null zoom. */
    static double tolerance(Integer zoom) {
        return zoom == null ? 0 : METRES_PER_PIXEL_Z0 / Math.pow(2, zoom) * 0.5;
    }

    /** Simplified in BNG (topology preserving, so rings stay valid), then reprojected. */
    static Geometry forMap(Geometry bng, Integer zoom) {
        if (bng == null) {
            return null;
        }
        double tol = tolerance(zoom);
        Geometry g = tol > 0 ? TopologyPreservingSimplifier.simplify(bng, tol) : bng;
        return TO_WGS84.apply(g);
    }

    public static byte[] render(List<Feature> features, Integer zoom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try (GeoJsonWriter w = new GeoJsonWriter(out)) {
            for (Feature f : features) {
                w.feature(f.properties(), forMap(f.geometry(), zoom));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static Geometry toWgs84(Geometry bng) {
        return TO_WGS84.apply(bng);
    }
}
