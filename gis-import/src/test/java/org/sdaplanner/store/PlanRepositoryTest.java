package org.sdaplanner.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.sdaplanner.core.blocks.BlockAdjacency;
import org.sdaplanner.core.blocks.BlockKind;
import org.sdaplanner.core.blocks.BuildingBlock;
import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.cluster.ClusterOptions;
import org.sdaplanner.core.cluster.PlanBuilder;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.store.StoredPlans.Area;
import org.sdaplanner.store.StoredPlans.Edit;
import org.sdaplanner.store.StoredPlans.EditRecord;
import org.sdaplanner.store.StoredPlans.NewPlan;
import org.sdaplanner.store.StoredPlans.PlanInfo;
import org.sdaplanner.store.StoredPlans.Replay;
import org.sdaplanner.store.StoredPlans.StoredPlan;
import org.sdaplanner.store.StoredPlans.VersionInfo;
import org.sdaplanner.testsupport.TestEnvironment;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plan persistence on both stores, with the same tests: create, read, rename, copy, delete, edits
 * under optimistic concurrency, undo/redo from the persisted history, versions and the audit.
 * Plans name blocks by code only, so no import is needed.
 */
class PlanRepositoryTest {

    /** Four blocks in two areas: A, B in SDA01; C, D in SDA02; D locked. */
    static NewPlan samplePlan(String name) {
        return new NewPlan(name, "{\"areas\":2,\"seed\":1}", true,
                List.of(new Area("SDA01", "Ely"), new Area("SDA02", "March")),
                Map.of("A", "SDA01", "B", "SDA01", "C", "SDA02", "D", "SDA02"), Set.of("D"));
    }

    /** A 2 × 2 grid of 1 km parishes clustered into two areas by the real clusterer. */
    static BuiltPlan tinyBuiltPlan() {
        GeometryFactory gf = new GeometryFactory();
        List<BuildingBlock> blocks = new ArrayList<>();
        String[] pcns = {"P1", "P1", "P2", "P2"};
        for (int i = 0; i < 4; i++) {
            double x = 545000 + 1000 * (i % 2);
            double y = 257000 + 1000 * (i / 2);
            Polygon square = gf.createPolygon(new Coordinate[]{new Coordinate(x, y), new Coordinate(x + 1000, y),
                new Coordinate(x + 1000, y + 1000), new Coordinate(x, y + 1000), new Coordinate(x, y)});
            blocks.add(new BuildingBlock("B" + i, "Parish " + i, BlockKind.PARISH, "E07000008", square, 1000, 1000,
                    new TreeMap<>(Map.of(pcns[i], 1000.0)), List.of()));
        }
        PlanningProblem problem = PlanningProblem.of(blocks, BlockAdjacency.of(blocks));
        return PlanBuilder.build(problem, ClusterOptions.of(2, 1).withDistrictNesting(false), 0);
    }

    /** Undo and redo as the history replays: each undo takes back the latest edit not undone, a new edit clears redo. */
    @Test
    void theHistoryReplaysAsTwoStacksAndSaysWhatEachUndoTookBack() {
        EditRecord a = new EditRecord(2, "t", "ana", StoredPlans.MOVE, List.of("A"), List.of("S1"), "S2", false);
        EditRecord b = new EditRecord(3, "t", "ben", StoredPlans.LOCK, List.of("B"), List.of(StoredPlans.UNLOCKED), null, false);
        EditRecord undo1 = new EditRecord(4, "t", "cy", StoredPlans.UNDO, List.of("B"), List.of(StoredPlans.UNLOCKED), null, false);
        EditRecord undo2 = new EditRecord(5, "t", "cy", StoredPlans.UNDO, List.of("A"), List.of("S1"), "S2", false);
        EditRecord redo = new EditRecord(6, "t", "ana", StoredPlans.REDO, List.of("A"), List.of("S1"), "S2", false);
        EditRecord rename = new EditRecord(7, "t", "ana", StoredPlans.RENAME_AREA, List.of("S1"), List.of("Ely"), "Ely city", false);
        StoredPlans.History h = StoredPlans.History.of(List.of(a, b, undo1, undo2, redo, rename));
        assertEquals(b, h.targets().get(4L));
        assertEquals(a, h.targets().get(5L));
        assertEquals(a, h.targets().get(6L));
        assertEquals(List.of(a), List.copyOf(h.done()), "a is done again; renaming an area is no edit of the assignment");
        assertEquals(List.of(b), List.copyOf(h.undone()), "b can be redone");
        EditRecord c = new EditRecord(8, "t", "ben", StoredPlans.MOVE, List.of("C"), List.of("S2"), "S1", false);
        assertTrue(StoredPlans.History.of(List.of(a, b, undo1, c)).undone().isEmpty(), "a new edit clears redo");
    }

