package org.sdaplanner.importer.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdaplanner.core.cluster.AreaCounts;
import org.sdaplanner.importer.InputException;
import org.sdaplanner.importer.TinyRegion;
import org.sdaplanner.importer.ImportedData;
import org.sdaplanner.importer.Progress;
import org.sdaplanner.importer.RegionImporter;
import org.sdaplanner.store.GeographyReader;
import org.sdaplanner.store.ImportWriter;
import org.sdaplanner.store.SpatialStore;

/** The manifest's number of areas in both readings, per district, through the store and back. */
class AreasSpecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final List<Region.DistrictRef> TWO = List.of(new Region.DistrictRef("D1", "One"),
            new Region.DistrictRef("D2", "Two"));

    @Test
    void aNumberIsAreasInAll() {
        assertEquals(AreaCounts.inAll(28), AreasSpec.of(json("28"), TWO));
        assertNull(AreasSpec.of(null, TWO));
    }

    @Test
    void parishedAndUnparished() {
        assertEquals(AreaCounts.ofParishes(28, null), AreasSpec.of(json("{\"parished\": 28, \"unparished\": \"auto\"}"), TWO));
        assertEquals(AreaCounts.ofParishes(28, null), AreasSpec.of(json("{\"parished\": 28}"), TWO));
        assertEquals(AreaCounts.ofParishes(28, 11), AreasSpec.of(json("{\"parished\": 28, \"unparished\": 11}"), TWO));
    }

    /** The bug: counts on the district entries were rejected as "unknown key 'areas'". */
    @Test
    void countsOnTheDistrictEntries() {
        List<Region.DistrictRef> inAll = List.of(new Region.DistrictRef("D1", "One", json("7")),
                new Region.DistrictRef("D2", "Two", json("4")));
        assertEquals(AreaCounts.inAll(Map.of("D1", 7, "D2", 4)), AreasSpec.of(null, inAll));
        assertEquals(AreaCounts.inAll(Map.of("D1", 7, "D2", 4)), AreasSpec.of(json("11"), inAll));
        List<Region.DistrictRef> sides = List.of(
                new Region.DistrictRef("D1", "One", json("{\"parished\": 4, \"unparished\": 5}")),
                new Region.DistrictRef("D2", "Two", json("{\"unparished\": 7}")));
        AreaCounts c = AreasSpec.of(json("{\"parished\": 4, \"unparished\": \"auto\"}"), sides);
        assertEquals(AreaCounts.ofParishes(Map.of("D1", 4, "D2", 0), Map.of("D1", 5, "D2", 7)), c);
        assertEquals(12, c.unparishedAreas());
    }

    @Test
    void badFormsAreNamed() {
        assertEquals("unknown key 'parishes' at region.areas; known keys there: [parished, unparished]",
                assertThrows(AreasSpec.Invalid.class, () -> AreasSpec.of(json("{\"parishes\": 28}"), TWO)).getMessage());
        assertEquals("region.areas.unparished must be a number or \"auto\", got \"many\"",
                assertThrows(AreasSpec.Invalid.class, () -> AreasSpec.of(json("{\"parished\": 28, \"unparished\": \"many\"}"),
                        TWO)).getMessage());
        assertEquals("region.areas must be at least 1, got 0",
                assertThrows(AreasSpec.Invalid.class, () -> AreasSpec.of(json("0"), TWO)).getMessage());
        List<Region.DistrictRef> half = List.of(new Region.DistrictRef("D1", "One", json("7")), new Region.DistrictRef("D2", "Two"));
        assertEquals("region.districts: some districts give \"areas\" and others not (missing for D2): give a count for"
                + " every district or for none", assertThrows(AreasSpec.Invalid.class, () -> AreasSpec.of(null, half)).getMessage());
        List<Region.DistrictRef> inAll = List.of(new Region.DistrictRef("D1", "One", json("7")),
                new Region.DistrictRef("D2", "Two", json("4")));
        assertEquals("region.areas says 28 areas but the districts' counts add up to 11",
                assertThrows(AreasSpec.Invalid.class, () -> AreasSpec.of(json("28"), inAll)).getMessage());
        List<Region.DistrictRef> mixed = List.of(new Region.DistrictRef("D1", "One", json("7")),
                new Region.DistrictRef("D2", "Two", json("{\"parished\": 4}")));
        assertEquals("region.districts[D2].areas: every district gives its areas the same way (all numbers, or all"
                + " {\"parished\": …, \"unparished\": …})",
                assertThrows(AreasSpec.Invalid.class, () -> AreasSpec.of(null, mixed)).getMessage());
    }

    @Test
    void theStoresFormReadsBack() {
        for (AreaCounts c : List.of(AreaCounts.inAll(28), AreaCounts.ofParishes(28, null), AreaCounts.ofParishes(28, 12),
                AreaCounts.inAll(Map.of("D1", 7, "D2", 4)),
                AreaCounts.ofParishes(Map.of("D1", 4, "D2", 0), Map.of("D1", 5, "D2", 7)))) {
            assertEquals(c, AreasSpec.fromJson(AreasSpec.toJson(c)), AreasSpec.toJson(c));
        }
    }

    /** A manifest with counts per district loads, imports, and the store gives them back for 'sda build'. */
    @Test
    void aManifestWithCountsPerDistrictImportsAndReadsBack() {
        TinyRegion r = TinyRegion.standard();
        ObjectNode region = (ObjectNode) r.manifest().get("region");
        region.remove("areas");
        ArrayNode ds = (ArrayNode) region.get("districts");
        ((ObjectNode) ds.get(0)).putObject("areas").put("parished", 0).put("unparished", 2);
        ((ObjectNode) ds.get(1)).putObject("areas").put("parished", 1);
        TinyRegion.Written w = r.writeTo(dir);
        RegionManifest m = RegionManifest.load(w.manifest());
        AreaCounts expected = AreaCounts.ofParishes(Map.of("E07000008", 0, "E07000012", 1), Map.of("E07000008", 2, "E07000012", 0));
        assertEquals(expected, m.region().areaCounts());
        SpatialStore store = SpatialStore.open("jdbc:h2:file:" + dir.resolve("store/sda"));
        ImportedData data = new RegionImporter(Progress.SILENT).read(m, w.dataDir());
        new ImportWriter(store, Progress.SILENT).write(data);
        GeographyReader reader = new GeographyReader(store);
        assertEquals(expected, reader.defaultCounts());
        assertEquals(1, reader.defaultAreas(), "the headline number: areas of parishes");
    }

    @Test
    void aBadCountInAManifestFileNamesTheFileAndKey() {
        TinyRegion r = TinyRegion.standard();
        ((ObjectNode) r.manifest().get("region")).putObject("areas").put("parished", 3).put("unparishd", 2);
        TinyRegion.Written w = r.writeTo(dir);
        InputException e = assertThrows(InputException.class, () -> RegionManifest.load(w.manifest()));
        assertEquals(w.manifest() + ": unknown key 'unparishd' at region.areas; known keys there: [parished, unparished]",
                e.getMessage());
    }
}
