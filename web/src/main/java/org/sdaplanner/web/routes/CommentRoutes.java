package org.sdaplanner.web.routes;

import io.javalin.http.Context;
import org.sdaplanner.core.access.CommentRules.Status;
import org.sdaplanner.core.access.Permission;
import org.sdaplanner.core.text.TextRule;
import org.sdaplanner.store.StoredComments;
import org.sdaplanner.store.StoredComments.Filter;
import org.sdaplanner.web.ApiException;
import org.sdaplanner.web.api.Comment;
import org.sdaplanner.web.api.CommentCreate;
import org.sdaplanner.web.api.CommentEdit;
import org.sdaplanner.web.api.Moderation;
import org.sdaplanner.web.comments.PlanComments;
import org.sdaplanner.web.http.GuardedRoutes;
import org.sdaplanner.web.http.JsonBody;
import org.sdaplanner.web.http.Requests;
import org.sdaplanner.web.http.Responses;

import java.util.List;

/** Comments on plans: read (JSON or CSV, filtered), post, edit or withdraw one's own, and moderate. */
public final class CommentRoutes implements RouteGroup {
    private final PlanComments comments;

    public CommentRoutes(PlanComments comments) {
        this.comments = comments;
    }

    @Override
    public void register(GuardedRoutes routes) {
        routes.get("/api/plans/{id}/comments", Permission.READ_COMMENTS, ctx -> {
            long id = Requests.planId(ctx);
            Filter f = filter(ctx);
            Responses.jsonOrCsv(ctx, "plan-" + id + "-comments.csv", () -> comments.list(id, f, routes.visitor(ctx)),
                    () -> comments.csv(id, f, routes.visitor(ctx)));
        });
        routes.post("/api/plans/{id}/comments", Permission.COMMENT, ctx -> {
            long id = Requests.planId(ctx);
            JsonBody body = Requests.body(ctx, false);
            // read in this order, so that the first field in error is the one named
            String text = body.requiredExactText("text", TextRule.Kind.COMMENT);
            Long parent = body.optionalLong("parent");
            String area = body.optionalText("area", TextRule.Kind.ID);
            String block = body.optionalText("block", TextRule.Kind.CODE);
            Double lon = body.optionalDouble("lon", -180, 180);
            Double lat = body.optionalDouble("lat", -90, 90);
            Comment c = comments.post(id, new CommentCreate(text, area, block, lon, lat, parent), routes.visitor(ctx));
            Responses.created(ctx, c, "/api/plans/" + id + "/comments?id=" + c.id());
        });
        routes.patch("/api/comments/{cid}", Permission.COMMENT, ctx -> {
            JsonBody body = Requests.body(ctx, false);
            long cid = Requests.commentId(ctx);
            CommentEdit e = new CommentEdit(body.requiredExactText("text", TextRule.Kind.COMMENT), body.optionalLong("revision"));
            ctx.json(comments.edit(cid, e.text(), e.revision(), routes.visitor(ctx)));
        });
        routes.post("/api/comments/{cid}/withdraw", Permission.COMMENT, ctx -> {
            long cid = Requests.commentId(ctx);
            ctx.json(comments.withdraw(cid, Requests.body(ctx, true).optionalLong("revision"), routes.visitor(ctx)));
        });
        routes.post("/api/comments/{cid}/hide", Permission.MODERATE, ctx -> moderate(ctx, routes, Status.HIDDEN));
        routes.post("/api/comments/{cid}/restore", Permission.MODERATE, ctx -> moderate(ctx, routes, Status.VISIBLE));
    }

    private void moderate(Context ctx, GuardedRoutes routes, Status target) {
        JsonBody body = Requests.body(ctx, false);
        long cid = Requests.commentId(ctx);
        Moderation m = new Moderation(body.requiredText("reason", TextRule.Kind.REASON), body.optionalLong("revision"));
        ctx.json(comments.moderate(cid, target, m.reason(), m.revision(), routes.visitor(ctx), GuardedRoutes.remote(ctx)));
    }

    private static Filter filter(Context ctx) {
        String status = Requests.optionalQuery(ctx, "status", TextRule.Kind.ID);
        String about = Requests.optionalQuery(ctx, "about", TextRule.Kind.ID);
        if (about != null && !List.of(StoredComments.AREA, StoredComments.PARISH, StoredComments.POINT).contains(about)) {
            throw ApiException.field("about", "'about' must be area, parish or point");
        }
        return new Filter(Requests.optionalQuery(ctx, "area", TextRule.Kind.ID), status == null ? null : status(status),
                about, Requests.optionalQuery(ctx, "author", TextRule.Kind.USERNAME), Requests.optionalQuery(ctx, "block", TextRule.Kind.CODE));
    }

    private static Status status(String text) {
        try {
            return Status.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.field("status", "'status' must be visible, withdrawn or hidden");
        }
    }
}
