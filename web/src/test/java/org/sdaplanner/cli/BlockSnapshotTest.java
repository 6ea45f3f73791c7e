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
import org.locationtech.jts.geom.Geometry;
import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.core.topology.Topology;
import org.sdaplanner.core.topology.TopologyCodec;
import org.sdaplanner.export.Outlines;
import org.sdaplanner.export.PlanOutlines;
import org.sdaplanner.importer.Progress;
import org.sdaplanner.store.BlockSnapshots;
import org.sdaplanner.store.GeographyReader;
import org.sdaplanner.store.ImportWriter;
import org.sdaplanner.store.ReleaseRepository;
import org.sdaplanner.store.SpatialStore;
import org.sdaplanner.web.Region;
import org.sdaplanner.web.TestData;

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
            // before any outline is asked for: the bytes hold the piece outlines made so far, no more
            assertArrayEquals(bytes, BlockAnalysisCodec.encode(decoded), "encoding the decoded analysis gives the same bytes");
            SameAnalysis.assertSame(made, decoded); // makes the piece outlines left out: the same as the overlay's

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
    void bothOutlineTopologiesRoundTripExactlyOnTheRealBlocks() {
        BlockAnalysis made = computed(SliverRule.DEFAULTS);
        for (Topology t : List.of(made.outlines().bng(), Outlines.lonLat(made.outlines()))) {
            byte[] bytes = TopologyCodec.encode(t);
            Topology d = TopologyCodec.decode(bytes);
            // the encoding holds every part (codes, faces as WKB, owners, neighbours, shared lengths as bits)
            assertArrayEquals(bytes, TopologyCodec.encode(d), "encoding the decoded topology gives the same bytes");
            assertEquals(t.codes(), d.codes());
            assertEquals(t.report(), d.report());
            assertEquals(t.options(), d.options());
            assertTrue(t.codes().size() > 400, "the real blocks: " + t.codes().size());
            for (String code : t.codes()) {
                exact(t.outline(code), d.outline(code), code);
                List<Topology.Part> parts = t.parts(code);
                assertEquals(parts, d.parts(code), code);
                for (int i = 0; i < parts.size(); i++) {
                    assertEquals(Double.doubleToRawLongBits(parts.get(i).area()), Double.doubleToRawLongBits(d.parts(code).get(i).area()), code);
                    assertEquals(t.neighbours(parts.get(i)), d.neighbours(d.parts(code).get(i)), code); // Double.equals: by bits
                }
            }
            var byDistrict = made.blocks().blocks().stream().collect(java.util.stream.Collectors.toMap(
                    b -> b.code(), b -> String.valueOf(b.districtCode())));
            var a = t.dissolve(byDistrict::get);
            var b = d.dissolve(byDistrict::get);
            assertEquals(a.keySet(), b.keySet());
            a.forEach((k, g) -> exact(g, b.get(k), k));
            assertThrows(IllegalArgumentException.class, () -> TopologyCodec.decode(Arrays.copyOf(bytes, bytes.length - 9)));
            assertThrows(IllegalArgumentException.class, () -> TopologyCodec.decode(Arrays.copyOf(bytes, bytes.length + 1)));
        }
    }

    @Test
    void aHitDrawsThePlanOutlinesFromTheKeptTopologies() {
        BlockAnalysis made = computed(SliverRule.DEFAULTS);
        clear();
        RegionAnalysis.load(store, Region.RULE, SliverRule.DEFAULTS);
        RegionAnalysis hit = RegionAnalysis.load(store, Region.RULE, SliverRule.DEFAULTS);
        assertEquals(1, count());
        var fresh = plan(PlanningProblem.of(made, hit.dominance()));
        var fromHit = plan(PlanningProblem.of(hit.blocks(), hit.dominance()));
        for (double simplify : new double[] {0, 25}) {
            for (boolean bng : new boolean[] {true, false}) {
                PlanOutlines x = bng ? PlanOutlines.bng(fresh, simplify) : PlanOutlines.lonLat(fresh, simplify);
                PlanOutlines y = bng ? PlanOutlines.bng(fromHit, simplify) : PlanOutlines.lonLat(fromHit, simplify);
                for (int i = 0; i < x.blocks().size(); i++) {
                    exact(x.blocks().get(i), y.blocks().get(i), "block " + i);
                }
                for (int i = 0; i < x.areas().size(); i++) {
                    exact(x.areas().get(i), y.areas().get(i), "area " + i);
                }
            }
        }

        // the hit's topologies are the kept ones, not made again: keep another set's under the key
        GeographyReader.Stored s = new GeographyReader(store).readAll();
        String key = new BlockSnapshotKey(s.geographyDigest(), CodeIdentity.current(), Region.RULE, SliverRule.DEFAULTS,
                OverlayOptions.DEFAULTS, AdjacencyOptions.DEFAULTS, bridges(s)).digest();
        BlockAnalysis off = computed(SliverRule.OFF);
        Outlines.lonLat(off.outlines());
        poison(key, s.geographyDigest(), new BlockAnalysis(made.blocks(), made.adjacency(), off.outlines()));
        BlockAnalysis read = RegionAnalysis.load(store, Region.RULE, SliverRule.DEFAULTS).blocks();
        assertEquals(made.blocks().size(), read.blocks().size());
        assertEquals(off.outlines().bng().codes(), read.outlines().bng().codes(), "the kept BNG topology is read");
        assertEquals(Outlines.lonLat(off.outlines()).codes(), Outlines.lonLat(read.outlines()).codes(), "the kept lon/lat one too");
        assertNotEquals(made.outlines().bng().codes(), read.outlines().bng().codes());
    }

    /** The blocks in one area per district: enough areas to dissolve, without clustering. */
    private static BuiltPlan plan(PlanningProblem p) {
        int[] assignment = new int[p.blockCount()];
        for (int i = 0; i < assignment.length; i++) {
            assignment[i] = p.district(i);
        }
        int n = p.districtCodes().size();
        List<String> ids = java.util.stream.IntStream.range(0, n).mapToObj(k -> "A" + k).toList();
        return new BuiltPlan(new PlanState(p, assignment, n, new boolean[assignment.length]), ids, ids, null, null, null, null,
                null, null);
    }

    /** Exactly the same shape: type, SRID, precision model, coordinates and their dimension. */
    private static void exact(Geometry x, Geometry y, String at) {
        assertEquals(x.getClass(), y.getClass(), at);
        assertTrue(x.equalsExact(y), at);
        assertEquals(x.getSRID(), y.getSRID(), at);
        assertEquals(x.getFactory().getPrecisionModel(), y.getFactory().getPrecisionModel(), at);
        assertEquals(x.getFactory().getSRID(), y.getFactory().getSRID(), at);
        if (!x.isEmpty()) {
            assertEquals(dimension(x), dimension(y), at);
        }
    }

    private static int dimension(Geometry g) {
        Geometry p = g.getGeometryN(0);
        return ((org.locationtech.jts.geom.Polygon) p).getExteriorRing().getCoordinateSequence().getDimension();
    }

    @Test
    void theCommandsWriteTheSameBytesFromTheSnapshot() throws Exception {
        clear();
        Path miss = dir.resolve("miss");
        Path hit = dir.resolve("hit");
        for (Path out : List.of(miss, hit)) {
            assertEquals(0, QuietRun.sda("blocks", "--db", url, "--out", out.resolve("blocks.geojson").toString()));
            assertEquals(0, QuietRun.sda("build", "--db", url, "--random-plans", "0", "--out", out.resolve("build").toString()));
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

}
