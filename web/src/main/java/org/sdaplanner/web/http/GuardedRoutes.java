package org.sdaplanner.web.http;

import io.javalin.Javalin;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import org.sdaplanner.core.access.AccessPolicy;
import org.sdaplanner.core.access.Permission;
import org.sdaplanner.store.StoredAccounts.Actor;
import org.sdaplanner.web.ApiException;
import org.sdaplanner.web.auth.Authenticator;
import org.sdaplanner.web.auth.RateLimiter;
import org.sdaplanner.web.auth.SessionTokens;
import org.sdaplanner.web.auth.Visitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The only way to add a route to the server, and the checks every request meets before its handler.
 * Each route is registered with the {@link Permission} it needs (null: open to anyone); route groups
 * get this object and never the Javalin app, so a new route cannot skip the checks. In order:
 * <ol>
 *   <li>who is asking (the session cookie, resolved once per request);</li>
 *   <li>for writes, a same-origin {@code Origin} when the browser sends one: scheme, host and port the
 *       request's own, or the configured public origin when the server is behind a proxy;</li>
 *   <li>the permission against the visitor's role ({@link AccessPolicy}): 401 when not signed in,
 *       403 when the role lacks it;</li>
 *   <li>for writes of a signed-in visitor, the session's CSRF token in {@value #CSRF_HEADER};</li>
 *   <li>for writes, a JSON body (Content-Type exactly {@code application/json}, with at most a UTF-8 charset)
 *       or none, of at most {@value #MAX_REQUEST_BYTES} bytes ({@value #MAX_UPLOAD_BYTES}
 *       for an upload);</li>
 *   <li>for counted writes of a signed-in visitor, the account's write limit (429 with Retry-After).</li>
 * </ol>
 */
public final class GuardedRoutes {
    public static final String SESSION_COOKIE = "sda_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** Largest request body accepted (a comment is at most 4,000 characters; a move names a few hundred blocks). */
    public static final long MAX_REQUEST_BYTES = 64 * 1024;
    /** Largest body of an upload route (a plan file, base64 in JSON); the server's own limit. */
    public static final long MAX_UPLOAD_BYTES = 20L * 1024 * 1024;
    private static final String VISITOR = "sda.visitor";

    /** A registered route and the permission it needs (null: open to anyone), for docs and the authorisation test. */
    public record Route(String method, String path, Permission permission) {
    }

    private final Javalin app;
    private final AccessPolicy policy;
    private final Authenticator auth;
    private final RateLimiter writes;
    private final String publicOrigin;
    private final List<Route> routes = new ArrayList<>();

    /** {@code publicOrigin}: the address people open when a proxy is in front (e.g. https://sda.example.org), or null. */
    public GuardedRoutes(Javalin app, AccessPolicy policy, Authenticator auth, RateLimiter writes, String publicOrigin) {
        this.app = app;
        this.policy = policy;
        this.auth = auth;
        this.writes = writes;
        this.publicOrigin = publicOrigin == null ? null : Origins.of(publicOrigin)
                .orElseThrow(() -> new IllegalArgumentException("the public origin must be an http(s) address without a path, such"
                        + " as https://sda.example.org, not '" + publicOrigin + "'"));
    }

    public void get(String path, Permission p, Handler h) {
        on(HandlerType.GET, path, p, true, MAX_REQUEST_BYTES, h);
    }

    public void post(String path, Permission p, Handler h) {
        on(HandlerType.POST, path, p, true, MAX_REQUEST_BYTES, h);
    }

    public void patch(String path, Permission p, Handler h) {
        on(HandlerType.PATCH, path, p, true, MAX_REQUEST_BYTES, h);
    }

    public void delete(String path, Permission p, Handler h) {
        on(HandlerType.DELETE, path, p, true, MAX_REQUEST_BYTES, h);
    }

    /** A POST whose JSON body may carry a file, up to {@value #MAX_UPLOAD_BYTES} bytes (every other check applies). */
    public void upload(String path, Permission p, Handler h) {
        on(HandlerType.POST, path, p, true, MAX_UPLOAD_BYTES, h);
    }

    /**
     * A write not counted against the write limit before its handler: signing in and out, and moves
     * (the handler counts committed moves with {@link #countWrite}; previews only score).
     */
    public void uncountedWrite(HandlerType method, String path, Permission p, Handler h) {
        on(method, path, p, false, MAX_REQUEST_BYTES, h);
    }

    /** Every route with the permission it needs, in the order registered. */
    public List<Route> table() {
        return List.copyOf(routes);
    }

