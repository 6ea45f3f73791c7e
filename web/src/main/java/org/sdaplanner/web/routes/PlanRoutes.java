package org.sdaplanner.web.routes;

import org.sdaplanner.core.access.Permission;
import org.sdaplanner.web.api.Plan;
import org.sdaplanner.web.api.PlanCreate;
import org.sdaplanner.web.api.PlanRename;
import org.sdaplanner.web.http.GuardedRoutes;
import org.sdaplanner.web.http.JsonBody;
import org.sdaplanner.web.http.Requests;
import org.sdaplanner.web.http.Responses;
import org.sdaplanner.web.plans.BlockExplanations;
import org.sdaplanner.web.plans.PlanDownloads;
import org.sdaplanner.web.plans.PlanFigures;
import org.sdaplanner.web.plans.Plans;

/** Plans as a whole: list, open, build, rename, copy, delete; their figures, areas on the map, the "why" of a block, downloads. */
public final class PlanRoutes implements RouteGroup {
    private final Plans plans;
    private final PlanFigures figures;
    private final BlockExplanations explanations;
    private final PlanDownloads downloads;

    public PlanRoutes(Plans plans, PlanFigures figures, BlockExplanations explanations, PlanDownloads downloads) {
        this.plans = plans;
        this.figures = figures;
        this.explanations = explanations;
        this.downloads = downloads;
    }

    @Override
    public void register(GuardedRoutes routes) {
        routes.get("/api/plans", Permission.VIEW_PLANS, ctx -> ctx.json(plans.list()));
        routes.get("/api/plans/{id}", Permission.VIEW_PLANS, ctx -> ctx.json(plans.plan(Requests.planId(ctx))));
        routes.get("/api/plans/{id}/areas", Permission.VIEW_PLANS,
                ctx -> Responses.cached(ctx, figures.areas(Requests.planId(ctx), Requests.zoom(ctx))));
        routes.get("/api/plans/{id}/metrics", Permission.VIEW_PLANS, ctx -> ctx.json(figures.metrics(Requests.planId(ctx))));
        routes.get("/api/plans/{id}/blocks/{code}/why", Permission.VIEW_PLANS,
                ctx -> ctx.json(explanations.why(Requests.planId(ctx), ctx.pathParam("code"))));
        routes.get("/api/plans/{id}/download", Permission.VIEW_PLANS, ctx -> {
            PlanDownloads.Download d = downloads.download(Requests.planId(ctx), ctx.queryParam("format"));
            Responses.file(ctx, d.contentType(), d.fileName(), d.bytes());
        });
        routes.post("/api/plans", Permission.EDIT_PLANS, ctx -> {
            JsonBody body = Requests.body(ctx, false);
            PlanCreate c = new PlanCreate(body.requiredString("name"), body.optionalInt("areas", 1, 100_000),
                    body.optionalLong("seed"), body.optionalBoolean("district_nesting"));
            Plan plan = plans.create(c.name(), c.areas(), c.seed(), c.districtNesting(), routes.user(ctx));
            Responses.created(ctx, plan, "/api/plans/" + plan.id());
        });
        routes.patch("/api/plans/{id}", Permission.EDIT_PLANS, ctx -> {
            long id = Requests.planId(ctx);
            PlanRename r = new PlanRename(Requests.body(ctx, false).requiredString("name"));
            ctx.json(plans.rename(id, r.name()));
        });
        routes.delete("/api/plans/{id}", Permission.EDIT_PLANS, ctx -> {
            plans.delete(Requests.planId(ctx));
            ctx.status(204);
        });
        routes.post("/api/plans/{id}/copy", Permission.EDIT_PLANS, ctx -> {
            long id = Requests.planId(ctx);
            String name = Requests.body(ctx, true).optionalString("name");
            if (name == null || name.isBlank()) {
                name = "Copy of " + plans.plan(id).name();
            }
            Plan plan = plans.copy(id, name.strip(), routes.user(ctx));
            Responses.created(ctx, plan, "/api/plans/" + plan.id());
        });
    }
}
