package org.sdaplanner.core.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdaplanner.core.blocks.Fixtures.lsoa;
import static org.sdaplanner.core.blocks.Fixtures.parish;
import static org.sdaplanner.core.blocks.Fixtures.rect;
import static org.sdaplanner.core.blocks.Fixtures.wkt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.core.geography.Parish;

class LsoaParishOverlayTest {

    private static final double EPS = 1e-9;

    @Test
    void lsoaSplit30To70BetweenTwoParishes() {
        Lsoa l = lsoa("L1", rect(0, 0, 100, 100));
        Parish p1 = parish("P1", rect(-50, -50, 30, 150));
        Parish p2 = parish("P2", rect(30, -50, 150, 150));

        OverlayResult r = LsoaParishOverlay.of(List.of(l), List.of(p2, p1));

        assertEquals(2, r.pieces().size());
        LsoaPiece a = r.pieces().get(0);
        LsoaPiece b = r.pieces().get(1);
        assertEquals("P1", a.parishCode());
        assertEquals(3000.0, a.area(), EPS);
        assertEquals(0.3, a.areaShare(), EPS);
        assertEquals("P2", b.parishCode());
        assertEquals(7000.0, b.area(), EPS);
        assertEquals(0.7, b.areaShare(), EPS);
        assertEquals(3000.0, a.geometry().getArea(), EPS);
        assertEquals(0, r.droppedSlivers());
        assertEquals(0, r.repairCount());
    }

    @Test
    void parishCoveringTheLsoaGivesTheWholeLsoa() {
        Lsoa l = lsoa("L1", rect(0, 0, 100, 100));
        OverlayResult r = LsoaParishOverlay.of(List.of(l), List.of(parish("P1", rect(-10, -10, 200, 200))));

        assertEquals(1, r.pieces().size());
        assertSame(l.geometry(), r.pieces().get(0).geometry());
        assertEquals(10000.0, r.pieces().get(0).area(), EPS);
        assertEquals(1.0, r.pieces().get(0).areaShare(), 0.0);
    }

    @Test
    void parishInsideTheLsoaGivesTheWholeParishAndARemainder() {
        Lsoa l = lsoa("L1", rect(0, 0, 100, 100));
        Parish p = parish("P1", rect(10, 10, 30, 60));
        OverlayResult r = LsoaParishOverlay.of(List.of(l), List.of(p));

        assertEquals(2, r.pieces().size());
        assertSame(p.geometry(), r.pieces().get(0).geometry());
        assertEquals(1000.0, r.pieces().get(0).area(), EPS);
        assertEquals(0.1, r.pieces().get(0).areaShare(), EPS);
        assertNull(r.pieces().get(1).parishCode());
        assertEquals(9000.0, r.pieces().get(1).area(), EPS);
        assertEquals(0.9, r.pieces().get(1).areaShare(), EPS);
    }

    @Test
    void partOfAnLsoaOutsideEveryParishIsItsOwnPiece() {
        Lsoa l = lsoa("L2", rect(0, 0, 100, 100));
        OverlayResult r = LsoaParishOverlay.of(List.of(l), List.of(parish("P1", rect(-20, -20, 50, 120))));

        assertEquals(2, r.pieces().size());
        assertEquals("P1", r.pieces().get(0).parishCode());
        assertEquals(5000.0, r.pieces().get(0).area(), EPS);
        LsoaPiece outside = r.pieces().get(1);
        assertNull(outside.parishCode());
        assertTrue(outside.outsideParishes());
        assertEquals(5000.0, outside.area(), EPS);
        assertEquals(0.5, outside.areaShare(), EPS);
        assertTrue(outside.geometry().equalsTopo(rect(50, 0, 100, 100)));
    }

    @Test
    void lsoaOutsideEveryParishIsOnePieceWithNoParish() {
        Lsoa l = lsoa("L9", rect(1000, 1000, 1100, 1100));
        OverlayResult r = LsoaParishOverlay.of(List.of(l), List.of(parish("P1", rect(0, 0, 100, 100))));
        assertEquals(1, r.pieces().size());
        assertNull(r.pieces().get(0).parishCode());
        assertSame(l.geometry(), r.pieces().get(0).geometry());
        assertEquals(1.0, r.pieces().get(0).areaShare(), 0.0);
    }

