package org.sdaplanner.core.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sdaplanner.core.topology.Topology;
import org.sdaplanner.core.topology.TopologyCodec;
import org.sdaplanner.core.topology.TopologyOptions;

/** The holder makes each topology once, keeps what a snapshot gave it, and makes again what does not decode. */
class BlockOutlinesTest {
    private static List<BuildingBlock> blocks() {
        return List.of(block("A", Fixtures.rect(0, 0, 100, 100)), block("B", Fixtures.rect(100, 0, 200, 100)));
    }

    private static BuildingBlock block(String code, org.locationtech.jts.geom.Geometry g) {
        return new BuildingBlock(code, code, BlockKind.values()[0], "D", g, 1, 1, new TreeMap<>(), List.of());
    }

    @Test
    void madeOnceAndKeptOrMadeAgain() {
        BlockOutlines o = new BlockOutlines(blocks());
        assertNull(o.lonLatBytes(), "never made: not kept");
        Topology bng = o.bng();
        assertSame(bng, o.bng());
        assertEquals(List.of("A", "B"), bng.codes());
        // a stand-in for the reprojection: the same outlines on the lon/lat grid
        Topology lonLat = o.lonLat(m -> Topology.of(m, TopologyOptions.DEGREES));
        assertSame(lonLat, o.lonLat(m -> null));
        assertNotNull(o.lonLatBytes());

        BlockOutlines kept = BlockOutlines.restored(blocks(), o.bngBytes(), o.lonLatBytes());
        assertArrayEquals(o.bngBytes(), TopologyCodec.encode(kept.bng()));
        assertEquals(lonLat.codes(), kept.lonLat(m -> null).codes(), "decoded, not made");

        byte[] damaged = Arrays.copyOf(o.bngBytes(), 20);
        BlockOutlines fallback = BlockOutlines.restored(blocks(), damaged, null);
        assertArrayEquals(o.bngBytes(), TopologyCodec.encode(fallback.bng()), "damaged bytes: made again");
        assertEquals(new BlockOutlines(blocks()), fallback);
        assertEquals(Map.of("A", blocks().get(0).geometry(), "B", blocks().get(1).geometry()), BlockOutlines.byCode(blocks()));
    }

    @Test
    void bothMadeAtOnceAreWhatEachMakesAlone() {
        BlockOutlines alone = new BlockOutlines(blocks());
        byte[] bng = TopologyCodec.encode(alone.bng());
        byte[] lonLat = TopologyCodec.encode(alone.lonLat(m -> Topology.of(m, TopologyOptions.DEGREES)));
        BlockOutlines both = new BlockOutlines(blocks());
        both.makeBoth(m -> Topology.of(m, TopologyOptions.DEGREES));
        assertArrayEquals(bng, both.bngBytes());
        assertArrayEquals(lonLat, both.lonLatBytes());
        Topology kept = both.bng();
        both.makeBoth(m -> null); // both there already: neither made again
        assertSame(kept, both.bng());
    }

    @Test
    void aFailureOfEitherReachesTheCaller() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new BlockOutlines(blocks()).makeBoth(m -> { throw new IllegalStateException("no reprojection"); }));
        assertEquals("no reprojection", e.getMessage());
        BuildingBlock notPolygonal = block("C", Fixtures.rect(0, 0, 10, 10).getBoundary());
        assertThrows(RuntimeException.class, () -> new BlockOutlines(List.of(notPolygonal))
                .makeBoth(m -> Topology.of(Map.of(), TopologyOptions.DEGREES)));
    }
}
