package org.sdaplanner.core.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdaplanner.core.blocks.Fixtures.lsoa;
import static org.sdaplanner.core.blocks.Fixtures.parish;
import static org.sdaplanner.core.blocks.Fixtures.rect;
import static org.sdaplanner.core.blocks.Fixtures.wkt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

class BlockAdjacencyTest {

    private static final double EPS = 1e-9;

    /**
     * <pre>
     *   E [0,10]×[10,20]
     *   A [0,10]²   B [10,20]×[0,10]   C [20,30]×[10,20] touches B only at the corner (20 10)
     *   D [100,110]² far away
     * </pre>
     */
    private static Map<String, Geometry> squares() {
        Map<String, Geometry> m = new LinkedHashMap<>();
        m.put("D", rect(100, 100, 110, 110));
        m.put("C", rect(20, 10, 30, 20));
        m.put("B", rect(10, 0, 20, 10));
        m.put("A", rect(0, 0, 10, 10));
        m.put("E", rect(0, 10, 10, 20));
        return m;
    }

    private static BlockAdjacency graph() {
        return BlockAdjacency.ofGeometries(squares(), AdjacencyOptions.DEFAULTS);
    }

    @Test
    void squaresSharingAnEdgeAreNeighbours() {
        BlockAdjacency g = graph();
        assertTrue(g.adjacent("A", "B"));
        assertTrue(g.adjacent("B", "A"));
        assertEquals(10.0, g.sharedLength("A", "B"), EPS);
        assertEquals(10.0, g.sharedLength("A", "E"), EPS);
        assertEquals(List.of(new Neighbour("B", 10.0, false), new Neighbour("E", 10.0, false)), g.neighbours("A"));
        assertEquals(2, g.edgeCount());
    }

    @Test
    void squaresTouchingAtACornerAreNotNeighbours() {
        BlockAdjacency g = graph();
        assertFalse(g.adjacent("B", "C"));
        assertFalse(g.adjacent("B", "E"), "B and E touch at (10 10) only");
        assertEquals(0.0, g.sharedLength("B", "C"), 0.0);
        assertEquals(List.of(), g.neighbours("C"));
    }

    @Test
    void separateSquaresAreReportedAsIslands() {
        BlockAdjacency g = graph();
        assertEquals(List.of(List.of("A", "B", "E"), List.of("C"), List.of("D")), g.components());
        assertEquals(List.of("A", "B", "E"), g.mainComponent());
        assertEquals(List.of("C", "D"), g.islands());
        assertEquals(List.of("C", "D"), g.isolated());
        assertFalse(g.connected());
    }

    @Test
    void declaredBridgeJoinsAnIsland() {
        BlockAdjacency g = graph().withBridges(List.of(Bridge.of("D", "B")));
        assertTrue(g.adjacent("B", "D"));
        assertEquals(List.of(new Neighbour("B", 0.0, true)), g.neighbours("D"));
        assertEquals(List.of(List.of("A", "B", "D", "E"), List.of("C")), g.components());
        assertEquals(List.of("C"), g.islands());
        assertEquals(List.of(new Bridge("B", "D")), g.bridges());

        BlockAdjacency all = g.withBridges(List.of(Bridge.of("C", "B"), Bridge.of("B", "C")));
        assertTrue(all.connected());
        assertEquals(List.of(), all.islands());
        assertEquals(2, all.bridges().size());
    }

    @Test
    void bridgeBetweenNeighboursKeepsTheSharedLength() {
        BlockAdjacency g = graph().withBridges(List.of(Bridge.of("A", "B")));
        assertEquals(List.of(new Neighbour("B", 10.0, true), new Neighbour("E", 10.0, false)), g.neighbours("A"));
    }

