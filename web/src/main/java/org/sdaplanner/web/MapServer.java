package org.sdaplanner.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.sdaplanner.core.access.AccessPolicy;
import org.sdaplanner.core.access.CommentRules.Status;
import org.sdaplanner.core.access.Permission;
import org.sdaplanner.core.access.Role;
import org.sdaplanner.store.AccountRepository;
import org.sdaplanner.store.CommentRepository;
import org.sdaplanner.store.NotFoundException;
import org.sdaplanner.store.PlanConflictException;
import org.sdaplanner.store.PlanNotFoundException;
import org.sdaplanner.store.RevisionConflictException;
import org.sdaplanner.store.StoreConflictException;
import org.sdaplanner.store.StoreException;
import org.sdaplanner.store.StoredAccounts.Actor;
import org.sdaplanner.store.StoredComments;
import org.sdaplanner.store.StoredComments.Filter;
import org.sdaplanner.web.auth.AccountAdmin;
import org.sdaplanner.web.auth.AuthException;
import org.sdaplanner.web.auth.Authenticator;
import org.sdaplanner.web.auth.RateLimiter;
import org.sdaplanner.web.auth.SessionTokens;
import org.sdaplanner.web.auth.Visitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The map server: the page at {@code /} (static files from the classpath folder {@code /public}),
 * Leaflet at {@code /vendor/leaflet/} (from its webjar), and the REST API of docs/api.md under {@code /api}, described
 * by {@code /api/openapi.json}. Handlers only read the request, call {@link PlannerService} (or the
 * comment and account services) and write JSON; every error is JSON {@code {"error": …}} with a 4xx
 * status, or 500 for a fault (never a stack trace or internal detail).
 *
 * <p>Every route is registered with the {@link Permission} it needs, checked before its handler
 * against the visitor's role ({@link AccessPolicy}); every write also needs the session's CSRF
 * token (header {@value #CSRF_HEADER}), a JSON body, a same-origin {@code Origin} when the browser
 * sends one, and is counted against the account's write limit.
 */
public final class MapServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MapServer.class);
    static final ObjectMapper JSON = new ObjectMapper();
    static final String OPENAPI_RESOURCE = "/org/sdaplanner/web/openapi.json";
    static final String LEAFLET_RESOURCES = "/META-INF/resources/webjars/leaflet/1.9.4/dist";
    static final String SESSION_COOKIE = "sda_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** Largest request body accepted (a comment is at most 4,000 characters; a move names a few hundred blocks). */
    static final long MAX_REQUEST_BYTES = 64 * 1024;
    private static final String ERROR_WRITTEN = "sda.error";
    private static final String VISITOR = "sda.visitor";
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none';"
            + " form-action 'self'";

    /**
     * How the server treats visitors: public read-only access, whether cookies are always marked
     * Secure, and each account's write limit (a burst, then so many a second).
     */
    public record Options(boolean publicRead, boolean secureCookies, int writeBurst, double writesPerSecond) {
        public static final int WRITE_BURST = 30;
        public static final double WRITES_PER_SECOND = 1.0;

        public static Options defaults() {
            return new Options(true, false, WRITE_BURST, WRITES_PER_SECOND);
        }

        public Options withWriteLimit(int burst, double perSecond) {
            return new Options(publicRead, secureCookies, burst, perSecond);
        }

        public Options withSecureCookies(boolean on) {
            return new Options(publicRead, on, writeBurst, writesPerSecond);
        }

        public Options withPublicRead(boolean on) {
            return new Options(on, secureCookies, writeBurst, writesPerSecond);
        }
    }

    /** A registered route and the permission it needs (null: open to anyone), for docs and the authorisation test. */
    record Route(String method, String path, Permission permission) {
    }

    private final PlannerService service;
    private final Options options;
    private final AccessPolicy policy;
    private final Authenticator auth;
    private final AccountAdmin admin;
    private final AccountRepository accounts;
    private final CommentService comments;
    private final RateLimiter writes;
    private final List<Route> routes = new ArrayList<>();
    private final Javalin app;
    private final byte[] openApi;

    private MapServer(PlannerService service, Options options) {
        this.service = service;
        this.options = options;
        this.policy = new AccessPolicy(options.publicRead());
        this.writes = new RateLimiter(options.writeBurst(), options.writesPerSecond(), System::nanoTime);
        this.accounts = new AccountRepository(service.store());
        this.auth = new Authenticator(accounts);
        this.admin = new AccountAdmin(accounts, auth::forget);
        this.comments = new CommentService(service, new CommentRepository(service.store()), policy);
        this.openApi = resource(OPENAPI_RESOURCE);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(JSON, false));
            config.http.gzipOnlyCompression();
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            if (MapServer.class.getResource("/public") != null) {
                config.staticFiles.add(sf -> {
                    sf.hostedPath = "/";
                    sf.directory = "/public";
                    sf.location = Location.CLASSPATH;
                });
            }
        });
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Content-Security-Policy", CSP);
            ctx.header("Referrer-Policy", "same-origin");
            ctx.header("X-Frame-Options", "DENY");
        });
        routes();
        errors();
    }

    /** Starts serving on host:port (port 0: any free port) with public read access on. */
    public static MapServer start(PlannerService service, String host, int port) {
        return start(service, Options.defaults(), host, port);
    }

    public static MapServer start(PlannerService service, Options options, String host, int port) {
        MapServer s = new MapServer(service, options);
        s.app.start(host, port);
        return s;
    }

    public int port() {
        return app.port();
    }

    /** Every API route with the permission it needs. */
    List<Route> routeTable() {
        return List.copyOf(routes);
    }

    @Override
    public void close() {
        app.stop();
    }

    // ---- routes ------------------------------------------------------------------------------

    private void get(String path, Permission p, Handler h) {
        on(HandlerType.GET, path, p, true, h);
    }

    private void post(String path, Permission p, Handler h) {
        on(HandlerType.POST, path, p, true, h);
    }

    private void patch(String path, Permission p, Handler h) {
        on(HandlerType.PATCH, path, p, true, h);
    }

    private void delete(String path, Permission p, Handler h) {
        on(HandlerType.DELETE, path, p, true, h);
    }

    /**
     * Registers a route behind its checks: the permission (401 when not signed in, 403 when the role
     * lacks it), then for writes the CSRF token, the body's type and the account's write limit
     * ({@code limited}).
     */
    private void on(HandlerType method, String path, Permission p, boolean limited, Handler h) {
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
                if (limited && v.signedIn()) {
                    chargeWrite(ctx, v);
                }
            }
            h.handle(ctx);
        });
    }

    private void routes() {
        // Leaflet from its webjar, file by file: the webjar has no directory entries for a static-file handler
        get("/vendor/leaflet/<file>", null, ctx -> {
            Asset a = leaflet(ctx.pathParam("file"));
            ctx.header("Cache-Control", "public, max-age=86400").contentType(a.contentType()).result(a.bytes());
        });
        get("/api/health", null, ctx -> ctx.json(Map.of("status", "ok", "store", service.storeName())));
        get("/api/openapi.json", null, ctx -> ctx.contentType("application/json").result(openApi));
        sessionRoutes();
        accountRoutes();
        get("/api/region", Permission.VIEW_PLANS, ctx -> ctx.json(service.regionInfo()));
        get("/api/layers/{layer}", Permission.VIEW_PLANS, ctx -> sendCached(ctx, service.layer(ctx.pathParam("layer"), zoom(ctx))));
        get("/api/search", Permission.VIEW_PLANS, ctx -> {
            String q = ctx.queryParam("q");
            if (q == null) {
                throw ApiException.badRequest("missing query parameter 'q'");
            }
            ctx.json(service.search(q));
        });
        planRoutes();
        editRoutes();
        profileRoutes();
        commentRoutes();
    }

    private void sessionRoutes() {
        get("/api/session", null, ctx -> ctx.json(sessionJson(visitor(ctx))));
        on(HandlerType.POST, "/api/session", null, false, ctx -> {
            JsonBody body = body(ctx, false);
            Authenticator.SignedIn in = auth.login(body.requiredString("username"), body.optionalString("password"), remote(ctx));
            ctx.header("Set-Cookie", cookie(ctx, in.token(), (int) Authenticator.SESSION_LIFETIME.toSeconds()));
            ctx.attribute(VISITOR, in.visitor());
            ctx.json(sessionJson(in.visitor()));
        });
        on(HandlerType.DELETE, "/api/session", null, false, ctx -> {
            auth.logout(visitor(ctx), remote(ctx));
            ctx.header("Set-Cookie", cookie(ctx, "", 0));
            ctx.status(204);
        });
        post("/api/session/password", Permission.OWN_ACCOUNT, ctx -> {
            Visitor v = visitor(ctx);
            JsonBody body = body(ctx, false);
            admin.changeOwnPassword(v.account(), body.optionalString("current"), body.optionalString("new"), v.tokenDigest(),
                    actor(ctx));
            ctx.status(204);
        });
    }

    private void accountRoutes() {
        get("/api/accounts", Permission.MANAGE_ACCOUNTS, ctx -> ctx.json(admin.list().stream().map(AccountViews::account).toList()));
        post("/api/accounts", Permission.MANAGE_ACCOUNTS, ctx -> {
            JsonBody body = body(ctx, false);
            AccountAdmin.WithPassword added = admin.add(body.requiredString("username"), body.optionalString("display_name"),
                    Role.parse(body.requiredString("role")), body.optionalString("password"), actor(ctx));
            created(ctx, AccountViews.withPassword(added), "/api/accounts/" + added.account().username());
        });
        patch("/api/accounts/{username}", Permission.MANAGE_ACCOUNTS, ctx -> {
            String username = ctx.pathParam("username");
            JsonBody body = body(ctx, false);
            Long revision = body.optionalLong("revision");
            String role = body.optionalString("role");
            Boolean disabled = body.optionalBoolean("disabled");
            if (role == null && disabled == null) {
                throw ApiException.badRequest("give 'role' and/or 'disabled'");
            }
            var a = admin.find(username)
                    .orElseThrow(() -> ApiException.notFound("no account named '" + username + "'"));
            if (role != null && Role.parse(role) != a.role()) {
                a = admin.setRole(username, Role.parse(role), revision, actor(ctx));
                revision = revision == null ? null : a.revision();
            }
            if (disabled != null && disabled != a.disabled()) {
                a = admin.setDisabled(username, disabled, revision, actor(ctx));
            }
            ctx.json(AccountViews.account(a));
        });
        post("/api/accounts/{username}/password", Permission.MANAGE_ACCOUNTS, ctx -> {
            JsonBody body = body(ctx, true);
            ctx.json(AccountViews.withPassword(admin.resetPassword(ctx.pathParam("username"), body.optionalString("password"),
                    actor(ctx))));
        });
        get("/api/audit-log", Permission.MANAGE_ACCOUNTS, ctx -> {
            Integer limit = intParam(ctx, "limit", 1, 10_000);
            ctx.json(accounts.auditLog(limit == null ? 500 : limit, ctx.queryParam("action")).stream()
                    .map(AccountViews::audit).toList());
        });
    }

    private void planRoutes() {
        get("/api/plans", Permission.VIEW_PLANS, ctx -> ctx.json(service.listPlans()));
        get("/api/plans/{id}", Permission.VIEW_PLANS, ctx -> ctx.json(service.plan(planId(ctx))));
        get("/api/plans/{id}/areas", Permission.VIEW_PLANS, ctx -> sendCached(ctx, service.areas(planId(ctx), zoom(ctx))));
        get("/api/plans/{id}/metrics", Permission.VIEW_PLANS, ctx -> ctx.json(service.metrics(planId(ctx))));
        get("/api/plans/{id}/pcn-alignment", Permission.VIEW_PLANS, ctx -> {
            long id = planId(ctx);
            String format = ctx.queryParam("format");
            if (format == null || format.equals("json")) {
                ctx.json(service.pcnAlignment(id));
            } else if (format.equals("csv")) {
                ctx.contentType("text/csv; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"pcn_area_matrix.csv\"")
                        .result(service.pcnAlignmentCsv(id));
            } else {
                throw ApiException.badRequest("'format' must be json or csv");
            }
        });
        get("/api/plans/{id}/pcns/{code}", Permission.VIEW_PLANS,
                ctx -> ctx.json(service.pcnView(planId(ctx), ctx.pathParam("code"))));
        get("/api/plans/{id}/blocks/{code}/why", Permission.VIEW_PLANS,
                ctx -> ctx.json(service.why(planId(ctx), ctx.pathParam("code"))));
        get("/api/plans/{id}/versions", Permission.VIEW_PLANS, ctx -> ctx.json(service.versions(planId(ctx))));
        get("/api/plans/{id}/compare", Permission.VIEW_PLANS,
                ctx -> ctx.json(service.compare(planId(ctx), ctx.queryParam("a"), ctx.queryParam("b"))));
        get("/api/plans/{id}/download", Permission.VIEW_PLANS, ctx -> {
            PlannerService.Download d = service.download(planId(ctx), ctx.queryParam("format"));
            ctx.contentType(d.contentType())
                    .header("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"")
                    .result(d.bytes());
        });
    }

    /** The analyst's tools: every route that changes a plan, and the plan's edit history. */
    private void editRoutes() {
        post("/api/plans", Permission.EDIT_PLANS, ctx -> {
            JsonBody body = body(ctx, false);
            Map<String, Object> plan = service.createPlan(body.requiredString("name"), body.optionalInt("areas", 1, 100_000),
                    body.optionalLong("seed"), body.optionalBoolean("district_nesting"), user(ctx));
            created(ctx, plan, "/api/plans/" + plan.get("id"));
        });
        patch("/api/plans/{id}", Permission.EDIT_PLANS, ctx -> {
            long id = planId(ctx);
            ctx.json(service.rename(id, body(ctx, false).requiredString("name")));
        });
        delete("/api/plans/{id}", Permission.EDIT_PLANS, ctx -> {
            service.delete(planId(ctx));
            ctx.status(204);
        });
        post("/api/plans/{id}/copy", Permission.EDIT_PLANS, ctx -> {
            long id = planId(ctx);
            JsonBody body = body(ctx, true);
            String name = body.optionalString("name");
            if (name == null || name.isBlank()) {
                name = "Copy of " + service.plan(id).get("name");
            }
            Map<String, Object> plan = service.copy(id, name.strip(), user(ctx));
            created(ctx, plan, "/api/plans/" + plan.get("id"));
        });
        patch("/api/plans/{id}/areas/{areaId}", Permission.EDIT_PLANS, ctx -> {
            long id = planId(ctx);
            JsonBody body = body(ctx, false);
            ctx.json(service.renameArea(id, ctx.pathParam("areaId"), body.requiredString("name"), body.optionalLong("revision"),
                    user(ctx)));
        });
        // a preview only scores a move, so only committed moves count against the write limit
        on(HandlerType.POST, "/api/plans/{id}/moves", Permission.EDIT_PLANS, false, ctx -> {
            long id = planId(ctx);
            JsonBody body = body(ctx, false);
            List<String> blocks = body.requiredStrings("blocks");
            String to = body.requiredString("to");
            Boolean preview = body.optionalBoolean("preview");
            if (preview == null || !preview) {
                chargeWrite(ctx, visitor(ctx));
            }
            ctx.json(service.move(id, blocks, to, preview != null && preview, body.optionalLong("revision"), user(ctx)));
        });
        post("/api/plans/{id}/locks", Permission.EDIT_PLANS, ctx -> {
            long id = planId(ctx);
            JsonBody body = body(ctx, false);
            List<String> blocks = body.requiredStrings("blocks");
            ctx.json(service.lock(id, blocks, body.requiredBoolean("locked"), body.optionalLong("revision"), user(ctx)));
        });
        post("/api/plans/{id}/undo", Permission.EDIT_PLANS, ctx -> {
            long id = planId(ctx);
            ctx.json(service.undo(id, body(ctx, true).optionalLong("revision"), user(ctx)));
        });
        post("/api/plans/{id}/redo", Permission.EDIT_PLANS, ctx -> {
            long id = planId(ctx);
            ctx.json(service.redo(id, body(ctx, true).optionalLong("revision"), user(ctx)));
        });
        post("/api/plans/{id}/versions", Permission.EDIT_PLANS, ctx -> {
            long id = planId(ctx);
            Map<String, Object> v = service.saveVersion(id, body(ctx, true).optionalString("label"), user(ctx));
            created(ctx, v, "/api/plans/" + id + "/versions");
        });
        get("/api/plans/{id}/audit", Permission.EDIT_PLANS, ctx -> ctx.json(service.audit(planId(ctx))));
    }

    private void profileRoutes() {
        get("/api/indicators", Permission.VIEW_PLANS, ctx -> ctx.json(service.indicators()));
        get("/api/plans/{id}/profiles", Permission.VIEW_PLANS, ctx -> {
            long id = planId(ctx);
            String format = ctx.queryParam("format");
            if (format == null || format.equals("json")) {
                ctx.json(service.profiles(id));
            } else if (format.equals("csv")) {
                ctx.contentType("text/csv; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"profiles.csv\"")
                        .result(service.profilesCsv(id));
            } else {
                throw ApiException.badRequest("'format' must be json or csv");
            }
        });
        get("/api/plans/{id}/areas/{areaId}/profile", Permission.VIEW_PLANS,
                ctx -> ctx.json(service.areaProfile(planId(ctx), ctx.pathParam("areaId"))));
        get("/api/plans/{id}/indicators/{indicatorId}", Permission.VIEW_PLANS,
                ctx -> ctx.json(service.indicatorMap(planId(ctx), ctx.pathParam("indicatorId"), ctx.queryParam("part"))));
    }

    private void commentRoutes() {
        get("/api/plans/{id}/comments", Permission.READ_COMMENTS, ctx -> {
            long id = planId(ctx);
            Filter f = commentFilter(ctx);
            String format = ctx.queryParam("format");
            if (format == null || format.equals("json")) {
                ctx.json(comments.list(id, f, visitor(ctx)));
            } else if (format.equals("csv")) {
                ctx.contentType("text/csv; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"plan-" + id + "-comments.csv\"")
                        .result(comments.csv(id, f, visitor(ctx)));
            } else {
                throw ApiException.badRequest("'format' must be json or csv");
            }
        });
        post("/api/plans/{id}/comments", Permission.COMMENT, ctx -> {
            long id = planId(ctx);
            Map<String, Object> c = comments.post(id, body(ctx, false), visitor(ctx));
            created(ctx, c, "/api/plans/" + id + "/comments?id=" + c.get("id"));
        });
        patch("/api/comments/{cid}", Permission.COMMENT, ctx -> {
            JsonBody body = body(ctx, false);
            ctx.json(comments.edit(commentId(ctx), body.optionalString("text"), body.optionalLong("revision"), visitor(ctx)));
        });
        post("/api/comments/{cid}/withdraw", Permission.COMMENT,
                ctx -> ctx.json(comments.withdraw(commentId(ctx), body(ctx, true).optionalLong("revision"), visitor(ctx))));
        post("/api/comments/{cid}/hide", Permission.MODERATE, ctx -> moderate(ctx, Status.HIDDEN));
        post("/api/comments/{cid}/restore", Permission.MODERATE, ctx -> moderate(ctx, Status.VISIBLE));
    }

    private void moderate(Context ctx, Status target) {
        JsonBody body = body(ctx, false);
        ctx.json(comments.moderate(commentId(ctx), target, body.optionalString("reason"), body.optionalLong("revision"),
                visitor(ctx), remote(ctx)));
    }

    private static Filter commentFilter(Context ctx) {
        String status = ctx.queryParam("status");
        String about = ctx.queryParam("about");
        if (about != null && !List.of(StoredComments.AREA, StoredComments.PARISH, StoredComments.POINT).contains(about)) {
            throw ApiException.badRequest("'about' must be area, parish or point");
        }
        return new Filter(blankToNull(ctx.queryParam("area")), status == null || status.isBlank() ? null : Status.parse(status),
                about, blankToNull(ctx.queryParam("author")), blankToNull(ctx.queryParam("block")));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private void errors() {
        app.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.body()));
        app.exception(PlanNotFoundException.class, (e, ctx) -> error(ctx, 404, message(e.getMessage())));
        app.exception(PlanConflictException.class, (e, ctx) -> {
            Map<String, Object> body = message(e.getMessage());
            body.put("revision", e.storedRevision());
            error(ctx, 409, body);
        });
        app.exception(RevisionConflictException.class, (e, ctx) -> {
            Map<String, Object> body = message(e.getMessage());
            body.put("revision", e.storedRevision());
            error(ctx, 409, body);
        });
        app.exception(StoreConflictException.class, (e, ctx) -> error(ctx, 409, message(e.getMessage())));
        app.exception(NotFoundException.class, (e, ctx) -> error(ctx, 404, message(e.getMessage())));
        app.exception(CommentRepository.RefusedException.class, (e, ctx) -> error(ctx, switch (e.kind()) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
        }, message(e.getMessage())));
        app.exception(AuthException.class, (e, ctx) -> {
            if (e.retryAfterSeconds() > 0) {
                ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            }
            error(ctx, e.status(), message(e.getMessage()));
        });
        app.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, message(e.getMessage())));
        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), message(e.getMessage())));
        // faults: the answer gives a reference to find in the server log, never the detail itself
        app.exception(StoreException.class, (e, ctx) -> {
            String ref = reference();
            LOG.error("store error {} on {} {}", ref, ctx.method(), ctx.path(), e);
            error(ctx, 500, message("the store could not complete this request; the server log has the details (ref " + ref + ")"));
        });
        app.exception(Exception.class, (e, ctx) -> {
            String ref = reference();
            LOG.error("fault {} on {} {}", ref, ctx.method(), ctx.path(), e);
            error(ctx, 500, message("internal error; the server log has the details (ref " + ref + ")"));
        });
        app.error(404, ctx -> {
            if (ctx.attribute(ERROR_WRITTEN) == null) {
                error(ctx, 404, message("nothing at " + ctx.method() + " " + ctx.path()));
            }
        });
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static Map<String, Object> message(String text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", text);
        return m;
    }

    private static void error(Context ctx, int status, Map<String, Object> body) {
        ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
        ctx.status(status).json(body);
    }

    private static void created(Context ctx, Object body, String location) {
        ctx.status(201).header("Location", location).json(body);
    }

    private static void sendCached(Context ctx, CachedBody body) {
        ctx.header("ETag", body.etag());
        ctx.header("Cache-Control", "no-cache");
        ctx.header("Vary", "Accept-Encoding");
        if (body.matches(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(body.contentType()).result(body.bytes());
    }

    private static JsonBody body(Context ctx, boolean emptyAllowed) {
        return JsonBody.parse(JSON, ctx.body(), emptyAllowed);
    }

    private static long planId(Context ctx) {
        String raw = ctx.pathParam("id");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("no plan " + raw);
        }
    }

    /** The optional {@code zoom} query parameter: an integer 0 … {@value Features#MAX_ZOOM}. */
    private static Integer zoom(Context ctx) {
        String z = ctx.queryParam("zoom");
        if (z == null || z.isBlank()) {
            return null;
        }
        try {
            int v = Integer.parseInt(z.strip());
            if (v >= 0 && v <= Features.MAX_ZOOM) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.badRequest("'zoom' must be an integer from 0 to " + Features.MAX_ZOOM + ", not '" + z + "'");
    }

    private static String reference() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Who is asking: resolved once per request from the session cookie. */
    private Visitor visitor(Context ctx) {
        Visitor v = ctx.attribute(VISITOR);
        if (v == null) {
            v = auth.resolve(ctx.cookie(SESSION_COOKIE));
            ctx.attribute(VISITOR, v);
        }
        return v;
    }

    /** The user named in plan histories. */
    private String user(Context ctx) {
        return visitor(ctx).name();
    }

    private Actor actor(Context ctx) {
        return new Actor(user(ctx), remote(ctx));
    }

    private static String remote(Context ctx) {
        return ctx.ip();
    }

    /** A write from a browser page of another site is refused (the Origin, when sent, must be this server). */
    private static void sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || origin.isEmpty()) {
            return; // not a browser, or a same-origin request from an old browser: CSRF token and JSON type still apply
        }
        String host = ctx.header("Host");
        try {
            URI o = URI.create(origin);
            String originHost = o.getHost() + (o.getPort() >= 0 ? ":" + o.getPort() : "");
            if (host != null && originHost.equalsIgnoreCase(host)) {
                return;
            }
        } catch (IllegalArgumentException ignored) {
            // refused below
        }
        throw new ApiException(403, "requests from another site are refused (Origin " + origin + ")");
    }

    /** Writes carry JSON (or nothing): a page of another site cannot send JSON without the browser asking first. */
    private static void jsonBodyType(Context ctx) {
        String type = ctx.header("Content-Type");
        long length = ctx.contentLength();
        if (length == 0 || (length < 0 && type == null)) {
            return;
        }
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "send the request body as JSON (Content-Type: application/json)");
        }
    }

    private void chargeWrite(Context ctx, Visitor v) {
        String key = "account:" + v.account().id();
        if (!writes.tryAcquire(key)) {
            ctx.header("Retry-After", Long.toString(writes.retryAfterSeconds(key)));
            throw new ApiException(429, "too many changes in a short time from this account: wait a moment and try again");
        }
    }

    /** The session cookie: never readable by scripts, never sent by other sites, Secure over HTTPS. */
    private String cookie(Context ctx, String token, int maxAge) {
        boolean secure = options.secureCookies() || "https".equalsIgnoreCase(ctx.scheme())
                || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        return SESSION_COOKIE + "=" + token + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }

    private Map<String, Object> sessionJson(Visitor v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("signed_in", v.signedIn());
        m.put("public_read", policy.publicRead());
        if (v.signedIn()) {
            m.put("user", AccountViews.account(v.account()));
            m.put("permissions", AccessPolicy.permissions(v.account().role()).stream()
                    .map(p -> p.name().toLowerCase(Locale.ROOT)).sorted().toList());
            m.put("csrf_token", v.csrfToken());
        } else {
            m.put("permissions", policy.publicRead() ? List.of("view_plans") : List.of());
        }
        return m;
    }

    private static long commentId(Context ctx) {
        String raw = ctx.pathParam("cid");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("no comment " + raw);
        }
    }

    private static Integer intParam(Context ctx, String name, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            int v = Integer.parseInt(raw.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.badRequest("'" + name + "' must be an integer from " + min + " to " + max);
    }

    private record Asset(byte[] bytes, String contentType) {
    }

    private final Map<String, Asset> leafletFiles = new java.util.concurrent.ConcurrentHashMap<>();

    private Asset leaflet(String file) {
        if (file.isEmpty() || file.contains("..") || file.contains("\\") || !file.matches("[A-Za-z0-9._/-]+")) {
            throw ApiException.notFound("no file " + file + " in Leaflet");
        }
        Asset a = leafletFiles.get(file);
        if (a == null) {
            try (InputStream in = MapServer.class.getResourceAsStream(LEAFLET_RESOURCES + "/" + file)) {
                if (in == null) {
                    throw ApiException.notFound("no file " + file + " in Leaflet");
                }
                a = new Asset(in.readAllBytes(), contentType(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            leafletFiles.put(file, a);
        }
        return a;
    }

    private static String contentType(String file) {
        if (file.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (file.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (file.endsWith(".png")) {
            return "image/png";
        }
        if (file.endsWith(".map")) {
            return "application/json";
        }
        return "application/octet-stream";
    }

    private static byte[] resource(String path) {
        try (InputStream in = MapServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