    abstract static class Contract {
        SpatialStore store;
        PlanRepository repo;

        abstract SpatialStore openStore() throws Exception;

        @BeforeEach
        void open() throws Exception {
            store = openStore();
            repo = new PlanRepository(store);
        }

        @Test
        void createListLoadAndTheCreateEntry() {
            PlanInfo p = repo.create(samplePlan("First"), "ana");
            PlanInfo q = repo.create(samplePlan("Second"), "ben");
            assertNotEquals(p.id(), q.id());
            assertEquals(0, p.revision());
            assertEquals(List.of("First", "Second"), repo.list().stream().map(PlanInfo::name).toList());
            StoredPlan s = repo.load(p.id());
            assertEquals(List.of(new Area("SDA01", "Ely"), new Area("SDA02", "March")), s.areas());
            assertEquals(Map.of("A", "SDA01", "B", "SDA01", "C", "SDA02", "D", "SDA02"), s.assignment());
            assertEquals(Set.of("D"), s.locked());
            assertTrue(s.info().districtNesting());
            assertEquals("{\"areas\":2,\"seed\":1}", s.info().optionsJson());
            List<EditRecord> audit = repo.audit(p.id());
            assertEquals(1, audit.size());
            assertEquals(StoredPlans.CREATE, audit.get(0).kind());
            assertEquals("ana", audit.get(0).user());
        }

        @Test
        void aBuiltPlanIsStoredAsBuilt() {
            BuiltPlan built = tinyBuiltPlan();
            built.state().setLocked(0, true);
            PlanInfo p = repo.create("Built", built, "{\"seed\":1}", false, "ana");
            StoredPlan s = repo.load(p.id());
            assertEquals(built.areaIds(), s.areas().stream().map(Area::id).toList());
            assertEquals(built.areaNames(), s.areas().stream().map(Area::name).toList());
            PlanningProblem problem = built.state().problem();
            assertEquals(problem.blockCount(), s.assignment().size());
            for (int b = 0; b < problem.blockCount(); b++) {
                assertEquals(built.areaIds().get(built.state().areaOf(b)), s.assignment().get(problem.block(b).code()));
            }
            assertEquals(Set.of("B0"), s.locked());
            assertFalse(s.info().districtNesting());
            assertEquals("{\"seed\":1}", s.info().optionsJson());
        }

        @Test
        void aPlanCannotNameAnAreaItDoesNotHave() {
            NewPlan bad = new NewPlan("Bad", "{}", true, List.of(new Area("SDA01", "Ely")), Map.of("A", "SDA09"), Set.of());
            assertThrows(IllegalArgumentException.class, () -> repo.create(bad, "ana"));
            assertTrue(repo.list().isEmpty());
        }

        @Test
        void renameCopyAndDelete() {
            PlanInfo p = repo.create(samplePlan("First"), "ana");
            assertEquals("Renamed", repo.rename(p.id(), "  Renamed ").name());
            assertEquals(0, repo.find(p.id()).orElseThrow().revision(), "a rename is not an edit of the assignment");
            repo.apply(p.id(), 0, "ana", Edit.move(List.of("B"), List.of("SDA01"), "SDA02"));
            repo.saveVersion(p.id(), "v1", "ana");
            PlanInfo copy = repo.copy(p.id(), "Copy", "ben");
            assertEquals(0, copy.revision());
            assertEquals(repo.load(p.id()).assignment(), repo.load(copy.id()).assignment());
            assertEquals(repo.load(p.id()).locked(), repo.load(copy.id()).locked());
            assertTrue(repo.versions(copy.id()).isEmpty(), "versions stay with the original");
            assertEquals(StoredPlans.COPY, repo.audit(copy.id()).get(0).kind());
            // the copy is independent
            repo.apply(copy.id(), 0, "ben", Edit.move(List.of("A"), List.of("SDA01"), "SDA02"));
            assertEquals("SDA01", repo.load(p.id()).assignment().get("A"));

            repo.delete(p.id());
            assertTrue(repo.find(p.id()).isEmpty());
            assertThrows(PlanNotFoundException.class, () -> repo.load(p.id()));
            assertThrows(PlanNotFoundException.class, () -> repo.delete(p.id()));
            assertThrows(PlanNotFoundException.class, () -> repo.audit(p.id()));
            assertThrows(PlanNotFoundException.class, () -> repo.rename(p.id(), "x"));
            assertEquals(List.of(copy.id()), repo.list().stream().map(PlanInfo::id).toList());
            assertEquals(0, count("plan_block WHERE plan_id = " + p.id()) + count("plan_edit WHERE plan_id = " + p.id())
                    + count("plan_version WHERE plan_id = " + p.id()) + count("plan_area WHERE plan_id = " + p.id()));
        }