    @Test
    void bridgeNamingAnUnknownCodeIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> graph().withBridges(List.of(Bridge.of("A", "B"), Bridge.of("A", "NOPE"))));
        assertEquals("Invalid declared bridges: bridge A–NOPE names unknown block code NOPE", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> graph().withBridges(List.of(Bridge.of("A", "A"))));
        assertTrue(e.getMessage().contains("links a block to itself"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> graph().neighbours("Q"));
        assertEquals("Unknown block code: Q", e.getMessage());
    }

    @Test
    void smallGapWithinTheSnapToleranceStillCounts() {
        Map<String, Geometry> m = Map.of("A", rect(0, 0, 10, 10), "F", rect(0, -11.5, 10, -1.5));
        BlockAdjacency g = BlockAdjacency.ofGeometries(m, AdjacencyOptions.DEFAULTS);
        assertTrue(g.adjacent("A", "F"));
        assertEquals(10.0, g.sharedLength("A", "F"), EPS);
        BlockAdjacency strict = BlockAdjacency.ofGeometries(m, AdjacencyOptions.DEFAULTS.withSnapTolerance(1.0));
        assertFalse(strict.adjacent("A", "F"));
    }

    @Test
    void shortSharedStretchUnderTheToleranceDoesNotCount() {
        // the squares share x = 10 for 9.5 <= y <= 10: 0.5 m
        Map<String, Geometry> m = Map.of("A", rect(0, 0, 10, 10), "G", rect(10, 9.5, 20, 19.5));
        assertFalse(BlockAdjacency.ofGeometries(m, AdjacencyOptions.DEFAULTS).adjacent("A", "G"));
        BlockAdjacency loose = BlockAdjacency.ofGeometries(m, AdjacencyOptions.DEFAULTS.withMinSharedLength(0.1));
        assertTrue(loose.adjacent("A", "G"));
        assertEquals(0.5, loose.sharedLength("A", "G"), EPS);
    }

    @Test
    void misalignedGeneralisedBoundaryIsMeasured() {
        // B's west edge zig-zags up to 0.5 m either side of A's east edge x = 10
        Map<String, Geometry> m = Map.of(
                "A", rect(0, 0, 10, 10),
                "B", wkt("POLYGON ((10 0, 20 0, 20 10, 10 10, 10.5 7, 9.7 3, 10 0))"));
        BlockAdjacency g = BlockAdjacency.ofGeometries(m, AdjacencyOptions.DEFAULTS);
        assertTrue(g.adjacent("A", "B"));
        assertEquals(10.0, g.sharedLength("A", "B"), 1e-9);
    }

    @Test
    void partlySharedEdgeIsMeasuredAndCrossingBoundariesShareNothing() {
        // X = the part of the triangle (5 5, 15 15, 15 5) outside A: it shares x = 10, 5 <= y <= 10 with A
        Geometry x = wkt("POLYGON ((5 5, 15 15, 15 5, 5 5))").difference(rect(0, 0, 10, 10));
        BlockAdjacency g = BlockAdjacency.ofGeometries(Map.of("A", rect(0, 0, 10, 10), "X", x), AdjacencyOptions.DEFAULTS);
        assertEquals(5.0, g.sharedLength("A", "X"), EPS);
        // overlapping squares: their boundaries cross at right angles and run along nothing
        BlockAdjacency overlapping = BlockAdjacency.ofGeometries(
                Map.of("A", rect(0, 0, 10, 10), "O", rect(5, 5, 15, 15)), AdjacencyOptions.DEFAULTS);
        assertFalse(overlapping.adjacent("A", "O"));
    }

    @Test
    void blocksFromTheBuilderAreConnectedAcrossParishAndUnparishedPieces() {
        OverlayResult ov = LsoaParishOverlay.of(
                List.of(lsoa("L1", rect(0, 0, 100, 100)), lsoa("L2", rect(100, 0, 200, 100))),
                List.of(parish("P1", rect(0, 0, 50, 100)), parish("P2", rect(100, 0, 200, 100))));
        BlockSet set = BlockBuilder.build(PopulationApportioner.byArea(ov), Map.of("L1", 100L, "L2", 100L), null, null);
        assertEquals(List.of("L1", "P1", "P2"), set.blocks().stream().map(BuildingBlock::code).toList());
        BlockAdjacency g = BlockAdjacency.of(set.blocks());
        assertEquals(100.0, g.sharedLength("P1", "L1"), EPS);
        assertEquals(100.0, g.sharedLength("L1", "P2"), EPS);
        assertFalse(g.adjacent("P1", "P2"));
        assertTrue(g.connected());
        assertEquals(List.of("L1"), g.neighbourCodes("P1"));
        assertEquals(List.of("P1", "P2"), g.neighbourCodes("L1"));
    }

    @Test
    void resultDoesNotDependOnInputOrder() {
        Map<String, Geometry> reversed = new LinkedHashMap<>();
        List<Map.Entry<String, Geometry>> entries = List.copyOf(squares().entrySet());
        for (int i = entries.size() - 1; i >= 0; i--) {
            reversed.put(entries.get(i).getKey(), entries.get(i).getValue());
        }
        BlockAdjacency a = graph();
        BlockAdjacency b = BlockAdjacency.ofGeometries(reversed, AdjacencyOptions.DEFAULTS);
        assertEquals(a.codes(), b.codes());
        for (String c : a.codes()) {
            assertEquals(a.neighbours(c), b.neighbours(c));
        }
        assertEquals(a.components(), b.components());
    }

    @Test
    void enclaveSharesItsWholeOutline() {
        Geometry outer = rect(0, 0, 30, 30).difference(rect(10, 10, 20, 20));
        BlockAdjacency g = BlockAdjacency.ofGeometries(
                Map.of("OUT", outer, "IN", rect(10, 10, 20, 20)), AdjacencyOptions.DEFAULTS);
        assertEquals(40.0, g.sharedLength("OUT", "IN"), EPS);
    }

    @Test
    void optionsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> AdjacencyOptions.DEFAULTS.withMinSharedLength(-1));
        assertThrows(IllegalArgumentException.class, () -> AdjacencyOptions.DEFAULTS.withSnapTolerance(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> AdjacencyOptions.DEFAULTS.withMaxAngleDegrees(91));
        assertEquals(new AdjacencyOptions(1.0, 2.0, 30.0), AdjacencyOptions.DEFAULTS);
    }
}
