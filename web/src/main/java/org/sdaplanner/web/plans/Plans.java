package org.sdaplanner.web.plans;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.sdaplanner.core.blocks.BlockSet;
import org.sdaplanner.core.blocks.SliverMerge;
import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.cluster.ClusterOptions;
import org.sdaplanner.core.cluster.InfeasiblePlanException;
import org.sdaplanner.core.cluster.PlanBuilder;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.store.PlanRepository;
import org.sdaplanner.store.StoredPlans.PlanInfo;
import org.sdaplanner.store.StoredPlans.VersionInfo;
import org.sdaplanner.web.ApiException;
import org.sdaplanner.web.Region;
import org.sdaplanner.web.api.Plan;
import org.sdaplanner.web.api.PlanListItem;
import org.sdaplanner.web.http.ApiJson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.sdaplanner.export.Numbers.round;

/** The stored plans: list, build a new one with the clusterer, open, rename, copy, delete. */
public final class Plans {
    public static final long DEFAULT_SEED = PlanSpec.DEFAULT_SEED;

    private final PlanSessions sessions;
    private final Region region;
    private final PlanRepository repo;

    public Plans(PlanSessions sessions) {
        this.sessions = sessions;
        this.region = sessions.region();
        this.repo = sessions.repo();
    }

    public boolean any() {
        return !repo.list().isEmpty();
    }

    /** Every plan; one stored against another import is listed with the reason it cannot be opened. */
    public List<PlanListItem> list() {
        List<PlanListItem> out = new ArrayList<>();
        for (PlanInfo info : repo.list()) {
            try {
                out.add(sessions.atStoredRevision(info.id(), s -> new PlanListItem(info.id(), s.info.name(), s.revision,
                        s.areaIds.size(), round(s.state.alignment(), 4), s.info.createdAt(), s.info.updatedAt(), null)));
            } catch (ApiException e) {
                if (e.status() == 409) {
                    out.add(new PlanListItem(info.id(), info.name(), info.revision(), null, null, info.createdAt(),
                            info.updatedAt(), e.getMessage()));
                } else if (e.status() != 404) {
                    throw e;
                } // 404: deleted meanwhile
            }
        }
        return out;
    }

    /**
     * Clusters a new plan with the same entry point and checks as {@code sda build}
     * ({@link PlanSpec#clusterOptions}, {@link PlanBuilder}) and stores it with the bound the build
     * proved. The options are checked before any work (400); limits no plan can meet answer 422 with
     * the engine's words, naming the district and why.
     */
    public Plan create(String name, PlanSpec spec, String user) {
        PlanningProblem p = region.problem();
        ClusterOptions options = options(spec);
        BuiltPlan built;
        try {
            built = PlanBuilder.build(p, options, 0);
        } catch (InfeasiblePlanException e) {
            throw new ApiException(422, "no plan meets these rules: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("cannot build the plan: " + e.getMessage());
        }
        String stored = toJson(PlanBound.withCertificate(spec.stored(options), built.certificate(), built.state(),
                built.areaIds()));
        PlanInfo info = repo.create(name, built, stored, options.districtNesting(), user);
        return plan(info.id());
    }

    /** The clusterer's options for {@code spec} in this region, checked as {@code sda build} checks them (400). */
    public ClusterOptions options(PlanSpec spec) {
        try {
            return spec.clusterOptions(region.defaultCounts(), region.problem().blockCount());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("cannot build the plan: " + e.getMessage());
        }
    }

    public Plan plan(long id) {
        return sessions.atStoredRevision(id, s -> PlanAnswers.plan(s, sessions.built(s), region.problem()));
    }

    public Plan rename(long id, String name) {
        repo.rename(id, name);
        return plan(id);
    }

    public Plan copy(long id, String name, String user) {
        return plan(repo.copy(id, name, user).id());
    }

    public void delete(long id) {
        repo.delete(id);
        sessions.forget(id);
    }

    /** The plan read at one revision, for comments: area names, each block's area, the latest saved version. */
    public PlanSnapshot snapshot(long id) {
        // read outside the plan's lock: comments should not queue behind each other's queries
        List<VersionInfo> versions = repo.versions(id);
        Integer version = versions.isEmpty() ? null : versions.get(versions.size() - 1).version();
        return sessions.atStoredRevision(id, s -> {
            Map<String, String> names = new LinkedHashMap<>();
            for (int a = 0; a < s.areaIds.size(); a++) {
                names.put(s.areaIds.get(a), s.areaNames.get(a));
            }
            if (s.blockArea == null) { // derived once per revision, not on every comment request
                Map<String, String> blockArea = new HashMap<>();
                PlanningProblem p = region.problem();
                for (int b = 0; b < p.blockCount(); b++) {
                    blockArea.put(p.block(b).code(), s.areaIds.get(s.state.areaOf(b)));
                }
                // a sliver that has since joined a neighbouring block is where that block is (old comments on it follow it)
                BlockSet blocks = region.analysis().blocks().blocks();
                for (SliverMerge m : blocks.sliverMerges()) {
                    String now = blocks.blockOf(m.sliverCode());
                    if (m.whole() && now != null && blockArea.containsKey(now)) {
                        blockArea.putIfAbsent(m.sliverCode(), blockArea.get(now));
                    }
                }
                s.blockArea = Map.copyOf(blockArea);
            }
            return new PlanSnapshot(s.revision, version, names, s.blockArea);
        });
    }

    private static String toJson(Object o) {
        try {
            return ApiJson.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
