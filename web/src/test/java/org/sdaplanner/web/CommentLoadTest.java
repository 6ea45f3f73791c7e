package org.sdaplanner.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdaplanner.core.access.Role;
import org.sdaplanner.store.CommentRepository;
import org.sdaplanner.store.SpatialStore;
import org.sdaplanner.store.StoredComments;

import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Comments under load, on loopback: a real server on the imported C&P data with the default
 * write limit (a burst of 30, then 1 a second per account), {@value #USERS} member accounts and as
 * many concurrent users. Each signs in, then for {@code sda.load.seconds} (default 60) posts a
 * comment on a random area, reads that area's comments, sometimes the plan's whole list, and
 * sometimes replies, pacing itself at a post every 1–2 s. Every {@value #HASTY_EVERY}th user is
 * instead a script posting from {@value #HASTY_TABS} sessions at once, each a post a second, and
 * runs into the limit, which must answer 429, not an error. Asserted: no 5xx, no transport error,
 * no other refusal; no account got more writes through than the limit allows and paced users
 * none refused; every acknowledged comment is stored with exactly its text and author (read
 * through the API and from the store), and nothing else is (a refused post leaves nothing). The
 * figures go to stdout and to
 * target/load-figures-STORE.txt (docs/benchmarks.md). On H2GIS, and on PostGIS when configured.
 */
class CommentLoadTest {
    static final int USERS = 50;
    static final int HASTY_EVERY = 10;
    static final int HASTY_TABS = 4;
    static final int SECONDS = Integer.getInteger("sda.load.seconds", 60);
    private static final Duration SIGN_IN_LIMIT = Duration.ofMinutes(2);

    @Test
    void onH2gis(@TempDir Path dir) {
        run("h2gis", "jdbc:h2:file:" + dir.resolve("store").resolve("sda"));
    }

    @Test
    void onPostgis() throws Exception {
        try (TestData.PostgisSchema schema = TestData.PostgisSchema.create()) {
            run("postgis", schema.url());
        }
    }

    private static void run(String label, String url) {
        assertTimeoutPreemptively(Duration.ofSeconds(SECONDS + 300L), () -> load(label, url));
    }

    /** What one user did and saw; merged at the end (no sharing while running). */
    static final class Tally {
        final String user;
        final List<Long> postNanos = new ArrayList<>();
        final List<Long> limitedNanos = new ArrayList<>();
        final List<Long> areaReadNanos = new ArrayList<>();
        final List<Long> planReadNanos = new ArrayList<>();
        final List<Long> signInNanos = new ArrayList<>();
        final Map<Long, Ack> acknowledged = new HashMap<>();
        final List<String> problems = new ArrayList<>();
        int requests;
        int posts;
        int replies;
        int limited;
        int limitedPaced;
        int serverErrors;
        int transportErrors;
        int otherRefusals;

        Tally(String user) {
            this.user = user;
        }

        void add(Tally t) {
            postNanos.addAll(t.postNanos);
            limitedNanos.addAll(t.limitedNanos);
            areaReadNanos.addAll(t.areaReadNanos);
            planReadNanos.addAll(t.planReadNanos);
            signInNanos.addAll(t.signInNanos);
            acknowledged.putAll(t.acknowledged);
            problems.addAll(t.problems.subList(0, Math.min(5, t.problems.size())));
            requests += t.requests;
            posts += t.posts;
            replies += t.replies;
            limited += t.limited;
            limitedPaced += t.limitedPaced;
            serverErrors += t.serverErrors;
            transportErrors += t.transportErrors;
            otherRefusals += t.otherRefusals;
        }
    }

    /** An acknowledged (201) comment: who wrote it and its exact text. */
    record Ack(String user, String text) {
    }

    private static void load(String label, String url) throws Exception {
        SpatialStore store = TestData.importedStore(url);
        try (PlannerService service = PlannerService.open(store);
             MapServer server = MapServer.start(service, MapServer.Options.defaults(), "127.0.0.1", 0)) {
            service.ensureDefaultPlan("load");
            String base = "http://127.0.0.1:" + server.port();
            TestAccounts accounts = new TestAccounts(store, base);
            List<String> users = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                users.add(String.format(Locale.ROOT, "load-%02d", i));
            }
            long t0 = System.nanoTime();
            ExecutorService admin = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Object>> adds = new ArrayList<>();
                for (String u : users) {
                    adds.add(Executors.callable(() -> accounts.ensure(u, Role.MEMBER)));
                }
                adds.add(Executors.callable(() -> accounts.ensure("load-reader", Role.MEMBER)));
                for (Future<Object> f : admin.invokeAll(adds, 2, TimeUnit.MINUTES)) {
                    f.get();
                }
            } finally {
                admin.shutdownNow();
            }
            double accountsSeconds = (System.nanoTime() - t0) / 1e9;

            Http reader = new Http(base).signIn("load-reader", TestAccounts.PASSWORD);
            JsonNode plans = MapServerApiTest.ok(reader.get("/api/plans"));
            long planId = plans.get(0).path("id").asLong();
            List<String> areas = new ArrayList<>();
            MapServerApiTest.ok(reader.get("/api/plans/" + planId)).path("areas").forEach(a -> areas.add(a.path("area_id").asText()));

            double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            List<VirtualUser> clients = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                boolean hasty = i % HASTY_EVERY == 0;
                for (int tab = 0; tab < (hasty ? HASTY_TABS : 1); tab++) {
                    clients.add(new VirtualUser(label, users.get(i), tab, hasty, new Random(i * 10L + tab), base, planId, areas));
                }
            }
            CountDownLatch signedIn = new CountDownLatch(clients.size());
            CountDownLatch go = new CountDownLatch(1);
            long[] deadline = new long[1];
            AtomicInteger signInFailures = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(clients.size(), r -> {
                Thread t = new Thread(r);
                t.setDaemon(true);
                return t;
            });
            List<Future<Tally>> running = new ArrayList<>();
            long start;
            long end;
            try {
                for (VirtualUser vu : clients) {
                    running.add(pool.submit(() -> vu.run(signedIn, go, deadline, signInFailures)));
                }
                assertTrue(signedIn.await(SIGN_IN_LIMIT.toSeconds(), TimeUnit.SECONDS), "all users signed in");
                assertEquals(0, signInFailures.get(), "sign-in failures");
                start = System.nanoTime();
                deadline[0] = start + SECONDS * 1_000_000_000L;
                go.countDown();
                pool.shutdown();
                if (!pool.awaitTermination(SECONDS + 120L, TimeUnit.SECONDS)) {
                    fail("the users did not stop within two minutes of the deadline");
                }
                end = System.nanoTime();
            } finally {
                pool.shutdownNow();
            }
            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            Tally all = new Tally("all");
            Map<String, Tally> byUser = new HashMap<>();
            for (Future<Tally> f : running) {
                Tally t = f.get(10, TimeUnit.SECONDS);
                all.add(t);
                byUser.computeIfAbsent(t.user, Tally::new).add(t);
            }

            // read back: through the API and straight from the store
            Map<Long, String> viaApi = new HashMap<>();
            for (JsonNode c : MapServerApiTest.ok(reader.get("/api/plans/" + planId + "/comments"))) {
                viaApi.put(c.path("id").asLong(), c.path("text").asText());
            }
            Map<Long, StoredComments.Comment> inStore = new HashMap<>();
            for (StoredComments.Comment c : new CommentRepository(store).list(planId, StoredComments.Filter.all())) {
                inStore.put(c.id(), c);
            }
            List<String> lost = new ArrayList<>();
            all.acknowledged.forEach((id, ack) -> {
                if (!ack.text().equals(viaApi.get(id))) {
                    lost.add(id + " via the API: " + viaApi.get(id));
                }
                StoredComments.Comment c = inStore.get(id);
                if (c == null || !ack.text().equals(c.body()) || !ack.user().equals(c.author())) {
                    lost.add(id + " in the store: " + (c == null ? "missing" : c.author() + ": " + c.body()));
                }
            });

            double seconds = (end - start) / 1e9;
            String figures = figures(label, store, all, seconds, accountsSeconds, loadBefore, loadAfter, inStore.size());
            System.out.print(figures);
            Path out = Path.of(System.getProperty("basedir", ".")).resolve("target").resolve("load-figures-" + label + ".txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, figures, StandardCharsets.UTF_8);

            assertEquals(0, all.serverErrors, () -> "5xx answers: " + all.problems);
            assertEquals(0, all.transportErrors, () -> "transport errors: " + all.problems);
            assertEquals(0, all.otherRefusals, () -> "unexpected refusals: " + all.problems);
            assertTrue(all.problems.isEmpty(), () -> "problems: " + all.problems);
            assertTrue(all.acknowledged.size() > USERS, "comments were acknowledged: " + all.acknowledged.size());
            assertTrue(lost.isEmpty(), () -> lost.size() + " of " + all.acknowledged.size() + " acknowledged comments lost or changed: "
                    + lost.subList(0, Math.min(20, lost.size())));
            assertEquals(all.acknowledged.size(), inStore.size(), "stored comments: the acknowledged ones and nothing else");
            assertEquals(all.acknowledged.size(), viaApi.size(), "listed comments: the acknowledged ones and nothing else");
            assertEquals(0, all.limitedPaced, "users keeping below 1 write a second are never limited");
            // the limiter: never more writes through than the burst and the refill allow; and an account
            // that tried clearly more than that was refused (on a very busy machine the scripts may not get there)
            long budget = MapServer.Options.WRITE_BURST + (long) Math.ceil(seconds * MapServer.Options.WRITES_PER_SECOND) + 1;
            for (Tally u : byUser.values()) {
                assertTrue(u.acknowledged.size() <= budget, u.user + " got " + u.acknowledged.size() + " writes through, over " + budget);
                if (u.posts > budget + 5) {
                    assertTrue(u.limited > 0, u.user + " tried " + u.posts + " writes, none refused");
                }
            }
        }
    }

    /** One simulated member: signs in, waits for the start, then works until the deadline. */
    record VirtualUser(String label, String user, int tab, boolean hasty, Random random, String base, long planId, List<String> areas) {

        Tally run(CountDownLatch signedIn, CountDownLatch go, long[] deadline, AtomicInteger signInFailures) throws Exception {
            Tally t = new Tally(user);
            Http http;
            try {
                long s = System.nanoTime();
                http = new Http(base).signIn(user, TestAccounts.PASSWORD);
                t.signInNanos.add(System.nanoTime() - s);
            } catch (RuntimeException | AssertionError e) {
                signInFailures.incrementAndGet();
                throw e;
            } finally {
                signedIn.countDown();
            }
            if (!go.await(SIGN_IN_LIMIT.toSeconds() + 10, TimeUnit.SECONDS)) {
                return t;
            }
            long end = deadline[0];
            List<Long> seen = new ArrayList<>();
            String me = hasty ? user + "/" + tab : user;
            for (int seq = 0; System.nanoTime() < end; seq++) {
                long iteration = System.nanoTime();
                String area = areas.get(random.nextInt(areas.size()));
                String text = String.format(Locale.ROOT, "load %s %s #%d on %s: café “quoted” <b>not bold</b> ✓", label, me, seq, area);
                Long id = post(http, t, Map.of("text", text, "area", area), text);
                if (hasty) {
                    pauseUntil(Math.min(end, iteration + 1_000_000_000L));
                    continue;
                }
                if (System.nanoTime() >= end) {
                    break;
                }
                JsonNode list = read(http, t, t.areaReadNanos, "/api/plans/" + planId + "/comments?area="
                        + java.net.URLEncoder.encode(area, StandardCharsets.UTF_8));
                if (list != null) {
                    seen.clear();
                    boolean found = false;
                    for (JsonNode c : list) {
                        seen.add(c.path("id").asLong());
                        found |= id != null && c.path("id").asLong() == id;
                    }
                    if (id != null && !found) {
                        t.problems.add(user + ": comment " + id + " was acknowledged but is not in the list of area " + area);
                    }
                }
                if (random.nextInt(20) == 0 && System.nanoTime() < end) {
                    read(http, t, t.planReadNanos, "/api/plans/" + planId + "/comments");
                }
                if (random.nextInt(5) == 0 && !seen.isEmpty() && System.nanoTime() < end) {
                    long parent = seen.get(random.nextInt(seen.size()));
                    String reply = String.format(Locale.ROOT, "load %s %s #%d, a reply to %d ✓", label, me, seq, parent);
                    t.replies++;
                    post(http, t, Map.of("text", reply, "parent", parent), reply);
                }
                pauseUntil(Math.min(end, iteration + (1000 + random.nextInt(1000)) * 1_000_000L));
            }
            return t;
        }

        private static void pauseUntil(long nanoTime) throws InterruptedException {
            long sleep = (nanoTime - System.nanoTime()) / 1_000_000L;
            if (sleep > 0) {
                Thread.sleep(sleep);
            }
        }

        private Long post(Http http, Tally t, Map<String, Object> body, String text) {
            long s = System.nanoTime();
            Http.Response r;
            try {
                r = http.post("/api/plans/" + planId + "/comments", Http.json(body));
            } catch (UncheckedIOException | IllegalStateException e) {
                t.transportErrors++;
                t.problems.add(user + ": POST comment: " + e);
                return null;
            }
            long took = System.nanoTime() - s;
            t.requests++;
            t.posts++;
            if (r.status() == 201) {
                t.postNanos.add(took);
                JsonNode c = r.json();
                if (!text.equals(c.path("text").asText())) {
                    t.problems.add(user + ": the 201 answer has other text: " + c.path("text"));
                }
                t.acknowledged.put(c.path("id").asLong(), new Ack(user, text));
                return c.path("id").asLong();
            }
            if (r.status() == 429) {
                t.limited++;
                t.limitedNanos.add(took);
                if (!hasty) {
                    t.limitedPaced++;
                }
                if (r.header("Retry-After") == null) {
                    t.problems.add(user + ": a 429 without Retry-After");
                }
            } else if (r.status() >= 500) {
                t.serverErrors++;
                t.problems.add(user + ": POST comment: " + r);
            } else {
                t.otherRefusals++;
                t.problems.add(user + ": POST comment: " + r);
            }
            return null;
        }

        private JsonNode read(Http http, Tally t, List<Long> times, String path) {
            long s = System.nanoTime();
            Http.Response r;
            try {
                r = http.get(path);
            } catch (UncheckedIOException | IllegalStateException e) {
                t.transportErrors++;
                t.problems.add(user + ": GET " + path + ": " + e);
                return null;
            }
            t.requests++;
            times.add(System.nanoTime() - s);
            if (r.status() == 200) {
                return r.json();
            }
            if (r.status() >= 500) {
                t.serverErrors++;
            } else {
                t.otherRefusals++;
            }
            t.problems.add(user + ": GET " + path + ": " + r);
            return null;
        }
    }

    private static String figures(String label, SpatialStore store, Tally t, double seconds, double accountsSeconds,
                                  double loadBefore, double loadAfter, int stored) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("store", store.dialect().name() + " (" + label + ")");
        rows.put("machine", String.format(Locale.ROOT, "%d cores, load average %.1f before, %.1f after (shared machine)",
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter));
        rows.put("users", String.format(Locale.ROOT, "%d members: %d paced (a post every 1–2 s, with reads and replies), %d scripts"
                + " (%d sessions each, a post a second per session); write limit: burst %d, then %.0f/s per account", USERS,
                USERS - USERS / HASTY_EVERY, USERS / HASTY_EVERY, HASTY_TABS, MapServer.Options.WRITE_BURST,
                MapServer.Options.WRITES_PER_SECOND));
        rows.put("setup", String.format(Locale.ROOT, "%d accounts created in %.1f s; %d concurrent sign-ins: p50 %s, max %s", USERS + 1,
                accountsSeconds, t.signInNanos.size(), ms(t.signInNanos, 50), ms(t.signInNanos, 100)));
        rows.put("duration", String.format(Locale.ROOT, "%.1f s", seconds));
        rows.put("requests", String.format(Locale.ROOT, "%d (%.1f/s)", t.requests, t.requests / seconds));
        rows.put("posts", String.format(Locale.ROOT, "%d sent (%d replies): %d acknowledged (201, %.1f/s), %d refused 429"
                + " (%d of them from paced users)", t.posts, t.replies, t.acknowledged.size(), t.acknowledged.size() / seconds,
                t.limited, t.limitedPaced));
        rows.put("post latency (201)", latency(t.postNanos));
        rows.put("429 latency", latency(t.limitedNanos));
        rows.put("area list latency", latency(t.areaReadNanos) + " (" + t.areaReadNanos.size() + " reads)");
        rows.put("plan list latency", latency(t.planReadNanos) + " (" + t.planReadNanos.size() + " reads of up to " + stored + " comments)");
        rows.put("5xx", Integer.toString(t.serverErrors));
        rows.put("transport errors", Integer.toString(t.transportErrors));
        rows.put("other refusals", Integer.toString(t.otherRefusals));
        rows.put("read back", String.format(Locale.ROOT, "%d acknowledged comments, %d stored", t.acknowledged.size(), stored));
        StringBuilder sb = new StringBuilder("---- comment load figures: ").append(label).append(" ----\n");
        rows.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%-20s %s%n", k, v)));
        return sb.append("----\n").toString();
    }

    private static String latency(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "-";
        }
        return "p50 " + ms(nanos, 50) + ", p95 " + ms(nanos, 95) + ", p99 " + ms(nanos, 99) + ", max " + ms(nanos, 100);
    }

    /** The nearest-rank percentile, in milliseconds. */
    private static String ms(List<Long> nanos, int percentile) {
        if (nanos.isEmpty()) {
            return "-";
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return String.format(Locale.ROOT, "%.1f ms", sorted[Math.max(0, rank - 1)] / 1e6);
    }
}
