package org.sdaplanner.core.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdaplanner.core.blocks.Fixtures.lsoa;
import static org.sdaplanner.core.blocks.Fixtures.parish;
import static org.sdaplanner.core.blocks.Fixtures.postcode;
import static org.sdaplanner.core.blocks.Fixtures.rect;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sdaplanner.core.geography.Parish;
import org.sdaplanner.core.geography.PostcodePoint;

class PopulationApportionerTest {

    private static final double EPS = 1e-9;

    /** L1 = 100 m × 100 m split 30/70 between P1 and P2; L2 = the next square, all in P2. */
    private static OverlayResult twoLsoas() {
        return LsoaParishOverlay.of(
                List.of(lsoa("L1", rect(0, 0, 100, 100)), lsoa("L2", rect(100, 0, 200, 100))),
                List.of(parish("P1", rect(-50, -50, 30, 150)), parish("P2", rect(30, -50, 250, 150))));
    }

    @Test
    void byAreaSplitsPopulation30To70() {
        Apportionment app = PopulationApportioner.byArea(twoLsoas());
        assertEquals(3, app.pieces().size()); // L1/P1, L1/P2, L2/P2
        double[] pop = app.apportion(Map.of("L1", 1000L, "L2", 500L));
        assertEquals(300.0, pop[0], EPS);
        assertEquals(700.0, pop[1], EPS);
        assertEquals(500.0, pop[2], EPS);
        assertEquals(Apportionment.Basis.AREA, app.basis("L1"));
    }

    @Test
    void anyOtherPerLsoaVectorIsSplitTheSameWay() {
        Apportionment app = PopulationApportioner.byArea(twoLsoas());
        double[] registered = app.apportion(Map.of("L1", 1234.5, "L2", 10.0));
        assertEquals(370.35, registered[0], EPS);
        assertEquals(864.15, registered[1], EPS);
        assertEquals(10.0, registered[2], EPS);
        assertEquals(1234.5, registered[0] + registered[1], 0.0);
        // missing LSOAs count as zero
        assertArrayEquals(new double[] {0, 0, 10}, app.apportion(Map.of("L2", 10)), EPS);
    }

    @Test
    void byPostcodesThreeInOnePieceOneInTheOtherGives75To25() {
        List<PostcodePoint> pcs = List.of(
                postcode("AA1 1AA", 10, 10), postcode("AA1 1AB", 20, 50), postcode("AA1 1AD", 5, 90), // in P1's piece
                postcode("AA1 1AE", 80, 50),                                                          // in P2's piece
                postcode("ZZ9 9ZZ", 5000, 5000));                                                     // in no LSOA
        Apportionment app = PopulationApportioner.byPostcodes(twoLsoas(), pcs);

        assertEquals(0.75, app.weight(0), EPS);
        assertEquals(0.25, app.weight(1), EPS);
        assertEquals(3, app.postcodeCount(0));
        assertEquals(1, app.postcodeCount(1));
        double[] pop = app.apportion(Map.of("L1", 1000L, "L2", 500L));
        assertEquals(750.0, pop[0], EPS);
        assertEquals(250.0, pop[1], EPS);
        assertEquals(Apportionment.Basis.POSTCODES, app.basis("L1"));
        // L2 has no postcode point: it falls back to area (one piece, weight 1)
        assertEquals(Apportionment.Basis.AREA, app.basis("L2"));
        assertEquals(List.of("L2"), app.areaWeightedLsoas());
        assertEquals(500.0, pop[2], EPS);
    }

    @Test
    void lsoaWithoutPostcodesFallsBackToArea() {
        Apportionment app = PopulationApportioner.byPostcodes(twoLsoas(), List.of(postcode("X", 150, 50)));
        assertEquals(Apportionment.Basis.AREA, app.basis("L1"));
        assertEquals(0.3, app.weight(0), EPS);
        assertEquals(0.7, app.weight(1), EPS);
        assertEquals(Apportionment.Basis.POSTCODES, app.basis("L2"));
    }

    @Test
    void postcodeOnTheBoundaryBetweenTwoPiecesCountsOnce() {
        // (30, 50) lies on the P1/P2 line: it counts for the first piece (P1) only
        Apportionment app = PopulationApportioner.byPostcodes(twoLsoas(),
                List.of(postcode("B", 30, 50), postcode("C", 60, 50)));
        assertEquals(1, app.postcodeCount(0));
        assertEquals(1, app.postcodeCount(1));
        assertEquals(0.5, app.weight(0), EPS);
    }

