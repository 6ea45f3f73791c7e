package org.sdaplanner.core.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdaplanner.core.blocks.Fixtures.rect;
import static org.sdaplanner.core.blocks.Fixtures.wkt;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sdaplanner.core.blocks.Fixtures;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** Hand-made partitions in metres (1 mm grid) whose every answer can be checked by hand. */
class TopologyTest {

    private static final GeometryFactory GF = Fixtures.GF;

    private static Topology of(Object... codeAndGeometry) {
        Map<String, Geometry> m = new LinkedHashMap<>();
        for (int i = 0; i < codeAndGeometry.length; i += 2) {
            m.put((String) codeAndGeometry[i], (Geometry) codeAndGeometry[i + 1]);
        }
        return Topology.of(m, TopologyOptions.METRES);
    }

    /** The outlines form a valid coverage: valid polygons, no overlaps, neighbours' edges matching exactly. */
    private static void assertCoverage(Map<String, Geometry> outlines) {
        Geometry[] all = outlines.values().toArray(new Geometry[0]);
        for (Map.Entry<String, Geometry> e : outlines.entrySet()) {
            assertTrue(e.getValue().isValid(), e.getKey() + " is valid");
        }
        Geometry[] invalid = CoverageValidator.validate(all);
        for (int i = 0; i < invalid.length; i++) {
            assertTrue(invalid[i] == null, "coverage edges of " + all[i] + " match their neighbours: " + invalid[i]);
        }
    }

