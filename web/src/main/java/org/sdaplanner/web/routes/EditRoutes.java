package org.sdaplanner.web.routes;

import io.javalin.http.HandlerType;
import org.sdaplanner.core.access.Permission;
import org.sdaplanner.core.text.TextRule;
import org.sdaplanner.web.api.AreaRename;
import org.sdaplanner.web.api.LockRequest;
import org.sdaplanner.web.api.MoveRequest;
import org.sdaplanner.web.api.RevisionRequest;
import org.sdaplanner.web.http.GuardedRoutes;
import org.sdaplanner.web.http.JsonBody;
import org.sdaplanner.web.http.Requests;
import org.sdaplanner.web.plans.PlanEditing;

import java.util.List;

/** The analyst's edits of a plan: area names, moves (and their previews), locks, undo, redo, and the edit history. */
public final class EditRoutes implements RouteGroup {
    private final PlanEditing editing;

    public EditRoutes(PlanEditing editing) {
        this.editing = editing;
    }

    /** The most blocks one move or lock names (a region has a few thousand at most). */
    static final int MAX_BLOCKS = 10_000;

    @Override
    public void register(GuardedRoutes routes) {
        routes.patch("/api/plans/{id}/areas/{areaId}", Permission.EDIT_PLANS, ctx -> {
            long id = Requests.planId(ctx);
            JsonBody body = Requests.body(ctx, false);
            String areaId = Requests.pathText(ctx, "areaId", TextRule.Kind.ID);
            AreaRename r = new AreaRename(body.requiredText("name", TextRule.Kind.NAME), body.optionalLong("revision"));
            ctx.json(editing.renameArea(id, areaId, r.name(), r.revision(), routes.user(ctx)));
        });
        // a preview only scores a move, so only committed moves count against the write limit
        routes.uncountedWrite(HandlerType.POST, "/api/plans/{id}/moves", Permission.EDIT_PLANS, ctx -> {
            long id = Requests.planId(ctx);
            JsonBody body = Requests.body(ctx, false);
            List<String> blocks = body.requiredCodes("blocks", TextRule.Kind.CODE, MAX_BLOCKS);
            String to = body.requiredText("to", TextRule.Kind.ID);
            Boolean preview = body.optionalBoolean("preview");
            if (preview == null || !preview) {
                routes.countWrite(ctx);
            }
            MoveRequest m = new MoveRequest(blocks, to, preview, body.optionalLong("revision"));
            ctx.json(editing.move(id, m.blocks(), m.to(), preview != null && preview, m.revision(), routes.user(ctx)));
        });
        routes.post("/api/plans/{id}/locks", Permission.EDIT_PLANS, ctx -> {
            long id = Requests.planId(ctx);
            JsonBody body = Requests.body(ctx, false);
            LockRequest l = new LockRequest(body.requiredCodes("blocks", TextRule.Kind.CODE, MAX_BLOCKS), body.requiredBoolean("locked"),
                    body.optionalLong("revision"));
            ctx.json(editing.lock(id, l.blocks(), l.locked(), l.revision(), routes.user(ctx)));
        });
        routes.post("/api/plans/{id}/undo", Permission.EDIT_PLANS, ctx -> {
            long id = Requests.planId(ctx);
            ctx.json(editing.undo(id, revision(Requests.body(ctx, true)).revision(), routes.user(ctx)));
        });
        routes.post("/api/plans/{id}/redo", Permission.EDIT_PLANS, ctx -> {
            long id = Requests.planId(ctx);
            ctx.json(editing.redo(id, revision(Requests.body(ctx, true)).revision(), routes.user(ctx)));
        });
        routes.get("/api/plans/{id}/audit", Permission.EDIT_PLANS, ctx -> ctx.json(editing.history(Requests.planId(ctx))));
        routes.get("/api/plans/{id}/edit-state", Permission.EDIT_PLANS, ctx -> ctx.json(editing.editState(Requests.planId(ctx))));
    }

    private static RevisionRequest revision(JsonBody body) {
        return new RevisionRequest(body.optionalLong("revision"));
    }
}
