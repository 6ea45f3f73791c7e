package org.sdaplanner.web.plans;

import org.sdaplanner.core.cluster.Baselines;
import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.cluster.Clusterer;
import org.sdaplanner.core.plan.AreaMetrics;
import org.sdaplanner.core.plan.LsoaBestFit;
import org.sdaplanner.core.plan.PcnMetrics;
import org.sdaplanner.core.plan.PlanEditor;
import org.sdaplanner.core.plan.PlanMetrics;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.store.PlanConflictException;
import org.sdaplanner.store.PlanNotFoundException;
import org.sdaplanner.store.PlanRepository;
import org.sdaplanner.store.StoredPlans.Area;
import org.sdaplanner.store.StoredPlans.PlanInfo;
import org.sdaplanner.store.StoredPlans.StoredPlan;
import org.sdaplanner.web.ApiException;
import org.sdaplanner.web.Region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The plans this server process holds in memory: one {@link PlanSession} per plan, brought to the
 * stored revision before every edit (reloaded when another process changed the plan) and guarded by
 * its own monitor, and the plan's latest {@link PlanView}, which reads take without that monitor.
 * Every plan service reads and edits plans through here.
 */
public final class PlanSessions {
    private static final Baselines.Result NO_BASELINES = new Baselines.Result(0, 0, new double[0]);

    private final Region region;
    private final PlanRepository repo;
    private final Map<Long, PlanSession> sessions = new ConcurrentHashMap<>();

    public PlanSessions(Region region, PlanRepository repo) {
        this.region = region;
        this.repo = repo;
    }

    Region region() {
        return region;
    }

    PlanRepository repo() {
        return repo;
    }

    /**
     * The plan at its stored revision, for reading; 404 when there is no such plan. One cheap query of the
     * plan's row tells whether the view in memory is still current (another process may have changed the
     * plan); readers who come at the same time share that query ({@link SharedQuery}, never one begun before
     * they came). Only a stale view is rebuilt, and never under the writer's monitor, so a read does not
     * wait for a move or an edit in progress.
     */
    PlanView view(long id) {
        PlanSession s = session(id);
        Optional<PlanInfo> found = s.stored.get();
        if (found.isEmpty()) {
            sessions.remove(id);
            throw ApiException.notFound("no plan " + id);
        }
        PlanInfo info = found.get();
        PlanView v = s.view();
        if (v != null && v.info().equals(info)) {
            return v;
        }
        synchronized (s.rebuild) {
            v = s.view();
            if (v != null && v.info().equals(info)) {
                return v;
            }
            if (v != null && v.revision() == info.revision()) {
                return s.publish(v.withInfo(info)); // renamed: same blocks, other name or time
            }
            return s.publish(load(id));
        }
    }

    /** A view of the plan as stored now, read in one transaction. */
    private PlanView load(long id) {
        StoredPlan stored;
        try {
            stored = repo.load(id);
        } catch (PlanNotFoundException e) {
            sessions.remove(id);
            throw ApiException.notFound("no plan " + id);
        }
        List<String> ids = stored.areas().stream().map(Area::id).toList();
        List<String> names = stored.areas().stream().map(Area::name).toList();
        return new PlanView(region, id, stored.info(), ids, names, toIndexes(id, stored.assignment(), ids), locks(stored));
    }

    /**
     * After a writer committed a change: publishes the session's state as the plan's view, so that the next
     * read finds it ready. Caller holds the monitor. Skipped when the store is already at another revision
     * (another process wrote meanwhile): the next read loads that one.
     */
    void publish(PlanSession s) {
        Optional<PlanInfo> info = repo.find(s.id);
        if (info.isPresent() && info.get().revision() == s.revision && s.state != null) {
            s.publish(PlanView.of(region, s.id, info.get(), s.areaIds, s.areaNames, s.state));
        }
    }

    /** Runs {@code work} on the plan at its stored revision, holding the plan's monitor (writers); 404 when there is no such plan. */
    <T> T atStoredRevision(long id, Function<PlanSession, T> work) {
        PlanSession s = session(id);
        synchronized (s) {
            refresh(s);
            return work.apply(s);
        }
    }

    PlanSession session(long id) {
        return sessions.computeIfAbsent(id, k -> new PlanSession(k, () -> repo.find(k)));
    }

