package org.sdaplanner.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A PCN clinical director signs in as a health partner, switches to the health-partner view, chooses a PCN, sees its patients'
 * LSOAs shaded with a legend, the areas it serves, and the coterminosity table of all PCNs.
 */
class HealthPartnerJourneyTest extends BrowserJourney {

    @Test
    void choosePcnSeeShadingAreasAndCoterminosity() {
        Browser b = open(1280, 900, false);
        b.load(server.baseUrl() + "/");
        signIn(b, BrowserServer.HEALTH_PARTNER);
        assertTrue(!b.$("mode-analyst").isDisplayed(), "a health partner has no analyst tools");
        assertTrue(b.$("comment-form").isDisplayed(), "a health partner can comment");

        b.$("mode-health").click();
        b.waitFor("the coterminosity table", d -> !b.all("#coterminosity-table tbody tr[data-pcn]").isEmpty());
        b.idle();
        assertEquals("true", b.$("mode-health").getDomAttribute("aria-selected"));
        assertTrue(b.$("health-tools").isDisplayed());
        List<WebElement> rows = b.all("#coterminosity-table tbody tr[data-pcn]");
        int pcns = server.getJson("/api/region").path("pcns").size();
        assertEquals(pcns, rows.size(), "one row per PCN of the region");
        for (WebElement r : rows) {
            assertTrue(r.getText().matches("(?s).*\\d+%.*"), "coterminosity as a percentage: " + r.getText());
        }
        b.screenshot("health-01-coterminosity");

        // the PCN with most patients
        String pcn = bestPcn();
        new Select(b.$("pcn-select")).selectByValue(pcn);
        b.waitFor("the PCN's view", d -> b.$("pcn-view").isDisplayed() && !b.all("#pcn-areas-table tbody tr").isEmpty());
        b.idle();
        WebElement legend = b.$("pcn-share-legend");
        assertTrue(legend.isDisplayed(), "the LSOA shading legend is shown");
        assertTrue(legend.getText().contains("80% or more"), legend.getText());
        assertTrue(b.all(".leaflet-share-pane path").size() > 5, "the PCN's LSOAs are shaded on the map");
        List<WebElement> areas = b.all("#pcn-areas-table tbody tr[data-area]");
        int expected = server.getJson("/api/plans/" + server.firstPlanId() + "/pcns/" + pcn).path("areas").size();
        assertEquals(expected, areas.size(), "every area the PCN serves is listed");
        assertTrue(areas.get(0).getText().contains("%"), areas.get(0).getText());
        String pcnName = server.getJson("/api/plans/" + server.firstPlanId() + "/pcns/" + pcn).path("pcn_name").asText();
        assertTrue(b.$("pcn-summary").getText().startsWith(pcnName + ":"), "the PCN by its name: " + b.$("pcn-summary").getText());
        assertTrue(b.$("live").getText().contains(pcnName), "the choice is announced");
        b.screenshot("health-02-pcn");

        // choosing another PCN from the table row
        WebElement other = b.all("#coterminosity-table tbody tr[data-pcn]").stream()
                .filter(r -> !pcn.equals(r.getDomAttribute("data-pcn"))).findFirst().orElseThrow();
        String otherCode = other.getDomAttribute("data-pcn");
        other.findElement(By.tagName("button")).click();
        String otherName = server.getJson("/api/plans/" + server.firstPlanId() + "/pcns/" + otherCode).path("pcn_name").asText();
        b.waitFor("the other PCN", d -> b.$("pcn-summary").getText().startsWith(otherName + ":"));
        b.idle();
        assertEquals(otherCode, new Select(b.$("pcn-select")).getFirstSelectedOption().getDomAttribute("value"));

        // the health layers: LSOAs by main PCN (with contested ones outlined), PCN footprints and catchments
        b.$("layers-box").findElement(By.tagName("summary")).click();
        assertTrue(b.$("layer-districts").isSelected(), "the district outlines are on from the start");
        b.waitFor("the district outlines", d -> b.all(".leaflet-outlines-pane path").size() >= 6);
        int districtPaths = b.all(".leaflet-outlines-pane path").size();
        for (String layer : List.of("lsoas", "pcn-footprints", "pcn-catchments")) {
            b.$("layer-" + layer).click();
        }
        b.waitFor("the LSOA layer", d -> b.all(".leaflet-lsoas-pane path").size() > 400);
        b.waitFor("the outline layers", d -> b.all(".leaflet-outlines-pane path").size() >= districtPaths + 2);
        b.idle();
        String legendText = b.$("legend").getText();
        assertTrue(legendText.contains("contested"), legendText);
        assertTrue(legendText.contains("PCN footprints") && legendText.contains("PCN catchments") && legendText.contains("Districts"), legendText);
        b.screenshot("health-03-layers");
        for (String layer : List.of("lsoas", "pcn-footprints", "pcn-catchments")) {
            b.$("layer-" + layer).click();
        }
        b.waitFor("the layers to go", d -> b.all(".leaflet-lsoas-pane path").isEmpty() && b.all(".leaflet-outlines-pane path").size() == districtPaths);

        // the PCN × area matrix as CSV
        String href = b.$("pcn-matrix-csv").getDomAttribute("href");
        assertTrue(href.endsWith("/pcn-alignment?format=csv"), href);
        BrowserServer.Response csv = server.send("GET", href, null);
        assertEquals(200, csv.status());
        assertTrue(csv.body().lines().count() > pcns / 2, "a row per PCN (or per PCN and area)");
        assertEquals("(none)", b.errorText(), "no error shown");
    }

    private static String bestPcn() {
        String best = null;
        double most = -1;
        for (var r : server.getJson("/api/plans/" + server.firstPlanId() + "/pcn-alignment")) {
            if (r.path("patients").asDouble() > most) {
                most = r.path("patients").asDouble();
                best = r.path("pcn_code").asText();
            }
        }
        return best;
    }
}