        @Test
        void namesAndLabelsFollowTheTextRuleAndFitTheColumns() {
            PlanInfo p = repo.create(samplePlan("First"), "ana");
            String longest = "Ely, Soham and the villages of the Isle: " + "é".repeat(159);   // 200 characters
            assertEquals(200, longest.length());
            // an area name of more than 40 characters used to fail in the edit history's column (a 500 from the API)
            long revision = repo.renameArea(p.id(), 0, "SDA01", longest, "ana");
            assertEquals(longest, repo.load(p.id()).areas().get(0).name());
            assertEquals(longest, repo.rename(p.id(), longest).name());
            assertEquals(longest, repo.saveVersion(p.id(), longest, "ana").label());
            assertEquals("🙂".repeat(200), repo.copy(p.id(), "🙂".repeat(200), "ana").name(), "200 characters, 400 UTF-16 units");
            IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                    () -> repo.renameArea(p.id(), revision, "SDA01", longest + "x", "ana"));
            assertEquals("name: expected at most 200 characters, found 201", tooLong.getMessage());
            for (String bad : new String[]{"Bell\u0007", "Nul\u0000", "Esc\u001b[2J", "two\nlines"}) {
                assertTrue(assertThrows(IllegalArgumentException.class, () -> repo.rename(p.id(), bad)).getMessage()
                        .startsWith("name: has a control character"), bad);
                assertThrows(IllegalArgumentException.class, () -> repo.saveVersion(p.id(), bad, "ana"));
            }
            assertEquals(revision, repo.find(p.id()).orElseThrow().revision(), "nothing refused was written");
        }

        @Test
        void anEditNeedsTheCurrentRevision() {
            PlanInfo p = repo.create(samplePlan("First"), "ana");
            assertEquals(1, repo.apply(p.id(), 0, "ana", Edit.move(List.of("B"), List.of("SDA01"), "SDA02")));
            PlanConflictException stale = assertThrows(PlanConflictException.class,
                    () -> repo.apply(p.id(), 0, "ben", Edit.move(List.of("A"), List.of("SDA01"), "SDA02")));
            assertEquals(1, stale.storedRevision());
            StoredPlan s = repo.load(p.id());
            assertEquals(1, s.info().revision());
            assertEquals("SDA01", s.assignment().get("A"), "the stale edit wrote nothing");
            assertEquals("SDA02", s.assignment().get("B"));
            assertEquals(2, repo.audit(p.id()).size());
            assertThrows(PlanNotFoundException.class,
                    () -> repo.apply(999_999, 0, "ana", Edit.move(List.of("A"), List.of("SDA01"), "SDA02")));
        }

        @Test
        void aBadEditIsRolledBack() {
            PlanInfo p = repo.create(samplePlan("First"), "ana");
            assertThrows(IllegalArgumentException.class,
                    () -> repo.apply(p.id(), 0, "ana", Edit.move(List.of("A", "ZZZ"), List.of("SDA01", "SDA01"), "SDA02")));
            assertThrows(IllegalArgumentException.class,
                    () -> repo.apply(p.id(), 0, "ana", Edit.move(List.of("A"), List.of("SDA01"), "SDA77")));
            StoredPlan s = repo.load(p.id());
            assertEquals(0, s.info().revision());
            assertEquals("SDA01", s.assignment().get("A"));
            assertEquals(1, repo.audit(p.id()).size());
        }