    private void on(HandlerType method, String path, Permission p, boolean counted, long maxBytes, Handler h) {
        routes.add(new Route(method.name(), path, p));
        boolean write = method != HandlerType.GET;
        app.addHttpHandler(method, path, ctx -> {
            Visitor v = visitor(ctx);
            if (write) {
                sameOrigin(ctx);
            }
            if (p != null && !policy.allows(v.role(), p)) {
                if (!v.signedIn()) {
                    throw new ApiException(401, "sign in first: this needs an account");
                }
                throw new ApiException(403, "your role (" + v.account().role().code() + ") does not allow this");
            }
            if (write) {
                if (v.signedIn() && !SessionTokens.same(ctx.header(CSRF_HEADER), v.csrfToken())) {
                    throw new ApiException(403, "missing or wrong " + CSRF_HEADER + " header: reload the page and try again");
                }
                jsonBodyType(ctx);
                if (ctx.contentLength() > maxBytes) {
                    throw new ContentTooLargeResponse();
                }
                if (counted && v.signedIn()) {
                    countWrite(ctx);
                }
            }
            h.handle(ctx);
        });
    }

    // ---- who is asking -----------------------------------------------------------------------

    /** Who is asking: resolved once per request from the session cookie. */
    public Visitor visitor(Context ctx) {
        Visitor v = ctx.attribute(VISITOR);
        if (v == null) {
            v = auth.resolve(ctx.cookie(SESSION_COOKIE));
            ctx.attribute(VISITOR, v);
        }
        return v;
    }

    /** After signing in: the rest of the request is answered for the new session. */
    public void signedIn(Context ctx, Visitor v) {
        ctx.attribute(VISITOR, v);
    }

    /** The user named in plan histories. */
    public String user(Context ctx) {
        return visitor(ctx).name();
    }

    /** Who did it and from where, for the audit log. */
    public Actor actor(Context ctx) {
        return new Actor(user(ctx), remote(ctx));
    }

    public static String remote(Context ctx) {
        return ctx.ip();
    }

    /** Counts a write against the signed-in account's limit (429 with Retry-After when it is used up). */
    public void countWrite(Context ctx) {
        Visitor v = visitor(ctx);
        String key = "account:" + v.account().id();
        if (!writes.tryAcquire(key)) {
            ctx.header("Retry-After", Long.toString(writes.retryAfterSeconds(key)));
            throw new ApiException(429, "too many changes in a short time from this account: wait a moment and try again");
        }
    }

    // ---- request checks ----------------------------------------------------------------------

    /**
     * A write from a browser page of another site is refused: the Origin, when sent, must be this server's
     * scheme, host and port as the request reached it, or the public origin the server was given (behind a
     * proxy, where the browser's https origin is not what reaches this server). X-Forwarded-* headers are not
     * trusted: anyone can send them.
     */
    private void sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || origin.isEmpty()) {
            return; // not a browser, or a same-origin request from an old browser: CSRF token and JSON type still apply
        }
        Optional<String> o = Origins.of(origin);
        if (o.isPresent() && (o.get().equals(publicOrigin) || o.equals(Origins.direct(ctx.scheme(), ctx.header("Host"))))) {
            return;
        }
        throw new ApiException(403, "requests from another site are refused (Origin "
                + (origin.length() > 100 ? origin.substring(0, 100) + "…" : origin) + ")");
    }

    /**
     * Writes carry JSON (or nothing): a page of another site cannot send JSON without the browser asking first.
     * The type is matched exactly ({@code application/jsonp} or {@code application/json-seq} are not JSON), with at
     * most a {@code charset=utf-8} parameter.
     */
    private static void jsonBodyType(Context ctx) {
        String type = ctx.header("Content-Type");
        long length = ctx.contentLength();
        if (length == 0 || (length < 0 && type == null)) {
            return;
        }
        if (!isJson(type)) {
            throw new ApiException(415, "send the request body as JSON (Content-Type: application/json)");
        }
    }

    /** {@code application/json}, alone or with {@code ; charset=utf-8} (any case). */
    static boolean isJson(String type) {
        if (type == null) {
            return false;
        }
        String[] parts = type.split(";", -1);
        if (!parts[0].strip().toLowerCase(Locale.ROOT).equals("application/json") || parts.length > 2) {
            return false;
        }
        if (parts.length == 1) {
            return true;
        }
        String param = parts[1].strip().toLowerCase(Locale.ROOT).replace(" ", "");
        return param.equals("charset=utf-8");
    }
}
