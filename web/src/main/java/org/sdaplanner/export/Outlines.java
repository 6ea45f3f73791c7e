package org.sdaplanner.export;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.sdaplanner.core.blocks.BlockOutlines;
import org.sdaplanner.core.blocks.BuildingBlock;
import org.sdaplanner.core.topology.Topology;
import org.sdaplanner.core.topology.TopologyOptions;
import org.sdaplanner.importer.crs.CrsCodes;
import org.sdaplanner.importer.crs.Reprojection;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way every output gets its outlines: a {@link Topology} of the building blocks in British
 * National Grid (1 mm grid), and the same partition in longitude/latitude noded again on the
 * 10⁻⁶° grid the GeoJSON outputs carry, so that rounding to 6 decimals cannot break a ring or open
 * a gap between neighbours.
 */
public final class Outlines {
    /** Unrounded: the lon/lat topology snaps to its own grid. */
    private static final Reprojection TO_LON_LAT = new Reprojection(CrsCodes.BNG, CrsCodes.WGS84, 0);

    private Outlines() {
    }

    /** The blocks' partition in EPSG:27700 (made afresh: {@link BlockOutlines#bng()} keeps one). */
    public static Topology of(Collection<BuildingBlock> blocks) {
        return BlockOutlines.bngOf(blocks);
    }

    /** The blocks' outlines by code, EPSG:27700. */
    public static Map<String, Geometry> byCode(Collection<BuildingBlock> blocks) {
        return BlockOutlines.byCode(blocks);
    }

    /** The blocks' lon/lat partition, {@link #lonLat(Map)} of their outlines, made once per {@code outlines} (or kept with a snapshot). */
    public static Topology lonLat(BlockOutlines outlines) {
        return outlines.lonLat(Outlines::lonLat);
    }

    /** Both of the blocks' partitions, BNG and lon/lat, made at the same time ({@link BlockOutlines#makeBoth}). */
    public static void makeBoth(BlockOutlines outlines) {
        outlines.makeBoth(Outlines::lonLat);
    }

    /** Any polygons' partition in EPSG:27700 (LSOAs, say), by code. */
    public static Topology of(Map<String, ? extends Geometry> polygons) {
        return Topology.of(polygons, TopologyOptions.METRES);
    }

    /** A partition in EPSG:27700 reprojected to EPSG:4326 (longitude, latitude) and noded on the 10⁻⁶° grid. */
    public static Topology lonLat(Topology bng) {
        return bng.transformed(Outlines::toLonLat, TopologyOptions.DEGREES);
    }

    /**
     * Polygons in EPSG:27700 (blocks, LSOAs) reprojected to EPSG:4326 and noded straight on the
     * 10⁻⁶° grid: one noding, which cleans their gaps and overlaps as the metric one would.
     */
    public static Topology lonLat(Map<String, ? extends Geometry> bng) {
        Map<String, Geometry> m = new HashMap<>();
        bng.forEach((code, g) -> m.put(code, g == null ? null : toLonLat(g)));
        return Topology.of(m, TopologyOptions.DEGREES);
    }

    private static Geometry toLonLat(Geometry g) {
        Geometry out = TO_LON_LAT.apply(g);
        out.setSRID(CrsCodes.WGS84);
        return out;
    }

    /** The polygons of {@code g} as one MultiPolygon (lines and points dropped); {@code null} stays null. */
    public static MultiPolygon multiPolygon(Geometry g) {
        if (g == null) {
            return null;
        }
        if (g instanceof MultiPolygon mp) {
            return mp;
        }
        GeometryFactory f = g.getFactory();
        @SuppressWarnings("unchecked")
        List<Polygon> polygons = PolygonExtracter.getPolygons(g);
        return f.createMultiPolygon(polygons.toArray(new Polygon[0]));
    }
}
