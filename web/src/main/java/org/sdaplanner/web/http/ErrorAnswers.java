package org.sdaplanner.web.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.sdaplanner.store.CommentRepository;
import org.sdaplanner.store.NotFoundException;
import org.sdaplanner.store.PlanConflictException;
import org.sdaplanner.store.PlanNotFoundException;
import org.sdaplanner.store.RevisionConflictException;
import org.sdaplanner.store.StoreConflictException;
import org.sdaplanner.store.StoreException;
import org.sdaplanner.web.ApiException;
import org.sdaplanner.web.api.ApiError;
import org.sdaplanner.web.api.ConflictError;
import org.sdaplanner.web.auth.AuthException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * Every failure as a JSON answer: a 4xx with {@code {"error": …}} saying what was wrong, or a 500
 * with a reference to find in the server log (never a stack trace or internal detail).
 */
public final class ErrorAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorAnswers.class);
    private static final String ERROR_WRITTEN = "sda.error";

    private ErrorAnswers() {
    }

    public static void register(Javalin app) {
        app.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.body()));
        app.exception(PlanNotFoundException.class, (e, ctx) -> error(ctx, 404, e.getMessage()));
        app.exception(PlanConflictException.class,
                (e, ctx) -> error(ctx, 409, new ConflictError(e.getMessage(), e.storedRevision())));
        app.exception(RevisionConflictException.class,
                (e, ctx) -> error(ctx, 409, new ConflictError(e.getMessage(), e.storedRevision())));
        app.exception(StoreConflictException.class, (e, ctx) -> error(ctx, 409, e.getMessage()));
        app.exception(NotFoundException.class, (e, ctx) -> error(ctx, 404, e.getMessage()));
        app.exception(CommentRepository.RefusedException.class, (e, ctx) -> error(ctx, switch (e.kind()) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
        }, e.getMessage()));
        app.exception(AuthException.class, (e, ctx) -> {
            if (e.retryAfterSeconds() > 0) {
                ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            }
            error(ctx, e.status(), e.getMessage());
        });
        app.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
        // faults: the answer gives a reference to find in the server log, never the detail itself
        app.exception(StoreException.class, (e, ctx) -> {
            String ref = reference();
            LOG.error("store error {} on {} {}", ref, ctx.method(), ctx.path(), e);
            error(ctx, 500, "the store could not complete this request; the server log has the details (ref " + ref + ")");
        });
        app.exception(Exception.class, (e, ctx) -> {
            String ref = reference();
            LOG.error("fault {} on {} {}", ref, ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal error; the server log has the details (ref " + ref + ")");
        });
        app.error(404, ctx -> {
            if (ctx.attribute(ERROR_WRITTEN) == null) {
                error(ctx, 404, "nothing at " + ctx.method() + " " + ctx.path());
            }
        });
    }

    private static void error(Context ctx, int status, String message) {
        error(ctx, status, new ApiError(message));
    }

    private static void error(Context ctx, int status, Object body) {
        ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
        ctx.status(status).json(body);
    }

    private static String reference() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
