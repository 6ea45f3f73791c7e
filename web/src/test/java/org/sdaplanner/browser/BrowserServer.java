package org.sdaplanner.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.sdaplanner.cli.SdaMain;
import org.sdaplanner.core.access.Role;
import org.sdaplanner.store.AccountRepository;
import org.sdaplanner.store.SpatialStore;
import org.sdaplanner.store.StoredAccounts.Actor;
import org.sdaplanner.web.auth.AccountAdmin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The real map server for the browser tests, started once per test JVM and shared by every
 * journey: {@code sda import} of the C&P data into an embedded store in a temporary folder, then
 * {@code sda serve} in a daemon thread (it blocks), then {@code GET /api/health} until 200.
 * When the store has no plan yet, one is built with {@code POST /api/plans} (seed 1).
 *
 * <p>Before {@code sda serve} starts, the store gets one account per role ({@link #ANALYST},
 * {@link #HEALTH_PARTNER}, {@link #MEMBER}, {@link #ADMIN}) with known passwords, through the same
 * {@link AccountAdmin} as {@code sda user add}; so serve creates no first admin of its own.
 *
 * <p>Set {@code -Dsda.browser.url=http://host:port} (or env {@code SDA_BROWSER_URL}) to run the
 * journeys against a server that is already running instead; the accounts are then added through the
 * API when {@code SDA_BROWSER_ADMIN=user:password} names an admin of that server, or must exist already.
 */
public final class BrowserServer {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static BrowserServer shared;
    private static Throwable failure;

    /** An account of the test store: user name, name shown, role code and password. */
    public record Account(String username, String displayName, String role, String password) {
        @Override
        public String toString() {
            return username + " (" + role + ")";
        }
    }

    static final Account ANALYST = new Account("alice", "Alice Analyst", "analyst", "tidal-ferry-42-lantern");
    static final Account HEALTH_PARTNER = new Account("hugo", "Hugo Health", "health-partner", "quiet-meadow-17-copper");
    static final Account MEMBER = new Account("mona", "Cllr Mona Member", "member", "amber-harbour-63-thistle");
    static final Account MEMBER_2 = new Account("max", "Cllr Max Other", "member", "silver-orchard-28-pebble");
    static final Account ADMIN = new Account("adam", "Adam Admin", "admin", "granite-willow-91-beacon");
    static final List<Account> ACCOUNTS = List.of(ANALYST, HEALTH_PARTNER, MEMBER, MEMBER_2, ADMIN);

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, ApiSession> sessions = new ConcurrentHashMap<>();

    private BrowserServer(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The shared server, started on first use. A failed start fails every later caller too, at once. */
    public static synchronized BrowserServer shared() {
        if (failure != null) {
            throw new IllegalStateException("the map server did not start (see the first failure): " + failure.getMessage(), failure);
        }
        if (shared == null) {
            try {
                shared = start();
            } catch (RuntimeException | Error e) {
                if (!(e instanceof org.opentest4j.TestAbortedException)) {
                    failure = e;
                }
                throw e;
            }
        }
        return shared;
    }

    public String baseUrl() {
        return baseUrl;
    }

    static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    static Path dataDir() {
        String env = System.getenv("SDA_DATA_DIR");
        Path p = Path.of(env != null && !env.isBlank() ? env : System.getProperty("sda.data.dir", "../../shared/data"));
        if (!Files.isDirectory(p)) {
            if (inCi()) {
                throw new IllegalStateException("shared data not found at " + p);
            }
            Assumptions.abort("shared data not found at " + p + ": set SDA_DATA_DIR");
        }
        return p.toAbsolutePath().normalize();
    }

    static Path manifest(String name) {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("data").resolve(name))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("region manifest data/" + name + " not found above " + Path.of("").toAbsolutePath());
        }
        return p.resolve("data").resolve(name);
    }

    private static BrowserServer start() {
        String external = System.getProperty("sda.browser.url", System.getenv("SDA_BROWSER_URL"));
        if (external != null && !external.isBlank()) {
            BrowserServer s = new BrowserServer(external.replaceAll("/+$", ""));
            s.awaitHealthy(null);
            s.addAccountsThroughApi(System.getenv("SDA_BROWSER_ADMIN"));
            s.ensurePlan();
            return s;
        }
        Path data = dataDir();
        Path tmp;
        try {
            tmp = Files.createTempDirectory("sda-browser-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(tmp)));
        String db = "jdbc:h2:file:" + tmp.resolve("store").resolve("sda");
        long t0 = System.nanoTime();
        int imported = SdaMain.run("import", "--data", data.toString(), "--region",
                manifest("cambridgeshire-peterborough.json").toString(), "--db", db);
        if (imported != 0) {
            throw new IllegalStateException("sda import failed with exit code " + imported);
        }
        System.out.printf("[browser] imported C&P into %s in %.1f s%n", tmp, (System.nanoTime() - t0) / 1e9);
        addAccounts(db);
        BrowserServer s = serve(db);
        System.out.printf("[browser] sda serve is up at %s (%.1f s after start)%n", s.baseUrl, (System.nanoTime() - t0) / 1e9);
        s.ensurePlan();
        storeUrl = db;
        return s;
    }

    /** The embedded store of the shared server (null when the journeys run against a server already running). */
    private static String storeUrl;

    /** The shared server's store, for journeys that run a command on it (skipped against a server already running). */
    static synchronized String storeUrl() {
        shared();
        if (storeUrl == null) {
            Assumptions.abort("the journey runs a command on the server's store: not when the journeys run against a server already running");
        }
        return storeUrl;
    }
    private static BrowserServer privateServer;

    /** {@code sda serve} on the store in a daemon thread, with these extra options; waits until it answers. */
    private static BrowserServer serve(String db, String... options) {
        int port = freePort();
        Integer[] exit = {null};
        Throwable[] thrown = {null};
        List<String> args = new java.util.ArrayList<>(List.of("serve", "--db", db, "--port", Integer.toString(port)));
        args.addAll(List.of(options));
        Thread serve = new Thread(() -> {
            try {
                exit[0] = SdaMain.run(args.toArray(String[]::new));
            } catch (Throwable t) {
                thrown[0] = t;
            }
        }, "sda-serve-" + port);
        serve.setDaemon(true);
        serve.start();
        BrowserServer s = new BrowserServer("http://127.0.0.1:" + port);
        s.awaitHealthy(() -> {
            if (!serve.isAlive()) {
                throw new IllegalStateException("`sda serve` stopped before /api/health answered: "
                        + (thrown[0] != null ? thrown[0] : "exit code " + exit[0]), thrown[0]);
            }
        });
        return s;
    }

    /**
     * A second server on the same store with public read-only access off ({@code --no-public-read}),
     * started on first use; the journeys are skipped when they run against a server already running.
     */
    static synchronized BrowserServer privateServer() {
        shared();
        if (storeUrl == null) {
            Assumptions.abort("no private server when the journeys run against a server already running");
        }
        if (privateServer == null) {
            privateServer = serve(storeUrl, "--no-public-read");
        }
        return privateServer;
    }

    /**
     * Another server on the same store with these extra options (e.g. {@code --basemap FILE}), started on
     * each call; skipped when the journeys run against a server already running.
     */
    static synchronized BrowserServer another(String... options) {
        shared();
        if (storeUrl == null) {
            Assumptions.abort("no second server when the journeys run against a server already running");
        }
        return serve(storeUrl, options);
    }

    private void awaitHealthy(Runnable stillAlive) {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (stillAlive != null) {
                stillAlive.run();
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/health"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + r.statusCode() + ": " + r.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            sleep(250);
        }
        throw new IllegalStateException("GET " + baseUrl + "/api/health did not answer 200 within " + STARTUP.toSeconds() + " s: " + last);
    }

    /** One account per role, added to the store as {@code sda user add} does, before the server starts. */
    private static void addAccounts(String db) {
        AccountAdmin admin = new AccountAdmin(new AccountRepository(SpatialStore.open(db)), id -> { });
        for (Account a : ACCOUNTS) {
            admin.add(a.username(), a.displayName(), Role.parse(a.role()), a.password(), new Actor("browser-tests", "local"));
        }
    }

    /** Against a running server: adds the test accounts through the admin API ("user:password"), if given. */
    private void addAccountsThroughApi(String adminCredentials) {
        if (adminCredentials == null || !adminCredentials.contains(":")) {
            return;
        }
        String[] up = adminCredentials.split(":", 2);
        ApiSession admin = new ApiSession(this, new Account(up[0], up[0], "admin", up[1]));
        for (Account a : ACCOUNTS) {
            Response r = admin.send("POST", "/api/accounts", json(Map.of("username", a.username(), "display_name", a.displayName(),
                    "role", a.role(), "password", a.password())));
            if (r.status() != 201 && !(r.status() == 400 && r.body().contains("already exists"))) {
                throw new IllegalStateException("cannot add the test account " + a + ": " + r.status() + " " + r.body());
            }
        }
    }

    /** An API client signed in as this account (one per account, kept for the test JVM). */
    ApiSession as(Account a) {
        return sessions.computeIfAbsent(a.username(), k -> new ApiSession(this, a));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds a plan when the store has none, so the page has something to show. */
    private void ensurePlan() {
        JsonNode plans = getJson("/api/plans");
        if (plans.isArray() && plans.size() > 0) {
            return;
        }
        Response r = as(ANALYST).send("POST", "/api/plans", "{\"name\":\"Browser test plan\",\"seed\":1}");
        if (r.status() != 201 && r.status() != 200) {
            throw new IllegalStateException("POST /api/plans answered " + r.status() + ": " + r.body());
        }
    }

    /** The id of the plan the page opens first (the first of GET /api/plans). */
    public String firstPlanId() {
        return getJson("/api/plans").get(0).path("id").asText();
    }

    public record Response(int status, String body, String contentType, List<String> setCookies) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    /** A request without a session (an anonymous visitor). */
    public Response send(String method, String path, String jsonBody) {
        return send(method, path, jsonBody, Map.of());
    }

    Response send(String method, String path, String jsonBody, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
        headers.forEach(b::header);
        if (jsonBody == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().allValues("Set-Cookie"));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public JsonNode getJson(String path) {
        Response r = send("GET", path, null);
        if (r.status() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.status() + ": " + r.body());
        }
        return r.json();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // temporary folder: best effort
        }
    }
}
