package org.sdaplanner.web.routes;

import org.sdaplanner.core.access.Permission;
import org.sdaplanner.core.text.TextRule;
import org.sdaplanner.core.release.ReleaseDiff;
import org.sdaplanner.store.ReleaseRepository;
import org.sdaplanner.web.ApiException;
import org.sdaplanner.web.api.RefitRequest;
import org.sdaplanner.web.http.GuardedRoutes;
import org.sdaplanner.web.http.JsonBody;
import org.sdaplanner.web.http.Requests;
import org.sdaplanner.web.plans.ReleaseImpacts;

/** The data releases, two of them compared (with a plan's areas), and a plan re-fitted to a new release. */
public final class ReleaseRoutes implements RouteGroup {
    private final ReleaseImpacts releases;

    public ReleaseRoutes(ReleaseImpacts releases) {
        this.releases = releases;
    }

    @Override
    public void register(GuardedRoutes routes) {
        routes.get("/api/releases", Permission.VIEW_PLANS, ctx -> ctx.json(releases.list()));
        routes.get("/api/releases/compare", Permission.VIEW_PLANS, ctx -> {
            String plan = Requests.optionalQuery(ctx, "plan", TextRule.Kind.ID);
            Long planId = null;
            if (plan != null) {
                if (!plan.matches("\\d{1,18}")) {
                    throw ApiException.field("plan", "'plan' must be a plan id, not '" + plan.substring(0, Math.min(plan.length(), 40)) + "'");
                }
                planId = Long.parseLong(plan);
            }
            ctx.json(releases.compare(label("from", Requests.optionalQuery(ctx, "from", TextRule.Kind.ID)), label("to", Requests.optionalQuery(ctx, "to", TextRule.Kind.ID)), planId,
                    threshold(Requests.optionalQuery(ctx, "threshold", TextRule.Kind.ID))));
        });
        routes.post("/api/plans/{id}/refit", Permission.EDIT_PLANS, ctx -> {
            long id = Requests.planId(ctx);
            JsonBody b = Requests.body(ctx, false);
            RefitRequest r = new RefitRequest(label("from", b.optionalText("from", TextRule.Kind.ID)), label("to", b.requiredText("to", TextRule.Kind.ID)), b.optionalLong("revision"));
            ctx.json(releases.refit(id, r.from(), r.to(), r.revision(), routes.user(ctx)));
        });
    }

    /** A release label as given (checked), or null for the current release. */
    private static String label(String field, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return ReleaseRepository.checkLabel(s.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.field(field, "'" + field + "': " + e.getMessage(), s.strip().length() > 40 ? 40 : null);
        }
    }

    private static double threshold(String s) {
        if (s == null) {
            return ReleaseDiff.DEFAULT_THRESHOLD;
        }
        try {
            double v = Double.parseDouble(s);
            if (v >= 0 && v <= 1) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.field("threshold", "'threshold' must be a share from 0 to 1 (0.05 is 5 points)");
    }
}
