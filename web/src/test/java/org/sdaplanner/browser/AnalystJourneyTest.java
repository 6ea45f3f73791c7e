package org.sdaplanner.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An analyst signs in, opens the plan, picks a parish on the map, previews a move to a neighbouring area,
 * makes it, undoes it, saves a version, redoes the move and compares the version with the plan.
 * The plan is left as it was found.
 */
class AnalystJourneyTest extends BrowserJourney {

    @Test
    void moveUndoSaveAndCompare() {
        Move move = findAcceptedMove();
        Browser b = open(1280, 900, false);
        b.load(server.baseUrl() + "/");
        assertTrue(!b.$("mode-analyst").isDisplayed(), "no analyst tools before signing in");
        signIn(b, BrowserServer.ANALYST);
        assertTrue(b.$("mode-analyst").isDisplayed(), "the analyst tab is there once an analyst has signed in");
        assertTrue(!b.$("mode-admin").isDisplayed(), "an analyst does not manage accounts");
        assertTrue(b.all("#area-list button.area-item").size() > 1, "the areas are listed");
        assertTrue(b.all(".leaflet-areas-pane path").size() > 1, "the areas are drawn");
        assertTrue(b.$("attribution").getText().length() > 10, "the data attributions are shown");
        Object clashes = b.js("var s = window.sda.state, out = [];"
                + "s.areaAdj.forEach(function (n, a) { n.forEach(function (m) {"
                + "  if (a < m && s.areaColour.get(a) === s.areaColour.get(m)) out.push(a + '/' + m); }); });"
                + "return out;");
        assertEquals(List.of(), clashes, "neighbouring areas have different colours");
        b.screenshot("analyst-01-plan");

        // analyst mode; the building blocks are drawn and can be picked on the map
        b.$("mode-analyst").click();
        b.waitFor("the blocks layer", d -> "true".equals(b.attr(By.id("map"), "data-blocks-loaded")));
        b.idle();
        assertTrue(b.$("versions-section").isDisplayed());

        String fromPopBefore = areaPopulation(b, move.from());
        String toPopBefore = areaPopulation(b, move.to());

        // select the parish with a click on the map
        @SuppressWarnings("unchecked")
        Map<String, Object> pt = (Map<String, Object>) b.js("return window.sda.blockPoint(arguments[0]);", move.block());
        b.idle();
        WebElement map = b.$("map");
        int dx = ((Number) pt.get("x")).intValue() - map.getRect().getWidth() / 2;
        int dy = ((Number) pt.get("y")).intValue() - map.getRect().getHeight() / 2;
        new Actions(b.driver()).moveToElement(map, dx, dy).click().perform();
        b.waitFor("the parish to be selected", d -> "true".equals(b.attr(By.id("block-opt-" + move.block()), "aria-selected")));
        assertEquals(move.from(), b.$("area-title").getText().split(" ")[0], "the panel shows the parish's area");
        assertTrue(b.$("selection-summary").getText().contains(move.blockName()), b.$("selection-summary").getText());
        assertTrue(b.all(".leaflet-selection-pane path").size() >= 1, "the selection is drawn on the map");

        // the target is offered as a neighbouring area
        Select target = new Select(b.$("move-target"));
        List<String> neighbours = b.all("#move-target optgroup[label='Neighbouring areas'] option").stream()
                .map(o -> o.getDomAttribute("value")).toList();
        assertTrue(neighbours.contains(move.to()), move.to() + " is listed as a neighbouring area: " + neighbours);
        target.selectByValue(move.to());

        // the preview follows at once: figures for both areas, nothing changed yet
        b.waitFor("the preview", d -> b.$("preview-result").isDisplayed());
        b.idle();
        WebElement verdict = b.$("preview-verdict");
        assertEquals("accepted", verdict.getDomAttribute("class"), verdict.getText());
        List<WebElement> rows = b.all("#preview-table tbody tr");
        assertTrue(rows.size() >= 2, "both areas in the preview");
        String fromRow = b.driver().findElement(By.cssSelector("#preview-table tbody tr[data-area='" + move.from() + "']")).getText();
        assertTrue(fromRow.contains(fromPopBefore + " → "), "residents before → after for " + move.from() + ": " + fromRow);
        assertTrue(fromRow.contains("(−"), "the source area loses residents: " + fromRow);
        assertTrue(b.$("live").getText().startsWith("Preview"), "the live region announces the preview: " + b.$("live").getText());
        assertEquals(fromPopBefore, areaPopulation(b, move.from()), "a preview changes nothing");
        b.screenshot("analyst-02-preview");
        // the README's picture: a 1280 × 800 view of the preview, zoomed out a little
        b.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1280, "height", 800, "deviceScaleFactor", 1, "mobile", false));
        b.js("window.sda.map.setZoom(window.sda.map.getZoom() - 2, {animate: false});"
                + "document.getElementById('preview-result').scrollIntoView({block: 'center'});");
        b.idle();
        b.screenshot("analyst-preview-1280x800");
        b.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        b.idle();

        // commit: the figures change
        String revision = b.attr(By.tagName("body"), "data-revision");
        b.$("move-commit").click();
        b.waitFor("the plan to reload after the move", d -> !revision.equals(b.attr(By.tagName("body"), "data-revision")));
        b.idle();
        String fromPopAfter = areaPopulation(b, move.from());
        String toPopAfter = areaPopulation(b, move.to());
        assertNotEquals(fromPopBefore, fromPopAfter, "the source area's residents changed");
        assertNotEquals(toPopBefore, toPopAfter, "the target area's residents changed");
        assertTrue(b.$("live").getText().startsWith("Moved " + move.blockName()), b.$("live").getText());
        assertEquals(move.from(), b.$("area-title").getText().split(" ")[0]);
        assertTrue(b.all("#block-opt-" + move.block()).isEmpty(), "the parish left the source area's list");
        assertTrue(b.$("area-population").getText().startsWith(fromPopAfter), b.$("area-population").getText());
        b.screenshot("analyst-03-moved");

        // undo: the figures are restored
        String rev2 = b.attr(By.tagName("body"), "data-revision");
        b.$("undo").click();
        b.waitFor("the plan to reload after undo", d -> !rev2.equals(b.attr(By.tagName("body"), "data-revision")));
        b.idle();
        assertEquals(fromPopBefore, areaPopulation(b, move.from()), "undo restores the source area");
        assertEquals(toPopBefore, areaPopulation(b, move.to()), "undo restores the target area");
        assertTrue(b.$("live").getText().startsWith("Undone"), b.$("live").getText());
        b.screenshot("analyst-04-undone");

        // save a version of the plan as it is now
        String label = "Browser journey " + System.currentTimeMillis();
        b.$("version-label").sendKeys(label);
        b.$("version-save").click();
        b.waitFor("the version to be listed", d -> b.$("version-list").getText().contains(label));
        b.idle();
        String version = b.driver().findElements(By.cssSelector("#version-list li[data-version]")).stream()
                .filter(li -> li.getText().contains(label)).findFirst().orElseThrow().getDomAttribute("data-version");

        // redo the move, then compare the saved version with the current plan
        String rev3 = b.attr(By.tagName("body"), "data-revision");
        b.$("redo").click();
        b.waitFor("the plan to reload after redo", d -> !rev3.equals(b.attr(By.tagName("body"), "data-revision")));
        b.idle();
        assertEquals(fromPopAfter, areaPopulation(b, move.from()), "redo makes the move again");
        new Select(b.$("compare-a")).selectByValue(version);
        new Select(b.$("compare-b")).selectByValue("current");
        b.$("compare-run").click();
        b.waitFor("the comparison", d -> b.$("compare-result").isDisplayed());
        b.idle();
        List<WebElement> changed = b.all("#compare-changed tbody tr[data-block]");
        assertEquals(1, changed.size(), "one block changed: " + b.$("compare-changed").getText());
        assertEquals(move.block(), changed.get(0).getDomAttribute("data-block"));
        List<WebElement> cells = changed.get(0).findElements(By.tagName("td"));
        assertTrue(cells.get(0).getText().equals(move.blockName()) && cells.get(2).getText().startsWith(move.from())
                && cells.get(3).getText().startsWith(move.to()), changed.get(0).getText());
        assertTrue(b.all("#compare-table tbody tr.changed").size() >= 2, "both areas flagged in the table");
        assertTrue(b.all(".leaflet-compare-pane path").size() >= 1, "the changed block is highlighted on the map");
        b.screenshot("analyst-05-compare");

        // downloads point at the plan's files
        assertTrue(b.$("download-gpkg").getDomAttribute("href").endsWith("/download?format=gpkg"));
        BrowserServer.Response csv = server.send("GET", b.$("download-blocks-csv").getDomAttribute("href"), null);
        assertEquals(200, csv.status(), "blocks CSV download");
        assertTrue(csv.body().startsWith("block_code"), csv.body().substring(0, Math.min(80, csv.body().length())));

        // "why is this parish here?"
        b.$("why-button").click();
        b.waitFor("the explanation", d -> b.$("why-box").isDisplayed() && !b.$("why-text").getText().isBlank());

        // leave the plan as it was
        String rev4 = b.attr(By.tagName("body"), "data-revision");
        b.$("undo").click();
        b.waitFor("the final undo", d -> !rev4.equals(b.attr(By.tagName("body"), "data-revision")));
        b.idle();
        assertEquals(fromPopBefore, areaPopulation(b, move.from()));

        // lock the parish: the same move is now refused, with the reason in plain words
        b.waitFor("the parish to be back in the list", d -> !b.all("#block-opt-" + move.block()).isEmpty());
        if (!"true".equals(b.$("block-opt-" + move.block()).getDomAttribute("aria-selected"))) {
            b.$("block-opt-" + move.block()).click();
        }
        assertEquals("Lock selected", b.$("lock-toggle").getText());
        String rev5 = b.attr(By.tagName("body"), "data-revision");
        b.$("lock-toggle").click();
        b.waitFor("the lock", d -> b.$("block-opt-" + move.block()).getText().contains("locked"));
        b.idle();
        assertTrue(b.$("live").getText().startsWith("Locked"), b.$("live").getText());
        assertEquals("Unlock selected", b.$("lock-toggle").getText());
        // the target is still chosen: the preview follows the lock at once
        new Select(b.$("move-target")).selectByValue(move.to());
        b.waitFor("the refusal", d -> "refused".equals(b.$("preview-verdict").getDomAttribute("class")));
        String refusal = b.$("preview-verdict").getText();
        assertTrue(refusal.startsWith("This move is not possible: ") && refusal.toLowerCase().contains("lock"), refusal);
        PlanWork.assertReadsWithNames(refusal, move.blockName());
        assertTrue(!b.$("move-commit").isEnabled(), "a refused move cannot be made");
        b.screenshot("analyst-06-locked");
        b.$("lock-toggle").click();
        b.waitFor("the unlock", d -> !b.$("block-opt-" + move.block()).getText().contains("locked"));
        b.idle();
        assertNotEquals(rev5, b.attr(By.tagName("body"), "data-revision"));
        assertEquals("(none)", b.errorText(), "no error shown");
    }

    /** The residents figure of an area in the area list. */
    static String areaPopulation(Browser b, String areaId) {
        WebElement fig = b.driver().findElement(By.cssSelector("#area-list button[data-area='" + areaId + "'] .figure"));
        String text = fig.getDomProperty("textContent");
        return text.split(" · ")[0].replace(" residents", "").trim();
    }
}
