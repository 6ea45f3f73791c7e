package org.sdaplanner.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a phone-sized screen (390 × 844) the page loads, the map fills the screen, and the details
 * panel is a bottom sheet that can be expanded, collapsed and used to open an area; a councillor
 * signs in and comments from the phone.
 */
class PhoneJourneyTest extends BrowserJourney {
    private static final int W = 390;
    private static final int H = 844;

    @Test
    void thePanelIsAUsableBottomSheet() {
        Browser b = open(W, H, true);
        b.load(server.baseUrl() + "/");
        assertEquals(W, ((Number) b.js("return window.innerWidth;")).intValue(), "phone viewport");
        b.screenshot("phone-01-loaded");

        // nothing wider than the screen
        assertTrue(((Number) b.js("return document.documentElement.scrollWidth;")).intValue() <= W, "no horizontal scrolling");

        // the map uses the full width; the panel sits at the bottom
        Rectangle map = b.$("map").getRect();
        assertTrue(map.getWidth() >= W - 2, "map full width: " + map.getWidth());
        WebElement panel = b.$("panel");
        Rectangle p = panel.getRect();
        assertTrue(p.getY() > H / 3, "panel is a bottom sheet (top at " + p.getY() + ")");
        assertTrue(p.getY() + p.getHeight() >= H - 2 - footerHeight(b), "panel reaches the bottom: " + p);
        assertTrue(p.getWidth() >= W - 2, "panel full width: " + p.getWidth());
        WebElement toggle = b.$("panel-toggle");
        assertTrue(toggle.isDisplayed(), "the sheet has a handle");
        assertTrue(b.$("search-input").isDisplayed(), "search is reachable");

        // open an area from the list in the sheet
        List<WebElement> areas = b.all("#area-list button.area-item");
        assertTrue(areas.size() > 1);
        WebElement first = areas.get(0);
        String areaId = first.getDomAttribute("data-area");
        b.js("arguments[0].scrollIntoView({block: 'center'});", first);
        first.click();
        b.waitFor("the area's details", d -> b.$("area-details").isDisplayed());
        assertTrue(b.$("area-title").getText().startsWith(areaId), b.$("area-title").getText());
        assertTrue(b.$("area-population").isDisplayed());
        assertTrue(!b.$("area-population").getText().isBlank(), "figures are shown");
        b.screenshot("phone-02-area");

        // expand the sheet, then collapse it to see the map
        b.js("document.getElementById('panel').scrollTop = 0;");
        toggle.click();
        assertEquals("true", toggle.getDomAttribute("aria-expanded"));
        assertTrue(panel.getRect().getHeight() > p.getHeight(), "expanded sheet is taller");
        b.screenshot("phone-03-expanded");
        toggle.click();
        assertEquals("false", toggle.getDomAttribute("aria-expanded"));
        assertTrue(!b.$("panel-body").isDisplayed(), "collapsed sheet hides its body");
        assertTrue(panel.getRect().getHeight() < 120, "collapsed sheet leaves the map free: " + panel.getRect().getHeight());
        b.screenshot("phone-04-collapsed");
        toggle.click();
        assertTrue(b.$("panel-body").isDisplayed(), "the sheet opens again");

        // search from the phone: the first result opens its area in the sheet
        String blockName = server.getJson("/api/layers/blocks?zoom=8").path("features").get(0).path("properties").path("block_name").asText();
        b.$("search-input").sendKeys(blockName);
        b.waitFor("search results", d -> !b.all("#search-results li[data-block]").isEmpty());
        WebElement hit = b.all("#search-results li[data-block]").get(0);
        String hitBlock = hit.getDomAttribute("data-block");
        hit.click();
        b.idle();
        String expectedArea = server.getJson("/api/plans/" + server.firstPlanId()).path("blocks").path(hitBlock).path("area_id").asText();
        b.waitFor("the result's area", d -> b.$("area-details").isDisplayed() && b.$("area-title").getText().startsWith(expectedArea));
        assertTrue(b.$("live").getText().contains(expectedArea), b.$("live").getText());
        b.screenshot("phone-05-search");

        // the layer switcher is tucked away but opens
        WebElement layers = b.$("layers-box");
        assertEquals(null, layers.getDomAttribute("open"), "layers collapsed on a phone");
        layers.findElement(By.tagName("summary")).click();
        assertTrue(b.$("layer-districts").isDisplayed());
        layers.findElement(By.tagName("summary")).click();

        // sign in and comment on the area from the phone
        assertTrue(b.$("signin-open").isDisplayed(), "the sign-in button is on the phone's header");
        assertTrue(b.$("signin-open").getRect().getY() < 150, "and near the top: " + b.$("signin-open").getRect());
        signIn(b, BrowserServer.MEMBER);
        assertTrue(((Number) b.js("return document.documentElement.scrollWidth;")).intValue() <= W, "no horizontal scrolling when signed in");
        String text = "Written on a phone " + System.nanoTime();
        b.js("document.getElementById('comment-text').scrollIntoView({block: 'center'});");
        b.$("comment-text").sendKeys(text);
        b.$("comment-post").click();
        b.waitFor("the comment in the list", d -> b.all("#comment-list .comment-text").stream().anyMatch(e -> text.equals(e.getText())));
        b.idle();
        b.screenshot("phone-06-comment");
        assertEquals("(none)", b.errorText(), "no error shown");
    }

    private static int footerHeight(Browser b) {
        return b.$("attribution").getRect().getHeight();
    }
}
