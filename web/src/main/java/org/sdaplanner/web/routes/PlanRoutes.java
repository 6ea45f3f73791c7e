package org.sdaplanner.web.routes;

import org.sdaplanner.core.access.Permission;
import org.sdaplanner.core.text.TextRule;
import org.sdaplanner.export.PlanExport;
import org.sdaplanner.web.ApiException;
import org.sdaplanner.web.api.Plan;
import org.sdaplanner.web.api.PlanImportRequest;
import org.sdaplanner.web.api.PlanCreate;
import org.sdaplanner.web.api.PlanRename;
import org.sdaplanner.web.api.TradeoffCurve;
import org.sdaplanner.web.http.GuardedRoutes;
import org.sdaplanner.web.http.JsonBody;
import org.sdaplanner.web.http.Requests;
import org.sdaplanner.web.http.Responses;
import org.sdaplanner.web.plans.BlockExplanations;
import org.sdaplanner.web.plans.PlanDownloads;
import org.sdaplanner.web.plans.PlanFigures;
import org.sdaplanner.web.plans.PlanImports;
import org.sdaplanner.web.plans.PlanSpec;
import org.sdaplanner.web.plans.Plans;
import org.sdaplanner.web.plans.TradeoffCurves;

import java.util.Base64;

/**
 * Plans as a whole: list, open, build, import, rename, copy, delete; their figures, areas on the map, the
 * "why" of a block, downloads.
 */
public final class PlanRoutes implements RouteGroup {
    /** The largest balance weight a new plan takes (the default is 1; beyond this, balance is all there is). */
    static final double MAX_WEIGHT = 1_000_000;
    /** The largest population bound a new plan takes: more people than live in England. */
    static final double MAX_POPULATION = 100_000_000;
    private final Plans plans;
    private final PlanFigures figures;
    private final BlockExplanations explanations;
    private final PlanDownloads downloads;
    private final PlanImports imports;
    private final TradeoffCurves tradeoffs;

    public PlanRoutes(Plans plans, PlanFigures figures, BlockExplanations explanations, PlanDownloads downloads,
                      PlanImports imports, TradeoffCurves tradeoffs) {
        this.tradeoffs = tradeoffs;
        this.plans = plans;
        this.figures = figures;
        this.explanations = explanations;
        this.downloads = downloads;
        this.imports = imports;
    }

    /** More areas than this is not a plan of service areas (the national benchmark has 1,250). */
    static final int MAX_AREAS = 100_000;

    /** What a request asks for, in {@code sda build}'s terms; values that do not parse answer 400. */
    static PlanSpec spec(PlanCreate c) {
        PlanSpec d = PlanSpec.defaults();
        Integer unparished = field("unparished_areas", () -> PlanSpec.unparished(c.unparishedAreas()));
        if (unparished != null && unparished > MAX_UNPARISHED) {
            throw ApiException.field("unparished_areas", "'unparished_areas' must be auto or a whole number from 0 to "
                    + MAX_UNPARISHED);
        }
        Double deviation = field("max_deviation", () -> PlanSpec.deviation(c.maxDeviation()));
        return new PlanSpec(c.areas(), c.parishAreas(), unparished,
                c.seed() == null ? d.seed() : c.seed(), c.districtNesting() == null ? d.districtNesting() : c.districtNesting(),
                deviation, c.minPopulation() == null ? d.minPopulation() : c.minPopulation(),
                c.maxPopulation() == null ? d.maxPopulation() : c.maxPopulation(),
                c.balanceWeight() == null ? d.balanceWeight() : c.balanceWeight(), d.effort());
    }

    /** More unparished areas than this is no plan of service areas (the CLI's limit on a count of areas, too). */
    static final int MAX_UNPARISHED = 1000;

