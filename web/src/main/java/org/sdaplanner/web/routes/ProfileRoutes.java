package org.sdaplanner.web.routes;

import org.sdaplanner.core.access.Permission;
import org.sdaplanner.core.text.TextRule;
import org.sdaplanner.web.http.GuardedRoutes;
import org.sdaplanner.web.http.Requests;
import org.sdaplanner.web.http.Responses;
import org.sdaplanner.web.plans.Profiles;

/** Area profiles: the indicator catalogue, a plan's profiles (JSON or CSV), one area's profile, one indicator on the map. */
public final class ProfileRoutes implements RouteGroup {
    private final Profiles profiles;

    public ProfileRoutes(Profiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public void register(GuardedRoutes routes) {
        routes.get("/api/indicators", Permission.VIEW_PLANS, ctx -> ctx.json(profiles.indicators()));
        routes.get("/api/plans/{id}/profiles", Permission.VIEW_PLANS, ctx -> {
            long id = Requests.planId(ctx);
            Responses.jsonOrCsv(ctx, "profiles.csv", () -> profiles.all(id), () -> profiles.csv(id));
        });
        routes.get("/api/plans/{id}/areas/{areaId}/profile", Permission.VIEW_PLANS,
                ctx -> ctx.json(profiles.area(Requests.planId(ctx), Requests.pathText(ctx, "areaId", TextRule.Kind.ID))));
        routes.get("/api/plans/{id}/indicators/{indicatorId}", Permission.VIEW_PLANS,
                ctx -> ctx.json(profiles.map(Requests.planId(ctx), Requests.pathText(ctx, "indicatorId", TextRule.Kind.ID),
                        Requests.optionalQuery(ctx, "part", TextRule.Kind.TABLE_TEXT))));
    }
}
