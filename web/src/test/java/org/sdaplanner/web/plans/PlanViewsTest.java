package org.sdaplanner.web.plans;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.store.PlanRepository;
import org.sdaplanner.store.SpatialStore;
import org.sdaplanner.web.ApiException;
import org.sdaplanner.web.CachedBody;
import org.sdaplanner.web.PlannerService;
import org.sdaplanner.web.Region;
import org.sdaplanner.web.TestData;
import org.sdaplanner.web.api.Alternative;
import org.sdaplanner.web.api.Metrics;
import org.sdaplanner.web.api.MoveOutcome;
import org.sdaplanner.web.api.Why;
import org.sdaplanner.web.http.ApiJson;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The read path of plans ({@link PlanSessions#view}): reads do not wait for a writer holding the plan's
 * monitor, see a commit from the next request on, pick up another process's change, and serve cached
 * answers that are the same bytes as answers computed afresh. Each test works on its own copy of the plan.
 */
class PlanViewsTest {
    @TempDir
    static Path dir;
    private static SpatialStore store;
    private static PlannerService service;
    private static Region region;
    private static long basePlan;

    private PlanSessions sessions;
    private PlanEditing editing;
    private PlanFigures figures;
    private Plans plans;
    private long id;

    @BeforeAll
    static void openStore() {
        store = TestData.importedStore("jdbc:h2:file:" + dir.resolve("db"));
        service = PlannerService.open(store);
        basePlan = service.ensureDefaultPlan("test").orElseThrow().id();
        region = service.region();
    }

    @AfterAll
    static void closeStore() {
        if (service != null) {
            service.close();
        }
    }

    @BeforeEach
    void newProcess() {
        sessions = process();
        editing = new PlanEditing(sessions, user -> null);
        figures = new PlanFigures(sessions);
        plans = new Plans(sessions);
        id = plans.copy(basePlan, "copy for a test", "test").id();
    }

    /** The plan services of another server process on the same store: sessions of their own. */
    private static PlanSessions process() {
        return new PlanSessions(region, new PlanRepository(store));
    }

    @Test
    void aReadWhileAWriterHoldsThePlanReturnsWithoutWaiting() throws Exception {
        long before = sessions.view(id).revision();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> writer = pool.submit(() -> sessions.atStoredRevision(id, s -> {
                held.countDown();
                try {
                    return release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertTrue(held.await(30, TimeUnit.SECONDS), "the writer took the plan's monitor");
            // the current view, and a view that must first be rebuilt (another process moved a block meanwhile)
            assertEquals(before, read(pool, id).revision());
            long moved = moveSomeBlock(new PlanEditing(process(), user -> null), id).revision();
            Metrics m = read(pool, id);
            assertEquals(moved, m.revision(), "the read saw the other process's change while the writer held on");
            assertFalse(writer.isDone(), "the writer was still holding the monitor");
            release.countDown();
            writer.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /** The metrics answer read on another thread; fails when it does not come back while the monitor is held. */
    private Metrics read(ExecutorService pool, long plan) throws Exception {
        CachedBody body = pool.submit(() -> figures.metrics(plan)).get(30, TimeUnit.SECONDS);
        return ApiJson.MAPPER.readValue(body.bytes(), Metrics.class);
    }

    @Test
    void aCommittedEditIsWhatTheNextReadSees() throws Exception {
        PlanView before = sessions.view(id);
        CachedBody metricsBefore = figures.metrics(id);
        MoveOutcome o = moveSomeBlock(editing, id);
        assertEquals(before.revision() + 1, o.revision());
        PlanView after = sessions.session(id).view();
        assertEquals(o.revision(), after.revision(), "the writer published the new revision's view with its commit");
        assertSame(after, sessions.view(id), "the next read takes the view the writer published");
        assertEquals(o.revision(), ApiJson.MAPPER.readValue(figures.metrics(id).bytes(), Metrics.class).revision());
        assertNotEquals(metricsBefore.etag(), figures.metrics(id).etag());
        assertEquals(o.to(), plans.plan(id).blocks().get(o.blocks().get(0)).areaId());
    }

    @Test
    void anotherProcesssChangesArePickedUp() throws Exception {
        PlanView before = sessions.view(id);
        PlanSessions other = process();
        MoveOutcome o = moveSomeBlock(new PlanEditing(other, user -> null), id);
        PlanView after = sessions.view(id);
        assertEquals(o.revision(), after.revision());
        assertNotSame(before, after);
        assertEquals(o.to(), after.areaIds().get(after.state().areaOf(region.problem().indexOf(o.blocks().get(0)))));
        // a rename keeps the revision but changes the answer
        new Plans(other).rename(id, "renamed elsewhere");
        assertEquals("renamed elsewhere", plans.plan(id).name());
        assertEquals(o.revision(), sessions.view(id).revision());
        // and a plan deleted elsewhere is gone here too
        new Plans(other).delete(id);
        ApiException gone = assertThrows(ApiException.class,
                () -> figures.metrics(id));
        assertEquals(404, gone.status());
    }

    @Test
    void cachedAnswersAreTheBytesOfAnswersComputedAfresh() throws Exception {
        moveSomeBlock(editing, id); // the view the writer published, from its edited state
        PlanView v = sessions.view(id);
        CachedBody metrics = v.metricsJson();
        assertSame(metrics, figures.metrics(id), "computed once per revision");
        assertSame(v.planJson(), plans.planJson(id));
        assertSame(v.areasLayer(8), figures.areas(id, 8));

        // afresh: the stored plan loaded by another process, its figures computed as the answers were before views
        PlanSessions other = process();
        PlanView fresh = other.view(id);
        PlanState st = new PlanState(region.problem(), fresh.state().assignment(), fresh.areaIds().size(), null);
        BuiltPlan b = PlanSessions.built(st, fresh.areaIds(), fresh.areaNames(), fresh.info().optionsJson());
        Metrics m = new Metrics(fresh.revision(), PlanAnswers.summary(b, fresh.info().optionsJson()), PlanAnswers.areas(b),
                b.pcns().stream().map(x -> PlanAnswers.pcn(x, region)).toList());
        assertArrayEquals(ApiJson.MAPPER.writeValueAsBytes(m), metrics.bytes());
        assertArrayEquals(ApiJson.MAPPER.writeValueAsBytes(new Plans(other).plan(id)), v.planJson().bytes());
        assertArrayEquals(PlanFigures.areasLayer(region, b, 8).bytes(), v.areasLayer(8).bytes());
        assertEquals(v.blockArea(), fresh.blockArea());
    }

    @Test
    void aViewKeepsABoundedNumberOfLayers() {
        LayerCache cache = new LayerCache(2);
        CachedBody one = CachedBody.of(new byte[]{1}, "application/json");
        assertSame(one, cache.get("a", () -> one));
        assertSame(one, cache.get("a", () -> CachedBody.of(new byte[]{2}, "application/json")), "kept");
        cache.get("b", () -> one);
        assertNotNull(cache.get("c", () -> CachedBody.of(new byte[]{3}, "application/json")));
        assertEquals(2, cache.size(), "a key past the bound is rendered, not kept");
    }

    /** Moves the first block that has an allowed neighbouring area there (a committed edit). */
    private static MoveOutcome moveSomeBlock(PlanEditing by, long plan) {
        PlanningProblem p = region.problem();
        BlockExplanations why = new BlockExplanations(process());
        for (int b = 0; b < p.blockCount(); b++) {
            Why w = why.why(plan, p.block(b).code());
            for (Alternative a : w.alternatives()) {
                if (a.allowed() && !w.locked()) {
                    return by.move(plan, List.of(w.blockCode()), a.areaId(), false, null, "test");
                }
            }
        }
        throw new IllegalStateException("no block of plan " + plan + " can move");
    }
}
