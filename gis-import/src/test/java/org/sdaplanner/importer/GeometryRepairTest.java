package org.sdaplanner.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.importer.load.LoadedRecords.PcnCatchment;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An invalid geometry is repaired, counted and kept, never dropped. */
class GeometryRepairTest {
    @TempDir
    Path dir;

    /** A square of 1 km whose ring crosses itself at its centre: two triangles of 250 000 m². */
    static String bowTie(String code, String name, double x, double y) {
        return TinyRegion.polygon(TinyRegion.props("LSOA21CD", code, "LSOA21NM", name),
                x, y, x + 1000, y + 1000, x + 1000, y, x, y + 1000);
    }

    @Test
    void bowTieLsoaIsRepairedAndCounted() {
        TinyRegion r = TinyRegion.standard();
        r.edit(TinyRegion.LSOA, t -> t.replaceAll("\\{[^\n]*E01000004[^\n]*\\}\\}",
                bowTie("E01000004", "South Cambridgeshire 001B", 546000, 257000)));
        assertTrue(r.text(TinyRegion.LSOA).contains("[547000, 257000], [546000, 258000]"), r.text(TinyRegion.LSOA));
        ImportedData d = r.writeTo(dir).read();

        assertEquals(1, d.report().repairedGeometries());
        assertEquals(4L, d.report().layers().get("lsoa"));
        Lsoa l = d.lsoas().stream().filter(x -> x.code().equals("E01000004")).findFirst().orElseThrow();
        Geometry g = l.geometry();
        assertInstanceOf(MultiPolygon.class, g);
        assertTrue(g.isValid());
        assertEquals(2, g.getNumGeometries(), g.toText());
        assertEquals(500_000.0, g.getArea(), 1e-6);
        assertEquals("E07000012", l.districtCode());
        // Its patients are still analysed.
        assertEquals(620, d.report().analysedPatients());
        assertTrue(d.report().warnings().contains(TinyRegion.LSOA
                + ": 1 invalid geometry was repaired (self-intersections, bad rings); none was dropped"), d.report().warnings().toString());
    }

    @Test
    void repairsAreSummedOverLayers() {
        TinyRegion r = TinyRegion.standard();
        r.edit(TinyRegion.LSOA, t -> t.replaceAll("\\{[^\n]*E01000004[^\n]*\\}\\}",
                bowTie("E01000004", "South Cambridgeshire 001B", 546000, 257000)));
        r.edit(TinyRegion.PCN, t -> t.replaceAll("\\{[^\n]*U00002[^\n]*\\}\\}", TinyRegion.polygon(
                TinyRegion.props("pcn_code", "U00002", "pcn_name", "South PCN"),
                545000, 257000, 547000, 258000, 547000, 257000, 545000, 258000)));
        ImportedData d = r.writeTo(dir).read();

        assertEquals(2, d.report().repairedGeometries());
        PcnCatchment c = d.catchments().stream().filter(x -> x.pcnCode().equals("U00002")).findFirst().orElseThrow();
        assertTrue(c.geometry().isValid());
        assertEquals(1_000_000.0, c.geometry().getArea(), 1e-6);
        assertEquals(List.of(
                TinyRegion.LSOA + ": 1 invalid geometry was repaired (self-intersections, bad rings); none was dropped",
                TinyRegion.PCN + ": 1 invalid geometry was repaired (self-intersections, bad rings); none was dropped"),
                d.report().warnings().stream().filter(w -> w.contains("repaired")).toList());
    }
}
