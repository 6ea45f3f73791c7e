package org.sdaplanner.web;

import org.sdaplanner.realdata.RealRegion;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdaplanner.cli.SdaMain;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sda start} on an empty store: imports, builds the default plan and serves until its
 * thread is interrupted; {@code sda serve} refuses a store without an import.
 */
class StartCommandTest {

    @Test
    void helpAndAStoreWithoutImport(@TempDir Path tmp) {
        assertEquals(0, SdaMain.run("serve", "--help"));
        assertEquals(0, SdaMain.run("start", "--help"));
        assertNotEquals(0, SdaMain.run("start"), "--data is required");
        assertEquals(3, SdaMain.run("serve", "--db", "jdbc:h2:file:" + tmp.resolve("empty"), "--port", "0"),
                "a store error: nothing imported yet");
        // a wrong basemap is refused before the store is opened (exit 2, an input error), and so is a credit without one
        assertEquals(2, SdaMain.run("serve", "--db", "jdbc:h2:file:" + tmp.resolve("empty"), "--port", "0",
                "--basemap", tmp.resolve("missing.pmtiles").toString(), "--basemap-attribution", "Test"));
        assertEquals(2, SdaMain.run("serve", "--db", "jdbc:h2:file:" + tmp.resolve("empty"), "--port", "0",
                "--basemap", "https://tiles.example.org/{z}/{x}/{y}.png"), "the credit is needed");
        assertEquals(2, SdaMain.run("start", "--data", tmp.toString(), "--db", "jdbc:h2:file:" + tmp.resolve("empty2"),
                "--basemap-attribution", "Test"), "a credit without a basemap");
    }

    @Test
    void startImportsBuildsTheDefaultPlanAndServes(@TempDir Path tmp) throws Exception {
        Path data = TestData.dataDir();
        // what a person sees in the terminal: sda's own lines only (the logger writes to System.err)
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            startAndStop(tmp, data);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        oldOut.print(text);
        assertTrue(text.contains("Open http://127.0.0.1:"), text);
        assertTrue(text.contains("created the admin account 'admin' with the password "), "the one-time password: " + text);
        for (String noise : List.of("INFO", "Javalin", "jetty", "Jetty", "\u001b[")) {
            assertFalse(text.contains(noise), "sda start prints no " + noise + ":\n" + text);
        }
    }

    private static void startAndStop(Path tmp, Path data) throws Exception {
        int port = freePort();
        String db = "jdbc:h2:file:" + tmp.resolve("store").resolve("sda");
        int[] exit = {Integer.MIN_VALUE};
        Thread start = new Thread(() -> exit[0] = SdaMain.run("start", "--data", data.toString(), "--region",
                TestData.manifest("cambridgeshire-peterborough.json").toString(), "--db", db, "--port", Integer.toString(port)),
                "sda-start-test");
        start.setDaemon(true);
        start.start();
        Http http = new Http("http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + 120_000_000_000L;
        boolean up = false;
        while (!up && System.nanoTime() < deadline && start.isAlive()) {
            try {
                up = http.get("/api/health").status() == 200;
            } catch (RuntimeException notYet) {
                Thread.sleep(200);
            }
        }
        assertTrue(up, "sda start answered /api/health (exit " + exit[0] + ")");
        JsonNode plans = http.get("/api/plans").json();
        assertEquals(1, plans.size());
        assertEquals(PlannerService.DEFAULT_PLAN_NAME, plans.get(0).path("name").asText());
        assertEquals(RealRegion.DEFAULT_PLAN_AREAS, plans.get(0).path("areas").asInt());
        start.interrupt();
        start.join(30_000);
        assertEquals(0, exit[0], "stops cleanly when interrupted");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
