package org.sdaplanner.core.blocks;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.core.geography.Parish;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The codec on a small raw block set (no topology, no sliver rule, a fixed precision model, an empty LSOA). */
class BlockAnalysisCodecTest {
    private static final GeometryFactory FIXED = new GeometryFactory(new PrecisionModel(1000), 27700);

    private static Geometry rect(double x0, double y0, double x1, double y1) {
        return FIXED.createPolygon(new Coordinate[]{new Coordinate(x0, y0), new Coordinate(x1, y0), new Coordinate(x1, y1),
                new Coordinate(x0, y1), new Coordinate(x0, y0)});
    }

    private static BlockAnalysis analysis() {
        OverlayResult overlay = new LsoaParishOverlay(OverlayOptions.DEFAULTS.withSliverAreaM2(0).withSliverShare(0)).overlay(
                List.of(new Lsoa("L1", "One", "D1", rect(0, 0, 100, 100)), new Lsoa("L2", null, "D1", rect(100, 0, 200, 100)),
                        new Lsoa("L3", "Empty", null, FIXED.createPolygon())),
                List.of(new Parish("P1", "Parish", "D1", false, rect(0, 0, 40, 100))));
        BlockSet raw = BlockBuilder.build(PopulationApportioner.byArea(overlay), Map.of("L1", 1000L, "L2", 7L), Map.of("L1", 900.5),
                LsoaShares.of(Map.of("L1", Map.of("U1", 0.75, "U2", 0.25))));
        BlockAdjacency g = BlockAdjacency.of(raw.blocks()).withBridges(List.of(new Bridge("L2", "P1")));
        return new BlockAnalysis(raw, g);
    }

    @Test
    void aRawSetRoundTripsExactly() {
        BlockAnalysis a = analysis();
        byte[] bytes = BlockAnalysisCodec.encode(a);
        BlockAnalysis b = BlockAnalysisCodec.decode(bytes);
        assertArrayEquals(bytes, BlockAnalysisCodec.encode(b));
        assertNull(b.blocks().topology());
        assertNull(b.blocks().sliverRule());
        assertEquals(a.blocks().blocks(), b.blocks().blocks());
        assertEquals(a.adjacency().bridges(), b.adjacency().bridges());
        assertEquals(a.adjacency().neighbours("P1"), b.adjacency().neighbours("P1"));
        for (int i = 0; i < a.blocks().apportionment().pieces().size(); i++) {
            Geometry x = a.blocks().apportionment().pieces().get(i).geometry();
            Geometry y = b.blocks().apportionment().pieces().get(i).geometry();
            assertTrue(x.equalsExact(y), "piece " + i);
            assertEquals(x.getClass(), y.getClass());
            assertEquals(x.getFactory().getPrecisionModel(), y.getFactory().getPrecisionModel());
            assertEquals(x.getSRID(), y.getSRID());
        }
        // the LSOA wholly in no parish is its own piece: one shape, decoded as one object
        assertSame(b.blocks().overlay().lsoa("L2").geometry(), b.blocks().overlay().piecesOf("L2").get(0).geometry());
        assertTrue(b.blocks().overlay().lsoa("L3").geometry().isEmpty());
    }

    @Test
    void piecesKeepTheirOutlinesOnlyWhereMadeAndTheRestAreMadeAlikeAfterDecoding() {
        // P1 straddles both LSOAs: its pieces are neither a whole LSOA nor a whole parish
        OverlayResult overlay = new LsoaParishOverlay(OverlayOptions.DEFAULTS.withSliverAreaM2(0).withSliverShare(0)).overlay(
                List.of(new Lsoa("L1", "One", "D1", rect(0, 0, 100, 100)), new Lsoa("L2", "Two", "D1", rect(100, 0, 200, 100))),
                List.of(new Parish("P1", "Across", "D1", false, rect(50, 0, 150, 100)),
                        new Parish("P2", "East", "D1", false, rect(150, 0, 200, 100))));
        BlockSet raw = BlockBuilder.build(PopulationApportioner.byArea(overlay), Map.of("L1", 100L, "L2", 100L), Map.of(),
                LsoaShares.of(Map.of()));
        BlockAnalysis a = new BlockAnalysis(raw, BlockAdjacency.of(raw.blocks()));
        List<LsoaPiece> before = a.blocks().overlay().pieces();
        byte[] bytes = BlockAnalysisCodec.encode(a);
        List<LsoaPiece> after = BlockAnalysisCodec.decode(bytes).blocks().overlay().pieces();
        assertEquals(before, after);
        List<String> unmade = after.stream().filter(p -> !p.geometryMade()).map(p -> p.lsoaCode() + "/" + p.parishCode()).toList();
        assertEquals(List.of("L1/P1", "L2/P1"), unmade, "only the LSOA ∩ parish outlines no one asked for are left out");
        assertTrue(after.stream().filter(LsoaPiece::outsideParishes).allMatch(LsoaPiece::geometryMade), "outside parts kept");
        for (int i = 0; i < before.size(); i++) {
            Geometry x = before.get(i).geometry();
            Geometry y = after.get(i).geometry();
            assertTrue(x.equalsExact(y), "piece " + before.get(i));
            assertEquals(x.getFactory().getPrecisionModel(), y.getFactory().getPrecisionModel());
            assertEquals(x.getSRID(), y.getSRID());
        }
        assertEquals(50 * 100, after.get(1).geometry().getArea(), 1e-6);
    }

    @Test
    void anythingElseIsRefused() {
        byte[] bytes = BlockAnalysisCodec.encode(analysis());
        for (int cut : List.of(0, 3, 8, bytes.length / 3, bytes.length - 1)) {
            assertThrows(IllegalArgumentException.class, () -> BlockAnalysisCodec.decode(Arrays.copyOf(bytes, cut)), "cut at " + cut);
        }
        byte[] next = bytes.clone();
        next[7]++; // the format
        assertThrows(IllegalArgumentException.class, () -> BlockAnalysisCodec.decode(next));
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 4);
        assertThrows(IllegalArgumentException.class, () -> BlockAnalysisCodec.decode(longer));
    }
}
