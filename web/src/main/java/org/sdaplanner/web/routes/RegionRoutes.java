package org.sdaplanner.web.routes;

import org.sdaplanner.core.access.Permission;
import org.sdaplanner.core.text.TextRule;
import org.sdaplanner.web.ApiException;
import org.sdaplanner.web.RegionViews;
import org.sdaplanner.web.http.FieldText;
import org.sdaplanner.web.http.GuardedRoutes;
import org.sdaplanner.web.http.Requests;
import org.sdaplanner.web.http.Responses;

/** The region, the same for every plan: its description, its fixed map layers, and search. */
public final class RegionRoutes implements RouteGroup {
    private final RegionViews region;

    public RegionRoutes(RegionViews region) {
        this.region = region;
    }

    @Override
    public void register(GuardedRoutes routes) {
        routes.get("/api/region", Permission.VIEW_PLANS, ctx -> ctx.json(region.info()));
        routes.get("/api/layers/{layer}", Permission.VIEW_PLANS,
                ctx -> Responses.cached(ctx, region.layer(Requests.pathText(ctx, "layer", TextRule.Kind.ID), Requests.zoom(ctx))));
        routes.get("/api/search", Permission.VIEW_PLANS, ctx -> {
            String q = FieldText.check("q", TextRule.Kind.QUERY, ctx.queryParam("q"));
            if (q == null) {
                throw ApiException.field("q", "missing query parameter 'q'");
            }
            ctx.json(region.search(q));
        });
    }
}