        @Test
        void undoAndRedoFollowThePersistedHistory() {
            long id = repo.create(samplePlan("First"), "ana").id();
            long r = repo.apply(id, 0, "ana", Edit.move(List.of("B"), List.of("SDA01"), "SDA02"));
            r = repo.apply(id, r, "ana", Edit.lock(List.of("A", "D"), List.of(false, true), true));
            r = repo.apply(id, r, "ben", Edit.move(List.of("C", "D"), List.of("SDA02", "SDA02"), "SDA01"));
            assertEquals(Map.of("A", "SDA01", "B", "SDA02", "C", "SDA01", "D", "SDA01"), repo.load(id).assignment());
            assertEquals(Set.of("A", "D"), repo.load(id).locked());

            // a second repository stands for another server process on the same store
            PlanRepository other = new PlanRepository(store);
            Replay u1 = other.undo(id, r, "cy").orElseThrow();
            assertEquals(StoredPlans.MOVE, u1.edit().kind());
            assertEquals(List.of("C", "D"), u1.edit().blocks());
            assertTrue(u1.edit().undone());
            assertEquals(r + 1, u1.revision());
            assertEquals(Map.of("A", "SDA01", "B", "SDA02", "C", "SDA02", "D", "SDA02"), repo.load(id).assignment());
            Replay u2 = repo.undo(id, u1.revision(), "cy").orElseThrow();
            assertEquals(StoredPlans.LOCK, u2.edit().kind());
            assertEquals(Set.of("D"), repo.load(id).locked(), "the lock goes back to what it was: D stays locked");
            Replay r1 = repo.redo(id, u2.revision(), "cy").orElseThrow();
            assertEquals(StoredPlans.LOCK, r1.edit().kind(), "redo replays the edit undone last");
            assertFalse(r1.edit().undone());
            assertEquals(Set.of("A", "D"), repo.load(id).locked());
            Replay r2 = repo.redo(id, r1.revision(), "cy").orElseThrow();
            assertEquals(List.of("C", "D"), r2.edit().blocks());
            assertEquals("SDA01", repo.load(id).assignment().get("C"));
            assertTrue(repo.redo(id, r2.revision(), "cy").isEmpty(), "nothing left to redo");
            assertEquals(r2.revision(), repo.find(id).orElseThrow().revision(), "an empty redo changes nothing");

            // a new edit after an undo clears what could be redone
            Replay u3 = repo.undo(id, r2.revision(), "cy").orElseThrow();
            long r3 = repo.apply(id, u3.revision(), "cy", Edit.move(List.of("A"), List.of("SDA01"), "SDA02"));
            assertTrue(repo.redo(id, r3, "cy").isEmpty());
            Replay u4 = repo.undo(id, r3, "cy").orElseThrow();
            assertEquals(List.of("A"), u4.edit().blocks());
            assertTrue(repo.redo(id, u4.revision(), "cy").isPresent(), "the undone new edit can be redone");
            // undo all the way back, then nothing more
            long rev = repo.find(id).orElseThrow().revision();
            int undos = 0;
            for (Optional<Replay> u = repo.undo(id, rev, "cy"); u.isPresent(); u = repo.undo(id, rev, "cy")) {
                rev = u.get().revision();
                undos++;
            }
            assertEquals(3, undos, "A's move, the lock, B's move (C and D's move was undone before A's)");
            assertEquals(samplePlan("x").assignment(), repo.load(id).assignment());
            assertEquals(Set.of("D"), repo.load(id).locked());
            assertThrows(PlanConflictException.class, () -> repo.undo(id, 0, "cy"));

            List<EditRecord> audit = repo.audit(id);
            assertEquals(StoredPlans.CREATE, audit.get(audit.size() - 1).kind());
            for (int i = 1; i < audit.size(); i++) {
                assertTrue(audit.get(i - 1).seq() > audit.get(i).seq(), "newest first");
            }
            assertTrue(audit.stream().anyMatch(e -> e.kind().equals(StoredPlans.UNDO) && e.user().equals("cy")));
            assertTrue(audit.stream().anyMatch(e -> e.kind().equals(StoredPlans.REDO)));
        }

        @Test
        void versionsSnapshotTheAssignment() {
            long id = repo.create(samplePlan("First"), "ana").id();
            VersionInfo v1 = repo.saveVersion(id, "before", "ana");
            repo.apply(id, 0, "ana", Edit.move(List.of("B"), List.of("SDA01"), "SDA02"));
            VersionInfo v2 = repo.saveVersion(id, "  ", "ben");
            assertEquals(1, v1.version());
            assertEquals(2, v2.version());
            assertEquals("Version 2", v2.label());
            assertEquals(List.of(v1, v2), repo.versions(id));
            assertEquals("SDA01", repo.versionAssignment(id, 1).orElseThrow().get("B"));
            assertEquals("SDA02", repo.versionAssignment(id, 2).orElseThrow().get("B"));
            assertTrue(repo.versionAssignment(id, 3).isEmpty());
            assertThrows(PlanNotFoundException.class, () -> repo.saveVersion(999_999, "x", "ana"));
        }

