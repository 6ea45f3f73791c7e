package org.sdaplanner.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdaplanner.core.blocks.SliverRule;
import org.sdaplanner.core.cluster.AreaCounts;
import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.cluster.ClusterOptions;
import org.sdaplanner.core.cluster.Clusterer;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.importer.Progress;
import org.sdaplanner.store.ImportWriter;
import org.sdaplanner.store.ReleaseRepository;
import org.sdaplanner.store.SearchSnapshots;
import org.sdaplanner.store.SpatialStore;
import org.sdaplanner.web.Region;
import org.sdaplanner.web.TestData;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A kept search is a shortcut, never a second truth: on the real C&P import the plan read from the
 * store is the searched one in every reported figure, a change of any option is another key, damaged
 * bytes are searched again, and a new import or release drops what was kept.
 */
class KeptSearchTest {
    @TempDir
    static Path dir;
    private static SpatialStore store;

    @BeforeAll
    static void importTheRealRegion() {
        store = TestData.importedStore("jdbc:h2:file:" + dir.resolve("cp").resolve("sda"));
    }

    private static RegionAnalysis region() {
        return RegionAnalysis.load(store, Region.RULE, SliverRule.DEFAULTS);
    }

    /** The default counts, with a short search: the figures matter here, not the plan's quality. */
    private static ClusterOptions quick(RegionAnalysis r) {
        return ClusterOptions.of(r.defaultCounts(), 1).withEffort(0.05);
    }

    private static KeptSearch.Outcome build(RegionAnalysis r, ClusterOptions o, boolean again) {
        return KeptSearch.build(store, r, PlanningProblem.of(r.blocks(), r.dominance()), o, 20, again);
    }

    @Test
    void theKeptPlanIsTheSearchedOneInEveryFigure() {
        sql("DELETE FROM search_snapshot");
        RegionAnalysis r = region();
        assertNotNull(r.blocksKey(), "the real store keys its blocks");
        ClusterOptions o = quick(r);
        KeptSearch.Outcome searched = build(r, o, false);
        assertEquals(KeptSearch.Source.SEARCHED, searched.source());
        assertEquals(1, count(), "the search was kept");
        KeptSearch.Outcome kept = build(region(), o, false);
        assertEquals(KeptSearch.Source.KEPT, kept.source());
        same(searched.plan(), kept.plan());
        KeptSearch.Outcome again = build(r, o, true);
        assertEquals(KeptSearch.Source.SEARCHED, again.source(), "--search-again searches");
        same(searched.plan(), again.plan());
        assertEquals(1, count(), "and keeps its result in place of the old one");
    }

    @Test
    void everyOptionIsPartOfTheKey() {
        RegionAnalysis r = region();
        ClusterOptions o = quick(r);
        List<ClusterOptions> variants = List.of(o, o.withSeed(2), o.withDistrictNesting(false), o.withBounds(1, 0),
                o.withBounds(0, 1e6), o.withMaxDeviation(0.3), o.withMaxDeviation(null), o.withWeights(0.5, o.compactnessWeight()),
                o.withWeights(o.balanceWeight(), Math.nextUp(o.compactnessWeight())), o.withEffort(0.06),
                o.withCounts(AreaCounts.inAll(28)), o.withCounts(AreaCounts.ofParishes(27, null)),
                o.withCounts(AreaCounts.ofParishes(28, 3)), o.withCounts(AreaCounts.inAll(Map.of("E07000008", 28))));
        Set<String> keys = new HashSet<>();
        for (ClusterOptions v : variants) {
            keys.add(KeptSearch.key(r, v));
        }
        assertEquals(AreaCounts.ofParishes(28, null), o.counts(), "C&P's default counts (so not among the variants)");
        assertEquals(variants.size(), keys.size(), "each option gives a key of its own");
        assertEquals(KeptSearch.key(r, o), KeptSearch.key(region(), quick(region())), "equal inputs, equal key");
        RegionAnalysis majority = RegionAnalysis.load(store, org.sdaplanner.core.dominance.DominanceRule.MAJORITY, SliverRule.DEFAULTS);
        assertTrue(!KeptSearch.key(r, o).equals(KeptSearch.key(majority, o)), "other blocks, another key");
        String solver = SearchKey.solverVersion();
        assertNotNull(solver, "OR-tools' version can be read");
        assertTrue(!new SearchKey(r.blocksKey(), solver, o).digest().equals(new SearchKey(r.blocksKey(), solver + "x", o).digest()),
                "another solver, another key");
    }

