package org.sdaplanner.web;

import org.locationtech.jts.geom.Geometry;
import org.sdaplanner.export.GeoJsonWriter;
import org.sdaplanner.importer.crs.ToWgs84;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Map features and how they are written: a GeoJSON FeatureCollection in EPSG:4326, and the simplification per zoom. */
public final class Features {
    /** The largest zoom the API accepts; beyond 20 simplification no longer changes anything visible. */
    public static final int MAX_ZOOM = 22;
    /** Metres per pixel at zoom 0 of the web map (256-pixel tiles). */
    private static final double METRES_PER_PIXEL_Z0 = 156543.03392;
    private static final ToWgs84 TO_WGS84 = new ToWgs84();

    /** A feature: properties in output order and a geometry in EPSG:4326 (may be null). */
    public record Feature(Map<String, ?> properties, Geometry geometry) {
    }

    private Features() {
    }

    /** Half a pixel at the zoom, in metres; 0 (no simplification) for a null zoom. */
    static double tolerance(Integer zoom) {
        return zoom == null ? 0 : METRES_PER_PIXEL_Z0 / Math.pow(2, zoom) * 0.5;
    }

    public static byte[] render(List<Feature> features) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try (GeoJsonWriter w = new GeoJsonWriter(out)) {
            for (Feature f : features) {
                w.feature(f.properties(), f.geometry());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Geometry toWgs84(Geometry bng) {
        return TO_WGS84.apply(bng);
    }
}
