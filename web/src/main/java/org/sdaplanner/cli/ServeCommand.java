package org.sdaplanner.cli;

import org.sdaplanner.store.AccountRepository;
import org.sdaplanner.store.SpatialStore;
import org.sdaplanner.store.StoredAccounts.Actor;
import org.sdaplanner.web.auth.AccountAdmin;
import org.sdaplanner.web.MapServer;
import org.sdaplanner.web.PlannerService;
import org.sdaplanner.web.RetiredBlocks;
import org.sdaplanner.web.basemap.Basemap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        header = "Serve the map and its REST API until stopped (Ctrl+C).",
        description = {"Serve the map and its REST API (docs/api.md) from the store, until stopped (Ctrl+C).",
                "When the store holds no plan yet, builds the default one (\"" + PlannerService.DEFAULT_PLAN_NAME
                        + "\", seed 1) first."})
public final class ServeCommand extends SdaCommand {
    @Mixin
    StoreOption store;

    @Mixin
    Listen server;

    /** Where the map server listens: shared by 'sda serve' and 'sda start'. */
    static final class Listen {
        @Option(names = "--port", paramLabel = "PORT", defaultValue = "7070", converter = Converters.Port.class,
                description = "Port to listen on (default ${DEFAULT-VALUE}; 0 picks a free one).")
        int port;

        @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", converter = Converters.Host.class,
                description = "Address to listen on (default ${DEFAULT-VALUE}: this computer only; 0.0.0.0 for the network).")
        String host;

        @Option(names = "--public-read", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Let visitors who are not signed in view the map and plans, read only (default: on;"
                        + " --no-public-read turns it off). Comments always need an account.")
        boolean publicRead;

        @Option(names = "--secure-cookies", description = "Always mark the session cookie Secure (it is anyway when the"
                + " request came over HTTPS, directly or through a proxy sending X-Forwarded-Proto).")
        boolean secureCookies;

        @Option(names = "--public-origin", paramLabel = "URL", converter = Converters.PublicOrigin.class,
                description = {"Behind a reverse proxy: the address people open, such as https://sda.example.org. Writes",
                        "are then accepted from pages of that origin (scheme, host and port) as well as of the address",
                        "the request reached; with https the session cookie is always Secure. X-Forwarded-* headers",
                        "are never trusted."})
        String publicOrigin;

        @Option(names = "--basemap", paramLabel = "URL|FILE",
                description = {"A background map under the areas (default: none, and nothing is fetched from elsewhere):",
                        "an XYZ raster tile URL such as https://tiles.example.org/{z}/{x}/{y}.png (the page's",
                        "Content-Security-Policy then allows that one origin), or a local .pmtiles or .mbtiles file of",
                        "raster tiles that this server serves itself (for sites without internet)."})
        String basemap;

        @Option(names = "--basemap-attribution", paramLabel = "TEXT",
                description = "The basemap's credit, shown on the map (needed with --basemap), e.g. \"© OpenStreetMap contributors\".")
        String basemapAttribution;

        /** The server's options; a basemap file is opened here, so a wrong one is refused before anything starts. */
        MapServer.Options options() {
            MapServer.Options o = MapServer.Options.defaults().withPublicRead(publicRead).withSecureCookies(secureCookies)
                    .withPublicOrigin(publicOrigin);
            if (basemap == null && basemapAttribution != null) {
                throw new IllegalArgumentException("--basemap-attribution is for --basemap: give the tile URL or file too");
            }
            return basemap == null ? o : o.withBasemap(Basemap.of(basemap, basemapAttribution));
        }
    }

    @Override
    public Integer call() {
        MapServer.Options options = server.options(); // a wrong basemap is refused before the store is opened
        return serve(console(), store.open(), server, options);
    }

    /** Loads the region, makes sure there is a plan, serves, and blocks until the thread is interrupted or the JVM stops. */
    static int serve(PrintWriter out, SpatialStore store, Listen server, MapServer.Options options) {
        long t0 = System.nanoTime();
        out.println("Loading " + store.displayUrl() + " (" + store.dialect().name() + ") …");
        out.flush();
        PlannerService service = PlannerService.open(store);
        RetiredBlocks.notes(service).forEach(out::println);
        service.ensureDefaultPlan("sda").ifPresent(p -> out.println(String.format(Locale.ROOT,
                "Built the default plan \"%s\" (%s areas, seed %d)", p.name(), p.areas().size(),
                PlannerService.DEFAULT_SEED)));
        new AccountAdmin(new AccountRepository(store), id -> { }).ensureFirstAdmin(new Actor("sda serve", "local"))
                .ifPresent(first -> {
                    out.println("No accounts yet: created the admin account '" + first.account().username() + "' with the password "
                            + first.password());
                    out.println("  (shown once: sign in and change it, then add accounts with 'sda user add' or in the page)");
                });
        MapServer web;
        try {
            web = MapServer.start(service, options, server.host, server.port);
        } catch (RuntimeException e) {
            service.close();
            closeBasemap(options);
            throw new IllegalArgumentException("cannot serve on " + server.host + ":" + server.port + ": " + rootMessage(e), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            web.close();
            service.close();
            closeBasemap(options);
            stopped.countDown();
        }, "sda-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println(String.format(Locale.ROOT, "%s: %d blocks, %d PCNs; ready in %.1f s", service.region().name(),
                service.region().problem().blockCount(), service.region().pcnNames().size(), (System.nanoTime() - t0) / 1e9));
        out.println("Public read-only access is " + (server.publicRead ? "on (--no-public-read turns it off)" : "off"));
        Basemap b = options.basemap();
        if (b != null) {
            out.println("Basemap: " + (b.isLocal() ? server.basemap + " (" + b.format() + " tiles, zoom " + b.minZoom() + "–" + b.maxZoom()
                    + ", served by this server)" : b.url() + " (tiles fetched by the browser from " + b.origin() + ")"));
        }
        out.println("Open http://" + displayHost(server.host) + ":" + web.port() + "/ in a browser (Ctrl+C stops the server)");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // stopped from inside the JVM (tests): stop now, then keep the interrupt for the caller
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
                web.close();
                service.close();
                closeBasemap(options);
            } catch (IllegalStateException ignored) {
                // the JVM is already shutting down: the hook stops the server
            }
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void closeBasemap(MapServer.Options options) {
        if (options.basemap() != null && options.basemap().isLocal()) {
            options.basemap().local().close();
        }
    }

    private static String displayHost(String host) {
        return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
