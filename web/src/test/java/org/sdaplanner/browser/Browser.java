package org.sdaplanner.browser;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Debian's Chromium driven through Debian's chromedriver (no Selenium Manager, no download):
 * headless, a fresh profile per browser, and the page's helpers the journeys share.
 */
public final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("sda.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("sda.chromedriver", "/usr/bin/chromedriver"));
    static final Duration WAIT = Duration.ofSeconds(30);

    /** Collects uncaught page errors from the first script on, for the journeys to check. */
    private static final String ERROR_COLLECTOR = "window.__sdaErrors = [];"
            + "window.addEventListener('error', function (e) { window.__sdaErrors.push(String(e.message || e)); });"
            + "window.addEventListener('unhandledrejection', function (e) { window.__sdaErrors.push('unhandled: ' + String(e.reason && e.reason.message || e.reason)); });";

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips the browser tests outside CI when Chromium or chromedriver are missing; fails in CI. */
    static void requireChromium() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add(CHROMIUM.toString());
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            missing.add(CHROMEDRIVER.toString());
        }
        if (missing.isEmpty()) {
            return;
        }
        String msg = "browser tests need " + String.join(" and ", missing) + " (apt-get install chromium chromium-driver, or bash .ci/chromium.sh)";
        if (BrowserServer.inCi()) {
            throw new IllegalStateException(msg);
        }
        Assumptions.abort(msg);
    }

    /** A desktop browser window of the given size. */
    static Browser open(int width, int height) {
        return open(width, height, false);
    }

    /** A browser; with {@code phone} true, Chrome's mobile emulation at width × height CSS pixels. */
    static Browser open(int width, int height, boolean phone) {
        requireChromium();
        Path profile;
        try {
            profile = Files.createTempDirectory("sda-chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile.toAbsolutePath());
        // the console, to catch requests that fail (a missing favicon, a 404 of a module)
        o.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        if (phone) {
            o.setExperimentalOption("mobileEmulation", Map.of(
                    "deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true),
                    "userAgent", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148"));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver d = new ChromeDriver(service, o);
        d.manage().timeouts().scriptTimeout(WAIT);
        d.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", ERROR_COLLECTOR));
        return new Browser(d, profile);
    }

    /** Opens the page and waits until the areas layer is drawn and no request is in flight. */
    void load(String url) {
        driver.get(url);
        waitFor("the page to be ready and the areas drawn", d -> "ready".equals(attr(By.tagName("body"), "data-state"))
                && "true".equals(attr(By.id("map"), "data-areas-drawn")));
        idle();
    }

    WebElement $(String id) {
        return driver.findElement(By.id(id));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String attr(By by, String name) {
        List<WebElement> e = driver.findElements(by);
        return e.isEmpty() ? null : e.get(0).getDomAttribute(name);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    <T> T waitFor(String what, ExpectedCondition<T> condition) {
        try {
            // the page re-renders lists after each answer: an element found a moment ago may be replaced
            return new WebDriverWait(driver, WAIT, Duration.ofMillis(100)).withMessage("waiting for " + what)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
        } catch (RuntimeException e) {
            throw new AssertionError("timed out waiting for " + what + "; page error box: " + errorText()
                    + "; page script errors: " + pageErrors(), e);
        }
    }

    /** Waits longer than {@link #WAIT}: for work the server does over many seconds (the trade-off curve). */
    void waitLong(String what, Duration limit, java.util.function.BooleanSupplier condition) {
        try {
            new WebDriverWait(driver, limit, Duration.ofMillis(250)).withMessage("waiting for " + what)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until((ExpectedCondition<Boolean>) d -> condition.getAsBoolean());
        } catch (RuntimeException e) {
            throw new AssertionError("timed out waiting for " + what + "; page error box: " + errorText()
                    + "; page script errors: " + pageErrors(), e);
        }
    }

    void waitFor(String what, java.util.function.BooleanSupplier condition) {
        waitFor(what, (ExpectedCondition<Boolean>) d -> condition.getAsBoolean());
    }

    /** Waits until no API request of the page is in flight (twice, so chained requests have started). */
    void idle() {
        for (int i = 0; i < 2; i++) {
            waitFor("the page's API requests to finish", d -> "0".equals(attr(By.tagName("body"), "data-busy")));
            BrowserServer.sleep(120);
        }
    }

    String activeId() {
        Object id = js("return document.activeElement ? document.activeElement.id : null;");
        return id == null ? "" : id.toString();
    }

    String errorText() {
        try {
            List<WebElement> box = driver.findElements(By.id("error"));
            if (box.isEmpty() || !box.get(0).isDisplayed()) {
                return "(none)";
            }
            return box.get(0).getText();
        } catch (RuntimeException e) {
            return "(unknown)";
        }
    }

    @SuppressWarnings("unchecked")
    List<String> pageErrors() {
        try {
            Object o = js("return window.__sdaErrors || [];");
            return o instanceof List<?> l ? (List<String>) l : List.of();
        } catch (RuntimeException e) {
            return List.of("(could not read: " + e.getMessage() + ")");
        }
    }

    /** The console's messages of level SEVERE since the last call (failed requests among them). */
    List<String> consoleErrors() {
        List<String> out = new ArrayList<>();
        for (org.openqa.selenium.logging.LogEntry e : driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)) {
            if (e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                out.add(e.getMessage());
            }
        }
        return out;
    }

    /** Saves a PNG under web/target/screenshots/ and returns its path. */
    Path screenshot(String name) {
        Path dir = screenshotDir();
        Path file = dir.resolve(name.replaceAll("[^A-Za-z0-9._-]+", "_") + ".png");
        try {
            Files.createDirectories(dir);
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static Path screenshotDir() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("target").resolve("screenshots");
    }

    ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> s = Files.walk(profile)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | RuntimeException ignored) {
                // temporary profile: best effort
            }
        }
    }
}
