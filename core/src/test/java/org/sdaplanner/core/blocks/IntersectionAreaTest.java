package org.sdaplanner.core.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sdaplanner.core.blocks.Fixtures.GF;
import static org.sdaplanner.core.blocks.Fixtures.rect;
import static org.sdaplanner.core.blocks.Fixtures.wkt;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

class IntersectionAreaTest {

    private static double area(Geometry a, Geometry b) {
        double ab = IntersectionArea.of(IntersectionArea.Shape.of(a), IntersectionArea.Shape.of(b));
        double ba = IntersectionArea.of(IntersectionArea.Shape.of(b), IntersectionArea.Shape.of(a));
        assertEquals(ab, ba, 1e-9 * Math.max(1, ab), "symmetric");
        return ab;
    }

    @Test
    void crossingRectangles() {
        assertEquals(3000.0, area(rect(0, 0, 100, 100), rect(-50, -50, 30, 150)), 1e-9);
        assertEquals(600.0, area(rect(0, 0, 100, 100), rect(80, 70, 130, 130)), 1e-9);
    }

    @Test
    void containedEitherWayGivesTheSmallerArea() {
        assertEquals(10000.0, area(rect(0, 0, 100, 100), rect(-10, -10, 200, 200)), 1e-9);
        assertEquals(1000.0, area(rect(0, 0, 100, 100), rect(10, 10, 30, 60)), 1e-9);
    }

    @Test
    void disjointAndTouchingGiveZero() {
        assertEquals(0.0, area(rect(0, 0, 100, 100), rect(200, 0, 300, 100)), 0.0);
        assertEquals(0.0, area(rect(0, 0, 100, 100), rect(100, 0, 200, 100)), 1e-9); // shared edge
        assertEquals(0.0, area(rect(0, 0, 100, 100), rect(100, 100, 200, 200)), 1e-9); // shared corner
        assertEquals(0.0, area(rect(0, 0, 100, 100), rect(100, 30, 200, 60)), 1e-9); // part of an edge
    }

    @Test
    void sharedEdgesAndVerticesAreExact() {
        Geometry l = rect(0, 0, 100, 100);
        assertEquals(10000.0, area(l, l), 1e-9); // identical
        assertEquals(5000.0, area(l, rect(0, 0, 50, 100)), 1e-9); // three shared edges
        assertEquals(5000.0, area(l, rect(50, 0, 100, 100)), 1e-9);
        assertEquals(2500.0, area(l, wkt("POLYGON ((0 0, 50 50, 100 0, 0 0))")), 1e-9); // along one edge
        assertEquals(5000.0, area(l, wkt("POLYGON ((0 0, 100 0, 50 50, 0 100, 0 0))")), 1e-9); // a vertex on the diagonal
        // a parish vertex exactly on the LSOA's edge, and an edge through an LSOA vertex
        assertEquals(5000.0, area(l, wkt("POLYGON ((50 0, 100 0, 100 100, 50 100, 50 50, 50 0))")), 1e-9);
        assertEquals(5000.0, area(l, wkt("POLYGON ((-100 -100, 100 100, 200 -100, -100 -100))")), 1e-9);
    }

    @Test
    void holesAndMultiPolygons() {
        Geometry ring = wkt("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0), (25 25, 75 25, 75 75, 25 75, 25 25))");
        assertEquals(7500.0, area(ring, rect(-10, -10, 110, 110)), 1e-9);
        assertEquals(0.0, area(ring, rect(30, 30, 70, 70)), 1e-9); // in the hole
        assertEquals(3750.0, area(ring, rect(0, 0, 50, 100)), 1e-9);
        Geometry two = wkt("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((20 0, 30 0, 30 10, 20 10, 20 0)))");
        assertEquals(100.0, area(two, rect(5, 0, 25, 10)), 1e-9);
        assertEquals(0.0, area(two, rect(10, 0, 20, 10)), 1e-9); // between the parts, touching both
    }

    @Test
    void emptyGivesZero() {
        assertEquals(0.0, area(GF.createPolygon(), rect(0, 0, 1, 1)), 0.0);
    }

    @Test
    void nationalGridCoordinatesKeepTheirPrecision() {
        Geometry l = rect(530_000, 180_000, 530_100, 180_100);
        Geometry p = wkt("POLYGON ((530030 179950, 530200 179950, 530200 180150, 530030 180150, 530030 179950))");
        assertEquals(7000.0, area(l, p), 1e-6);
        // a 1 mm strip
        assertEquals(0.1, area(l, rect(530_099.999, 179_000, 531_000, 181_000)), 1e-6);
    }

    /**
     * Random polygons on small integer grids are full of the degenerate cases (shared and
     * collinear edges, vertices on edges, identical rings, holes, touching parts): the area must
     * match JTS's intersection every time, also moved to national-grid coordinates.
     */
    @Test
    void matchesOverlayOnDegenerateRandomPolygons() {
        Random r = new Random(42);
        for (int it = 0; it < 5000; it++) {
            int grid = 4 + r.nextInt(12);
            Geometry a = r.nextBoolean() ? rectangles(r, grid) : star(r, grid);
            Geometry b = r.nextInt(5) == 0 ? a.copy() : r.nextBoolean() ? rectangles(r, grid) : star(r, grid);
            if (r.nextInt(4) == 0) {
                double s = 0.1 + r.nextDouble();
                a = moved(a, s, 400_000.5, 200_000);
                b = moved(b, s, 400_000.5, 200_000);
            }
            if (a.isEmpty() || b.isEmpty() || !a.isValid() || !b.isValid()) {
                continue;
            }
            double expected = OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION).getArea();
            Geometry fa = a;
            Geometry fb = b;
            assertEquals(expected, area(a, b), 1e-6, () -> fa + " / " + fb);
        }
    }

    private static Geometry rectangles(Random r, int grid) {
        List<Geometry> parts = new ArrayList<>();
        for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
            int x = r.nextInt(grid);
            int y = r.nextInt(grid);
            parts.add(GF.toGeometry(new Envelope(x, x + 1 + r.nextInt(grid / 2), y, y + 1 + r.nextInt(grid / 2))));
        }
        return OverlayNGRobust.union(parts);
    }

    private static Geometry star(Random r, int grid) {
        int n = 3 + r.nextInt(8);
        Coordinate[] c = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double angle = 2 * Math.PI * i / n;
            double radius = 1 + r.nextInt(grid / 2);
            c[i] = new Coordinate(Math.round(grid / 2.0 + radius * Math.cos(angle)), Math.round(grid / 2.0 + radius * Math.sin(angle)));
        }
        c[n] = c[0];
        return Geometries.polygonal(GeometryFixer.fix(GF.createPolygon(c)), GF);
    }

    private static Geometry moved(Geometry g, double scale, double dx, double dy) {
        Geometry m = g.copy();
        m.apply((CoordinateFilter) c -> {
            c.x = c.x * scale + dx;
            c.y = c.y * scale + dy;
        });
        m.geometryChanged();
        return m;
    }
}
