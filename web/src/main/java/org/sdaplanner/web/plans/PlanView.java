package org.sdaplanner.web.plans;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.sdaplanner.core.blocks.BlockSet;
import org.sdaplanner.core.blocks.SliverMerge;
import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.core.profile.PlanProfiles;
import org.sdaplanner.store.StoredPlans.PlanInfo;
import org.sdaplanner.web.CachedBody;
import org.sdaplanner.web.Region;
import org.sdaplanner.web.api.Metrics;
import org.sdaplanner.web.http.ApiJson;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One plan at one stored revision, as readers see it: never changed once made, so any number of
 * requests read it at once without the writer's lock. The answers that only change with the revision
 * (figures, the metrics and plan JSON, profiles, each block's area, map layers) are computed on first
 * use, each once, and kept with the view; a new revision is a new view.
 */
final class PlanView {
    /** Map layers kept per view: every zoom of the plan's areas and of a good many saved versions. */
    static final int MAX_LAYERS = 128;
    private static final String JSON = "application/json";

    private final Region region;
    private final long id;
    private final PlanInfo info;
    private final List<String> areaIds;
    private final List<String> areaNames;
    private final int[] assignment;
    private final boolean[] locked;

    private final Once<PlanState> state = new Once<>();
    private final Once<BuiltPlan> built = new Once<>();
    private final Once<CachedBody> metrics = new Once<>();
    private final Once<CachedBody> plan = new Once<>();
    private final Once<PlanProfiles> profiles = new Once<>();
    private final Once<Map<String, String>> blockArea = new Once<>();
    private final LayerCache layers = new LayerCache(MAX_LAYERS);

    /** {@code assignment}: area index by block; {@code locked}: by block (both copied). */
    PlanView(Region region, long id, PlanInfo info, List<String> areaIds, List<String> areaNames, int[] assignment, boolean[] locked) {
        this.region = region;
        this.id = id;
        this.info = info;
        this.areaIds = List.copyOf(areaIds);
        this.areaNames = List.copyOf(areaNames);
        this.assignment = assignment.clone();
        this.locked = locked.clone();
    }

    /** A copy of a writer's state as it is now (the state itself goes on changing under its monitor). */
    static PlanView of(Region region, long id, PlanInfo info, List<String> areaIds, List<String> areaNames, PlanState st) {
        boolean[] locked = new boolean[st.problem().blockCount()];
        for (int b = 0; b < locked.length; b++) {
            locked[b] = st.locked(b);
        }
        return new PlanView(region, id, info, areaIds, areaNames, st.assignment(), locked);
    }

    /** The same plan under newer details that did not change its revision (a rename): the answers are computed again. */
    PlanView withInfo(PlanInfo newer) {
        return new PlanView(region, id, newer, areaIds, areaNames, assignment, locked);
    }

    long id() {
        return id;
    }

    PlanInfo info() {
        return info;
    }

    long revision() {
        return info.revision();
    }

    List<String> areaIds() {
        return areaIds;
    }

    List<String> areaNames() {
        return areaNames;
    }

    int areaIndex(String areaId) {
        return areaIds.indexOf(areaId);
    }

    /**
     * The plan's state, made from the assignment on first use. Shared by every reader of the view: read it,
     * never move a block in it.
     */
    PlanState state() {
        return state.get(() -> new PlanState(region.problem(), assignment, areaIds.size(), locked));
    }

    BuiltPlan built() {
        return built.get(() -> PlanSessions.built(state(), areaIds, areaNames, info.optionsJson()));
    }

    /** The metrics answer's JSON, as {@code ctx.json} would write it. */
    CachedBody metricsJson() {
        return metrics.get(() -> {
            BuiltPlan b = built();
            return json(new Metrics(revision(), PlanAnswers.summary(b, info.optionsJson()), PlanAnswers.areas(b),
                    b.pcns().stream().map(m -> PlanAnswers.pcn(m, region)).toList()));
        });
    }

    /** The plan answer's JSON (figures, each block's area and lock). */
    CachedBody planJson() {
        return plan.get(() -> json(PlanAnswers.plan(this, region.problem())));
    }

    PlanProfiles profiles(Supplier<PlanProfiles> compute) {
        return profiles.get(compute);
    }

    /** The plan's areas on the map at the zoom (null: full detail). */
    CachedBody areasLayer(Integer zoom) {
        return layers.get("areas:" + (zoom == null ? "full" : zoom), () -> PlanFigures.areasLayer(region, built(), zoom));
    }

    /** Another layer read at this revision (a saved version's areas under the current names), by key. */
    CachedBody layer(String key, Supplier<CachedBody> render) {
        return layers.get(key, render);
    }

    /** Block code → area id, with each sliver that has since joined a neighbouring block where that block is (old comments follow it). */
    Map<String, String> blockArea() {
        return blockArea.get(() -> {
            Map<String, String> out = new HashMap<>();
            PlanningProblem p = region.problem();
            for (int b = 0; b < p.blockCount(); b++) {
                out.put(p.block(b).code(), areaIds.get(assignment[b]));
            }
            BlockSet blocks = region.analysis().blocks().blocks();
            for (SliverMerge m : blocks.sliverMerges()) {
                String now = blocks.blockOf(m.sliverCode());
                if (m.whole() && now != null && out.containsKey(now)) {
                    out.putIfAbsent(m.sliverCode(), out.get(now));
                }
            }
            return Map.copyOf(out);
        });
    }

    private static CachedBody json(Object answer) {
        try {
            return CachedBody.of(ApiJson.MAPPER.writeValueAsBytes(answer), JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