    @Test
    void aKeptResultThatIsNotThisSearchsIsReadAndDamagedBytesAreSearchedAgain() {
        RegionAnalysis r = region();
        ClusterOptions o = quick(r);
        String key = KeptSearch.key(r, o);
        // another seed's result kept under this key is what a hit reads: proof that it reads, not searches
        BuiltPlan other = build(r, o.withSeed(7), true).plan();
        sql("DELETE FROM search_snapshot");
        assertTrue(new SearchSnapshots(store).save(key, r.geographyDigest(), other.clustering()));
        KeptSearch.Outcome hit = build(r, o, false);
        assertEquals(KeptSearch.Source.KEPT, hit.source());
        assertArrayEquals(other.clustering().assignment(), hit.plan().clustering().assignment());

        // bytes that are not a clustering of this format: searched again and replaced
        sql("UPDATE search_snapshot SET data = X'00010203'");
        KeptSearch.Outcome searched = build(r, o, false);
        assertEquals(KeptSearch.Source.SEARCHED, searched.source());
        assertEquals(KeptSearch.Source.KEPT, build(r, o, false).source(), "the damaged result was replaced");
        // a result of another problem's blocks: searched again
        sql("DELETE FROM search_snapshot");
        assertTrue(new SearchSnapshots(store).save(key, r.geographyDigest(),
                new Clusterer.Result(new int[] {0}, 1, new int[] {-1}, List.of(), 0, 1)));
        assertEquals(KeptSearch.Source.SEARCHED, build(r, o, false).source());
    }

    @Test
    void aNewImportOrReleaseDropsTheKeptSearches() {
        RegionAnalysis r = region();
        build(r, quick(r), false);
        assertEquals(1, count());
        new ReleaseRepository(store).makeCurrent(ReleaseRepository.INITIAL);
        assertEquals(0, count(), "making a release current drops them");
        build(r, quick(r), false);
        assertEquals(1, count());
        new ImportWriter(store, Progress.SILENT).write(TestData.cambridgeshire());
        assertEquals(0, count(), "an import drops them");
    }

    @Test
    void theServersNewPlansReadTheKeptSearchToo() {
        sql("DELETE FROM search_snapshot");
        // effort 0.05: a short search, as in quick()
        org.sdaplanner.web.plans.PlanSpec spec = new org.sdaplanner.web.plans.PlanSpec(null, null, null, 1, true, null, 0, 0,
                ClusterOptions.BALANCE_WEIGHT, 0.05);
        try (org.sdaplanner.web.PlannerService service = org.sdaplanner.web.PlannerService.open(store)) {
            long first = service.plans().create("searched", spec, "test").id();
            assertEquals(1, count(), "the server's search was kept");
            String written = text("SELECT written_at FROM search_snapshot");
            long second = service.plans().create("from the kept search", spec, "test").id();
            assertEquals(written, text("SELECT written_at FROM search_snapshot"), "read, not searched and kept again");
            BuiltPlan a = service.downloads().snapshot(first).plan();
            BuiltPlan b = service.downloads().snapshot(second).plan();
            assertArrayEquals(a.state().assignment(), b.state().assignment());
            assertEquals(a.summary(), b.summary());
            // and it is the search sda build makes with the same options
            RegionAnalysis r = region();
            assertEquals(KeptSearch.Source.KEPT, build(r, service.plans().options(spec), false).source());
            service.plans().delete(first);
            service.plans().delete(second);
        }
    }

    private static String text(String query) {
        try (Connection c = store.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            assertTrue(rs.next(), query);
            return rs.getString(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void same(BuiltPlan x, BuiltPlan y) {
        assertArrayEquals(x.state().assignment(), y.state().assignment());
        assertEquals(x.summary(), y.summary());
        assertEquals(x.areas(), y.areas());
        assertEquals(x.pcns(), y.pcns());
        assertEquals(x.areaNames(), y.areaNames());
        assertEquals(x.clustering().warnings(), y.clustering().warnings());
        assertEquals(x.clustering().moves(), y.clustering().moves());
        assertEquals(Double.doubleToRawLongBits(x.certificate().upperBound()), Double.doubleToRawLongBits(y.certificate().upperBound()));
        assertEquals(x.certificate().optimal(), y.certificate().optimal());
        assertArrayEquals(x.baselines().random(), y.baselines().random());
        assertTrue(x.clustering().groups().size() > 1, "C&P is searched in groups: the test sees them");
        for (int i = 0; i < x.clustering().groups().size(); i++) {
            Clusterer.GroupResult g = x.clustering().groups().get(i);
            Clusterer.GroupResult h = y.clustering().groups().get(i);
            assertEquals(g.label(), h.label());
            assertArrayEquals(g.areas(), h.areas());
            assertEquals(g.limits(), h.limits());
            assertEquals(Double.doubleToRawLongBits(g.upperBound()), Double.doubleToRawLongBits(h.upperBound()));
        }
    }

    private static void sql(String statement) {
        try (Connection c = store.connect(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count() {
        try (Connection c = store.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM search_snapshot")) {
            rs.next();
            return rs.getInt(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