    @Test
    void sliverUnderToleranceIsDroppedAndSharesRenormalised() {
        // 6000 m² + 3950 m² + a 50 m² sliver (0.5 m × 100 m) < 100 m²
        Lsoa l = lsoa("L1", rect(0, 0, 100, 100));
        List<Parish> parishes = List.of(
                parish("P1", rect(-10, -10, 60, 110)),
                parish("P2", rect(60, -10, 99.5, 110)),
                parish("P3", rect(99.5, -10, 200, 110)));

        OverlayResult r = LsoaParishOverlay.of(List.of(l), parishes);

        assertEquals(2, r.pieces().size());
        assertEquals(List.of("P1", "P2"), r.pieces().stream().map(LsoaPiece::parishCode).toList());
        assertEquals(6000.0 / 9950.0, r.pieces().get(0).areaShare(), EPS);
        assertEquals(3950.0 / 9950.0, r.pieces().get(1).areaShare(), EPS);
        assertEquals(1.0, r.pieces().get(0).areaShare() + r.pieces().get(1).areaShare(), EPS);
        assertEquals(1, r.droppedSlivers());
        assertEquals(50.0, r.droppedSliverArea(), 1e-6);

        // with the tolerance turned off the sliver stays
        OverlayResult keep = new LsoaParishOverlay(OverlayOptions.DEFAULTS.withSliverAreaM2(0).withSliverShare(0))
                .overlay(List.of(l), parishes);
        assertEquals(3, keep.pieces().size());
        assertEquals(0.005, keep.pieces().get(2).areaShare(), EPS);
        assertEquals(0, keep.droppedSlivers());
    }

    @Test
    void relativeSliverToleranceDropsPiecesUnderOneThousandthOfTheLsoa() {
        // LSOA of 1 km²: a 500 m² piece is above 100 m² but below 0.1 % (1000 m²)
        Lsoa l = lsoa("L1", rect(0, 0, 1000, 1000));
        List<Parish> parishes = List.of(parish("P1", rect(0, 0, 999.5, 1000)), parish("P2", rect(999.5, 0, 1010, 1000)));
        OverlayResult r = LsoaParishOverlay.of(List.of(l), parishes);
        assertEquals(1, r.pieces().size());
        assertEquals("P1", r.pieces().get(0).parishCode());
        assertEquals(1.0, r.pieces().get(0).areaShare(), EPS);

        OverlayResult absoluteOnly = new LsoaParishOverlay(OverlayOptions.DEFAULTS.withSliverShare(0))
                .overlay(List.of(l), parishes);
        assertEquals(2, absoluteOnly.pieces().size());
        assertEquals(0.0005, absoluteOnly.pieces().get(1).areaShare(), EPS);
    }

    @Test
    void sliverOutsideEveryParishIsDroppedToo() {
        Lsoa l = lsoa("L1", rect(0, 0, 100, 100));
        OverlayResult r = LsoaParishOverlay.of(List.of(l), List.of(parish("P1", rect(0, 0, 99.5, 100))));
        assertEquals(1, r.pieces().size());
        assertEquals("P1", r.pieces().get(0).parishCode());
        assertEquals(1.0, r.pieces().get(0).areaShare(), 0.0);
    }

    @Test
    void anLsoaMadeOnlyOfSliversKeepsItsLargestPiece() {
        Lsoa tiny = lsoa("L1", rect(0, 0, 8, 8)); // 64 m² < 100 m²
        OverlayResult r = LsoaParishOverlay.of(List.of(tiny),
                List.of(parish("P1", rect(0, 0, 5, 8)), parish("P2", rect(5, 0, 8, 8))));
        assertEquals(1, r.pieces().size());
        assertEquals("P1", r.pieces().get(0).parishCode());
        assertEquals(40.0, r.pieces().get(0).area(), EPS);
        assertEquals(1.0, r.pieces().get(0).areaShare(), 0.0);
        assertEquals(1, r.droppedSlivers());
    }

