package org.sdaplanner.browser;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Measures the time to first map paint: from navigation start until the areas layer of the
 * plan is drawn (the page's performance mark {@code sda-areas-drawn}), in a fresh headless
 * Chromium each run (cold browser cache) against the real server, started in-process as the
 * journeys do ({@link BrowserServer}). Not a test: from {@code web/}, run it with
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test.cp -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test.cp) org.sdaplanner.browser.FirstPaint 7
 * </pre>
 *
 * (or, with the exec plugin at hand, {@code mvn -pl web exec:java -Dexec.mainClass=org.sdaplanner.browser.FirstPaint
 * -Dexec.classpathScope=test -Dexec.args=7}).
 *
 * The argument is the number of runs (default 5); it prints each run and the median in ms.
 * {@code -Dsda.browser.url=http://host:port} measures a server that is already running;
 * {@code -Dsda.browser.latency=40} adds 40 ms to every request (Chromium's network emulation), as on
 * a council network far from the server, where the number of files the page loads starts to count.
 */
public final class FirstPaint {
    private FirstPaint() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Browser.requireChromium();
        BrowserServer server = BrowserServer.shared();
        // one warm-up so the server's JIT and caches are not what is measured
        measure(server, false);
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            double[] m = measure(server, true);
            ms.add(m[0]);
            System.out.printf(Locale.ROOT, "run %d: first map paint %.0f ms (DOMContentLoaded %.0f ms, %d area paths)%n", i + 1, m[0], m[1], (int) m[2]);
        }
        Collections.sort(ms);
        System.out.printf(Locale.ROOT, "first map paint, median of %d cold-browser loads at 1280x900 (+%d ms a request): %.0f ms (min %.0f, max %.0f)%n",
                runs, Integer.getInteger("sda.browser.latency", 0), ms.get(ms.size() / 2), ms.get(0), ms.get(ms.size() - 1));
        System.exit(0);
    }

    private static double[] measure(BrowserServer server, boolean print) {
        try (Browser b = Browser.open(1280, 900)) {
            int latency = Integer.getInteger("sda.browser.latency", 0);
            if (latency > 0) {
                b.driver().executeCdpCommand("Network.enable", java.util.Map.of());
                b.driver().executeCdpCommand("Network.emulateNetworkConditions", java.util.Map.of(
                        "offline", false, "latency", latency, "downloadThroughput", -1, "uploadThroughput", -1));
            }
            b.load(server.baseUrl() + "/");
            Object paint = b.js("var m = performance.getEntriesByName('sda-areas-drawn'); return m.length ? m[0].startTime : -1;");
            Object dcl = b.js("var n = performance.getEntriesByType('navigation')[0]; return n ? n.domContentLoadedEventEnd : -1;");
            Object paths = b.js("return document.querySelectorAll('.leaflet-areas-pane path').length;");
            return new double[] {((Number) paint).doubleValue(), ((Number) dcl).doubleValue(), ((Number) paths).doubleValue()};
        }
    }
}
