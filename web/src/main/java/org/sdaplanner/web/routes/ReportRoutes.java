package org.sdaplanner.web.routes;

import org.sdaplanner.core.access.Permission;
import org.sdaplanner.web.ApiException;
import org.sdaplanner.web.http.GuardedRoutes;
import org.sdaplanner.web.plans.PlanReports;

/**
 * The committee report of a plan, {@code /report.html?plan=ID}: a printable A4 document (no script) that
 * anyone who may view plans can open, print or save as PDF from the browser.
 */
public final class ReportRoutes implements RouteGroup {
    private final PlanReports reports;

    public ReportRoutes(PlanReports reports) {
        this.reports = reports;
    }

    @Override
    public void register(GuardedRoutes routes) {
        routes.get("/report.html", Permission.VIEW_PLANS, ctx -> {
            String plan = ctx.queryParam("plan");
            long id;
            try {
                id = Long.parseLong(plan == null ? "" : plan.strip());
            } catch (NumberFormatException e) {
                throw ApiException.field("plan", "say which plan: report.html?plan=ID (a plan id)");
            }
            ctx.contentType("text/html; charset=utf-8").result(reports.html(id));
        });
    }
}
