package org.sdaplanner.web.plans;

import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.store.PlanRepository;
import org.sdaplanner.store.StoredPlans.VersionInfo;
import org.sdaplanner.web.ApiException;
import org.sdaplanner.web.CachedBody;
import org.sdaplanner.web.api.BlockState;
import org.sdaplanner.web.api.Version;
import org.sdaplanner.web.api.VersionPlan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan's saved versions: the list (who saved each and when), saving the current state as the next one,
 * labelling one, and looking at one read-only (its figures, and its areas on the map). Restoring one is an
 * edit ({@link PlanEditing#restore}).
 */
public final class PlanVersions {
    private final PlanSessions sessions;
    private final PlanRepository repo;

    public PlanVersions(PlanSessions sessions) {
        this.sessions = sessions;
        this.repo = sessions.repo();
    }

    public List<Version> list(long id) {
        return repo.versions(id).stream().map(PlanAnswers::version).toList();
    }

    public Version save(long id, String label, String user) {
        return PlanAnswers.version(repo.saveVersion(id, label, user));
    }

    public Version relabel(long id, int version, String label) {
        return PlanAnswers.version(repo.relabelVersion(id, version, label));
    }

    /** The version as it was saved, with its figures (areas under their current names). */
    public VersionPlan view(long id, int version) {
        VersionInfo info = info(id, version);
        Map<String, String> saved = assignment(id, version);
        return sessions.atStoredRevision(id, s -> {
            BuiltPlan b = built(s, saved);
            PlanningProblem p = sessions.region().problem();
            Map<String, BlockState> blocks = new LinkedHashMap<>();
            for (int i = 0; i < p.blockCount(); i++) {
                blocks.put(p.block(i).code(), new BlockState(s.areaIds.get(b.state().areaOf(i)), false));
            }
            return new VersionPlan(id, s.info.name(), s.revision, PlanAnswers.version(info), PlanAnswers.summary(b, s.info.optionsJson()),
                    PlanAnswers.areas(b), blocks);
        });
    }

    /** The version's dissolved areas with their figures as GeoJSON, simplified for the zoom (null: full detail). */
    public CachedBody areas(long id, int version, Integer zoom) {
        info(id, version);
        Map<String, String> saved = assignment(id, version);
        return sessions.atStoredRevision(id, s -> s.versionLayers.computeIfAbsent(version + ":" + (zoom == null ? "full" : zoom),
                k -> PlanFigures.areasLayer(sessions.region(), built(s, saved), zoom)));
    }

    private VersionInfo info(long id, int version) {
        return repo.version(id, version).orElseThrow(() -> ApiException.notFound("no version " + version + " of plan " + id));
    }

    private Map<String, String> assignment(long id, int version) {
        return repo.versionAssignment(id, version).orElseThrow(() -> ApiException.notFound("no version " + version + " of plan " + id));
    }

    private BuiltPlan built(PlanSession s, Map<String, String> saved) {
        PlanningProblem p = sessions.region().problem();
        return PlanSessions.built(new PlanState(p, sessions.toIndexes(s.id, saved, s.areaIds), s.areaIds.size(), null), s.areaIds,
                s.areaNames, s.info.optionsJson());
    }
}
