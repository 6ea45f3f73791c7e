package org.sdaplanner.store;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.sdaplanner.core.dominance.DominanceEngine;
import org.sdaplanner.core.dominance.DominanceInput;
import org.sdaplanner.core.dominance.DominanceRule;
import org.sdaplanner.core.geography.District;
import org.sdaplanner.core.geography.Geography;
import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.core.geography.Parish;
import org.sdaplanner.core.geography.Pcn;
import org.sdaplanner.core.geography.PostcodePoint;
import org.sdaplanner.core.geography.Practice;
import org.sdaplanner.core.geography.Registration;
import org.sdaplanner.importer.ImportedData;
import org.sdaplanner.importer.Progress;
import org.sdaplanner.importer.RegionImporter;
import org.sdaplanner.importer.manifest.RegionManifest;
import org.sdaplanner.testsupport.TestEnvironment;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The geography snapshot is a shortcut, never a second truth: on the real C&P import, on both
 * stores, it reads back equal to the tables it was made from, and the commands' answers do not move.
 */
class GeographySnapshotTest {
    private static ImportedData cp;

    @TempDir
    Path dir;

    @BeforeAll
    static void readTheRealRegion() {
        RegionManifest m = RegionManifest.load(TestEnvironment.repoRoot().resolve("data").resolve("cambridgeshire-peterborough.json"));
        cp = new RegionImporter(Progress.SILENT).read(m, TestEnvironment.dataDir());
    }

    @Test
    void theSnapshotReadsBackAsTheTablesOnH2gis() {
        SpatialStore store = SpatialStore.open("jdbc:h2:file:" + dir.resolve("cp"));
        new ImportWriter(store, Progress.SILENT).write(cp);
        readsAsTheTables(store);
    }

    @Test
    void theSnapshotReadsBackAsTheTablesOnPostgis() throws Exception {
        try (SchemaStore schema = SchemaStore.create("sda_snapshot_test_")) {
            new ImportWriter(schema.store, Progress.SILENT).write(cp);
            readsAsTheTables(schema.store);
        }
    }

    private static void readsAsTheTables(SpatialStore store) {
        GeographyReader reader = new GeographyReader(store);
        Geography tables = reader.readTables();
        Geography snapshot = reader.read();
        assertEquals(516, snapshot.lsoas().size());
        assertEquals(tables, snapshot, "every code, name, count and shape (exactly) as the tables give them");
        GeographyReader.Stored all = reader.readAll();
        assertEquals(tables, all.geography());
        assertEquals(reader.bridges(), all.bridges());
        assertEquals(reader.defaultAreas(), all.defaultAreas());
        assertEquals(reader.defaultCounts(), all.defaultCounts());

        // dominance reads no shapes and gives the same answer as from the full geography
        Geography codes = reader.readDominanceInput();
        assertTrue(codes.lsoas().stream().allMatch(l -> l.geometry() == null));
        assertTrue(codes.practices().stream().allMatch(p -> p.location() == null));
        assertEquals(tables.registrations(), codes.registrations());
        DominanceRule rule = DominanceRule.parse("plurality");
        assertEquals(new DominanceEngine().compute(DominanceInput.of(tables), rule),
                new DominanceEngine().compute(DominanceInput.of(codes), rule));
    }

    @Test
    void aDamagedSnapshotIsPassedOverForTheTables() throws Exception {
        SpatialStore store = SpatialStore.open("jdbc:h2:file:" + dir.resolve("damaged"));
        new ImportWriter(store, Progress.SILENT).write(cp);
        GeographyReader reader = new GeographyReader(store);
        Geography tables = reader.readTables();
        try (Connection c = store.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE geography_snapshot SET data = X'5344414700000001000000ff'"); // a header, then cut short
        }
        assertEquals(tables, reader.read());
        try (Connection c = store.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE geography_snapshot SET format = " + (GeographySnapshot.FORMAT + 1)); // another release's layout
        }
        assertEquals(tables, reader.read());
        assertEquals(tables.registrations(), reader.readDominanceInput().registrations());
    }

