package org.sdaplanner.web.routes;

import org.sdaplanner.core.access.Permission;
import org.sdaplanner.core.text.TextRule;
import org.sdaplanner.web.api.Version;
import org.sdaplanner.web.api.RevisionRequest;
import org.sdaplanner.web.api.VersionCreate;
import org.sdaplanner.web.api.VersionLabel;
import org.sdaplanner.web.http.GuardedRoutes;
import org.sdaplanner.web.http.Requests;
import org.sdaplanner.web.http.Responses;
import org.sdaplanner.web.plans.PlanComparison;
import org.sdaplanner.web.plans.PlanEditing;
import org.sdaplanner.web.plans.PlanVersions;

/** A plan's saved versions (list, save, label, look at one, restore one), and two plans or versions side by side. */
public final class VersionRoutes implements RouteGroup {
    private final PlanVersions versions;
    private final PlanComparison comparison;
    private final PlanEditing editing;

    public VersionRoutes(PlanVersions versions, PlanComparison comparison, PlanEditing editing) {
        this.versions = versions;
        this.comparison = comparison;
        this.editing = editing;
    }

    @Override
    public void register(GuardedRoutes routes) {
        routes.get("/api/plans/{id}/versions", Permission.VIEW_PLANS, ctx -> ctx.json(versions.list(Requests.planId(ctx))));
        routes.get("/api/plans/{id}/versions/{version}", Permission.VIEW_PLANS,
                ctx -> ctx.json(versions.view(Requests.planId(ctx), Requests.version(ctx))));
        routes.get("/api/plans/{id}/versions/{version}/areas", Permission.VIEW_PLANS,
                ctx -> Responses.cached(ctx, versions.areas(Requests.planId(ctx), Requests.version(ctx), Requests.zoom(ctx))));
        routes.get("/api/plans/{id}/compare", Permission.VIEW_PLANS,
                ctx -> ctx.json(comparison.compare(Requests.planId(ctx), Requests.optionalQuery(ctx, "a", TextRule.Kind.ID),
                        Requests.optionalQuery(ctx, "b", TextRule.Kind.ID), Requests.optionalQuery(ctx, "with", TextRule.Kind.ID))));
        routes.post("/api/plans/{id}/versions", Permission.EDIT_PLANS, ctx -> {
            long id = Requests.planId(ctx);
            VersionCreate c = new VersionCreate(Requests.body(ctx, true).optionalText("label", TextRule.Kind.LABEL));
            Version v = versions.save(id, c.label(), routes.user(ctx));
            Responses.created(ctx, v, "/api/plans/" + id + "/versions");
        });
        routes.patch("/api/plans/{id}/versions/{version}", Permission.EDIT_PLANS, ctx -> {
            long id = Requests.planId(ctx);
            int version = Requests.version(ctx);
            VersionLabel l = new VersionLabel(Requests.body(ctx, false).requiredText("label", TextRule.Kind.LABEL));
            ctx.json(versions.relabel(id, version, l.label()));
        });
        routes.post("/api/plans/{id}/versions/{version}/restore", Permission.EDIT_PLANS, ctx -> {
            long id = Requests.planId(ctx);
            int version = Requests.version(ctx);
            RevisionRequest r = new RevisionRequest(Requests.body(ctx, true).optionalLong("revision"));
            ctx.json(editing.restore(id, version, r.revision(), routes.user(ctx)));
        });
    }
}
