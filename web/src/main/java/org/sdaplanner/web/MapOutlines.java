package org.sdaplanner.web;

import org.locationtech.jts.geom.Geometry;
import org.sdaplanner.core.topology.Topology;
import org.sdaplanner.export.Outlines;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One partition (the blocks, or the LSOAs) as the map draws it at each zoom: reprojected to
 * longitude/latitude and noded on the 10⁻⁶° grid once, then for each zoom every shared boundary
 * simplified once by half a pixel of that zoom, so that neighbours meet exactly at every zoom.
 * Made on first use (a few tenths of a second for a county) and kept, zoom by zoom. Thread-safe.
 */
public final class MapOutlines {
    /** Metres per degree of latitude: turns the zoom's tolerance into degrees (east–west it then simplifies a little less). */
    private static final double METRES_PER_DEGREE = 111_320;

    private final Supplier<Map<String, ? extends Geometry>> bng;
    private volatile Topology lonLat;
    private final Map<Integer, Topology> byZoom = new ConcurrentHashMap<>();

    /** @param bng the polygons by code, EPSG:27700, asked for on first use */
    MapOutlines(Supplier<Map<String, ? extends Geometry>> bng) {
        this.bng = bng;
    }

    /** The partition in EPSG:4326 for a zoom (null: full detail). */
    public Topology at(Integer zoom) {
        Topology full = full();
        if (zoom == null) {
            return full;
        }
        return byZoom.computeIfAbsent(zoom, z -> full.simplified(Features.tolerance(z) / METRES_PER_DEGREE));
    }

    private Topology full() {
        Topology t = lonLat;
        if (t == null) {
            synchronized (this) {
                t = lonLat;
                if (t == null) {
                    t = Outlines.lonLat(bng.get());
                    lonLat = t;
                }
            }
        }
        return t;
    }
}
