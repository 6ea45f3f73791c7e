package org.sdaplanner.web;

import org.locationtech.jts.geom.Geometry;
import org.sdaplanner.core.topology.Topology;
import org.sdaplanner.export.Outlines;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One partition (the blocks, or the LSOAs) as the map draws it at each zoom: reprojected to
 * longitude/latitude and noded on the 10⁻⁶° grid once, then for each zoom every shared boundary
 * simplified once by half a pixel of that zoom, so that neighbours meet exactly at every zoom.
 * Each zoom is made on first use (a few tenths of a second for a county) and kept.
 */
final class MapOutlines {
    /** Metres per degree of latitude: turns the zoom's tolerance into degrees (east–west it then simplifies a little less). */
    private static final double METRES_PER_DEGREE = 111_320;

    private final Topology lonLat;
    private final Map<Integer, Topology> byZoom = new ConcurrentHashMap<>();

    /** @param bng the polygons by code, EPSG:27700 */
    MapOutlines(Map<String, ? extends Geometry> bng) {
        this.lonLat = Outlines.lonLat(bng);
    }

    /** The partition in EPSG:4326 for a zoom (null: full detail). */
    Topology at(Integer zoom) {
        if (zoom == null) {
            return lonLat;
        }
        return byZoom.computeIfAbsent(zoom, z -> lonLat.simplified(Features.tolerance(z) / METRES_PER_DEGREE));
    }
}
