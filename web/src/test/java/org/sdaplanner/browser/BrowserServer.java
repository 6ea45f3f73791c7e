package org.sdaplanner.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.sdaplanner.cli.SdaMain;

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
import java.util.stream.Stream;

/**
 * The real map server for the browser tests, started once per test JVM and shared by every
 * journey: {@code sda import} of the C&P data into an embedded store in a temporary folder, then
 * {@code sda serve} in a daemon thread (it blocks), then {@code GET /api/health} until 200.
 * When the store has no plan yet, one is built with {@code POST /api/plans} (seed 1).
 *
 * <p>Set {@code -Dsda.browser.url=http://host:port} (or env {@code SDA_BROWSER_URL}) to run the
 * journeys against a server that is already running instead.
 */
public final class BrowserServer {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static BrowserServer shared;
    private static Throwable failure;

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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
        int port = freePort();
        Integer[] exit = {null};
        Throwable[] thrown = {null};
        Thread serve = new Thread(() -> {
            try {
                exit[0] = SdaMain.run("serve", "--db", db, "--port", Integer.toString(port));
            } catch (Throwable t) {
                thrown[0] = t;
            }
        }, "sda-serve");
        serve.setDaemon(true);
        serve.start();
        BrowserServer s = new BrowserServer("http://127.0.0.1:" + port);
        s.awaitHealthy(() -> {
            if (!serve.isAlive()) {
                throw new IllegalStateException("`sda serve` stopped before /api/health answered: "
                        + (thrown[0] != null ? thrown[0] : "exit code " + exit[0]), thrown[0]);
            }
        });
        System.out.printf("[browser] sda serve is up at %s (%.1f s after start)%n", s.baseUrl, (System.nanoTime() - t0) / 1e9);
        s.ensurePlan();
        return s;
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

    /** Builds a plan when the store has none, so the page has something to show. */
    private void ensurePlan() {
        JsonNode plans = getJson("/api/plans");
        if (plans.isArray() && plans.size() > 0) {
            return;
        }
        Response r = send("POST", "/api/plans", "{\"name\":\"Browser test plan\",\"seed\":1}");
        if (r.status() != 201 && r.status() != 200) {
            throw new IllegalStateException("POST /api/plans answered " + r.status() + ": " + r.body());
        }
    }

    /** The id of the plan the page opens first (the first of GET /api/plans). */
    public String firstPlanId() {
        return getJson("/api/plans").get(0).path("id").asText();
    }

    public record Response(int status, String body, String contentType) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    public Response send(String method, String path, String jsonBody) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
        if (jsonBody == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
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
