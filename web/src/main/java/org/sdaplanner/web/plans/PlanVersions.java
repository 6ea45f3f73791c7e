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
        PlanView v = sessions.view(id);
        BuiltPlan b = built(v, saved);
        PlanningProblem p = sessions.region().problem();
        Map<String, BlockState> blocks = new LinkedHashMap<>();
        for (int i = 0; i < p.blockCount(); i++) {
            blocks.put(p.block(i).code(), new BlockState(v.areaIds().get(b.state().areaOf(i)), false));
        }
        return new VersionPlan(id, v.info().name(), v.revision(), PlanAnswers.version(info), PlanAnswers.summary(b, v.info().optionsJson()),
                PlanAnswers.areas(b), blocks);
    }

    /** The version's dissolved areas with their figures as GeoJSON, simplified for the zoom (null: full detail). */
    public CachedBody areas(long id, int version, Integer zoom) {
        info(id, version);
        Map<String, String> saved = assignment(id, version);
        PlanView v = sessions.view(id); // the areas' names are the current ones: kept with the current revision
        return v.layer("version:" + version + ":" + (zoom == null ? "full" : zoom),
                () -> PlanFigures.areasLayer(sessions.region(), built(v, saved), zoom));
    }

    private VersionInfo info(long id, int version) {
        return repo.version(id, version).orElseThrow(() -> ApiException.notFound("no version " + version + " of plan " + id));
    }

    private Map<String, String> assignment(long id, int version) {
        return repo.versionAssignment(id, version).orElseThrow(() -> ApiException.notFound("no version " + version + " of plan " + id));
    }

    private BuiltPlan built(PlanView v, Map<String, String> saved) {
        PlanningProblem p = sessions.region().problem();
        return PlanSessions.built(new PlanState(p, sessions.toIndexes(v.id(), saved, v.areaIds()), v.areaIds().size(), null),
                v.areaIds(), v.areaNames(), v.info().optionsJson());
    }
}
