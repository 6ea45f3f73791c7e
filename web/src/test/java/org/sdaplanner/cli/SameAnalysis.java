package org.sdaplanner.cli;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.sdaplanner.core.blocks.Apportionment;
import org.sdaplanner.core.blocks.BlockAdjacency;
import org.sdaplanner.core.blocks.BlockAnalysis;
import org.sdaplanner.core.blocks.BlockSet;
import org.sdaplanner.core.blocks.BuildingBlock;
import org.sdaplanner.core.blocks.LsoaPiece;
import org.sdaplanner.core.blocks.OverlayResult;
import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.core.geography.Parish;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every field a consumer of a {@link BlockAnalysis} can read and asserts two analyses agree:
 * doubles by their bits, shapes by type, SRID, factory and exact coordinates.
 */
final class SameAnalysis {
    private SameAnalysis() {
    }

    static void assertSame(BlockAnalysis expected, BlockAnalysis actual) {
        blockSet(expected.blocks(), actual.blocks());
        adjacency(expected.adjacency(), actual.adjacency());
    }

    private static void blockSet(BlockSet e, BlockSet a) {
        assertEquals(e.size(), a.size(), "blocks");
        for (int i = 0; i < e.size(); i++) {
            BuildingBlock x = e.blocks().get(i);
            BuildingBlock y = a.blocks().get(i);
            String at = "block " + x.code();
            assertEquals(x.code(), y.code(), at);
            assertEquals(x.name(), y.name(), at);
            assertEquals(x.kind(), y.kind(), at);
            assertEquals(x.districtCode(), y.districtCode(), at);
            shape(x.geometry(), y.geometry(), at);
            bits(x.residentPopulation(), y.residentPopulation(), at);
            bits(x.registeredPopulation(), y.registeredPopulation(), at);
            assertEquals(x.pcnAffinity(), y.pcnAffinity(), at); // Double.equals: by bits
            assertEquals(x.pieces(), y.pieces(), at); // records of doubles: by bits
            assertTrue(y == a.block(x.code()), at);
        }
        apportionment(e.apportionment(), a.apportionment());
        assertEquals(e.unplacedLsoas(), a.unplacedLsoas());
        assertEquals(e.sliverMerges(), a.sliverMerges());
        assertEquals(e.keptSlivers(), a.keptSlivers());
        assertEquals(e.topology(), a.topology());
        assertEquals(e.sliverRule(), a.sliverRule());
        for (var m : e.sliverMerges()) {
            assertEquals(e.blockOf(m.sliverCode()), a.blockOf(m.sliverCode()), m.sliverCode());
        }
        bits(e.totalResidentPopulation(), a.totalResidentPopulation(), "total residents");
    }

    private static void apportionment(Apportionment e, Apportionment a) {
        OverlayResult x = e.overlay();
        OverlayResult y = a.overlay();
        assertEquals(x.pieces().size(), y.pieces().size(), "pieces");
        for (int i = 0; i < x.pieces().size(); i++) {
            LsoaPiece p = x.pieces().get(i);
            LsoaPiece q = y.pieces().get(i);
            String at = "piece " + p;
            assertEquals(p, q, at); // LSOA, parish, area and share by bits
            shape(p.geometry(), q.geometry(), at);
            bits(e.weight(i), a.weight(i), at);
            assertEquals(e.postcodeCount(i), a.postcodeCount(i), at);
        }
        assertEquals(x.lsoas().size(), y.lsoas().size(), "overlay LSOAs");
        for (int i = 0; i < x.lsoas().size(); i++) {
            Lsoa l = x.lsoas().get(i);
            Lsoa m = y.lsoas().get(i);
            assertEquals(Arrays.asList(l.code(), l.name(), l.districtCode()), Arrays.asList(m.code(), m.name(), m.districtCode()));
            shape(l.geometry(), m.geometry(), l.code());
            assertEquals(x.piecesOf(l.code()), y.piecesOf(l.code()), l.code());
        }
        assertEquals(x.parishes().size(), y.parishes().size(), "overlay parishes");
        for (int i = 0; i < x.parishes().size(); i++) {
            Parish p = x.parishes().get(i);
            Parish q = y.parishes().get(i);
            assertEquals(Arrays.asList(p.code(), p.name(), p.districtCode(), p.unparished()),
                    Arrays.asList(q.code(), q.name(), q.districtCode(), q.unparished()));
            shape(p.geometry(), q.geometry(), p.code());
        }
        assertEquals(x.repairedLsoas(), y.repairedLsoas());
        assertEquals(x.repairedParishes(), y.repairedParishes());
        assertEquals(x.droppedSlivers(), y.droppedSlivers());
        bits(x.droppedSliverArea(), y.droppedSliverArea(), "dropped sliver area");
        assertEquals(x.options(), y.options());
        assertEquals(e.basis(), a.basis());
    }

    private static void adjacency(BlockAdjacency e, BlockAdjacency a) {
        assertEquals(e.codes(), a.codes());
        for (String code : e.codes()) {
            assertEquals(e.neighbours(code), a.neighbours(code), code); // records: code, length by bits, declared
        }
        assertEquals(e.bridges(), a.bridges());
        assertEquals(e.options(), a.options());
        assertEquals(e.components(), a.components());
        assertEquals(e.islands(), a.islands());
    }

    /** Same type, SRID (of it and its parts), precision model and coordinates, exactly. */
    static void shape(Geometry e, Geometry a, String at) {
        if (e == null) {
            assertEquals(null, a, at);
            return;
        }
        assertNotNull(a, at);
        assertEquals(e.getClass(), a.getClass(), at);
        assertEquals(e.getSRID(), a.getSRID(), at);
        factory(e.getFactory(), a.getFactory(), at);
        assertTrue(e.equalsExact(a), at + ": coordinates");
        assertEquals(e.getNumGeometries(), a.getNumGeometries(), at);
        for (int i = 0; i < e.getNumGeometries(); i++) {
            assertEquals(e.getGeometryN(i).getSRID(), a.getGeometryN(i).getSRID(), at + " part " + i);
            assertEquals(e.getGeometryN(i).getClass(), a.getGeometryN(i).getClass(), at + " part " + i);
        }
        var ce = e.getCoordinates();
        var ca = a.getCoordinates();
        for (int i = 0; i < ce.length; i++) {
            bits(ce[i].getX(), ca[i].getX(), at);
            bits(ce[i].getY(), ca[i].getY(), at);
        }
    }

    private static void factory(GeometryFactory e, GeometryFactory a, String at) {
        assertEquals(e.getPrecisionModel(), a.getPrecisionModel(), at + ": precision model");
        assertEquals(e.getSRID(), a.getSRID(), at + ": factory SRID");
        assertEquals(e.getCoordinateSequenceFactory().getClass(), a.getCoordinateSequenceFactory().getClass(), at);
    }

    private static void bits(double e, double a, String at) {
        assertEquals(Double.doubleToRawLongBits(e), Double.doubleToRawLongBits(a), at);
    }
}
