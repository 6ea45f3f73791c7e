package org.sdaplanner.web;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.sdaplanner.core.blocks.BlockKind;
import org.sdaplanner.core.blocks.BuildingBlock;
import org.sdaplanner.core.geography.Parish;
import org.sdaplanner.core.geography.PostcodePoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The towns and villages of the region, for the map's place labels and for search, from the data the
 * store holds (no gazetteer needed): every civil parish is a place named after it, and every
 * unparished area of the parish file (ONS "non-civil parished areas": all of Cambridge, the core of
 * Peterborough) is the city or town it is the core of, named without "unparished area". A place's label
 * sits where its people live: at the densest cluster of its postcodes (the village centre, not the middle
 * of its fields), or at its interior point when it has no postcode. Its kind (city, town, village) and the
 * zoom from which the map shows it follow its residents.
 */
final class Places {
    /** Residents from which a place is a town, and a city. */
    static final double TOWN = 5_000;
    static final double CITY = 50_000;
    /** Cell of the postcode density grid, in metres: about a village centre's size. */
    private static final double CELL = 250;

    /**
     * A place: its name, kind (city, town, village), the zoom from which its label fits the map, residents
     * (Census 2021, rounded), district, the building block under its label (null outside every block), the
     * parish block it is (null for an unparished area's city) and its label point (EPSG:27700).
     */
    record Place(String name, String kind, int minZoom, long residents, String districtCode, String blockCode,
                 String parishBlock, Point bng) {
    }

    private final List<Place> places;
    private final Map<String, Place> byParishBlock = new HashMap<>();

    Places(Region region, BlockIndex blocks) {
        Function<Point, String> blockAt = blocks::codeAt;
        STRtree postcodes = new STRtree();
        for (PostcodePoint p : region.analysis().geography().postcodes()) {
            postcodes.insert(p.location().getEnvelopeInternal(), p.location());
        }
        postcodes.build();
        List<Place> out = new ArrayList<>();
        List<BuildingBlock> unparishedBlocks = new ArrayList<>();
        for (BuildingBlock b : region.problem().blocks()) {
            if (b.kind() == BlockKind.PARISH) {
                Point at = labelPoint(b.geometry(), postcodes);
                Place p = place(b.name(), b.residentPopulation(), false, b.districtCode(), blockAt.apply(at), b.code(), at);
                out.add(p);
                byParishBlock.put(b.code(), p);
            } else {
                unparishedBlocks.add(b);
            }
        }
        for (Parish area : region.analysis().geography().parishes()) {
            if (!area.unparished() || area.geometry() == null) {
                continue;
            }
            PreparedGeometry within = PreparedGeometryFactory.prepare(area.geometry());
            double residents = 0;
            for (BuildingBlock b : unparishedBlocks) {
                if (b.districtCode() != null && b.districtCode().equals(area.districtCode())
                        && within.covers(b.geometry().getInteriorPoint())) {
                    residents += b.residentPopulation();
                }
            }
            Point at = labelPoint(area.geometry(), postcodes);
            out.add(place(cityName(area.name(), region.districtNames().get(area.districtCode())), residents, true,
                    area.districtCode(), blockAt.apply(at), null, at));
        }
        out.sort(Comparator.comparingLong((Place p) -> -p.residents()).thenComparing(Place::name));
        this.places = List.copyOf(out);
    }

    private static Place place(String name, double residents, boolean unparished, String district, String block,
                               String parishBlock, Point at) {
        String kind = residents >= CITY || unparished && residents >= TOWN * 4 ? "city" : residents >= TOWN ? "town" : "village";
        int minZoom = switch (kind) {
            case "city" -> 8;
            case "town" -> residents >= 3 * TOWN ? 9 : 10;
            default -> residents >= 1_500 ? 11 : 12;
        };
        return new Place(name, kind, minZoom, Math.round(residents), district, block, parishBlock, at);
    }

    /** "Cambridge, unparished area" → "Cambridge"; a name that is only a code falls back to the district's. */
    static String cityName(String name, String districtName) {
        String n = name == null ? "" : name.replaceAll("(?i)[,\\s(-]*(non[- ]civil parished area|unparished area|unparished)\\)?\\s*$", "").strip();
        return n.isEmpty() ? (districtName != null ? districtName : String.valueOf(name)) : n;
    }

    /** The centre of the densest 3 × 3 cells of the postcodes inside, snapped to the nearest of them. */
    @SuppressWarnings("unchecked")
    static Point labelPoint(Geometry area, STRtree postcodes) {
        PreparedGeometry inside = PreparedGeometryFactory.prepare(area);
        List<Point> pts = new ArrayList<>();
        for (Point p : (List<Point>) postcodes.query(area.getEnvelopeInternal())) {
            if (inside.covers(p)) {
                pts.add(p);
            }
        }
        if (pts.isEmpty()) {
            return area.getInteriorPoint();
        }
        Map<Long, Integer> cells = new HashMap<>();
        for (Point p : pts) {
            cells.merge(cell(Math.floorDiv((long) p.getX(), (long) CELL), Math.floorDiv((long) p.getY(), (long) CELL)), 1, Integer::sum);
        }
        long bestX = 0;
        long bestY = 0;
        int best = -1;
        for (Long c : cells.keySet().stream().sorted().toList()) {
            long cx = c >> 32;
            long cy = (int) (long) c;
            int n = 0;
            for (long dx = -1; dx <= 1; dx++) {
                for (long dy = -1; dy <= 1; dy++) {
                    n += cells.getOrDefault(cell(cx + dx, cy + dy), 0);
                }
            }
            if (n > best) {
                best = n;
                bestX = cx;
                bestY = cy;
            }
        }
        Coordinate centre = new Coordinate((bestX + 0.5) * CELL, (bestY + 0.5) * CELL);
        Point nearest = pts.get(0);
        for (Point p : pts) {
            if (p.getCoordinate().distance(centre) < nearest.getCoordinate().distance(centre)) {
                nearest = p;
            }
        }
        return nearest;
    }

    private static long cell(long x, long y) {
        return (x << 32) | (y & 0xffffffffL);
    }

    /** Every place, the most populous first. */
    List<Place> all() {
        return places;
    }

    /** The place a parish block is, or null. */
    Place ofParishBlock(String blockCode) {
        return byParishBlock.get(blockCode);
    }
}
