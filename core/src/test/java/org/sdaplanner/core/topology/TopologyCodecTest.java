package org.sdaplanner.core.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdaplanner.core.blocks.Fixtures.rect;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/** Every part of a topology survives encoding: faces, owners, neighbours and shared lengths by their bits, factory too. */
class TopologyCodecTest {
    private static final GeometryFactory FIXED = new GeometryFactory(new PrecisionModel(1000), 27700);

    /** Overlap, gap, enclave and hole: owners of every kind (a hole owns nothing). */
    private static Topology topology(GeometryFactory f) {
        Geometry a = f.createGeometry(rect(0, 0, 100, 100));
        Geometry b = f.createGeometry(rect(99.5, 0, 200, 100)); // overlaps a
        Geometry c = f.createGeometry(rect(0, 100.2, 200, 150)); // a thin gap below it
        Geometry d = f.createGeometry(rect(40, 40, 60, 60)); // inside a
        Geometry ring = f.createPolygon(f.createLinearRing(new Coordinate[] {new Coordinate(300, 0), new Coordinate(2300, 0),
                new Coordinate(2300, 2000), new Coordinate(300, 2000), new Coordinate(300, 0)}),
                new org.locationtech.jts.geom.LinearRing[] {f.createLinearRing(new Coordinate[] {new Coordinate(400, 100),
                        new Coordinate(2200, 100), new Coordinate(2200, 1900), new Coordinate(400, 1900), new Coordinate(400, 100)})});
        return Topology.of(Map.of("A", a, "B", b, "C", c, "D", d, "R", ring, "E", f.createPolygon()), TopologyOptions.METRES);
    }

    @Test
    void everyPartRoundTripsExactly() {
        for (GeometryFactory f : List.of(new GeometryFactory(), FIXED)) {
            Topology t = topology(f);
            byte[] bytes = TopologyCodec.encode(t);
            Topology d = TopologyCodec.decode(bytes);
            assertEquals(t.allCodes(), d.allCodes());
            assertArrayEquals(t.owner(), d.owner());
            assertTrue(Arrays.stream(t.owner()).anyMatch(o -> o == Ownership.NONE), "a hole owned by none");
            assertEquals(t.faces().size(), d.faces().size());
            for (int i = 0; i < t.faces().size(); i++) {
                assertTrue(t.faces().faces.get(i).equalsExact(d.faces().faces.get(i)), "face " + i);
                assertEquals(t.faces().faces.get(i).getSRID(), d.faces().faces.get(i).getSRID());
                assertArrayEquals(t.faces().neighbours[i], d.faces().neighbours[i]);
                assertArrayEquals(Arrays.stream(t.faces().shared[i]).mapToLong(Double::doubleToRawLongBits).toArray(),
                        Arrays.stream(d.faces().shared[i]).mapToLong(Double::doubleToRawLongBits).toArray());
            }
            assertEquals(t.report(), d.report());
            assertEquals(t.options(), d.options());
            assertEquals(f.getPrecisionModel(), d.factory().getPrecisionModel());
            assertEquals(f.getSRID(), d.factory().getSRID());
            for (String code : List.of("A", "B", "C", "D", "R", "E", "unknown")) {
                Geometry x = t.outline(code);
                Geometry y = d.outline(code);
                assertEquals(x.getClass(), y.getClass(), code);
                assertTrue(x.equalsExact(y), code);
                assertEquals(x.getFactory().getPrecisionModel(), y.getFactory().getPrecisionModel(), code);
            }
            Map<String, Geometry> x = t.dissolve(c -> c.equals("D") ? null : "all");
            Map<String, Geometry> y = d.dissolve(c -> c.equals("D") ? null : "all");
            assertTrue(x.get("all").equalsExact(y.get("all")));
            assertArrayEquals(bytes, TopologyCodec.encode(d));
        }
    }

    @Test
    void damagedBytesAreRefused() {
        byte[] good = TopologyCodec.encode(topology(FIXED));
        assertThrows(IllegalArgumentException.class, () -> TopologyCodec.decode(Arrays.copyOf(good, good.length - 1)));
        assertThrows(IllegalArgumentException.class, () -> TopologyCodec.decode(Arrays.copyOf(good, good.length + 1)));
        assertThrows(IllegalArgumentException.class, () -> TopologyCodec.decode(new byte[0]));
        byte[] otherFormat = good.clone();
        otherFormat[7]++;
        assertThrows(IllegalArgumentException.class, () -> TopologyCodec.decode(otherFormat));
    }
}