    @Test
    void aNewImportReplacesTheSnapshotAndAFailedOneKeepsIt() {
        SpatialStore store = SpatialStore.open("jdbc:h2:file:" + dir.resolve("twice"));
        new ImportWriter(store, Progress.SILENT).write(cp);
        GeographyReader reader = new GeographyReader(store);
        Geography first = reader.read();
        List<Registration> fewer = cp.registrations().subList(0, 100);
        ImportedData smaller = new ImportedData(cp.regionId(), cp.regionName(), cp.defaultAreas(), cp.districts(), cp.lsoas(),
                cp.parishes(), cp.pcns(), cp.practices(), fewer, cp.unmatched(), cp.residents(), cp.lookup(), cp.catchments(),
                cp.postcodes(), cp.values(), cp.sources(), cp.report(), cp.bridges(), cp.indicators(), cp.datasetVintages(),
                cp.areaCounts());
        new ImportWriter(store, Progress.SILENT).write(smaller);
        assertEquals(100, reader.read().registrations().size());
        assertEquals(reader.readTables(), reader.read());

        // a parish code twice breaks the import part-way: the previous import and its snapshot stay as they were
        List<Parish> twice = new java.util.ArrayList<>(cp.parishes());
        twice.add(cp.parishes().get(0));
        ImportedData broken = new ImportedData(cp.regionId(), cp.regionName(), cp.defaultAreas(), cp.districts(), cp.lsoas(),
                twice, cp.pcns(), cp.practices(), cp.registrations(), cp.unmatched(), cp.residents(), cp.lookup(), cp.catchments(),
                cp.postcodes(), cp.values(), cp.sources(), cp.report(), cp.bridges(), cp.indicators(), cp.datasetVintages(),
                cp.areaCounts());
        assertThrows(StoreException.class, () -> new ImportWriter(store, Progress.SILENT).write(broken));
        assertEquals(100, reader.read().registrations().size());
        assertEquals(first.lsoas(), reader.read().lsoas());
    }

    @Test
    void nullsEmptyTextAndEveryKindOfShapeSurviveTheRoundTrip() {
        GeometryFactory f = new GeometryFactory(new PrecisionModel(), 27700);
        var square = f.createPolygon(new Coordinate[]{new Coordinate(0, 0), new Coordinate(10, 0), new Coordinate(10, 10),
                new Coordinate(0, 0)});
        var two = f.createMultiPolygon(new org.locationtech.jts.geom.Polygon[]{square,
                (org.locationtech.jts.geom.Polygon) square.copy()});
        Geography g = new Geography(
                List.of(new Lsoa("E01000002", null, "E07000008", two), new Lsoa("E01000001", "Ely 001A \u00e9\u2013\u00fc", null, null)),
                List.of(new Parish("E04000001", "", "E07000008", false, square), new Parish("E43000001", "Cambridge", "E07000008", true, null)),
                List.of(new District("E07000008", "Cambridge", square)),
                List.of(new Pcn("U", null), new Pcn("U00001", "North, \"quoted\" PCN")),
                List.of(new Practice("D81001", "Alpha", null, null, true, f.createPoint(new Coordinate(5, 5))),
                        new Practice("D81002", null, "CB1 1AA", "U00001", false, null)),
                List.of(new Registration("D81001", "E01000001", 12), new Registration("D81001", "E01000002", 0),
                        new Registration("D81002", "E01000001", Long.MAX_VALUE)),
                Map.of("E01000001", 1500L, "E01000002", 0L),
                List.of(new PostcodePoint("CB1 1AA", f.createPoint(new Coordinate(1.5, -2.25))), new PostcodePoint("CB1 1AB", null)));
        Geography sorted = GeographySnapshot.sorted(g);
        assertEquals("E01000001", sorted.lsoas().get(0).code());
        assertEquals(g, GeographySnapshot.decode(GeographySnapshot.encode(g), true));
        assertEquals(sorted, GeographySnapshot.decode(GeographySnapshot.encode(sorted), true));
        Geography noShapes = GeographySnapshot.decode(GeographySnapshot.encode(g), false);
        assertNull(noShapes.lsoas().get(0).geometry(), "the multipolygon is left out");
        assertEquals(g.registrations(), noShapes.registrations());
        assertEquals(g.residents(), noShapes.residents());
        Geography empty = new Geography(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), List.of());
        assertEquals(empty, GeographySnapshot.decode(GeographySnapshot.encode(empty), true));
        assertThrows(IllegalArgumentException.class, () -> GeographySnapshot.decode(new byte[]{1, 2, 3}, true));
    }
}
