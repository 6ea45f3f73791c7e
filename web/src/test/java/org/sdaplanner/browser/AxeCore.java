package org.sdaplanner.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * axe-core (the npm package, test only) in the page: installed by {@code .ci/axe-core.sh} into
 * {@code web/target/axe/} (the script is run here when the file is missing), injected through the
 * driver (which the page's Content-Security-Policy does not apply to), and run with the WCAG 2.0, 2.1
 * and 2.2 A and AA rules. Each violation comes back as one line: rule, impact, help, the first elements.
 */
final class AxeCore {
    static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");
    private static String source;

    private AxeCore() {
    }

    /** The violations of the page as it is now (an empty list when it passes). */
    @SuppressWarnings("unchecked")
    static List<String> violations(Browser b) {
        if (!Boolean.TRUE.equals(b.js("return typeof window.axe === 'object';"))) {
            b.js(source() + "\n;return true;");
        }
        String tags = String.join("','", WCAG_AA);
        Object r = b.driver().executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['" + tags + "']}, resultTypes: ['violations']})"
                + ".then(function (res) { done(res.violations.map(function (v) {"
                + "  return v.id + ' (' + v.impact + ', ' + v.nodes.length + '): ' + v.help + ' at ' + v.nodes.slice(0, 6).map(function (n) {"
                + "    return n.target.join(' ') + ' [' + String(n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 160) + ']'; }).join('; '); })); },"
                + " function (e) { done(['axe-core failed: ' + e]); });");
        return (List<String>) r;
    }

    private static synchronized String source() {
        if (source == null) {
            Path file = file();
            try {
                source = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }

    /** web/target/axe/node_modules/axe-core/axe.min.js, installed by the script when missing. */
    private static Path file() {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isRegularFile(root.resolve(".ci").resolve("axe-core.sh"))) {
            root = root.getParent();
        }
        if (root == null) {
            throw new IllegalStateException(".ci/axe-core.sh not found above " + Path.of("").toAbsolutePath());
        }
        Path js = root.resolve("web/target/axe/node_modules/axe-core/axe.min.js");
        if (!Files.isRegularFile(js)) {
            try {
                Process p = new ProcessBuilder("bash", root.resolve(".ci/axe-core.sh").toString()).inheritIO().start();
                if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("bash .ci/axe-core.sh could not install axe-core (npm install axe-core)");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return js;
    }
}
