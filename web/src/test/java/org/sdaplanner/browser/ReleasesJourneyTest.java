package org.sdaplanner.browser;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.sdaplanner.cli.SdaMain;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Data releases in the page. The shared store gets a second release (the C&P registrations under the January
 * 2022 practice map, added with {@code sda import --release}); an analyst compares the two releases on a copy of
 * the plan (changed LSOAs on the map and in a table, the areas that gained or lost alignment), re-fits the plan
 * to the other release and sees the new versions; a health partner sees the PCN and practice changes.
 */
class ReleasesJourneyTest extends BrowserJourney {
    private static final String RELEASE = "jan2022";

    @BeforeAll
    static void addTheJanuary2022Release() {
        if (server.getJson("/api/releases").path("releases").size() > 1) {
            return; // added by an earlier run on this store
        }
        int code = SdaMain.run("import", "--data", BrowserServer.dataDir().toString(), "--region",
                BrowserServer.manifest("releases/cambridgeshire-peterborough-jan2022.json").toString(), "--release", RELEASE,
                "--db", BrowserServer.storeUrl());
        assertEquals(0, code, "sda import --release " + RELEASE);
    }

    @Test
    void anAnalystComparesTwoReleasesAndReFitsThePlan() {
        String planId = PlanWork.copyOfFirstPlan(server, "Release journey");
        Browser b = open(1280, 900, false);
        PlanWork.openAnalyst(b, server, BrowserServer.ANALYST, planId);
        b.waitFor("the releases section", d -> b.$("releases-section").isDisplayed());
        assertTrue(b.$("release-current").getText().contains("“initial”"), b.$("release-current").getText());
        assertEquals(RELEASE, b.$("release-to").getDomProperty("value"), "the newest release is the one compared to");
        b.$("release-compare").click();
        b.waitFor("the comparison", d -> b.$("release-result").isDisplayed() && !b.all("#release-areas tbody tr").isEmpty());
        b.idle();
        String summary = b.$("release-summary").getText();
        assertTrue(summary.contains("5 practices moved PCN"), summary);
        assertTrue(b.all(".leaflet-compare-pane path").size() > 10, "the changed LSOAs are drawn on the map");
        assertTrue(b.$("legend").getText().contains("main PCN changed"), b.$("legend").getText());
        b.$("release-lsoas-box").findElement(By.tagName("summary")).click();
        List<WebElement> lsoas = b.all("#release-lsoas tbody tr[data-lsoa]");
        int expected = server.getJson("/api/releases/compare?from=initial&to=" + RELEASE).path("lsoas").size();
        assertEquals(expected, lsoas.size(), "every changed LSOA is in the table");
        assertFalse(b.all("#release-areas tbody tr.lost, #release-areas tbody tr.gained").isEmpty(), "areas that gained or lost");
        assertEquals(List.of(), AxeCore.violations(b), "WCAG 2.2 AA over the releases compared (axe-core)");
        b.screenshot("releases-01-compared");

        int versionsBefore = server.getJson("/api/plans/" + planId + "/versions").size();
        b.$("release-refit").click();
        b.waitFor("the re-fit", d -> !b.$("release-refit-outcome").getText().isEmpty());
        b.idle();
        String outcome = b.$("release-refit-outcome").getText();
        assertTrue(outcome.startsWith("Re-fitted"), outcome);
        assertEquals(versionsBefore + 2, server.getJson("/api/plans/" + planId + "/versions").size(), "before and after saved");
        b.waitFor("the versions list", d -> b.$("version-list").getText().contains("Re-fit under release " + RELEASE));
        assertTrue(b.$("undo").isEnabled(), "the re-fit can be undone");
        b.screenshot("releases-02-refitted");
    }

    @Test
    void aHealthPartnerSeesThePcnChanges() {
        Browser b = open(1280, 900, false);
        b.load(server.baseUrl() + "/");
        signIn(b, BrowserServer.HEALTH_PARTNER);
        b.$("mode-health").click();
        b.waitFor("the releases section", d -> b.$("releases-section").isDisplayed());
        b.$("release-compare").click();
        b.waitFor("the PCN changes", d -> !b.all("#release-pcns tbody tr[data-change]").isEmpty());
        b.idle();
        List<WebElement> moved = b.all("#release-pcns tbody tr[data-change=practice_moved]");
        assertEquals(5, moved.size(), "the 5 practices that moved PCN");
        assertTrue(moved.get(0).getText().contains("→"), moved.get(0).getText());
        assertFalse(b.$("release-refit").isDisplayed(), "re-fitting is for analysts");
        assertEquals(List.of(), AxeCore.violations(b), "WCAG 2.2 AA over the PCN changes (axe-core)");
        b.screenshot("releases-03-health-partner");
    }
}
