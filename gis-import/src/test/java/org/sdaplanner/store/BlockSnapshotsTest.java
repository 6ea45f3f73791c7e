package org.sdaplanner.store;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdaplanner.core.blocks.AdjacencyOptions;
import org.sdaplanner.core.blocks.BlockAnalysis;
import org.sdaplanner.core.cluster.Clusterer;
import org.sdaplanner.core.cluster.ClusteringCodec;
import org.sdaplanner.core.blocks.BlockAnalysisCodec;
import org.sdaplanner.core.blocks.Bridge;
import org.sdaplanner.core.blocks.OverlayOptions;
import org.sdaplanner.core.blocks.SliverRule;
import org.sdaplanner.core.dominance.DominanceEngine;
import org.sdaplanner.core.dominance.DominanceInput;
import org.sdaplanner.core.dominance.DominanceRule;
import org.sdaplanner.core.geography.Registration;
import org.sdaplanner.importer.ImportedData;
import org.sdaplanner.importer.Progress;
import org.sdaplanner.importer.RegionImporter;
import org.sdaplanner.importer.manifest.RegionManifest;
import org.sdaplanner.testsupport.TestEnvironment;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Block snapshots on both stores, with the real C&P blocks: kept and read back byte for byte under
 * their key only, a few per geography, dropped by an import, and a write that cannot be made is no error.
 */
class BlockSnapshotsTest {
    private static ImportedData cp;

    @TempDir
    Path dir;

    @BeforeAll
    static void readTheRealRegion() {
        RegionManifest m = RegionManifest.load(TestEnvironment.repoRoot().resolve("data").resolve("cambridgeshire-peterborough.json"));
        cp = new RegionImporter(Progress.SILENT).read(m, TestEnvironment.dataDir());
    }

    @Test
    void roundTripOnH2gis() {
        SpatialStore store = SpatialStore.open("jdbc:h2:file:" + dir.resolve("cp"));
        new ImportWriter(store, Progress.SILENT).write(cp);
        roundTrip(store);
    }

    @Test
    void roundTripOnPostgis() throws Exception {
        try (SchemaStore schema = SchemaStore.create("sda_blocks_test_")) {
            new ImportWriter(schema.store, Progress.SILENT).write(cp);
            roundTrip(schema.store);
        }
    }

    private void roundTrip(SpatialStore store) {
        GeographyReader.Stored s = new GeographyReader(store).readAll();
        String digest = s.geographyDigest();
        assertEquals(64, digest.length());
        BlockAnalysis a = analysis(s);
        byte[] bytes = BlockAnalysisCodec.encode(a);
        BlockSnapshots snapshots = new BlockSnapshots(store);

        assertTrue(snapshots.find("k1").isEmpty());
        assertTrue(snapshots.save("k1", digest, a));
        assertArrayEquals(bytes, BlockAnalysisCodec.encode(snapshots.find("k1").orElseThrow()), "read back byte for byte");
        assertTrue(snapshots.find("k2").isEmpty(), "another key is a miss");
        assertTrue(snapshots.save("k1", digest, a), "written again over itself");
        assertEquals(1, count(store));

        for (int i = 2; i <= SnapshotTable.KEPT + 2; i++) {
            assertTrue(snapshots.save("k" + i, digest, a));
        }
        assertEquals(SnapshotTable.KEPT, count(store), "only the newest few of one geography");
        assertTrue(snapshots.find("k" + (SnapshotTable.KEPT + 2)).isPresent());
        assertTrue(snapshots.save("other", "f".repeat(64), a));
        assertEquals(1, count(store), "those of another geography go");

        // kept searches live beside the blocks, in a table of their own: neither pushes the other out
        SearchSnapshots searches = new SearchSnapshots(store);
        Clusterer.Result r = new Clusterer.Result(new int[] {0, 1, 1}, 2, new int[] {0, 0}, List.of("a warning"), 5, 1);
        assertTrue(searches.find("s1").isEmpty());
        assertTrue(searches.save("s1", "f".repeat(64), r));
        assertArrayEquals(ClusteringCodec.encode(r), ClusteringCodec.encode(searches.find("s1").orElseThrow()));
        for (int i = 2; i <= SnapshotTable.KEPT + 2; i++) {
            assertTrue(searches.save("s" + i, "f".repeat(64), r));
        }
        assertEquals(SnapshotTable.KEPT, count(store, "search_snapshot"), "only the newest few searches");
        assertEquals(1, count(store), "and the blocks are still kept");

        // a new import with other registrations: another digest, and the old snapshots gone
        List<Registration> fewer = cp.registrations().subList(0, 1000);
        new ImportWriter(store, Progress.SILENT).write(new ImportedData(cp.regionId(), cp.regionName(), cp.defaultAreas(),
                cp.districts(), cp.lsoas(), cp.parishes(), cp.pcns(), cp.practices(), fewer, cp.unmatched(), cp.residents(),
                cp.lookup(), cp.catchments(), cp.postcodes(), cp.values(), cp.sources(), cp.report(), cp.bridges(),
                cp.indicators(), cp.datasetVintages(), cp.areaCounts()));
        assertEquals(0, count(store));
        assertEquals(0, count(store, "search_snapshot"), "an import drops the kept searches too");
        assertNotEquals(digest, new GeographyReader(store).readAll().geographyDigest());

        // a store where the write cannot be made: no error, and the caller goes on
        execute(store, "DROP TABLE block_snapshot");
        assertFalse(snapshots.save("k1", digest, a));
        assertTrue(snapshots.find("k1").isEmpty());
        execute(store, "DROP TABLE search_snapshot");
        assertFalse(searches.save("s1", digest, r));
        assertTrue(searches.find("s1").isEmpty());
    }

    @Test
    void aSnapshotMadeBeforeDigestsWereKeptIsHashedOnReading() {
        SpatialStore store = SpatialStore.open("jdbc:h2:file:" + dir.resolve("old"));
        new ImportWriter(store, Progress.SILENT).write(cp);
        String digest = new GeographyReader(store).readAll().geographyDigest();
        execute(store, "UPDATE geography_snapshot SET digest = NULL");
        assertEquals(digest, new GeographyReader(store).readAll().geographyDigest());
        execute(store, "DELETE FROM geography_snapshot");
        assertEquals(null, new GeographyReader(store).readAll().geographyDigest(), "read from the tables: no key");
    }

    private static BlockAnalysis analysis(GeographyReader.Stored s) {
        var dominance = new DominanceEngine().compute(DominanceInput.of(s.geography()), DominanceRule.PLURALITY);
        List<Bridge> bridges = s.bridges().stream().map(b -> new Bridge(b.get(0), b.get(1))).toList();
        return BlockAnalysis.of(s.geography(), dominance, bridges, OverlayOptions.DEFAULTS, AdjacencyOptions.DEFAULTS,
                SliverRule.DEFAULTS);
    }

    private static int count(SpatialStore store) {
        return count(store, "block_snapshot");
    }

    private static int count(SpatialStore store, String table) {
        try (Connection c = store.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(SpatialStore store, String sql) {
        try (Connection c = store.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
