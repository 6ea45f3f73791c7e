package org.sdaplanner.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdaplanner.core.blocks.AdjacencyOptions;
import org.sdaplanner.core.blocks.BlockAnalysis;
import org.sdaplanner.core.blocks.BlockAnalysisCodec;
import org.sdaplanner.core.blocks.Bridge;
import org.sdaplanner.core.blocks.OverlayOptions;
import org.sdaplanner.core.blocks.SliverRule;
import org.sdaplanner.core.dominance.DominanceEngine;
import org.sdaplanner.core.dominance.DominanceInput;
import org.sdaplanner.core.dominance.DominanceRule;
import org.sdaplanner.importer.Progress;
import org.sdaplanner.store.BlockSnapshots;
import org.sdaplanner.store.GeographyReader;
import org.sdaplanner.store.ImportWriter;
import org.sdaplanner.store.ReleaseRepository;
import org.sdaplanner.store.SpatialStore;
import org.sdaplanner.web.Region;
import org.sdaplanner.web.TestData;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The block snapshot is a shortcut, never a second truth: on the real C&P import the decoded
 * analysis is the computed one in every field, the commands write the same bytes from it, damaged
 * or foreign bytes are made again, and a change of rule, sliver rule, import or release misses.
 */
class BlockSnapshotTest {
    @TempDir
    static Path dir;
    private static SpatialStore store;
    private static String url;

    @BeforeAll
    static void importTheRealRegion() {
        url = "jdbc:h2:file:" + dir.resolve("cp").resolve("sda");
        store = TestData.importedStore(url);
    }

    private static BlockAnalysis computed(SliverRule slivers) {
        GeographyReader.Stored s = new GeographyReader(store).readAll();
        var dominance = new DominanceEngine().compute(DominanceInput.of(s.geography()), Region.RULE);
        return BlockAnalysis.of(s.geography(), dominance, bridges(s), OverlayOptions.DEFAULTS, AdjacencyOptions.DEFAULTS, slivers);
    }

    private static List<Bridge> bridges(GeographyReader.Stored s) {
        return s.bridges().stream().map(b -> new Bridge(b.get(0), b.get(1))).toList();
    }

    @Test
    void theDecodedAnalysisIsTheComputedOneInEveryField() {
        for (SliverRule slivers : List.of(SliverRule.DEFAULTS, SliverRule.OFF)) {
            BlockAnalysis made = computed(slivers);
            byte[] bytes = BlockAnalysisCodec.encode(made);
            BlockAnalysis decoded = BlockAnalysisCodec.decode(bytes);
            SameAnalysis.assertSame(made, decoded);
            assertArrayEquals(bytes, BlockAnalysisCodec.encode(decoded), "encoding the decoded analysis gives the same bytes");

            clear();
            BlockAnalysis miss = RegionAnalysis.load(store, Region.RULE, slivers).blocks();
            assertEquals(1, count(), "the miss kept its blocks");
            BlockAnalysis hit = RegionAnalysis.load(store, Region.RULE, slivers).blocks();
            SameAnalysis.assertSame(made, miss);
            SameAnalysis.assertSame(made, hit);
        }
        assertTrue(computed(SliverRule.DEFAULTS).blocks().sliverMerges().size() > 0, "C&P has slivers to fold: the test sees them");
    }

    @Test
    void theCommandsWriteTheSameBytesFromTheSnapshot() throws Exception {
        clear();
        Path miss = dir.resolve("miss");
        Path hit = dir.resolve("hit");
        for (Path out : List.of(miss, hit)) {
            assertEquals(0, quietly("blocks", "--db", url, "--out", out.resolve("blocks.geojson").toString()));
            assertEquals(0, quietly("build", "--db", url, "--random-plans", "0", "--out", out.resolve("build").toString()));
            assertTrue(count() >= 1, "the first command kept the blocks");
        }
        assertEquals(Files.readString(miss.resolve("blocks.geojson")), Files.readString(hit.resolve("blocks.geojson")));
        for (String f : List.of("parish_to_area.csv", "lsoa_to_area.csv", "pcn_alignment.csv")) {
            assertEquals(Files.readString(miss.resolve("build").resolve(f)), Files.readString(hit.resolve("build").resolve(f)), f);
        }
    }