    @Test
    void selfIntersectingBowTieParishIsRepairedCountedAndKept() {
        // the bow-tie crosses itself at (50 50); its two lobes are triangles of 2,500 m² each
        Geometry bowTie = wkt("POLYGON ((0 0, 100 100, 100 0, 0 100, 0 0))");
        assertTrue(!bowTie.isValid());
        Lsoa l = lsoa("L1", rect(0, 0, 100, 100));

        OverlayResult r = LsoaParishOverlay.of(List.of(l), List.of(parish("BOW", bowTie)));

        assertEquals(List.of("BOW"), r.repairedParishes());
        assertEquals(List.of(), r.repairedLsoas());
        assertEquals(1, r.repairCount());
        assertTrue(r.parish("BOW").geometry().isValid());
        assertEquals(5000.0, r.parish("BOW").geometry().getArea(), EPS);
        assertEquals(2, r.pieces().size());
        assertEquals("BOW", r.pieces().get(0).parishCode());
        assertEquals(5000.0, r.pieces().get(0).area(), 1e-6);
        assertEquals(0.5, r.pieces().get(0).areaShare(), 1e-9);
        assertNull(r.pieces().get(1).parishCode());
        assertEquals(5000.0, r.pieces().get(1).area(), 1e-6);
    }

    @Test
    void invalidLsoaIsRepairedAndCounted() {
        Geometry bowTie = wkt("POLYGON ((0 0, 100 100, 100 0, 0 100, 0 0))");
        OverlayResult r = LsoaParishOverlay.of(List.of(lsoa("L1", bowTie)), List.of(parish("P1", rect(0, 0, 50, 100))));
        assertEquals(List.of("L1"), r.repairedLsoas());
        double sum = r.piecesOf("L1").stream().mapToDouble(LsoaPiece::areaShare).sum();
        assertEquals(1.0, sum, EPS);
        assertEquals(2500.0, r.piecesOf("L1").get(0).area(), 1e-6);
    }

