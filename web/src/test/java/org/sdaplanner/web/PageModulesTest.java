package org.sdaplanner.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the page's script a set of small ES modules with one job each (docs/architecture.md, "The
 * page"), read from {@code src/main/resources/public} without a browser: each module under a line
 * budget with few exports, imports that resolve to exports that exist, no import cycles, no module
 * or export nobody uses, API calls only in api.js and Leaflet only through map.js, no global but
 * the {@code window.sda} test hook, no HTML sinks, and the page events all declared in state.js.
 * {@code browser.PageScriptsTest} checks the same page in Chromium (MIME types, CSP, globals).
 */
class PageModulesTest {
    /** A module longer than this holds more than one job: split it (docs/architecture.md says how). */
    static final int MAX_LINES = 350;
    /** More named exports than this and a module has become a grab-bag. */
    static final int MAX_EXPORTS = 12;

    static final Path PUBLIC = Path.of(System.getProperty("basedir", ".")).resolve("src/main/resources/public");

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:\\{([^}]*)\\}\\s+from\\s+)?'\\./([a-z0-9-]+\\.js)';$");
    private static final Pattern EXPORT = Pattern.compile("^export\\s+(?:async\\s+)?(?:function\\*?|const|let|class)\\s+([A-Za-z_$][\\w$]*)");
    private static final Pattern MODULE_SCRIPT = Pattern.compile("<script\\s+type=\"module\"\\s+src=\"([a-z0-9-]+\\.js)\"></script>");
    private static final Pattern ANY_SCRIPT = Pattern.compile("<script\\b[^>]*>(.*?)</script>", Pattern.DOTALL);
    private static final Pattern EMIT = Pattern.compile("(?<![\\w$.])emit\\(\\s*'([a-z-]+)'");
    private static final Pattern ON = Pattern.compile("(?<![\\w$.])on\\(\\s*(\\[[^\\]]*\\]|'[a-z-]+')");
    private static final Pattern QUOTED = Pattern.compile("'([a-z-]+)'");

    /** A module as the checks see it: its lines, code without comments, imports (module -> names) and exports. */
    record Module(String name, List<String> lines, String code, Map<String, Set<String>> imports, List<String> exports) {
    }

    static Map<String, Module> modules;
    static Set<String> entries;

    @BeforeAll
    static void read() throws IOException {
        modules = new TreeMap<>();
        try (Stream<Path> files = Files.list(PUBLIC)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".js")).sorted().toList()) {
                modules.put(p.getFileName().toString(), parse(p));
            }
        }
        entries = new TreeSet<>();
        for (String page : List.of("index.html", "profile.html")) {
            Matcher m = MODULE_SCRIPT.matcher(Files.readString(PUBLIC.resolve(page)));
            while (m.find()) {
                entries.add(m.group(1));
            }
        }
    }

    private static Module parse(Path p) throws IOException {
        String name = p.getFileName().toString();
        String text = Files.readString(p);
        List<String> lines = text.lines().toList();
        String code = text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)(^|\\s)//.*$", "$1");
        Map<String, Set<String>> imports = new LinkedHashMap<>();
        List<String> exports = new ArrayList<>();
        for (String line : code.lines().toList()) {
            if (line.startsWith("import")) {
                Matcher m = IMPORT.matcher(line);
                assertTrue(m.matches(), name + ": write each import on one line as import { a, b } from './x.js'; (or import './x.js';), not: " + line);
                Set<String> names = new LinkedHashSet<>();
                if (m.group(1) != null) {
                    for (String n : m.group(1).split(",")) {
                        if (!n.isBlank()) {
                            names.add(n.trim());
                        }
                    }
                }
                imports.computeIfAbsent(m.group(2), k -> new LinkedHashSet<>()).addAll(names);
            } else if (line.startsWith("export")) {
                Matcher m = EXPORT.matcher(line);
                assertTrue(m.find(), name + ": export named declarations only (export function f / export const x), not: " + line);
                exports.add(m.group(1));
            }
        }
        return new Module(name, lines, code, imports, exports);
    }

    @Test
    void thePagesLoadTheirScriptAsOneModuleAndNoInlineScript() throws IOException {
        assertEquals(Set.of("main.js", "profile.js"), entries, "index.html starts main.js, profile.html starts profile.js");
        assertFalse(modules.containsKey("app.js"), "the page's script is the modules, not one big app.js");
        for (String page : List.of("index.html", "profile.html")) {
            String html = Files.readString(PUBLIC.resolve(page));
            Matcher m = ANY_SCRIPT.matcher(html);
            while (m.find()) {
                String tag = m.group();
                assertTrue(m.group(1).isBlank(), page + ": no inline script (the Content-Security-Policy allows scripts from the server only): " + tag);
                assertTrue(MODULE_SCRIPT.matcher(tag).matches() || tag.equals("<script src=\"/vendor/leaflet/leaflet.js\" defer></script>"),
                        page + ": only Leaflet (classic, deferred) and one module: " + tag);
            }
            assertFalse(Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(), page + ": no inline event handlers");
            assertFalse(html.contains("javascript:"), page + ": no javascript: URLs");
        }
    }

    @Test
    void everyModuleIsSmallAndSaysWhatItHolds() {
        assertTrue(modules.size() >= 10, "the page is split into modules: " + modules.keySet());
        for (Module m : modules.values()) {
            assertTrue(m.lines().size() <= MAX_LINES, m.name() + " has " + m.lines().size() + " lines (at most " + MAX_LINES
                    + "): it holds more than one job, split it");
            assertTrue(m.exports().size() <= MAX_EXPORTS, m.name() + " exports " + m.exports().size() + " names (at most " + MAX_EXPORTS
                    + "): " + m.exports());
            assertTrue(m.lines().get(0).startsWith("/*"), m.name() + " starts with a comment that says what it holds");
            assertFalse(m.code().contains("(function ()"), m.name() + ": a module has its own scope; no wrapping function");
        }
    }

    @Test
    void importsResolveAndEveryExportAndModuleIsUsed() {
        Set<String> used = new TreeSet<>();
        for (Module m : modules.values()) {
            for (Map.Entry<String, Set<String>> i : m.imports().entrySet()) {
                Module from = modules.get(i.getKey());
                assertTrue(from != null, m.name() + " imports " + i.getKey() + ", which does not exist");
                for (String n : i.getValue()) {
                    assertTrue(from.exports().contains(n), m.name() + " imports " + n + " from " + i.getKey() + ", which does not export it");
                    used.add(i.getKey() + ":" + n);
                }
            }
        }
        for (Module m : modules.values()) {
            for (String e : m.exports()) {
                assertTrue(used.contains(m.name() + ":" + e), m.name() + " exports " + e + " but no module imports it: keep it inside");
            }
        }
        Set<String> reached = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(entries);
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (reached.add(n)) {
                todo.addAll(modules.get(n).imports().keySet());
            }
        }
        assertEquals(modules.keySet(), reached, "every module is loaded by a page (from main.js or profile.js)");
    }

    @Test
    void noImportCycles() {
        Map<String, Integer> state = new TreeMap<>();
        for (String n : modules.keySet()) {
            List<String> cycle = cycleFrom(n, state, new ArrayList<>());
            assertTrue(cycle.isEmpty(), "import cycle: " + String.join(" -> ", cycle)
                    + " (lower modules tell higher ones through the events of state.js)");
        }
    }

    private static List<String> cycleFrom(String n, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(n);
        if (s != null && s == 2) {
            return List.of();
        }
        if (s != null) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(n), path.size()));
            cycle.add(n);
            return cycle;
        }
        state.put(n, 1);
        path.add(n);
        for (String next : modules.get(n).imports().keySet()) {
            List<String> cycle = cycleFrom(next, state, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        state.put(n, 2);
        return List.of();
    }

    @Test
    void oneGlobalOnePlaceForTheApiOneForLeafletAndNoHtmlSinks() {
        for (Module m : modules.values()) {
            String code = m.code();
            Matcher g = Pattern.compile("\\b(?:window|globalThis|self)\\.([A-Za-z_$][\\w$]*)\\s*=(?!=)").matcher(code);
            while (g.find()) {
                assertTrue(m.name().equals("main.js") && g.group(1).equals("sda"),
                        m.name() + " sets the global " + g.group(1) + ": modules share through imports and state.js; the only global is window.sda in main.js");
            }
            assertFalse(Pattern.compile("\\b(innerHTML|outerHTML|insertAdjacentHTML|document\\.write)\\b").matcher(code).find(),
                    m.name() + ": write data with textContent or attributes (dom.js el), never as HTML");
            assertFalse(Pattern.compile("\\beval\\s*\\(|new\\s+Function\\s*\\(").matcher(code).find(), m.name() + ": no eval (the CSP forbids it)");
            if (!m.name().equals("api.js")) {
                assertFalse(Pattern.compile("\\bfetch\\s*\\(|XMLHttpRequest").matcher(code).find(),
                        m.name() + " talks to the server itself: every request goes through api.js");
            }
            if (!m.name().equals("map.js")) {
                assertFalse(code.contains("window.L"), m.name() + " reads Leaflet's global: import { L } from './map.js'");
                if (Pattern.compile("(?<![\\w$.])L\\.").matcher(code).find()) {
                    assertTrue(m.imports().getOrDefault("map.js", Set.of()).contains("L"), m.name() + " uses L without importing it from map.js");
                }
            }
        }
    }

    @Test
    void everyPageEventIsDeclaredEmittedAndListenedTo() {
        Matcher list = Pattern.compile("(?s)const EVENTS = Object\\.freeze\\(\\[(.*?)\\]\\)").matcher(modules.get("state.js").code());
        assertTrue(list.find(), "state.js declares its EVENTS");
        Set<String> declared = quoted(list.group(1));
        Set<String> emitted = new TreeSet<>();
        Set<String> heard = new TreeSet<>();
        for (Module m : modules.values()) {
            Matcher e = EMIT.matcher(m.code());
            while (e.find()) {
                emitted.add(e.group(1));
            }
            Matcher o = ON.matcher(m.code());
            while (o.find()) {
                heard.addAll(quoted(o.group(1)));
            }
        }
        assertEquals(declared, emitted, "the events modules emit are the ones state.js declares");
        assertEquals(declared, heard, "every declared event has a listener");
    }

    private static Set<String> quoted(String s) {
        Set<String> out = new TreeSet<>();
        Matcher m = QUOTED.matcher(s);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
