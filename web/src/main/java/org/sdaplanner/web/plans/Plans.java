package org.sdaplanner.web.plans;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.cluster.ClusterOptions;
import org.sdaplanner.core.cluster.InfeasiblePlanException;
import org.sdaplanner.core.cluster.PlanBuilder;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.store.PlanRepository;
import org.sdaplanner.store.StoredPlans.PlanInfo;
import org.sdaplanner.store.StoredPlans.VersionInfo;
import org.sdaplanner.web.ApiException;
import org.sdaplanner.web.CachedBody;
import org.sdaplanner.web.Region;
import org.sdaplanner.web.api.Plan;
import org.sdaplanner.web.api.PlanListItem;
import org.sdaplanner.web.http.ApiJson;

import java.util.ArrayList;
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

    /** How a new plan is clustered from its options (in the region's problem); throws as {@link PlanBuilder#build}. */
    @FunctionalInterface
    public interface Builder {
        BuiltPlan build(ClusterOptions options);
    }

    private final Builder builder;

    /** Plans clustered by {@link PlanBuilder} every time. */
    public Plans(PlanSessions sessions) {
        this(sessions, o -> PlanBuilder.build(sessions.region().problem(), o, 0));
    }

    /** Plans clustered by {@code builder} (the server's reads kept searches from its store). */
    public Plans(PlanSessions sessions, Builder builder) {
        this.builder = builder;
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
                PlanView v = sessions.view(info.id());
                out.add(new PlanListItem(info.id(), v.info().name(), v.revision(), v.areaIds().size(),
                        round(v.state().alignment(), 4), v.info().createdAt(), v.info().updatedAt(), null));
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
        ClusterOptions options = options(spec);
        BuiltPlan built;
        try {
            built = builder.build(options);
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
        return PlanAnswers.plan(sessions.view(id), region.problem());
    }

    /** The plan answer as JSON, computed once per revision. */
    public CachedBody planJson(long id) {
        return sessions.view(id).planJson();
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
        List<VersionInfo> versions = repo.versions(id);
        Integer version = versions.isEmpty() ? null : versions.get(versions.size() - 1).version();
        PlanView v = sessions.view(id);
        Map<String, String> names = new LinkedHashMap<>();
        for (int a = 0; a < v.areaIds().size(); a++) {
            names.put(v.areaIds().get(a), v.areaNames().get(a));
        }
        return new PlanSnapshot(v.revision(), version, names, v.blockArea());
    }

    private static String toJson(Object o) {
        try {
            return ApiJson.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
