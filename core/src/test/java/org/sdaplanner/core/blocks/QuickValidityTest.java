package org.sdaplanner.core.blocks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdaplanner.core.blocks.Fixtures.GF;
import static org.sdaplanner.core.blocks.Fixtures.rect;
import static org.sdaplanner.core.blocks.Fixtures.wkt;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

class QuickValidityTest {

    @Test
    void simplePolygonsHolesAndSeparateParts() {
        assertTrue(QuickValidity.certainlyValid(rect(0, 0, 10, 10)));
        assertTrue(QuickValidity.certainlyValid(wkt("POLYGON ((0 0, 10 0, 10 0, 10 10, 0 10, 0 0))"))); // repeated point
        assertTrue(QuickValidity.certainlyValid(wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 4 2, 4 4, 2 4, 2 2))")));
        assertTrue(QuickValidity.certainlyValid(wkt("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))")));
    }

    @Test
    void invalidOrDoubtfulGeometriesAreLeftToJts() {
        assertFalse(QuickValidity.certainlyValid(wkt("POLYGON ((0 0, 100 100, 100 0, 0 100, 0 0))"))); // bow-tie
        assertFalse(QuickValidity.certainlyValid(wkt("POLYGON ((0 0, 10 0, 20 0, 10 0, 10 10, 0 0))"))); // spike
        assertFalse(QuickValidity.certainlyValid(wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (20 20, 30 20, 30 30, 20 20))"))); // hole outside
        assertFalse(QuickValidity.certainlyValid(wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (0 0, 4 2, 4 4, 0 0))"))); // hole touches shell
        assertFalse(QuickValidity.certainlyValid(wkt("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((2 2, 3 2, 3 3, 2 2)))"))); // nested shells
        assertFalse(QuickValidity.certainlyValid(wkt("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((1 1, 2 1, 2 2, 1 1)))"))); // touching parts: valid, but ask JTS
        assertFalse(QuickValidity.certainlyValid(wkt("POLYGON ((0 0, 10 0, 0 0, 0 0))"))); // collapsed
        assertFalse(QuickValidity.certainlyValid(GF.createPolygon()));
        assertFalse(QuickValidity.certainlyValid(wkt("LINESTRING (0 0, 1 1)")));
    }

    /** Never says valid when JTS says invalid: random rings on small grids are mostly invalid. */
    @Test
    void neverCallsAnInvalidGeometryValid() {
        Random r = new Random(7);
        int quick = 0;
        for (int it = 0; it < 100_000; it++) {
            int grid = 3 + r.nextInt(8);
            Geometry g;
            switch (r.nextInt(3)) {
                case 0 -> g = GF.createPolygon(ring(r, grid, 0, 0));
                case 1 -> g = GF.createPolygon(ring(r, grid * 2, 0, 0), new LinearRing[] {ring(r, grid / 2 + 1, 1 + r.nextInt(3), 1 + r.nextInt(3))});
                default -> g = GF.createMultiPolygon(new Polygon[] {
                    GF.createPolygon(ring(r, grid, 0, 0)), GF.createPolygon(ring(r, grid, r.nextInt(grid), r.nextInt(grid)))});
            }
            if (QuickValidity.certainlyValid(g)) {
                quick++;
                assertTrue(g.isValid(), g::toText);
            }
        }
        assertTrue(quick > 1000, "the quick test should recognise many valid ones, got " + quick);
    }

    private static LinearRing ring(Random r, int grid, int ox, int oy) {
        int n = 3 + r.nextInt(6);
        Coordinate[] c = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            c[i] = new Coordinate(ox + r.nextInt(grid), oy + r.nextInt(grid));
        }
        c[n] = c[0].copy();
        return GF.createLinearRing(c);
    }
}