    /** Holes of every outline, as polygons. */
    private static List<Geometry> holes(Geometry g) {
        List<Geometry> out = new java.util.ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                out.add(GF.createPolygon(p.getInteriorRingN(h).getCoordinates()));
            }
        }
        return out;
    }

    @Test
    void overlapGoesToTheSmallerAndAGapToTheNeighbourSharingMostOfItsEdge() {
        // A [0,100]x[0,100]; B starts at x = 99.5 (0.5 m overlap) up to y = 100; C wraps round both from above,
        // leaving a 0.3 m gap closed at its ends above A and B
        Geometry c = rect(-10, 0, 160, 150).difference(rect(0, 0, 150, 100.3));
        Topology t = of("A", rect(0, 0, 100, 100), "B", rect(99.5, 0, 150, 100), "C", c);
        SortedMap<String, Geometry> o = t.outlines();
        assertCoverage(o);
        assertEquals(1, t.report().overlaps());
        assertEquals(0.5 * 100, t.report().overlapArea(), 1e-6);
        assertEquals(1, t.report().gapsFilled());
        assertEquals(0.3 * 150, t.report().gapArea(), 1e-6);
        assertEquals(0, t.report().holes());
        // B (5,050 m²) is smaller than A (10,000 m²): it keeps the overlap
        assertEquals(99.5 * 100, o.get("A").getArea(), 1e-6);
        assertEquals(50.5 * 100, o.get("B").getArea(), 1e-6);
        // the gap shares 150.6 m of edge with C and 99.5 and 50.5 with A and B: C takes it
        assertEquals(170 * 150 - 150 * 100, o.get("C").getArea(), 1e-6);
        // everything together covers the extent, with no hole
        Geometry all = t.dissolve(code -> "all").get("all");
        assertInstanceOf(Polygon.class, all);
        assertEquals(0, ((Polygon) all).getNumInteriorRing());
        assertEquals(170 * 150, all.getArea(), 1e-6);
        // A and B now share exactly one edge: their intersection is a line
        assertEquals(0, o.get("A").intersection(o.get("B")).getArea(), 1e-9);
        assertEquals(100, o.get("A").intersection(o.get("B")).getLength(), 1e-9);
    }

    @Test
    void theOnlyHolesLeftAreEnclavesAndLargeGaps() {
        // A: a 1 km square with a hole where E (an enclave) lies, a 5 m × 5 m hole nobody fills,
        // and a 1.2 km² hole (larger than the 1 km² gap limit) in a second square far away
        Geometry a = wkt("MULTIPOLYGON (((0 0, 1000 0, 1000 1000, 0 1000, 0 0), (100 100, 300 100, 300 300, 100 300, 100 100),"
                + " (600 600, 605 600, 605 605, 600 605, 600 600)),"
                + " ((5000 0, 7000 0, 7000 2000, 5000 2000, 5000 0), (5400 400, 6500 400, 6500 1500, 5400 1500, 5400 400)))");
        Topology t = of("A", a, "E", rect(100, 100, 300, 300));
        SortedMap<String, Geometry> o = t.outlines();
        assertCoverage(o);
        assertEquals(1, t.report().gapsFilled(), "the 25 m² hole is a gap, filled");
        assertEquals(1, t.report().holes(), "the 1.21 km² hole is left open");
        List<Geometry> holes = holes(o.get("A"));
        assertEquals(2, holes.size());
        for (Geometry h : holes) {
            boolean enclave = h.equalsTopo(o.get("E"));
            assertTrue(enclave || h.getArea() > TopologyOptions.METRES.maxGapArea(), "hole " + h + " is an enclave or large");
        }
        // dissolving A with its enclave leaves only the large hole
        Geometry both = t.dissolve(code -> "x").get("x");
        assertEquals(1, holes(both).size());
        assertEquals(1100 * 1100, holes(both).get(0).getArea(), 1e-6);
    }

    @Test
    void boundariesUnderAGridCellApartComeToShareTheirEdge() {
        // B's west edge runs 0.3 mm east of A's east edge, and bends 0.4 mm west of it halfway up
        Geometry b = wkt("POLYGON ((100.0003 0, 200 0, 200 100, 100.0003 100, 99.9996 50, 100.0003 0))");
        Topology t = of("A", rect(0, 0, 100, 100), "B", b);
        SortedMap<String, Geometry> o = t.outlines();
        assertCoverage(o);
        assertEquals(100, o.get("A").intersection(o.get("B")).getLength(), 1e-9, "one shared edge");
        assertEquals(0, o.get("A").intersection(o.get("B")).getArea(), 0.0);
    }

    @Test
    void aFewCrossingsAmongManyCleanEdgesAreNodedLikeAllOfThem() {
        // a 20 × 20 grid of 10 m squares sharing their edges, and one square askew across four of them
        Map<String, Geometry> m = new TreeMap<>();
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 20; j++) {
                m.put(String.format("S%02d%02d", i, j), rect(10 * i, 10 * j, 10 * i + 10, 10 * j + 10));
            }
        }
        m.put("X", wkt("POLYGON ((95 100, 100 95.2, 105 100, 100 104.9, 95 100))"));
        Topology t = Topology.of(m, TopologyOptions.METRES);
        SortedMap<String, Geometry> o = t.outlines();
        assertCoverage(o);
        assertEquals(4, t.report().overlaps(), "the askew square lies over four squares");
        assertEquals(4000 * 10, t.dissolve(c -> "all").get("all").getArea(), 1e-6);
        assertEquals(0.5 * 10 * 9.7, o.get("X").getArea(), 1e-6, "the small square keeps its ground");
    }

    @Test
    void partsTouchingAtACornerOnlyStaySeparatePolygons() {
        Topology t = of("A", rect(0, 0, 10, 10), "B", rect(10, 10, 20, 20), "C", rect(10, 0, 20, 10));
        Geometry ab = t.dissolve(code -> code.equals("C") ? null : "ab").get("ab");
        assertTrue(ab.isValid());
        assertEquals(2, ab.getNumGeometries(), "A and B touch at (10, 10) only");
        Geometry abc = t.dissolve(code -> "abc").get("abc");
        assertEquals(1, abc.getNumGeometries(), "C joins them along edges");
        assertTrue(abc.isValid());
        assertEquals(300, abc.getArea(), 1e-9);
    }

    @Test
    void anInputLyingInsideALargerOneKeepsItsGroundAsAnEnclave() {
        Topology t = of("BIG", rect(0, 0, 100, 100), "SMALL", rect(40, 40, 60, 60));
        SortedMap<String, Geometry> o = t.outlines();
        assertCoverage(o);
        assertEquals(400, o.get("SMALL").getArea(), 1e-9);
        assertEquals(10_000 - 400, o.get("BIG").getArea(), 1e-9);
        assertEquals(1, holes(o.get("BIG")).size());
    }

    @Test
    void partsAndNeighboursAndReassignMoveFacesBetweenCodes() {
        // S has two parts: one along A's east side, one along B's north side
        Geometry s = wkt("MULTIPOLYGON (((100 0, 102 0, 102 100, 100 100, 100 0)), ((200 100, 300 100, 300 101, 200 101, 200 100)))");
        Topology t = of("A", rect(0, 0, 100, 100), "B", rect(200, 0, 300, 100), "S", s, "M", rect(102, 0, 200, 100));
        List<Topology.Part> parts = t.parts("S");
        assertEquals(2, parts.size());
        assertEquals(200, parts.get(0).area(), 1e-9, "largest part first");
        SortedMap<String, Double> n0 = t.neighbours(parts.get(0));
        assertEquals(100, n0.get("A"), 1e-9);
        assertEquals(100, n0.get("M"), 1e-9);
        assertEquals(100, t.neighbours(parts.get(1)).get("B"), 1e-9);
        assertEquals(Map.of("A", 100.0), t.neighbours(parts.get(0), List.of()).headMap("B"));
        Topology moved = t.reassign(Map.of(parts.get(0), "A", parts.get(1), "B"));
        assertEquals(List.of("A", "B", "M"), moved.codes());
        assertEquals(102 * 100, moved.outline("A").getArea(), 1e-9);
        assertEquals(100 * 101, moved.outline("B").getArea(), 1e-9);
        assertTrue(moved.parts("S").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> moved.neighbours(parts.get(0)), "a part S no longer has");
        assertThrows(IllegalArgumentException.class, () -> t.reassign(Map.of(parts.get(0), "NOPE")));
    }

    @Test
    void simplifiedNeighboursStillShareTheirBoundaryExactly() {
        // two blocks sharing a zig-zag boundary of 1 m teeth, and a third below both
        StringBuilder zig = new StringBuilder();
        for (int x = 0; x <= 100; x++) {
            zig.append(x).append(' ').append(x % 2 == 0 ? 50 : 51).append(", ");
        }
        String teeth = zig.substring(0, zig.length() - 2);
        Geometry west = wkt("POLYGON ((0 0, 100 0, " + reverse(teeth) + ", 0 0))");
        Geometry east = wkt("POLYGON ((" + teeth + ", 100 100, 0 100, 0 50))");
        Topology t = of("S", west, "N", east, "Z", rect(0, -30, 100, 0));
        for (double tol : new double[] {0.5, 2, 10, 40}) {
            Topology s = t.simplified(tol);
            SortedMap<String, Geometry> o = s.outlines();
            assertEquals(List.of("N", "S", "Z"), List.copyOf(o.keySet()), "no code disappears at " + tol);
            assertCoverage(o);
            Geometry union = s.dissolve(c -> "all").get("all");
            assertEquals(1, union.getNumGeometries());
            assertEquals(0, holes(union).size(), "no gap opens at " + tol);
            double sum = o.values().stream().mapToDouble(Geometry::getArea).sum();
            assertEquals(union.getArea(), sum, 1e-6, "no overlap at " + tol);
        }
        assertTrue(t.simplified(10).outline("N").getNumPoints() < t.outline("N").getNumPoints(), "the teeth go");
    }

    @Test
    void transformedOutlinesAreNodedAgainOnTheNewGrid() {
        // a shift and a coarse 1 m grid: the thin 0.4 m part of B collapses and is cleaned away
        Topology t = of("A", rect(0, 0, 10.2, 10), "B", wkt("POLYGON ((10.2 0, 20 0, 20 10, 10.2 10, 10.2 0))"),
                "C", rect(0, 10, 20, 10.4));
        Topology moved = t.transformed(g -> {
            Geometry c = g.copy();
            c.apply((org.locationtech.jts.geom.CoordinateFilter) co -> co.x = co.x + 0.3);
            c.geometryChanged();
            return c;
        }, new TopologyOptions(1, 100));
        SortedMap<String, Geometry> o = moved.outlines();
        assertCoverage(o);
        for (Geometry g : o.values()) {
            for (Coordinate c : g.getCoordinates()) {
                assertEquals(Math.rint(c.x), c.x, 0.0, "on the 1 m grid");
                assertEquals(Math.rint(c.y), c.y, 0.0);
            }
        }
    }

    @Test
    void sameInputsInAnyOrderGiveTheSameOutlines() {
        Map<String, Geometry> m = new HashMap<>();
        m.put("A", rect(0, 0, 100, 100));
        m.put("B", rect(99.5, 0, 150, 100));
        m.put("C", rect(-10, 0, 160, 150).difference(rect(0, 0, 150, 100.3)));
        Map<String, Geometry> reversed = new TreeMap<>(java.util.Comparator.reverseOrder());
        reversed.putAll(m);
        SortedMap<String, Geometry> x = Topology.of(m, TopologyOptions.METRES).outlines();
        SortedMap<String, Geometry> y = Topology.of(reversed, TopologyOptions.METRES).outlines();
        for (String code : x.keySet()) {
            assertTrue(x.get(code).equalsExact(y.get(code)), code);
        }
    }

    @Test
    void nonPolygonalInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> of("L", wkt("LINESTRING (0 0, 1 1)")));
        assertTrue(of("E", null, "A", rect(0, 0, 1, 1)).outline("E").isEmpty());
        assertFalse(of("A", rect(0, 0, 1, 1)).outline("A").isEmpty());
    }

    @Test
    void windingPutsExteriorsCounterClockwiseForGeoJsonAndClockwiseForShapefiles() {
        Polygon donut = (Polygon) wkt("POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0), (2 2, 8 2, 8 8, 2 8, 2 2))"); // shell CW, hole CCW
        Polygon ccw = (Polygon) Winding.counterClockwise(donut);
        assertTrue(Orientation.isCCW(ccw.getExteriorRing().getCoordinateSequence()));
        assertFalse(Orientation.isCCW(ccw.getInteriorRingN(0).getCoordinateSequence()));
        Polygon cw = (Polygon) Winding.clockwise(ccw);
        assertFalse(Orientation.isCCW(cw.getExteriorRing().getCoordinateSequence()));
        assertTrue(Orientation.isCCW(cw.getInteriorRingN(0).getCoordinateSequence()));
        assertTrue(cw.equalsTopo(donut));
    }

    private static String reverse(String coords) {
        String[] parts = coords.split(", ");
        StringBuilder sb = new StringBuilder();
        for (int i = parts.length - 1; i >= 0; i--) {
            sb.append(parts[i]).append(i > 0 ? ", " : "");
        }
        return sb.toString();
    }
}