    @Test
    void postcodesAreLocatedWithoutBuildingPieceOutlines() {
        OverlayResult ov = twoLsoas();
        PopulationApportioner.byPostcodes(ov, List.of(postcode("A", 10, 10), postcode("B", 80, 50), postcode("C", 150, 50)));
        // L1's two pieces would each need an intersection (L2's is simply L2)
        assertTrue(ov.piecesOf("L1").stream().noneMatch(LsoaPiece::geometryMade));
    }

    @Test
    void postcodesOutsideEveryParishAndInADroppedSliver() {
        // L1 = 0..100: P1 covers x < 50, a 0.5 m sliver of P2 at the east edge is dropped, the rest is outside
        OverlayResult ov = LsoaParishOverlay.of(List.of(lsoa("L1", rect(0, 0, 100, 100))),
                List.of(parish("P1", rect(-10, -10, 50, 110)), parish("P2", rect(99.5, -10, 200, 110))));
        assertEquals(2, ov.pieces().size());
        assertEquals(1, ov.droppedSlivers());
        Apportionment app = PopulationApportioner.byPostcodes(ov, List.of(
                postcode("IN", 10, 10), postcode("OUT1", 60, 50), postcode("OUT2", 70, 50), postcode("SLIVER", 99.8, 50)));
        assertEquals(1, app.postcodeCount(0));
        assertEquals(2, app.postcodeCount(1)); // the point in the dropped sliver counts for no piece
        assertEquals(1.0 / 3, app.weight(0), EPS);
    }

    @Test
    void noPostcodesMeansArea() {
        Apportionment app = PopulationApportioner.byPostcodes(twoLsoas(), List.of());
        assertEquals(0.3, app.weight(0), EPS);
        assertEquals(List.of("L1", "L2"), app.areaWeightedLsoas());
    }

    @Test
    void integerApportionmentByLargestRemainderConserves() {
        // three equal thirds of 100 residents: 33.33 each, the spare unit goes to the first piece
        OverlayResult ov = LsoaParishOverlay.of(List.of(lsoa("L1", rect(0, 0, 90, 100))), List.of(
                parish("P1", rect(0, 0, 30, 100)), parish("P2", rect(30, 0, 60, 100)), parish("P3", rect(60, 0, 90, 100))));
        Apportionment app = PopulationApportioner.byArea(ov);
        assertArrayEquals(new long[] {34, 33, 33}, app.apportionRounded(Map.of("L1", 100L)));
        assertArrayEquals(new long[] {1, 1, 0}, app.apportionRounded(Map.of("L1", 2L)));
        double[] d = app.apportion(Map.of("L1", 100L));
        assertEquals(100.0 / 3, d[0], EPS);
        assertEquals(100.0, d[0] + d[1] + d[2], 1e-12);

        // 30/70 of 1,001 people: 300.3 / 700.7 → 300 / 701
        Apportionment app2 = PopulationApportioner.byArea(twoLsoas());
        assertArrayEquals(new long[] {300, 701, 7}, app2.apportionRounded(Map.of("L1", 1001L, "L2", 7L)));
        assertThrows(IllegalArgumentException.class, () -> app2.apportionRounded(Map.of("L1", -1L)));
    }

    @Test
    void populationIsConservedPerLsoa() {
        List<Parish> parishes = List.of(
                parish("P1", Fixtures.wkt("POLYGON ((-10 -10, 173 -10, 131 217, -10 180, -10 -10))")),
                parish("P2", Fixtures.wkt("POLYGON ((173 -10, 410 -10, 410 210, 131 217, 173 -10))")));
        OverlayResult ov = LsoaParishOverlay.of(List.of(
                lsoa("L1", rect(0, 0, 100, 100)), lsoa("L2", rect(100, 0, 200, 100)),
                lsoa("L3", rect(200, 0, 300, 100)), lsoa("L4", rect(0, 100, 300, 200))), parishes);
        Map<String, Long> residents = Map.of("L1", 1501L, "L2", 1733L, "L3", 999L, "L4", 2017L);
        Apportionment app = PopulationApportioner.byArea(ov);
        double[] pop = app.apportion(residents);
        long[] rounded = app.apportionRounded(residents);
        for (String code : residents.keySet()) {
            double s = 0;
            long r = 0;
            for (int i = 0; i < ov.pieces().size(); i++) {
                if (ov.pieces().get(i).lsoaCode().equals(code)) {
                    s += pop[i];
                    r += rounded[i];
                }
            }
            assertEquals(residents.get(code), s, 1e-9, code);
            assertEquals((long) residents.get(code), r, code);
        }
        assertEquals(List.of("L5"), app.unplaced(Map.of("L1", 1, "L5", 3)));
    }
}
