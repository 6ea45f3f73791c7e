package org.sdaplanner.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page's ES modules as Chromium loads them from the real server: each one served as
 * text/javascript (a module with another MIME type is refused), nothing blocked by the
 * Content-Security-Policy (scripts from the server only, no inline script, no eval), and no
 * globals left behind but Leaflet's and the {@code window.sda} test hook. The map page and the
 * printable profile both. {@code web.PageModulesTest} checks the modules' shape from the files.
 */
class PageScriptsTest extends BrowserJourney {
    /** Before any script runs: the globals a blank page has, and a record of CSP violations. */
    private static final String WATCH = "window.__sdaGlobalsAtStart = Object.getOwnPropertyNames(window);"
            + "window.__sdaCsp = [];"
            + "document.addEventListener('securitypolicyviolation', function (e) { window.__sdaCsp.push(e.violatedDirective + ' ' + e.blockedURI); });";
    private static final String NEW_GLOBALS = "var before = new Set(window.__sdaGlobalsAtStart);"
            + "return Object.getOwnPropertyNames(window).filter(function (n) { return !before.has(n) && n.indexOf('__sda') !== 0; }).sort();";
    /** Every same-origin script the page loaded, with the Content-Type the server gives it. */
    private static final String SCRIPT_TYPES = "var done = arguments[arguments.length - 1];"
            + "var urls = performance.getEntriesByType('resource').map(function (e) { return e.name; })"
            + "  .filter(function (u) { return u.indexOf(location.origin + '/') === 0 && /\\.js$/.test(u); });"
            + "Promise.all(urls.map(function (u) { return fetch(u).then(function (r) {"
            + "  return [u.slice(location.origin.length + 1), r.headers.get('content-type') || '']; }); }))"
            + "  .then(function (rows) { done(rows); }, function (e) { done([['error', String(e)]]); });";

    @Test
    void theModulesLoadUnderTheContentSecurityPolicyAndLeaveOneGlobal() throws IOException {
        browser = Browser.open(1280, 900);
        browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH));
        // what the test driver itself leaves on a page of the server with no script of ours
        browser.driver().get(server.baseUrl() + "/api/health");
        browser.attr(By.tagName("body"), "data-state");
        loadedScripts(browser);
        Set<String> expected = new TreeSet<>(strings(browser.js(NEW_GLOBALS)));
        Set<String> harness = new TreeSet<>(expected);

        browser.load(server.baseUrl() + "/");
        Set<String> modules = loadedScripts(browser);
        assertTrue(modules.contains("main.js") && modules.contains("api.js") && modules.contains("map.js"), "the page loads its modules: " + modules);
        Set<String> onDisk;
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("basedir", ".")).resolve("src/main/resources/public"))) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".js")).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> own = new TreeSet<>(modules);
        own.removeIf(n -> n.startsWith("vendor/"));
        assertTrue(onDisk.containsAll(own), "the page loads only its own modules and Leaflet: " + modules);
        onDisk.remove("profile.js");
        assertEquals(onDisk, own, "the map page loads every module but the printable profile's");
        expected.addAll(List.of("L", "leaflet", "_leaflet_events", "sda"));
        assertEquals(expected, new TreeSet<>(strings(browser.js(NEW_GLOBALS))), "the only globals are Leaflet's and the window.sda hook (and the test driver's: " + harness + ")");
        assertEquals(List.of(), browser.js("return window.__sdaCsp;"), "nothing was blocked by the Content-Security-Policy");
        String csp = String.valueOf(browser.driver().executeAsyncScript("var done = arguments[0];"
                + "fetch('/').then(function (r) { done(r.headers.get('content-security-policy')); });"));
        assertTrue(csp.contains("script-src 'self';") && !csp.contains("unsafe-eval"), "scripts from the server only, no eval: " + csp);

        String plan = server.firstPlanId();
        String area = server.getJson("/api/plans/" + plan).path("areas").get(0).path("area_id").asText();
        browser.driver().get(server.baseUrl() + "/profile.html?plan=" + plan + "&area=" + area);
        browser.waitFor("the printable profile", d -> "ready".equals(browser.attr(By.tagName("body"), "data-state")));
        Set<String> profileModules = loadedScripts(browser);
        assertTrue(profileModules.contains("profile.js") && profileModules.contains("profile-charts.js"), "the profile loads its modules: " + profileModules);
        assertFalse(profileModules.contains("main.js"), "the profile page does not load the map page: " + profileModules);
        assertEquals(harness, new TreeSet<>(strings(browser.js(NEW_GLOBALS))), "the printable profile leaves no globals (but the test driver's)");
        assertEquals(List.of(), browser.js("return window.__sdaCsp;"), "nothing was blocked on the profile page");
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object o) {
        return (List<String>) o;
    }

    /** The page's scripts by path (vendor/leaflet/… for Leaflet); each must be served as JavaScript. */
    @SuppressWarnings("unchecked")
    private static Set<String> loadedScripts(Browser b) {
        List<List<String>> rows = (List<List<String>>) b.driver().executeAsyncScript(SCRIPT_TYPES);
        Set<String> names = new TreeSet<>();
        for (List<String> r : rows) {
            assertTrue(r.get(1).startsWith("text/javascript"), r.get(0) + " is served as " + r.get(1) + ", not text/javascript");
            names.add(r.get(0));
        }
        return names;
    }
}