    /** A value read by one of PlanSpec's parsers; its refusal names the field. */
    private static <T> T field(String name, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.field(name, "cannot build the plan: " + e.getMessage());
        }
    }

    @Override
    public void register(GuardedRoutes routes) {
        routes.get("/api/plans", Permission.VIEW_PLANS, ctx -> ctx.json(plans.list()));
        routes.get("/api/plans/{id}", Permission.VIEW_PLANS, ctx -> Responses.json(ctx, plans.planJson(Requests.planId(ctx))));
        routes.get("/api/plans/{id}/areas", Permission.VIEW_PLANS,
                ctx -> Responses.cached(ctx, figures.areas(Requests.planId(ctx), Requests.zoom(ctx))));
        routes.get("/api/plans/{id}/metrics", Permission.VIEW_PLANS, ctx -> Responses.json(ctx, figures.metrics(Requests.planId(ctx))));
        routes.get("/api/plans/{id}/blocks/{code}/why", Permission.VIEW_PLANS,
                ctx -> ctx.json(explanations.why(Requests.planId(ctx), Requests.pathText(ctx, "code", TextRule.Kind.CODE))));
        routes.get("/api/plans/{id}/download", Permission.VIEW_PLANS, ctx -> {
            long id = Requests.planId(ctx);
            PlanExport.Download d = downloads.download(id, Requests.optionalQuery(ctx, "format", TextRule.Kind.ID));
            Responses.file(ctx, d.contentType(), d.fileName(), d.bytes());
        });
        routes.post("/api/plans", Permission.EDIT_PLANS, ctx -> {
            JsonBody body = Requests.body(ctx, false);
            // every field is read and checked here, before the plan is built
            PlanCreate c = new PlanCreate(body.requiredText("name", TextRule.Kind.NAME), body.optionalInt("areas", 1, MAX_AREAS),
                    body.optionalInt("parish_areas", 1, MAX_AREAS), body.optionalNumberOrText("unparished_areas"),
                    body.optionalLong("seed"), body.optionalBoolean("district_nesting"), body.optionalDouble("balance_weight", 0, MAX_WEIGHT),
                    body.optionalNumberOrText("max_deviation"), body.optionalDouble("min_population", 0, MAX_POPULATION),
                    body.optionalDouble("max_population", 0, MAX_POPULATION));
            Plan plan = plans.create(c.name(), spec(c), routes.user(ctx));
            Responses.created(ctx, plan, "/api/plans/" + plan.id());
        });
        // analysts only: each new curve is seven builds' work (kept, so asking again is free)
        routes.get("/api/tradeoff", Permission.EDIT_PLANS, ctx -> {
            String seed = Requests.optionalQuery(ctx, "seed", TextRule.Kind.ID);
            Long s;
            try {
                s = seed == null ? null : Long.parseLong(seed);
            } catch (NumberFormatException e) {
                throw ApiException.field("seed", "'seed' must be a whole number");
            }
            PlanCreate c = new PlanCreate(null, Requests.intParam(ctx, "areas", 1, MAX_AREAS),
                    Requests.intParam(ctx, "parish_areas", 1, MAX_AREAS), Requests.optionalQuery(ctx, "unparished_areas", TextRule.Kind.ID), s,
                    Requests.booleanParam(ctx, "district_nesting"), Requests.numberParam(ctx, "balance_weight", 0, MAX_WEIGHT), null,
                    Requests.numberParam(ctx, "min_population", 0, MAX_POPULATION), Requests.numberParam(ctx, "max_population", 0, MAX_POPULATION));
            TradeoffCurve curve = tradeoffs.curve(spec(c));
            ctx.status(curve.status().equals("running") ? 202 : 200).json(curve);
        });
        routes.upload("/api/plans/import", Permission.EDIT_PLANS, ctx -> {
            JsonBody body = Requests.body(ctx, false);
            PlanImportRequest r = new PlanImportRequest(body.optionalText("name", TextRule.Kind.NAME),
                    body.requiredText("file_name", TextRule.Kind.FILE_NAME), body.optionalString("content"),
                    body.optionalBoolean("check"));
            if (r.content() == null) {
                throw ApiException.field("content", "missing field 'content' (the file's bytes in base64)");
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(r.content().strip());
            } catch (IllegalArgumentException e) {
                throw ApiException.field("content", "field 'content' must be the file's bytes in base64");
            }
            if (Boolean.TRUE.equals(r.check())) {
                ctx.json(imports.check(r.fileName(), bytes));
                return;
            }
            if (r.name() == null || r.name().isBlank()) {
                throw ApiException.field("name", "missing field 'name' (a non-empty string): the imported plan needs a name");
            }
            Plan plan = imports.importPlan(r.name(), r.fileName(), bytes, routes.user(ctx));
            Responses.created(ctx, plan, "/api/plans/" + plan.id());
        });
        routes.patch("/api/plans/{id}", Permission.EDIT_PLANS, ctx -> {
            long id = Requests.planId(ctx);
            PlanRename r = new PlanRename(Requests.body(ctx, false).requiredText("name", TextRule.Kind.NAME));
            ctx.json(plans.rename(id, r.name()));
        });
        routes.delete("/api/plans/{id}", Permission.EDIT_PLANS, ctx -> {
            plans.delete(Requests.planId(ctx));
            ctx.status(204);
        });
        routes.post("/api/plans/{id}/copy", Permission.EDIT_PLANS, ctx -> {
            long id = Requests.planId(ctx);
            String name = Requests.body(ctx, true).optionalText("name", TextRule.Kind.NAME);
            if (name == null || name.isBlank()) {
                name = "Copy of " + plans.plan(id).name();
            }
            Plan plan = plans.copy(id, name, routes.user(ctx));
            Responses.created(ctx, plan, "/api/plans/" + plan.id());
        });
    }
}