    /** Drops the plan's session (it was deleted). */
    void forget(long id) {
        sessions.remove(id);
    }

    /** For tests: the revision this process holds the plan at (its latest view, else its writer's state), or -1 when none. */
    public long cachedRevision(long id) {
        PlanSession s = sessions.get(id);
        if (s == null) {
            return -1;
        }
        PlanView v = s.view();
        return v != null ? Math.max(v.revision(), s.revision) : s.revision;
    }

    /** Brings the session to the stored revision (reloading when another process changed the plan). Caller holds the monitor. */
    void refresh(PlanSession s) {
        Optional<PlanInfo> info = repo.find(s.id);
        if (info.isEmpty()) {
            sessions.remove(s.id);
            s.invalidate();
            throw ApiException.notFound("no plan " + s.id);
        }
        s.info = info.get();
        if (s.state != null && s.revision == s.info.revision()) {
            return;
        }
        StoredPlan stored;
        try {
            stored = repo.load(s.id);
        } catch (PlanNotFoundException e) {
            sessions.remove(s.id);
            throw ApiException.notFound("no plan " + s.id);
        }
        List<String> ids = stored.areas().stream().map(Area::id).toList();
        List<String> names = stored.areas().stream().map(Area::name).toList();
        int[] assignment = toIndexes(s.id, stored.assignment(), ids);
        boolean[] locked = locks(stored);
        s.info = stored.info();
        s.areaIds = ids;
        s.areaNames = names;
        s.state = new PlanState(region.problem(), assignment, ids.size(), locked);
        s.editor = new PlanEditor(s.state, ids, stored.info().districtNesting()).withNames(names, region.districtNames());
        s.revision = stored.info().revision();
    }

    /** The stored plan's locks by block index. */
    private boolean[] locks(StoredPlan stored) {
        PlanningProblem p = region.problem();
        boolean[] locked = new boolean[p.blockCount()];
        for (String code : stored.locked()) {
            int b = p.indexOf(code);
            if (b >= 0) {
                locked[b] = true;
            }
        }
        return locked;
    }

    /** Block code → area id as area indexes in block order; every block of the region must have an area. */
    int[] toIndexes(long planId, Map<String, String> assignment, List<String> ids) {
        PlanningProblem p = region.problem();
        Map<String, Integer> index = new HashMap<>();
        for (int a = 0; a < ids.size(); a++) {
            index.put(ids.get(a), a);
        }
        int[] out = new int[p.blockCount()];
        for (int b = 0; b < p.blockCount(); b++) {
            String area = assignment.get(p.block(b).code());
            Integer a = area == null ? null : index.get(area);
            if (a == null) {
                throw ApiException.conflict("plan " + planId + " does not match the imported data: block " + p.block(b).code()
                        + " has no area in it (was the region re-imported with other boundaries?)");
            }
            out[b] = a;
        }
        return out;
    }

    static void checkRevision(PlanSession s, Long revision) {
        if (revision != null && revision != s.revision) {
            throw new PlanConflictException(s.id, revision, s.revision);
        }
    }

    /** The codes without repeats, in the order given; 404 for a code that is not a block of the region. */
    List<String> distinctBlocks(List<String> codes) {
        List<String> out = new ArrayList<>(new LinkedHashSet<>(codes));
        for (String c : out) {
            blockIndex(c);
        }
        return out;
    }

    int blockIndex(String code) {
        int b = region.problem().indexOf(code);
        if (b < 0) {
            throw ApiException.notFound("no building block " + code + " in the region");
        }
        return b;
    }

    /**
     * A plan's figures read off a state, in the shape the exporters take, with the bound of the rules the
     * stored plan was built under ({@code optionsJson}; none for an imported plan) and the state's gap to it.
     */
    static BuiltPlan built(PlanState st, List<String> ids, List<String> names, String optionsJson) {
        List<AreaMetrics> areas = PlanMetrics.areas(st, ids, names);
        List<PcnMetrics> pcns = PlanMetrics.pcns(st, ids);
        LsoaBestFit fit = LsoaBestFit.of(st);
        return new BuiltPlan(st, ids, names, areas, pcns, PlanMetrics.summary(st, areas, fit), fit, NO_BASELINES,
                new Clusterer.Result(st.assignment(), st.areaCount(), new int[0], List.of(), 0, 0),
                PlanBound.certificate(optionsJson, st, ids));
    }
}
