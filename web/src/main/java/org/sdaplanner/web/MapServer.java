package org.sdaplanner.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.sdaplanner.store.PlanConflictException;
import org.sdaplanner.store.PlanNotFoundException;
import org.sdaplanner.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The map server: the page at {@code /} (static files from the classpath folder {@code /public}),
 * Leaflet at {@code /vendor/leaflet/} (from its webjar), and the REST API of docs/api.md under {@code /api}, described
 * by {@code /api/openapi.json}. Handlers only read the request, call {@link PlannerService} and write
 * JSON; every error is JSON {@code {"error": …}} with a 4xx status, or 500 for a fault (never a stack trace).
 */
public final class MapServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MapServer.class);
    static final ObjectMapper JSON = new ObjectMapper();
    static final String OPENAPI_RESOURCE = "/org/sdaplanner/web/openapi.json";
    static final String LEAFLET_RESOURCES = "/META-INF/resources/webjars/leaflet/1.9.4/dist";
    private static final String ERROR_WRITTEN = "sda.error";
    private static final int MAX_USER_LENGTH = 100;

    private final PlannerService service;
    private final Javalin app;
    private final byte[] openApi;

    private MapServer(PlannerService service) {
        this.service = service;
        this.openApi = resource(OPENAPI_RESOURCE);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(JSON, false));
            config.http.gzipOnlyCompression();
            if (MapServer.class.getResource("/public") != null) {
                config.staticFiles.add(sf -> {
                    sf.hostedPath = "/";
                    sf.directory = "/public";
                    sf.location = Location.CLASSPATH;
                });
            }
        });
        routes();
        errors();
    }

    /** Starts serving on host:port (port 0: any free port). */
    public static MapServer start(PlannerService service, String host, int port) {
        MapServer s = new MapServer(service);
        s.app.start(host, port);
        return s;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    // ---- routes ------------------------------------------------------------------------------

    private void routes() {
        // Leaflet from its webjar, file by file: the webjar has no directory entries for a static-file handler
        app.get("/vendor/leaflet/<file>", ctx -> {
            Asset a = leaflet(ctx.pathParam("file"));
            ctx.header("Cache-Control", "public, max-age=86400").contentType(a.contentType()).result(a.bytes());
        });
        app.get("/api/health", ctx -> ctx.json(Map.of("status", "ok", "store", service.storeName())));
        app.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        app.get("/api/region", ctx -> ctx.json(service.regionInfo()));
        app.get("/api/layers/{layer}", ctx -> sendCached(ctx, service.layer(ctx.pathParam("layer"), zoom(ctx))));
        app.get("/api/search", ctx -> {
            String q = ctx.queryParam("q");
            if (q == null) {
                throw ApiException.badRequest("missing query parameter 'q'");
            }
            ctx.json(service.search(q));
        });

        app.get("/api/plans", ctx -> ctx.json(service.listPlans()));
        app.post("/api/plans", ctx -> {
            JsonBody body = body(ctx, false);
            Map<String, Object> plan = service.createPlan(body.requiredString("name"), body.optionalInt("areas", 1, 100_000),
                    body.optionalLong("seed"), body.optionalBoolean("district_nesting"), user(ctx));
            created(ctx, plan, "/api/plans/" + plan.get("id"));
        });
        app.get("/api/plans/{id}", ctx -> ctx.json(service.plan(planId(ctx))));
        app.patch("/api/plans/{id}", ctx -> {
            long id = planId(ctx);
            ctx.json(service.rename(id, body(ctx, false).requiredString("name")));
        });
        app.delete("/api/plans/{id}", ctx -> {
            service.delete(planId(ctx));
            ctx.status(204);
        });
        app.post("/api/plans/{id}/copy", ctx -> {
            long id = planId(ctx);
            JsonBody body = body(ctx, true);
            String name = body.optionalString("name");
            if (name == null || name.isBlank()) {
                name = "Copy of " + service.plan(id).get("name");
            }
            Map<String, Object> plan = service.copy(id, name.strip(), user(ctx));
            created(ctx, plan, "/api/plans/" + plan.get("id"));
        });
        app.get("/api/plans/{id}/areas", ctx -> sendCached(ctx, service.areas(planId(ctx), zoom(ctx))));
        app.get("/api/plans/{id}/metrics", ctx -> ctx.json(service.metrics(planId(ctx))));
        app.get("/api/plans/{id}/pcn-alignment", ctx -> {
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
        app.get("/api/plans/{id}/pcns/{code}", ctx -> ctx.json(service.pcnView(planId(ctx), ctx.pathParam("code"))));
        app.get("/api/plans/{id}/blocks/{code}/why", ctx -> ctx.json(service.why(planId(ctx), ctx.pathParam("code"))));
        app.post("/api/plans/{id}/moves", ctx -> {
            long id = planId(ctx);
            JsonBody body = body(ctx, false);
            List<String> blocks = body.requiredStrings("blocks");
            String to = body.requiredString("to");
            Boolean preview = body.optionalBoolean("preview");
            ctx.json(service.move(id, blocks, to, preview != null && preview, body.optionalLong("revision"), user(ctx)));
        });
        app.post("/api/plans/{id}/locks", ctx -> {
            long id = planId(ctx);
            JsonBody body = body(ctx, false);
            List<String> blocks = body.requiredStrings("blocks");
            ctx.json(service.lock(id, blocks, body.requiredBoolean("locked"), body.optionalLong("revision"), user(ctx)));
        });
        app.post("/api/plans/{id}/undo", ctx -> {
            long id = planId(ctx);
            ctx.json(service.undo(id, body(ctx, true).optionalLong("revision"), user(ctx)));
        });
        app.post("/api/plans/{id}/redo", ctx -> {
            long id = planId(ctx);
            ctx.json(service.redo(id, body(ctx, true).optionalLong("revision"), user(ctx)));
        });
        app.get("/api/plans/{id}/versions", ctx -> ctx.json(service.versions(planId(ctx))));
        app.post("/api/plans/{id}/versions", ctx -> {
            long id = planId(ctx);
            Map<String, Object> v = service.saveVersion(id, body(ctx, true).optionalString("label"), user(ctx));
            created(ctx, v, "/api/plans/" + id + "/versions");
        });
        app.get("/api/plans/{id}/compare", ctx -> ctx.json(service.compare(planId(ctx), ctx.queryParam("a"), ctx.queryParam("b"))));
        app.get("/api/plans/{id}/audit", ctx -> ctx.json(service.audit(planId(ctx))));
        app.get("/api/indicators", ctx -> ctx.json(service.indicators()));
        app.get("/api/plans/{id}/profiles", ctx -> {
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
        app.get("/api/plans/{id}/areas/{areaId}/profile",
                ctx -> ctx.json(service.areaProfile(planId(ctx), ctx.pathParam("areaId"))));
        app.get("/api/plans/{id}/indicators/{indicatorId}",
                ctx -> ctx.json(service.indicatorMap(planId(ctx), ctx.pathParam("indicatorId"), ctx.queryParam("part"))));
        app.get("/api/plans/{id}/download", ctx -> {
            PlannerService.Download d = service.download(planId(ctx), ctx.queryParam("format"));
            ctx.contentType(d.contentType())
                    .header("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"")
                    .result(d.bytes());
        });
    }

    private void errors() {
        app.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.body()));
        app.exception(PlanNotFoundException.class, (e, ctx) -> error(ctx, 404, message(e.getMessage())));
        app.exception(PlanConflictException.class, (e, ctx) -> {
            Map<String, Object> body = message(e.getMessage());
            body.put("revision", e.storedRevision());
            error(ctx, 409, body);
        });
        app.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, message(e.getMessage())));
        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), message(e.getMessage())));
        app.exception(StoreException.class, (e, ctx) -> {
            LOG.error("store error on {} {}", ctx.method(), ctx.path(), e);
            error(ctx, 500, message("store error: " + e.getMessage()));
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("fault on {} {}", ctx.method(), ctx.path(), e);
            error(ctx, 500, message("internal error (" + e.getClass().getSimpleName() + "); the server log has the details"));
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

    /** The user named in audit entries: the X-User header until accounts arrive (default "anonymous"). */
    static String user(Context ctx) {
        String u = ctx.header("X-User");
        if (u == null) {
            return "anonymous";
        }
        u = u.replaceAll("\\p{Cntrl}", "").strip();
        if (u.isEmpty()) {
            return "anonymous";
        }
        return u.length() > MAX_USER_LENGTH ? u.substring(0, MAX_USER_LENGTH) : u;
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
