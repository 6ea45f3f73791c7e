package org.sdaplanner.web;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.sdaplanner.core.access.AccessPolicy;
import org.sdaplanner.store.AccountRepository;
import org.sdaplanner.store.CommentRepository;
import org.sdaplanner.web.auth.AccountAdmin;
import org.sdaplanner.web.auth.Authenticator;
import org.sdaplanner.web.auth.RateLimiter;
import org.sdaplanner.web.basemap.Basemap;
import org.sdaplanner.web.comments.PlanComments;
import org.sdaplanner.web.http.ApiJson;
import org.sdaplanner.web.http.BadMessages;
import org.sdaplanner.web.http.ErrorAnswers;
import org.sdaplanner.web.http.GuardedRoutes;
import org.sdaplanner.web.routes.AccountRoutes;
import org.sdaplanner.web.routes.CommentRoutes;
import org.sdaplanner.web.routes.EditRoutes;
import org.sdaplanner.web.routes.PcnRoutes;
import org.sdaplanner.web.routes.PlanRoutes;
import org.sdaplanner.web.routes.ProfileRoutes;
import org.sdaplanner.web.routes.RegionRoutes;
import org.sdaplanner.web.routes.ReportRoutes;
import org.sdaplanner.web.routes.RouteGroup;
import org.sdaplanner.web.routes.ServerRoutes;
import org.sdaplanner.web.routes.SessionRoutes;
import org.sdaplanner.web.routes.SiteRoutes;
import org.sdaplanner.web.routes.VersionRoutes;
import org.sdaplanner.web.routes.ReleaseRoutes;

import java.util.List;

/**
 * The map server: the page at {@code /} (static files from the classpath folder {@code /public}),
 * Leaflet at {@code /vendor/leaflet/}, and the REST API of docs/api.md under {@code /api}, described
 * by {@code /api/openapi.json}. This class only puts the server together: the route groups
 * ({@code routes}) register their routes through {@link GuardedRoutes}, which checks every request
 * first (permission, CSRF token, origin, JSON body, write limit), and {@link ErrorAnswers} turns
 * every failure into a JSON answer.
 */
public final class MapServer implements AutoCloseable {
    /** The Content-Security-Policy: everything from the server only, but images from a remote basemap's one origin. */
    public static String contentSecurityPolicy(Basemap basemap) {
        String tiles = basemap != null && basemap.origin() != null ? " " + basemap.origin() : "";
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
                + " img-src 'self' data:" + tiles + "; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none';"
                + " form-action 'self'";
    }

    /**
     * How the server treats visitors: public read-only access, whether cookies are always marked
     * Secure, each account's write limit (a burst, then so many a second), the basemap (null: none), and
     * the public origin when a proxy is in front (null: none; writes must then come from pages of that origin or
     * of the address the request reached, and cookies are Secure when it is https).
     */
    public record Options(boolean publicRead, boolean secureCookies, int writeBurst, double writesPerSecond, Basemap basemap,
                          String publicOrigin) {
        public static final int WRITE_BURST = 30;
        public static final double WRITES_PER_SECOND = 1.0;

        public static Options defaults() {
            return new Options(true, false, WRITE_BURST, WRITES_PER_SECOND, null, null);
        }

        public Options withWriteLimit(int burst, double perSecond) {
            return new Options(publicRead, secureCookies, burst, perSecond, basemap, publicOrigin);
        }

        public Options withSecureCookies(boolean on) {
            return new Options(publicRead, on, writeBurst, writesPerSecond, basemap, publicOrigin);
        }

        public Options withPublicRead(boolean on) {
            return new Options(on, secureCookies, writeBurst, writesPerSecond, basemap, publicOrigin);
        }

        public Options withBasemap(Basemap b) {
            return new Options(publicRead, secureCookies, writeBurst, writesPerSecond, b, publicOrigin);
        }

        /** Behind a proxy: the address people open, e.g. {@code https://sda.example.org} (null: none). */
        public Options withPublicOrigin(String origin) {
            return new Options(publicRead, secureCookies, writeBurst, writesPerSecond, basemap, origin);
        }
    }

    private final Javalin app;
    private final GuardedRoutes routes;

    private MapServer(PlannerService service, Options options) {
        AccessPolicy policy = new AccessPolicy(options.publicRead());
        AccountRepository accounts = new AccountRepository(service.store());
        Authenticator auth = new Authenticator(accounts);
        AccountAdmin admin = new AccountAdmin(accounts, auth::forget);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(ApiJson.MAPPER, false));
            config.http.gzipOnlyCompression();
            config.jetty.modifyServer(server -> server.setErrorHandler(new BadMessages()));
            // the largest upload; GuardedRoutes holds every other route to MAX_REQUEST_BYTES
            config.http.maxRequestSize = GuardedRoutes.MAX_UPLOAD_BYTES;
            if (MapServer.class.getResource("/public") != null) {
                config.staticFiles.add(sf -> {
                    sf.hostedPath = "/";
                    sf.directory = "/public";
                    sf.location = Location.CLASSPATH;
                });
            }
        });
        String csp = contentSecurityPolicy(options.basemap());
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Content-Security-Policy", csp);
            ctx.header("Referrer-Policy", "same-origin");
            ctx.header("X-Frame-Options", "DENY");
        });
        // write limits in the store: every server process on one database counts an account's writes together
        this.routes = new GuardedRoutes(app, policy, auth, new RateLimiter(accounts.limits(), options.writeBurst(),
                options.writesPerSecond(), System::currentTimeMillis), options.publicOrigin());
        PlanComments comments = new PlanComments(service.plans(), service.region().problem(),
                new CommentRepository(service.store()), policy);
        List<RouteGroup> groups = List.of(
                new ServerRoutes(service.storeName()),
                new SiteRoutes(options.basemap()),
                new SessionRoutes(auth, admin, policy, options.secureCookies()
                        || options.publicOrigin() != null && options.publicOrigin().strip().toLowerCase(java.util.Locale.ROOT)
                        .startsWith("https:")),
                new AccountRoutes(admin, accounts),
                new RegionRoutes(service.regionViews()),
                new PlanRoutes(service.plans(), service.figures(), service.explanations(), service.downloads(),
                        service.imports(), service.tradeoffs()),
                new PcnRoutes(service.pcnViews()),
                new VersionRoutes(service.versions(), service.comparison(), service.editing()),
                new ReleaseRoutes(service.releases()),
                new EditRoutes(service.editing()),
                new ProfileRoutes(service.profiles()),
                new ReportRoutes(service.reports()),
                new CommentRoutes(comments));
        groups.forEach(g -> g.register(routes));
        ErrorAnswers.register(app);
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
    public List<GuardedRoutes.Route> routeTable() {
        return routes.table();
    }

    @Override
    public void close() {
        app.stop();
    }
}