    @Test
    void damagedBytesOrAnotherFormatAreMadeAgain() throws Exception {
        BlockAnalysis made = computed(SliverRule.DEFAULTS);
        byte[] good = BlockAnalysisCodec.encode(made);
        assertThrows(IllegalArgumentException.class, () -> BlockAnalysisCodec.decode(Arrays.copyOf(good, good.length / 2)));
        byte[] otherFormat = good.clone();
        otherFormat[7]++;
        assertThrows(IllegalArgumentException.class, () -> BlockAnalysisCodec.decode(otherFormat));
        assertThrows(IllegalArgumentException.class, () -> BlockAnalysisCodec.decode(Arrays.copyOf(good, good.length + 1)));

        for (String damage : List.of("UPDATE block_snapshot SET data = X'5344414200000001000000ff'",
                "UPDATE block_snapshot SET format = " + (BlockAnalysisCodec.FORMAT + 1))) {
            clear();
            RegionAnalysis.load(store, Region.RULE, SliverRule.DEFAULTS);
            sql(damage);
            SameAnalysis.assertSame(made, RegionAnalysis.load(store, Region.RULE, SliverRule.DEFAULTS).blocks());
            SameAnalysis.assertSame(made, RegionAnalysis.load(store, Region.RULE, SliverRule.DEFAULTS).blocks());
        }
    }

    @Test
    void everyInputIsInTheKeyAndAHitIsReallyRead() {
        GeographyReader.Stored s = new GeographyReader(store).readAll();
        String code = CodeIdentity.current();
        assertTrue(code != null && s.geographyDigest() != null);
        BlockSnapshotKey base = new BlockSnapshotKey(s.geographyDigest(), code, Region.RULE, SliverRule.DEFAULTS,
                OverlayOptions.DEFAULTS, AdjacencyOptions.DEFAULTS, bridges(s));
        Set<String> keys = new HashSet<>(List.of(base.digest(),
                new BlockSnapshotKey("0" + s.geographyDigest().substring(1), code, Region.RULE, SliverRule.DEFAULTS,
                        OverlayOptions.DEFAULTS, AdjacencyOptions.DEFAULTS, bridges(s)).digest(),
                new BlockSnapshotKey(s.geographyDigest(), code + "x", Region.RULE, SliverRule.DEFAULTS,
                        OverlayOptions.DEFAULTS, AdjacencyOptions.DEFAULTS, bridges(s)).digest(),
                new BlockSnapshotKey(s.geographyDigest(), code, DominanceRule.MAJORITY, SliverRule.DEFAULTS,
                        OverlayOptions.DEFAULTS, AdjacencyOptions.DEFAULTS, bridges(s)).digest(),
                new BlockSnapshotKey(s.geographyDigest(), code, DominanceRule.minShare(0.05), SliverRule.DEFAULTS,
                        OverlayOptions.DEFAULTS, AdjacencyOptions.DEFAULTS, bridges(s)).digest(),
                new BlockSnapshotKey(s.geographyDigest(), code, Region.RULE, SliverRule.OFF,
                        OverlayOptions.DEFAULTS, AdjacencyOptions.DEFAULTS, bridges(s)).digest(),
                new BlockSnapshotKey(s.geographyDigest(), code, Region.RULE, new SliverRule(0.1, Math.nextUp(0.05)),
                        OverlayOptions.DEFAULTS, AdjacencyOptions.DEFAULTS, bridges(s)).digest(),
                new BlockSnapshotKey(s.geographyDigest(), code, Region.RULE, SliverRule.DEFAULTS,
                        OverlayOptions.DEFAULTS.withSliverAreaM2(99), AdjacencyOptions.DEFAULTS, bridges(s)).digest(),
                new BlockSnapshotKey(s.geographyDigest(), code, Region.RULE, SliverRule.DEFAULTS,
                        OverlayOptions.DEFAULTS, AdjacencyOptions.DEFAULTS.withSnapTolerance(3), bridges(s)).digest(),
                new BlockSnapshotKey(s.geographyDigest(), code, Region.RULE, SliverRule.DEFAULTS,
                        OverlayOptions.DEFAULTS, AdjacencyOptions.DEFAULTS, List.of(new Bridge("E04000001", "E04000002"))).digest()));
        assertEquals(10, keys.size(), "each input changes the key");
        assertEquals(base.digest(), new BlockSnapshotKey(s.geographyDigest(), code, DominanceRule.parse("plurality"),
                new SliverRule(0.10, 0.05), OverlayOptions.DEFAULTS, AdjacencyOptions.DEFAULTS, bridges(s)).digest(),
                "equal inputs, equal key");

        // the kept-slivers blocks stored under the default blocks' key are what a load then reads
        BlockAnalysis off = computed(SliverRule.OFF);
        BlockAnalysis defaults = computed(SliverRule.DEFAULTS);
        assertNotEquals(off.blocks().size(), defaults.blocks().size());
        poison(base.digest(), s.geographyDigest(), off);
        assertEquals(off.blocks().size(), RegionAnalysis.load(store, Region.RULE, SliverRule.DEFAULTS).blocks().blocks().size(),
                "a hit is read, not made");
        // another rule or sliver rule is another key: a miss, made afresh
        SameAnalysis.assertSame(computed(new SliverRule(0.1, Math.nextUp(0.05))),
                RegionAnalysis.load(store, Region.RULE, new SliverRule(0.1, Math.nextUp(0.05))).blocks());
        BlockAnalysis majority = RegionAnalysis.load(store, DominanceRule.MAJORITY, SliverRule.DEFAULTS).blocks();
        assertNotEquals(off.blocks().size(), majority.blocks().size(), "not the blocks kept under the plurality key");
    }

