package org.sdaplanner.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdaplanner.core.access.Role;
import org.sdaplanner.store.AccountRepository;
import org.sdaplanner.store.SpatialStore;
import org.sdaplanner.store.StoredAccounts.Actor;
import org.sdaplanner.web.auth.AccountAdmin;
import org.sdaplanner.web.auth.AuthException;
import org.sdaplanner.web.auth.Authenticator;
import org.sdaplanner.web.auth.RateLimiter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Write limits and sign-in throttles hold across server processes: two services, each with its own
 * store handle, rate limiter and authenticator (what two `sda serve` processes have), count against
 * the same buckets and throttles in one store. On PostGIS (skipped outside CI without it) and on
 * H2GIS (a second process reaches the embedded store through its AUTO_SERVER).
 */
class SharedLimitsTest {
    private static final String PASSWORD = "correct horse battery staple";
    /** Small enough that the test needs few bcrypt rounds; the real ones are Authenticator.PER_NAME / PER_ADDRESS. */
    private static final Authenticator.Throttle PER_NAME = new Authenticator.Throttle(2, Duration.ofMinutes(15), Duration.ofMinutes(1));
    private static final Authenticator.Throttle PER_ADDRESS = new Authenticator.Throttle(3, Duration.ofMinutes(15), Duration.ofMinutes(5));

    @Test
    void onPostgis() throws Exception {
        try (TestData.PostgisSchema schema = TestData.PostgisSchema.create()) {
            twoProcessesShareLimits(schema.url());
        }
    }

    @Test
    void onH2gis(@TempDir Path dir) {
        twoProcessesShareLimits("jdbc:h2:file:" + dir.resolve("sda"));
    }

