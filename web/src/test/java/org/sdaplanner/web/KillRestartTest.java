package org.sdaplanner.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdaplanner.core.access.Role;
import org.sdaplanner.store.CommentRepository;
import org.sdaplanner.store.SpatialStore;
import org.sdaplanner.store.StoredComments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * An acknowledged comment survives {@code kill -9}. The map server runs as its own JVM
 * ({@code sda serve}, as in production); a few writers post comments, and the moment the
 * {@value #ACKS_PER_ROUND}th 201 arrives the process is sent SIGKILL, with other posts still in
 * flight. The next server on the same store must show every acknowledged comment with exactly its
 * text; rounds repeat this on the store the last crash left, and the last check also reads the
 * store directly. On H2GIS (a file in a temp folder) and on PostGIS (a schema of its own;
 * skipped outside CI when no PostGIS is configured). Each child's output is kept in
 * target/kill-restart/ for diagnosis.
 */
class KillRestartTest {
    /** Kills per store (sda.kill.rounds; each round costs a server start of about 5–8 s). */
    static final int ROUNDS = Integer.getInteger("sda.kill.rounds", 2);
    static final int WRITERS = 3;
    /** Per round, from one account: below the default write burst (30), so no post is refused. */
    static final int ACKS_PER_ROUND = 12;
    static final String USER = "crash-tester";
    private static final Duration START_LIMIT = Duration.ofSeconds(120);
    private static final Pattern LISTENING = Pattern.compile("Open http://([^/\\s]+)/");

    /** Every child started by this class, destroyed however the test ends (even if the test JVM is stopped). */
    private static final List<Process> CHILDREN = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> CHILDREN.forEach(Process::destroyForcibly), "kill-restart-children"));
    }

    @Test
    void h2gis(@TempDir Path dir) {
        run("h2gis", "jdbc:h2:file:" + dir.resolve("store").resolve("sda"));
    }

    @Test
    void postgis() throws Exception {
        try (TestData.PostgisSchema schema = TestData.PostgisSchema.create()) {
            run("postgis", schema.url());
        }
    }

    private void run(String label, String url) {
        try {
            assertTimeoutPreemptively(Duration.ofMinutes(3 + 2L * ROUNDS), () -> scenario(label, url));
        } finally {
            for (Process p : CHILDREN) {
                p.destroyForcibly();
                try {
                    p.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            CHILDREN.clear();
        }
    }

    private void scenario(String label, String url) throws Exception {
        // the import and the account are written in process, and the store closed, before any server starts
        SpatialStore store = TestData.importedStore(url);
        new TestAccounts(store, null).ensure(USER, Role.MEMBER);

        Path logs = Path.of(System.getProperty("basedir", ".")).resolve("target").resolve("kill-restart");
        Files.createDirectories(logs);
        Map<Long, String> acknowledged = new TreeMap<>();
        Set<String> sent = ConcurrentHashMap.newKeySet();
        List<String> report = new ArrayList<>();
        long planId = -1;
        for (int round = 1; round <= ROUNDS + 1; round++) {
            ServerProcess server = ServerProcess.start(url, logs.resolve(label + "-server-" + round + ".log"));
            server.awaitReady(START_LIMIT);
            Http http = new Http(server.base()).signIn(USER, TestAccounts.PASSWORD);
            JsonNode plans = MapServerApiTest.ok(http.get("/api/plans"));
            assertEquals(1, plans.size(), "the default plan, built by the first server: " + plans);
            long id = plans.get(0).path("id").asLong();
            assertTrue(planId < 0 || planId == id, "the same plan after a restart");
            planId = id;
            // everything acknowledged before the last kill is there, with its text
            int before = acknowledged.size();
            assertAllPresent(label + " after kill " + (round - 1), acknowledged, sent, viaApi(http, planId));
            if (round > ROUNDS) {
                server.stop(); // a clean stop, so the store can be read directly (H2 locks its file)
                break;
            }
            List<String> areas = new ArrayList<>();
            MapServerApiTest.ok(http.get("/api/plans/" + planId)).path("areas").forEach(a -> areas.add(a.path("area_id").asText()));
            Map<Long, String> acked = postUntilKilled(label, round, http, planId, areas, server, sent);
            assertTrue(acked.size() >= ACKS_PER_ROUND, "killed only after " + ACKS_PER_ROUND + " acknowledgements: " + acked.size());
            acknowledged.putAll(acked);
            report.add(String.format(Locale.ROOT, "round %d: %d comments acknowledged, SIGKILL sent %d µs after the %dth 201 arrived;"
                            + " %d present from earlier rounds", round, acked.size(), server.killLagMicros, ACKS_PER_ROUND, before));
        }
        // and directly in the store (the server above stopped cleanly)
        Map<Long, String> stored = new HashMap<>();
        CommentRepository repo = new CommentRepository(SpatialStore.open(url));
        for (StoredComments.Comment c : repo.list(planId, StoredComments.Filter.all())) {
            stored.put(c.id(), c.body());
        }
        assertAllPresent(label + " read directly from the store", acknowledged, sent, stored);
        String summary = String.format(Locale.ROOT, "Kill -9 and restart, %s: %d kills, %d comments acknowledged, all present with their"
                + " text after each restart and in the store (%d more stored that were in flight at a kill)%n  %s%n",
                label, ROUNDS, acknowledged.size(), stored.size() - acknowledged.size(), String.join("\n  ", report));
        System.out.print(summary);
        Files.writeString(logs.resolve(label + "-summary.txt"), summary, StandardCharsets.UTF_8);
    }

    /** Writers post until the server is killed: the one that receives the {@value #ACKS_PER_ROUND}th 201 kills it at once. */
    private static Map<Long, String> postUntilKilled(String label, int round, Http http, long planId, List<String> areas,
                                                     ServerProcess server, Set<String> sent) throws Exception {
        Map<Long, String> acked = new ConcurrentHashMap<>();
        List<String> unexpected = new CopyOnWriteArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    Random random = new Random(round * 100L + writer);
                    for (int seq = 0; !server.killed.get() && seq < 1_000; seq++) {
                        String text = "crash test " + label + " round " + round + " writer " + writer + " #" + seq
                                + " — «kept» after kill -9 ✓";
                        String area = areas.get(random.nextInt(areas.size()));
                        sent.add(text);
                        Http.Response r;
                        try {
                            r = http.post("/api/plans/" + planId + "/comments", Http.json(Map.of("text", text, "area", area)));
                        } catch (UncheckedIOException | IllegalStateException e) {
                            if (!server.killed.get()) {
                                unexpected.add("transport error before the kill: " + e);
                            }
                            return;
                        }
                        if (r.status() != 201) {
                            unexpected.add("post answered " + r);
                            return;
                        }
                        long answered = System.nanoTime();
                        synchronized (acked) {
                            acked.put(r.json().path("id").asLong(), text);
                            if (acked.size() == ACKS_PER_ROUND) {
                                server.kill(answered);
                            }
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(90, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
            assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS), "writers stopped");
        }
        assertTrue(unexpected.isEmpty(), unexpected::toString);
        assertTrue(server.killed.get(), "the server was killed");
        server.assertGone();
        return acked;
    }

    private static Map<Long, String> viaApi(Http http, long planId) {
        Map<Long, String> out = new HashMap<>();
        for (JsonNode c : MapServerApiTest.ok(http.get("/api/plans/" + planId + "/comments"))) {
            out.put(c.path("id").asLong(), c.path("text").asText());
        }
        return out;
    }

    /** Every acknowledged comment is present with exactly its text; anything else stored was at least sent (in flight at a kill). */
    private static void assertAllPresent(String where, Map<Long, String> acknowledged, Set<String> sent, Map<Long, String> found) {
        List<String> missing = new ArrayList<>();
        acknowledged.forEach((id, text) -> {
            if (!text.equals(found.get(id))) {
                missing.add(id + (found.containsKey(id) ? " (text now '" + found.get(id) + "')" : " (missing)"));
            }
        });
        assertTrue(missing.isEmpty(), where + ": " + missing.size() + " of " + acknowledged.size()
                + " acknowledged comments lost or changed: " + missing);
        found.forEach((id, text) -> assertTrue(acknowledged.containsKey(id) || sent.contains(text),
                where + ": comment " + id + " was never sent: " + text));
    }

    /** {@code sda serve} in a JVM of its own, its output in a log file. */
    static final class ServerProcess {
        final Process process;
        final Path log;
        final AtomicBoolean killed = new AtomicBoolean();
        volatile long killLagMicros;
        private String base;

        private ServerProcess(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        static ServerProcess start(String url, Path log) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                    "org.sdaplanner.cli.SdaMain", "serve", "--db", url, "--port", "0")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Process p = pb.start();
            CHILDREN.add(p);
            return new ServerProcess(p, log);
        }

        /** Waits for the "Open http://HOST:PORT/" line, then for /api/health. */
        void awaitReady(Duration limit) throws Exception {
            long deadline = System.nanoTime() + limit.toNanos();
            while (base == null) {
                if (!process.isAlive()) {
                    fail("the server stopped (exit " + process.exitValue() + ") before it was ready:\n" + logText());
                }
                if (System.nanoTime() > deadline) {
                    fail("the server was not ready within " + limit + ":\n" + logText());
                }
                Matcher m = LISTENING.matcher(logText());
                if (m.find()) {
                    base = "http://" + m.group(1);
                } else {
                    Thread.sleep(100);
                }
            }
            assertEquals(200, new Http(base).get("/api/health").status());
        }

        String base() {
            return base;
        }

        /** SIGKILL (Process.destroyForcibly on Linux): no shutdown hook, no flush, no close. */
        void kill(long answeredNanos) {
            if (killed.compareAndSet(false, true)) {
                process.destroyForcibly();
                killLagMicros = (System.nanoTime() - answeredNanos) / 1_000;
            }
        }

        void assertGone() throws InterruptedException {
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the killed server exited");
            // 128 + 9: ended by SIGKILL, not a clean exit
            assertEquals(137, process.exitValue(), "ended by SIGKILL");
            assertFalse(ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive).orElse(false), "no process " + process.pid());
        }

        /** SIGTERM: the server's shutdown hook stops it cleanly. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("the server did not stop within a minute of SIGTERM:\n" + logText());
            }
        }

        String logText() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(no log: " + e + ")";
            }
        }
    }
}
