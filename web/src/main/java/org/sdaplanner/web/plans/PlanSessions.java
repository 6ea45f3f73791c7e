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
 * stored revision before every use (reloaded when another process changed the plan) and guarded by
 * its own monitor. Every plan service reads and edits plans through here.
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

    /** Runs {@code work} on the plan at its stored revision, holding the plan's monitor; 404 when there is no such plan. */
    <T> T atStoredRevision(long id, Function<PlanSession, T> work) {
        PlanSession s = session(id);
        synchronized (s) {
            refresh(s);
            return work.apply(s);
        }
    }

    PlanSession session(long id) {
        return sessions.computeIfAbsent(id, PlanSession::new);
    }

    /** Drops the plan's session (it was deleted). */
    void forget(long id) {
        sessions.remove(id);
    }

    /** For tests: the revision the plan's session is loaded at, or -1 when none is. */
    public long cachedRevision(long id) {
        PlanSession s = sessions.get(id);
        return s == null ? -1 : s.revision;
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
        PlanningProblem p = region.problem();
        boolean[] locked = new boolean[p.blockCount()];
        for (String code : stored.locked()) {
            int b = p.indexOf(code);
            if (b >= 0) {
                locked[b] = true;
            }
        }
        s.info = stored.info();
        s.areaIds = ids;
        s.areaNames = names;
        s.state = new PlanState(p, assignment, ids.size(), locked);
        s.editor = new PlanEditor(s.state, ids, stored.info().districtNesting()).withNames(names, region.districtNames());
        s.revision = stored.info().revision();
        s.clearDerived();
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

    /** The session's figures, computed once per revision. Caller holds the monitor. */
    BuiltPlan built(PlanSession s) {
        if (s.built == null) {
            s.built = built(s.state, s.areaIds, s.areaNames, s.info.optionsJson());
        }
        return s.built;
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