    @Test
    void aNewImportOrReleaseDropsTheSnapshots() {
        GeographyReader.Stored s = new GeographyReader(store).readAll();
        String key = new BlockSnapshotKey(s.geographyDigest(), CodeIdentity.current(), Region.RULE, SliverRule.DEFAULTS,
                OverlayOptions.DEFAULTS, AdjacencyOptions.DEFAULTS, bridges(s)).digest();
        BlockAnalysis off = computed(SliverRule.OFF);
        int blocks = computed(SliverRule.DEFAULTS).blocks().size();

        poison(key, s.geographyDigest(), off);
        new ReleaseRepository(store).makeCurrent(ReleaseRepository.INITIAL);
        assertEquals(0, count(), "making a release current drops them");
        assertEquals(blocks, RegionAnalysis.load(store, Region.RULE, SliverRule.DEFAULTS).blocks().blocks().size());

        poison(key, s.geographyDigest(), off);
        new ImportWriter(store, Progress.SILENT).write(TestData.cambridgeshire());
        assertEquals(0, count(), "an import drops them");
        assertEquals(blocks, RegionAnalysis.load(store, Region.RULE, SliverRule.DEFAULTS).blocks().blocks().size());
    }

    private static void poison(String key, String digest, BlockAnalysis analysis) {
        clear();
        assertTrue(new BlockSnapshots(store).save(key, digest, analysis));
        assertEquals(1, count());
    }

    private static void clear() {
        sql("DELETE FROM block_snapshot");
    }

    private static int count() {
        try (Connection c = store.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM block_snapshot")) {
            rs.next();
            return rs.getInt(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sql(String statement) {
        try (Connection c = store.connect(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int quietly(String... args) {
        PrintStream old = System.out;
        System.setOut(new PrintStream(PrintStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return SdaMain.run(args);
        } finally {
            System.setOut(old);
        }
    }
}