    @Test
    void sharesOfEveryLsoaSumToOne() {
        List<Lsoa> lsoas = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                lsoas.add(lsoa(String.format("L%d%d", i, j), rect(i * 100, j * 100, i * 100 + 100, j * 100 + 100)));
            }
        }
        List<Parish> parishes = List.of(
                parish("PA", wkt("POLYGON ((-10 -10, 260 -10, 170 330, -10 260, -10 -10))")),
                parish("PB", wkt("POLYGON ((260 -10, 510 -10, 510 300, 170 330, 260 -10))")));
        OverlayResult r = LsoaParishOverlay.of(lsoas, parishes);
        for (Lsoa l : lsoas) {
            double sum = r.piecesOf(l.code()).stream().mapToDouble(LsoaPiece::areaShare).sum();
            assertEquals(1.0, sum, 1e-12, l.code());
        }
    }

    @Test
    void outputIsSortedAndDoesNotDependOnInputOrderOrThreads() {
        List<Lsoa> lsoas = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            lsoas.add(lsoa("L" + i, rect(i * 100, 0, i * 100 + 100, 100)));
        }
        List<Parish> parishes = new ArrayList<>(List.of(
                parish("P1", rect(-5, -5, 130, 105)),
                parish("P2", rect(130, -5, 370, 105)),
                parish("P3", wkt("POLYGON ((370 -5, 700 -5, 700 60, 370 105, 370 -5))"))));
        OverlayResult a = new LsoaParishOverlay(OverlayOptions.DEFAULTS.withParallel(false)).overlay(lsoas, parishes);
        Collections.reverse(lsoas);
        Collections.reverse(parishes);
        OverlayResult b = LsoaParishOverlay.of(lsoas, parishes);

        assertEquals(a.pieces().size(), b.pieces().size());
        for (int i = 0; i < a.pieces().size(); i++) {
            LsoaPiece x = a.pieces().get(i);
            LsoaPiece y = b.pieces().get(i);
            assertEquals(x.lsoaCode(), y.lsoaCode());
            assertEquals(x.parishCode(), y.parishCode());
            assertEquals(x.area(), y.area(), 0.0);
            assertEquals(x.areaShare(), y.areaShare(), 0.0);
            assertTrue(x.geometry().equalsExact(y.geometry()));
        }
        List<LsoaPiece> sorted = new ArrayList<>(a.pieces());
        sorted.sort(LsoaPiece.ORDER);
        assertEquals(sorted, a.pieces());
        assertEquals("L0", a.lsoas().get(0).code());
    }

    @Test
    void floatingPrecisionOverlayGivesTheSameShares() {
        Lsoa l = lsoa("L1", rect(0, 0, 100, 100));
        OverlayResult r = new LsoaParishOverlay(OverlayOptions.DEFAULTS.withGridSize(0))
                .overlay(List.of(l), List.of(parish("P1", rect(-50, -50, 30, 150)), parish("P2", rect(30, -50, 150, 150))));
        assertEquals(0.3, r.pieces().get(0).areaShare(), EPS);
        assertEquals(0.7, r.pieces().get(1).areaShare(), EPS);
    }

    @Test
    void lsoaInsideAParishSharingPartOfItsBoundaryIsTheWholeLsoa() {
        // the parish runs along the LSOA's west and south edges
        Lsoa l = lsoa("L1", rect(0, 0, 100, 100));
        OverlayResult r = LsoaParishOverlay.of(List.of(l), List.of(parish("P1", rect(0, 0, 300, 300))));
        assertEquals(1, r.pieces().size());
        assertEquals(10000.0, r.pieces().get(0).area(), 0.0);
        assertEquals(1.0, r.pieces().get(0).areaShare(), 0.0);
        assertSame(l.geometry(), r.pieces().get(0).geometry());
    }

    @Test
    void parishInsideAnLsoaSharingAnEdgeIsTheWholeParish() {
        Lsoa l = lsoa("L1", rect(0, 0, 100, 100));
        Parish p = parish("P1", rect(0, 0, 40, 100));
        OverlayResult r = LsoaParishOverlay.of(List.of(l), List.of(p, parish("P2", rect(40, 0, 200, 100))));
        assertEquals(2, r.pieces().size());
        assertEquals(4000.0, r.pieces().get(0).area(), 0.0);
        assertSame(p.geometry(), r.pieces().get(0).geometry());
        assertEquals(6000.0, r.pieces().get(1).area(), EPS);
    }

    @Test
    void outlinesAreBuiltOnlyWhenAskedFor() {
        Lsoa l = lsoa("L1", rect(0, 0, 100, 100));
        OverlayResult r = LsoaParishOverlay.of(List.of(l),
                List.of(parish("P1", wkt("POLYGON ((-10 -10, 60 -10, 40 110, -10 110, -10 -10))"))));
        assertEquals(2, r.pieces().size());
        LsoaPiece in = r.pieces().get(0);
        LsoaPiece out = r.pieces().get(1);
        assertTrue(!in.geometryMade() && !out.geometryMade(), "the overlay itself builds no outline");
        assertEquals(5000.0, in.area(), EPS);
        assertEquals(5000.0, out.area(), EPS);

        assertEquals(in.area(), out.geometry().getArea(), 1e-3);
        assertTrue(out.geometryMade() && !in.geometryMade(), "the outside outline is the LSOA less the parishes: no piece is built for it");
        assertTrue(in.geometry().union(out.geometry()).equalsTopo(l.geometry()));
        assertSame(in.geometry(), in.geometry(), "built once");
    }

    @Test
    void lsoaWithAHoleAndAParishInTheHole() {
        Lsoa l = lsoa("L1", wkt("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0), (20 20, 80 20, 80 80, 20 80, 20 20))"));
        OverlayResult r = LsoaParishOverlay.of(List.of(l),
                List.of(parish("HOLE", rect(20, 20, 80, 80)), parish("WEST", rect(-10, -10, 50, 110))));
        assertEquals(2, r.pieces().size(), r.pieces().toString());
        assertEquals("WEST", r.pieces().get(0).parishCode());
        assertEquals(3200.0, r.pieces().get(0).area(), EPS);
        assertNull(r.pieces().get(1).parishCode());
        assertEquals(3200.0, r.pieces().get(1).area(), EPS);
        assertEquals(0, r.droppedSlivers());
    }

    @Test
    void multiPolygonLsoaAcrossTwoParishes() {
        Lsoa l = lsoa("L1", wkt("MULTIPOLYGON (((0 0, 100 0, 100 100, 0 100, 0 0)), ((200 0, 300 0, 300 100, 200 100, 200 0)))"));
        OverlayResult r = LsoaParishOverlay.of(List.of(l),
                List.of(parish("P1", rect(-10, -10, 150, 110)), parish("P2", rect(150, -10, 310, 110))));
        assertEquals(List.of(0.5, 0.5), r.pieces().stream().map(LsoaPiece::areaShare).toList());
    }

    @Test
    void overlappingParishesCountTheirOverlapInEach() {
        // documented approximation: parish layers are partitions, so the outside part is the rest
        Lsoa l = lsoa("L1", rect(0, 0, 100, 100));
        OverlayResult r = LsoaParishOverlay.of(List.of(l),
                List.of(parish("P1", rect(-10, -10, 60, 110)), parish("P2", rect(40, -10, 80, 110))));
        assertEquals(List.of(6000.0, 4000.0), r.pieces().stream().map(LsoaPiece::area).toList());
        assertEquals(1.0, r.pieces().stream().mapToDouble(LsoaPiece::areaShare).sum(), EPS);
    }

    @Test
    void invalidParishWithASpikeIsRepairedAndItsAreaIsRight() {
        Geometry spiky = wkt("POLYGON ((0 0, 50 0, 50 -40, 50 0, 100 0, 100 50, 0 50, 0 0))");
        assertTrue(!spiky.isValid());
        OverlayResult r = LsoaParishOverlay.of(List.of(lsoa("L1", rect(0, 0, 100, 100))), List.of(parish("S", spiky)));
        assertEquals(List.of("S"), r.repairedParishes());
        assertEquals(5000.0, r.pieces().get(0).area(), EPS);
        assertEquals(5000.0, r.pieces().get(1).area(), EPS);
    }

    @Test
    void aParishThatOnlyTouchesGivesNoPieceNotEvenADroppedSliver() {
        // a slanted shared edge in national-grid coordinates, where rounding is at its worst
        // (their exact intersection area comes out at 7e-12 m², not 0)
        Lsoa l = lsoa("L1", wkt("POLYGON ((530255.7162914636 180640.5704810942, 530716.4922827313 180801.7828816276,"
                + " 530461.382708952 180119.6398124601, 530255.7162914636 180640.5704810942))"));
        Parish west = parish("W", wkt("POLYGON ((530255.7162914636 180640.5704810942, 530716.4922827313 180801.7828816276,"
                + " 530050.0498739752 181161.5011497283, 530255.7162914636 180640.5704810942))"));
        for (OverlayOptions o : List.of(OverlayOptions.DEFAULTS, OverlayOptions.DEFAULTS.withSliverAreaM2(0).withSliverShare(0))) {
            OverlayResult r = new LsoaParishOverlay(o).overlay(List.of(l), List.of(west));
            assertEquals(1, r.pieces().size());
            assertNull(r.pieces().get(0).parishCode());
            assertEquals(0, r.droppedSlivers());
        }
    }

    @Test
    void duplicateCodesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LsoaParishOverlay.of(
                List.of(lsoa("L1", rect(0, 0, 1, 1)), lsoa("L1", rect(1, 0, 2, 1))), List.of()));
        assertTrue(e.getMessage().contains("Duplicate LSOA code: L1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LsoaParishOverlay.of(
                List.of(), List.of(parish("P1", rect(0, 0, 1, 1)), parish("P1", rect(1, 0, 2, 1)))));
        assertTrue(e.getMessage().contains("Duplicate parish code: P1"), e.getMessage());
    }

    @Test
    void optionsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> OverlayOptions.DEFAULTS.withSliverAreaM2(-1));
        assertThrows(IllegalArgumentException.class, () -> OverlayOptions.DEFAULTS.withSliverShare(1.0));
        assertThrows(IllegalArgumentException.class, () -> OverlayOptions.DEFAULTS.withGridSize(Double.NaN));
        assertEquals(100.0, OverlayOptions.DEFAULTS.sliverThreshold(10_000), 0.0);
        assertEquals(1000.0, OverlayOptions.DEFAULTS.sliverThreshold(1_000_000), 0.0);
    }
}