    /**
     * End to end: two {@code sda serve} processes (JVMs of their own, as in production) on one PostGIS schema,
     * with the default limits. An account's writes through both count against one burst (a server that kept
     * its own bucket would take about twice as many), wrong passwords for one name through both lock it on
     * both, and many names tried from one address lock the address on both.
     */
    @Test
    void twoServerProcessesOnPostgis() throws Exception {
        try (TestData.PostgisSchema schema = TestData.PostgisSchema.create()) {
            String url = schema.url();
            SpatialStore store = TestData.importedStore(url);
            TestAccounts accounts = new TestAccounts(store, null);
            accounts.ensure("two-process-writer", Role.MEMBER);
            accounts.ensure("two-process-locked", Role.MEMBER);
            Path logs = Path.of(System.getProperty("basedir", ".")).resolve("target").resolve("shared-limits");
            Files.createDirectories(logs);
            KillRestartTest.ServerProcess a = KillRestartTest.ServerProcess.start(url, logs.resolve("server-a.log"));
            KillRestartTest.ServerProcess b = null;
            try {
                a.awaitReady(Duration.ofMinutes(2)); // the first builds the default plan; the second then finds it
                b = KillRestartTest.ServerProcess.start(url, logs.resolve("server-b.log"));
                b.awaitReady(Duration.ofMinutes(2));
                Http viaA = new Http(a.base()).signIn("two-process-writer", TestAccounts.PASSWORD);
                Http viaB = new Http(b.base()).signIn("two-process-writer", TestAccounts.PASSWORD);
                long plan = viaA.get("/api/plans").json().get(0).path("id").asLong();
                String area = viaA.get("/api/plans/" + plan).json().path("areas").get(0).path("area_id").asText();

                // writes, alternately through each server, until one is refused
                long start = System.nanoTime();
                int accepted = 0;
                Http.Response refused = null;
                for (int i = 0; i < 200 && refused == null; i++) {
                    Http via = i % 2 == 0 ? viaA : viaB;
                    Http.Response r = via.post("/api/plans/" + plan + "/comments",
                            Http.json(Map.of("area", area, "text", "shared write " + i)));
                    if (r.status() == 201) {
                        accepted++;
                    } else {
                        assertEquals(429, r.status(), r::toString);
                        refused = r;
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                int burst = MapServer.Options.WRITE_BURST;
                long refilled = (long) Math.ceil(seconds * MapServer.Options.WRITES_PER_SECOND);
                assertTrue(refused != null, "no write was refused");
                assertTrue(accepted >= burst && accepted <= burst + refilled + 1, accepted + " writes accepted in " + seconds
                        + " s through two servers: one burst of " + burst + " and " + refilled + " refilled, not one per server");
                assertTrue(refused.header("Retry-After") != null, refused::toString);
                Http other = accepted % 2 == 0 ? viaB : viaA; // the server that did not refuse the last write
                assertEquals(429, other.post("/api/plans/" + plan + "/comments",
                        Http.json(Map.of("area", area, "text", "through the other server"))).status());

                // wrong passwords for one name, through both servers: locked on both, even with the right password
                for (int i = 0; i < 5; i++) {
                    Http.Response r = new Http((i % 2 == 0 ? a : b).base()).post("/api/session",
                            Http.json(Map.of("username", "two-process-locked", "password", "wrong " + i)));
                    assertEquals(401, r.status(), r::toString);
                }
                for (KillRestartTest.ServerProcess s : new KillRestartTest.ServerProcess[] {a, b}) {
                    Http.Response r = new Http(s.base()).post("/api/session",
                            Http.json(Map.of("username", "two-process-locked", "password", TestAccounts.PASSWORD)));
                    assertEquals(429, r.status(), r::toString);
                    assertTrue(r.json().path("error").asText().contains("for this user name"), r::toString);
                }

                // many made-up names from this address, through both: the address is locked on both (the five
                // wrong passwords above count too)
                for (int i = 0; i < Authenticator.PER_ADDRESS.maxFailures() - 5; i++) {
                    Http.Response r = new Http((i % 2 == 0 ? a : b).base()).post("/api/session",
                            Http.json(Map.of("username", "made-up-" + i, "password", "guess")));
                    assertEquals(401, r.status(), "attempt " + i + ": " + r);
                }
                for (KillRestartTest.ServerProcess s : new KillRestartTest.ServerProcess[] {a, b}) {
                    Http.Response r = new Http(s.base()).post("/api/session",
                            Http.json(Map.of("username", "yet-another-name", "password", "guess")));
                    assertEquals(429, r.status(), r::toString);
                    assertTrue(r.json().path("error").asText().contains("from this address"), r::toString);
                }
            } finally {
                a.stop();
                if (b != null) {
                    b.stop();
                }
            }
        }
    }

    private static void twoProcessesShareLimits(String url) {
        SpatialStore a = SpatialStore.open(url);
        SpatialStore b = SpatialStore.open(url);
        AtomicLong clock = new AtomicLong(1_700_000_000_000L);

        // an account's writes: a burst of 10 in all, whichever process takes them
        RateLimiter writesA = new RateLimiter(new AccountRepository(a).limits(), 10, 0.5, clock::get);
        RateLimiter writesB = new RateLimiter(new AccountRepository(b).limits(), 10, 0.5, clock::get);
        for (int i = 0; i < 10; i++) {
            assertTrue((i % 2 == 0 ? writesA : writesB).tryAcquire("account:7"), "write " + i);
        }
        assertFalse(writesA.tryAcquire("account:7"), "the burst is spent, through either process");
        assertFalse(writesB.tryAcquire("account:7"));
        assertEquals(2, writesB.retryAfterSeconds("account:7"), "one token at 0.5 a second");
        assertTrue(writesA.tryAcquire("account:8"), "another account has its own bucket");
        clock.addAndGet(2_000);
        assertTrue(writesB.tryAcquire("account:7"), "refilled after two seconds");
        assertFalse(writesA.tryAcquire("account:7"));

        // concurrent writers of one account, half through each process, from the first write on: exactly the burst
        RateLimiter burstA = new RateLimiter(new AccountRepository(a).limits(), 40, 0.5, clock::get);
        RateLimiter burstB = new RateLimiter(new AccountRepository(b).limits(), 40, 0.5, clock::get);
        java.util.concurrent.atomic.AtomicInteger taken = new java.util.concurrent.atomic.AtomicInteger();
        java.util.List<Thread> writers = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            RateLimiter via = t % 2 == 0 ? burstA : burstB;
            Thread w = new Thread(() -> {
                for (int i = 0; i < 10; i++) {
                    if (via.tryAcquire("account:9")) {
                        taken.incrementAndGet();
                    }
                }
            });
            w.start();
            writers.add(w);
        }
        for (Thread t : writers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        assertEquals(40, taken.get(), "no write refused while the burst lasts");
        assertFalse(burstA.tryAcquire("account:9"), "and none past it");

        // wrong passwords for one name, tried through both processes, lock it on both
        new AccountAdmin(new AccountRepository(a), id -> { }).add("shared-user", "Shared", Role.MEMBER, PASSWORD,
                new Actor("test", "local"));
        Authenticator authA = new Authenticator(new AccountRepository(a), PER_NAME, PER_ADDRESS);
        Authenticator authB = new Authenticator(new AccountRepository(b), PER_NAME, PER_ADDRESS);
        assertEquals(401, assertThrows(AuthException.class, () -> authA.login("shared-user", "wrong 1", "192.0.2.1")).status());
        assertEquals(401, assertThrows(AuthException.class, () -> authB.login("shared-user", "wrong 2", "192.0.2.2")).status());
        AuthException locked = assertThrows(AuthException.class, () -> authB.login("shared-user", PASSWORD, "192.0.2.4"));
        assertEquals(429, locked.status(), "locked through the other process, even with the right password");
        assertTrue(locked.getMessage().contains("for this user name"), locked.getMessage());
        assertEquals(429, assertThrows(AuthException.class, () -> authA.login("shared-user", PASSWORD, "192.0.2.5")).status());

        // many made-up names from one address: the address is locked, on both processes, for any name
        for (int i = 0; i < PER_ADDRESS.maxFailures(); i++) {
            Authenticator via = i % 2 == 0 ? authA : authB;
            String name = "made-up-" + i;
            assertEquals(401, assertThrows(AuthException.class, () -> via.login(name, "guess", "203.0.113.9")).status());
        }
        AuthException address = assertThrows(AuthException.class, () -> authA.login("made-up-new", "guess", "203.0.113.9"));
        assertEquals(429, address.status());
        assertTrue(address.getMessage().contains("from this address"), address.getMessage());
        assertTrue(address.retryAfterSeconds() > 60, "five minutes for an address: " + address.retryAfterSeconds());
        assertEquals(429, assertThrows(AuthException.class, () -> authB.login("other-made-up", "guess", "203.0.113.9")).status());
        // another address is not held back: a wrong password there is just wrong
        assertEquals(401, assertThrows(AuthException.class, () -> authB.login("made-up-new", "guess", "198.51.100.1")).status());
    }
}
