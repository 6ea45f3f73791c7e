package org.sdaplanner.web.routes;

import org.sdaplanner.web.ApiException;
import org.sdaplanner.web.api.Health;
import org.sdaplanner.web.http.GuardedRoutes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The server itself, open to anyone: whether it is up, the API's description, and Leaflet's files (from its webjar). */
public final class ServerRoutes implements RouteGroup {
    static final String OPENAPI_RESOURCE = "/org/sdaplanner/web/openapi.json";
    static final String LEAFLET_RESOURCES = "/META-INF/resources/webjars/leaflet/1.9.4/dist";

    private final String storeName;
    private final byte[] openApi = resource(OPENAPI_RESOURCE);
    private final Map<String, Asset> leafletFiles = new ConcurrentHashMap<>();

    private record Asset(byte[] bytes, String contentType) {
    }

    public ServerRoutes(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void register(GuardedRoutes routes) {
        // Leaflet file by file: the webjar has no directory entries for a static-file handler
        routes.get("/vendor/leaflet/<file>", null, ctx -> {
            Asset a = leaflet(ctx.pathParam("file"));
            ctx.header("Cache-Control", "public, max-age=86400").contentType(a.contentType()).result(a.bytes());
        });
        routes.get("/api/health", null, ctx -> ctx.json(new Health("ok", storeName)));
        routes.get("/api/openapi.json", null, ctx -> ctx.contentType("application/json").result(openApi));
    }

    private Asset leaflet(String file) {
        if (file.isEmpty() || file.contains("..") || file.contains("\\") || !file.matches("[A-Za-z0-9._/-]+")) {
            throw ApiException.notFound("no file " + file + " in Leaflet");
        }
        Asset a = leafletFiles.get(file);
        if (a == null) {
            try (InputStream in = ServerRoutes.class.getResourceAsStream(LEAFLET_RESOURCES + "/" + file)) {
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
        try (InputStream in = ServerRoutes.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
