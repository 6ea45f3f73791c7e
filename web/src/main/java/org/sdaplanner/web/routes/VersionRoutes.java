package org.sdaplanner.web.routes;

import org.sdaplanner.core.access.Permission;
import org.sdaplanner.web.api.Version;
import org.sdaplanner.web.api.VersionCreate;
import org.sdaplanner.web.http.GuardedRoutes;
import org.sdaplanner.web.http.Requests;
import org.sdaplanner.web.http.Responses;
import org.sdaplanner.web.plans.PlanComparison;
import org.sdaplanner.web.plans.PlanVersions;

/** A plan's saved versions, and two states of it side by side. */
public final class VersionRoutes implements RouteGroup {
    private final PlanVersions versions;
    private final PlanComparison comparison;

    public VersionRoutes(PlanVersions versions, PlanComparison comparison) {
        this.versions = versions;
        this.comparison = comparison;
    }

    @Override
    public void register(GuardedRoutes routes) {
        routes.get("/api/plans/{id}/versions", Permission.VIEW_PLANS, ctx -> ctx.json(versions.list(Requests.planId(ctx))));
        routes.get("/api/plans/{id}/compare", Permission.VIEW_PLANS,
                ctx -> ctx.json(comparison.compare(Requests.planId(ctx), ctx.queryParam("a"), ctx.queryParam("b"))));
        routes.post("/api/plans/{id}/versions", Permission.EDIT_PLANS, ctx -> {
            long id = Requests.planId(ctx);
            VersionCreate c = new VersionCreate(Requests.body(ctx, true).optionalString("label"));
            Version v = versions.save(id, c.label(), routes.user(ctx));
            Responses.created(ctx, v, "/api/plans/" + id + "/versions");
        });
    }
}
