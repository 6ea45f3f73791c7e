package org.sdaplanner.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A public-health analyst opens an area's profile in the panel (key figures and charts next to the
 * district and the region), colours the areas by an indicator (with a legend that says how the classes
 * were made), and opens the printable profile, which prints on at most two A4 pages. Values are checked
 * against the API.
 */
class ProfileJourneyTest extends BrowserJourney {
    private static final List<String> CHARTS = List.of("age_bands", "imd_decile", "tenure", "ethnicity");
    private static final Pattern BOUNDS = Pattern.compile("([0-9.]+)% to ([0-9.]+)%");

    private static String count(JsonNode profile, String indicator) {
        return String.format(Locale.UK, "%,d", Math.round(profile.path("values").path(indicator).path("value").asDouble()));
    }

    @Test
    void areaProfileChoroplethAndPrintablePage() {
        String plan = server.firstPlanId();
        String area = server.getJson("/api/plans/" + plan).path("areas").get(0).path("area_id").asText();
        JsonNode profile = server.getJson("/api/plans/" + plan + "/areas/" + area + "/profile");

        Browser b = open(1280, 900, false);
        b.load(server.baseUrl() + "/");
        b.$("area-list").findElement(By.cssSelector("button[data-area='" + area + "']")).click();
        b.waitFor("the area's profile", d -> area.equals(b.$("area-profile").getDomAttribute("data-area")));
        b.idle();

        // key figures: this area, its district(s) and the region, each with its source
        WebElement residents = b.$("profile-key-figures").findElement(By.cssSelector("tr[data-indicator='residents']"));
        assertEquals(count(profile.path("area"), "residents"), residents.findElement(By.cssSelector("td.area")).getText());
        assertEquals(count(profile.path("region"), "residents"), residents.findElement(By.cssSelector("td.region")).getText());
        assertEquals(count(profile.path("districts").get(0), "residents"),
                residents.findElement(By.cssSelector("td.district")).getText());
        String vintage = profile.path("indicators").get(0).path("vintage").asText();
        assertTrue(residents.getText().contains(vintage), "the figure gives its date: " + residents.getText());
        assertEquals(8, b.all("#profile-key-figures tr[data-indicator]").size(), "the eight key figures");

        // the charts, each with its source
        List<String> charts = new ArrayList<>();
        for (WebElement f : b.all("#profile-charts figure.profile-chart")) {
            charts.add(f.getDomAttribute("data-indicator"));
            assertTrue(f.findElement(By.cssSelector("svg rect")).isDisplayed());
            assertTrue(f.findElement(By.cssSelector(".profile-source")).getText().contains("Licence"), f.getText());
        }
        assertEquals(CHARTS, charts);
        int bands = profile.path("area").path("values").path("age_bands").path("shares").size();
        assertEquals(bands * (2 + profile.path("districts").size()),
                b.all("#profile-charts figure[data-indicator='age_bands'] svg rect").size(), "a bar per band and unit");
        ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript("arguments[0].scrollIntoView()", b.$("area-profile"));
        b.screenshot("profile-01-panel");

        // the choropleth: areas coloured by the share aged 65+, in quantile classes
        JsonNode map = server.getJson("/api/plans/" + plan + "/indicators/aged_65_plus");
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (JsonNode a : map.path("areas")) {
            min = Math.min(min, a.path("value").asDouble());
            max = Math.max(max, a.path("value").asDouble());
        }
        new Select(b.$("indicator-select")).selectByValue("aged_65_plus");
        b.waitFor("the choropleth legend", d -> !b.all("#choropleth-legend").isEmpty() && b.$("choropleth-legend").isDisplayed());
        b.idle();
        WebElement legend = b.$("choropleth-legend");
        assertEquals("aged_65_plus", legend.getDomAttribute("data-indicator"));
        assertTrue(legend.getText().contains("quantile classes of the " + map.path("areas").size() + " areas"), legend.getText());
        Matcher m = BOUNDS.matcher(legend.getText());
        List<double[]> bounds = new ArrayList<>();
        while (m.find()) {
            bounds.add(new double[]{Double.parseDouble(m.group(1)) / 100, Double.parseDouble(m.group(2)) / 100});
        }
        assertEquals(5, bounds.size(), legend.getText());
        assertEquals(min, bounds.get(0)[0], 0.0006, "the first class starts at the lowest area");
        assertEquals(max, bounds.get(bounds.size() - 1)[1], 0.0006, "the last class ends at the highest area");
        b.screenshot("profile-02-choropleth");

        // a category share has a part to choose
        new Select(b.$("indicator-select")).selectByValue("tenure");
        b.waitFor("the part picker", d -> b.$("indicator-part").isDisplayed()
                && "tenure".equals(b.$("choropleth-legend").getDomAttribute("data-indicator")));
        b.idle();
        JsonNode tenure = server.getJson("/api/plans/" + plan + "/indicators/tenure");
        assertEquals(tenure.path("part").asText(), new Select(b.$("indicator-part")).getFirstSelectedOption().getDomAttribute("value"));

        // the printable profile
        String link = b.$("profile-print-link").getDomAttribute("href");
        assertEquals("profile.html?plan=" + plan + "&area=" + area, link);
        b.driver().get(server.baseUrl() + "/" + link);
        b.waitFor("the printable profile", d -> "ready".equals(b.attr(By.tagName("body"), "data-state")));
        assertTrue(b.$("profile-title").getText().contains(area), b.$("profile-title").getText());
        assertEquals(area, b.$("profile-outline").getDomAttribute("data-area"));
        assertEquals(1, b.all("#profile-outline path.area-outline").size());
        assertEquals(count(profile.path("area"), "residents"),
                b.all("#profile-figures tr[data-indicator='residents'] td.area").get(0).getText());
        assertEquals(CHARTS.size(), b.all("#profile-charts figure.profile-chart").size());
        assertTrue(b.$("profile-attribution").getText().contains("Open Government Licence"), b.$("profile-attribution").getText());
        assertTrue(b.all("#profile-sources li").size() >= 8);
        b.screenshot("profile-03-printable");

        // as printed: print media on an A4-sized viewport (96 dpi, 12 mm margins)
        b.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        b.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 703, "height", 1032, "deviceScaleFactor", 1, "mobile", false));
        assertTrue(!b.$("print-button").isDisplayed(), "the print button is not printed");
        b.screenshot("profile-04-print-media-page1");
        b.js("window.scrollTo(0, 1032)");
        b.screenshot("profile-04-print-media-page2");
        b.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        b.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

        PrintOptions options = new PrintOptions();
        options.setPageSize(new PageSize(29.7, 21.0));
        options.setBackground(true);
        Pdf pdf = b.driver().print(options);
        byte[] bytes = Base64.getDecoder().decode(pdf.getContent());
        try {
            Files.createDirectories(Browser.screenshotDir());
            Files.write(Browser.screenshotDir().resolve("profile-05-printed.pdf"), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher pages = Pattern.compile("/Type\\s*/Page[^s]").matcher(new String(bytes, StandardCharsets.ISO_8859_1));
        int n = 0;
        while (pages.find()) {
            n++;
        }
        assertTrue(n >= 1 && n <= 2, "the profile prints on one or two A4 pages, not " + n);
    }
}
