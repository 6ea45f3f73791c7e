package org.sdaplanner.web.routes;

import org.sdaplanner.core.access.Permission;
import org.sdaplanner.core.text.TextRule;
import org.sdaplanner.web.http.GuardedRoutes;
import org.sdaplanner.web.http.Requests;
import org.sdaplanner.web.http.Responses;
import org.sdaplanner.web.plans.PcnViews;

/** The health partners' views: each PCN's patients by area of a plan (JSON or CSV), and one PCN's patients by LSOA and area. */
public final class PcnRoutes implements RouteGroup {
    private final PcnViews pcns;

    public PcnRoutes(PcnViews pcns) {
        this.pcns = pcns;
    }

    @Override
    public void register(GuardedRoutes routes) {
        routes.get("/api/plans/{id}/pcn-alignment", Permission.VIEW_PLANS, ctx -> {
            long id = Requests.planId(ctx);
            Responses.jsonOrCsv(ctx, "pcn_area_matrix.csv", () -> pcns.alignment(id), () -> pcns.alignmentCsv(id));
        });
        routes.get("/api/plans/{id}/pcns/{code}", Permission.VIEW_PLANS,
                ctx -> ctx.json(pcns.pcn(Requests.planId(ctx), Requests.pathText(ctx, "code", TextRule.Kind.CODE))));
    }
}