        @Test
        void aVersionIsRelabelledAndRestoredAsAnEditThatUndoAndRedoFollow() {
            long id = repo.create(samplePlan("First"), "ana").id();
            repo.saveVersion(id, "before", "ana");
            long r = repo.apply(id, 0, "ana", Edit.move(List.of("B"), List.of("SDA01"), "SDA02"));
            assertEquals("After the workshop", repo.relabelVersion(id, 1, " After the workshop ").label());
            assertEquals("ana", repo.version(id, 1).orElseThrow().createdBy(), "the label changes, not who saved it");
            assertThrows(NotFoundException.class, () -> repo.relabelVersion(id, 9, "x"));
            assertThrows(IllegalArgumentException.class, () -> repo.relabelVersion(id, 1, " "));

            long restored = repo.apply(id, r, "ben", new Edit(StoredPlans.RESTORE, List.of("B"), List.of("SDA02"), "1"));
            assertEquals("SDA01", repo.load(id).assignment().get("B"));
            assertEquals(StoredPlans.RESTORE, repo.nextReplays(id).undo().orElseThrow().kind());
            assertEquals("ben", repo.nextReplays(id).undo().orElseThrow().user());
            assertTrue(repo.nextReplays(id).redo().isEmpty());
            Replay undo = repo.undo(id, restored, "cy").orElseThrow();
            assertEquals(StoredPlans.RESTORE, undo.edit().kind());
            assertEquals("SDA02", repo.load(id).assignment().get("B"), "undo puts the block back");
            assertEquals(StoredPlans.RESTORE, repo.nextReplays(id).redo().orElseThrow().kind());
            repo.redo(id, undo.revision(), "cy").orElseThrow();
            assertEquals("SDA01", repo.load(id).assignment().get("B"), "redo reads the area from the version");
            assertThrows(NotFoundException.class, () -> repo.apply(id, undo.revision() + 1, "ana",
                    new Edit(StoredPlans.RESTORE, List.of("B"), List.of("SDA01"), "7")));
        }

        @Test
        void concurrentEditsOnOneRevisionLetExactlyOneThrough() throws Exception {
            long id = repo.create(samplePlan("First"), "ana").id();
            int n = 6;
            ExecutorService pool = Executors.newFixedThreadPool(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                PlanRepository r = new PlanRepository(store);
                String user = "user" + i;
                Callable<Long> task = () -> {
                    go.await();
                    return r.apply(id, 0, user, Edit.move(List.of("B"), List.of("SDA01"), "SDA02"));
                };
                results.add(pool.submit(task));
            }
            go.countDown();
            int ok = 0;
            int conflicts = 0;
            for (Future<Long> f : results) {
                try {
                    assertEquals(1, f.get());
                    ok++;
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof StoreException se) {
                        throw new AssertionError("unexpected store error", se);
                    }
                    assertInstanceOf(PlanConflictException.class, e.getCause());
                    conflicts++;
                }
            }
            pool.shutdown();
            assertEquals(1, ok);
            assertEquals(n - 1, conflicts);
            assertEquals(2, repo.audit(id).size());
            assertEquals(1, repo.find(id).orElseThrow().revision());
        }

        @Test
        void concurrentCreatesGetDistinctIds() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<PlanInfo>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String name = "P" + i;
                results.add(pool.submit(() -> new PlanRepository(store).create(samplePlan(name), "ana")));
            }
            java.util.Set<Long> ids = new java.util.TreeSet<>();
            for (Future<PlanInfo> f : results) {
                ids.add(f.get().id());
            }
            pool.shutdown();
            assertEquals(8, ids.size());
            assertEquals(8, repo.list().size());
        }

        long count(String from) {
            try (Connection c = store.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + from)) {
                rs.next();
                return rs.getLong(1);
            } catch (java.sql.SQLException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Nested
    class OnH2gis extends Contract {
        @TempDir
        Path dir;

        @Override
        SpatialStore openStore() {
            return SpatialStore.open("jdbc:h2:file:" + dir.resolve("db"));
        }
    }

    /** Each test gets a schema of its own in the PostGIS database, dropped afterwards. */
    @Nested
    class OnPostgis extends Contract {
        SchemaStore schema;

        @Override
        SpatialStore openStore() throws Exception {
            schema = SchemaStore.create("sda_plan_test_");
            return schema.store;
        }

        @AfterEach
        void dropSchema() throws Exception {
            if (schema != null) {
                schema.close();
            }
        }
    }
}
