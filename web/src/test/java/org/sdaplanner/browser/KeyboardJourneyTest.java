package org.sdaplanner.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keyboard-only journeys (and a councillor's comment below). A move made with the keyboard alone (Tab, arrow keys, Enter, typing): sign in, switch to the analyst
 * view, find a parish with the search box, select it, choose the target area, preview, make the
 * move and undo it. Focus must stay visible throughout.
 */
class KeyboardJourneyTest extends BrowserJourney {

    @Test
    void moveAParishWithTheKeyboardAlone() {
        Move move = findAcceptedMove();
        Browser b = open(1280, 900, false);
        b.load(server.baseUrl() + "/");

        // Tab to "Sign in", Enter; the form takes the focus; type, Tab, type, Enter
        tabTo(b, "signin-open", 25);
        assertFocusVisible(b);
        press(b, Keys.ENTER);
        b.waitFor("the sign-in form to take the focus", d -> "signin-username".equals(b.activeId()));
        new Actions(b.driver()).sendKeys(BrowserServer.ANALYST.username()).perform();
        press(b, Keys.TAB);
        assertEquals("signin-password", b.activeId(), "Tab goes from the user name to the password");
        new Actions(b.driver()).sendKeys(BrowserServer.ANALYST.password()).perform();
        press(b, Keys.ENTER);
        waitSignedIn(b, BrowserServer.ANALYST);
        assertEquals("account-summary", b.activeId(), "after signing in the focus is on the account menu");
        assertFocusVisible(b);

        // Shift+Tab back to the mode tabs, arrow right to "Analyst"
        tabBackTo(b, "mode-explore", 5);
        press(b, Keys.ARROW_RIGHT);
        b.waitFor("the analyst view", d -> "analyst".equals(b.attr(By.tagName("body"), "data-mode")));
        assertEquals("mode-analyst", b.activeId(), "focus follows the selected tab");
        assertFocusVisible(b);
        b.idle();

        // Tab to the search box, type the parish name, arrow down to it, Enter
        tabTo(b, "search-input", 10);
        new Actions(b.driver()).sendKeys(move.blockName()).perform();
        b.waitFor("search results", d -> b.$("search-results").isDisplayed() && !b.all("#search-results li[data-block]").isEmpty());
        assertEquals("true", b.$("search-input").getDomAttribute("aria-expanded"));
        boolean found = false;
        for (int i = 0; i < 20 && !found; i++) {
            press(b, Keys.ARROW_DOWN);
            String active = b.$("search-input").getDomAttribute("aria-activedescendant");
            found = active != null && move.block().equals(b.$(active).getDomAttribute("data-block"));
        }
        assertTrue(found, "the parish is among the search results: " + b.$("search-results").getText());
        press(b, Keys.ENTER);
        b.waitFor("the parish to be selected in the list", d -> ("block-opt-" + move.block()).equals(b.activeId())
                && "true".equals(b.attr(By.id("block-opt-" + move.block()), "aria-selected")));
        b.idle();
        assertFocusVisible(b);
        assertTrue(b.$("selection-summary").getText().contains(move.blockName()));
        b.screenshot("keyboard-01-selected");

        // every visible control has an accessible name (label, text or aria-label)
        StringBuilder unnamed = new StringBuilder();
        for (WebElement e : b.all("button, select, input, a[href], [role=tab], [role=option], [role=listbox], summary")) {
            if (e.isDisplayed() && (e.getAccessibleName() == null || e.getAccessibleName().isBlank())) {
                unnamed.append(e.getTagName()).append('#').append(e.getDomAttribute("id")).append(' ');
            }
        }
        assertEquals("", unnamed.toString().trim(), "controls without an accessible name");

        // in the block list, arrow keys move and Enter re-selects; then back to the parish
        boolean last = Boolean.TRUE.equals(b.js("return !document.activeElement.nextElementSibling;"));
        press(b, last ? Keys.ARROW_UP : Keys.ARROW_DOWN);
        assertNotEquals("block-opt-" + move.block(), b.activeId(), "arrow keys move within the block list");
        press(b, last ? Keys.ARROW_DOWN : Keys.ARROW_UP);
        assertEquals("block-opt-" + move.block(), b.activeId(), "arrow keys move within the block list");

        // Tab to the target area, choose it with the arrow keys
        tabTo(b, "move-target", 10);
        assertFocusVisible(b);
        press(b, Keys.HOME);
        for (int i = 0; i < 40 && !move.to().equals(b.$("move-target").getDomProperty("value")); i++) {
            press(b, Keys.ARROW_DOWN);
        }
        assertEquals(move.to(), b.$("move-target").getDomProperty("value"), "target chosen with the arrow keys");

        // the preview follows the choice at once
        b.waitFor("the preview", d -> b.$("preview-result").isDisplayed());
        b.idle();
        assertEquals("accepted", b.$("preview-verdict").getDomAttribute("class"), b.$("preview-verdict").getText());
        assertTrue(b.$("live").getText().startsWith("Preview"), "announced: " + b.$("live").getText());
        assertTrue(b.all("#preview-table tbody tr").size() >= 2);
        b.screenshot("keyboard-02-preview");

        // Tab to "Make this move", Enter; then Tab to Undo, Enter
        String pop = AnalystJourneyTest.areaPopulation(b, move.from());
        String rev = b.attr(By.tagName("body"), "data-revision");
        tabTo(b, "move-commit", 3);
        press(b, Keys.ENTER);
        b.waitFor("the move", d -> !rev.equals(b.attr(By.tagName("body"), "data-revision")));
        b.idle();
        assertNotEquals(pop, AnalystJourneyTest.areaPopulation(b, move.from()), "the move changed the figures");
        assertTrue(b.$("live").getText().startsWith("Moved"), b.$("live").getText());
        String rev2 = b.attr(By.tagName("body"), "data-revision");
        tabTo(b, "undo", 12);
        press(b, Keys.ENTER);
        b.waitFor("the undo", d -> !rev2.equals(b.attr(By.tagName("body"), "data-revision")));
        b.idle();
        assertEquals(pop, AnalystJourneyTest.areaPopulation(b, move.from()), "undo restored the figures");
        assertEquals("(none)", b.errorText(), "no error shown");
    }

    /**
     * A councillor comments with the keyboard alone: sign in, open an area from the list, choose "a point
     * on the map", find the place by its name instead of clicking the map, write and post.
     */
    @Test
    void aMemberCommentsOnAPlaceWithTheKeyboardAlone() {
        Browser b = open(1280, 900, false);
        b.load(server.baseUrl() + "/");
        tabTo(b, "signin-open", 25);
        press(b, Keys.ENTER);
        b.waitFor("the sign-in form to take the focus", d -> "signin-username".equals(b.activeId()));
        new Actions(b.driver()).sendKeys(BrowserServer.MEMBER.username()).perform();
        press(b, Keys.TAB);
        new Actions(b.driver()).sendKeys(BrowserServer.MEMBER.password()).perform();
        press(b, Keys.ENTER);
        waitSignedIn(b, BrowserServer.MEMBER);

        // Tab into the list of areas, Enter opens the first: the focus goes to its title
        for (int i = 0; i < 60 && !Boolean.TRUE.equals(b.js("return !!document.activeElement.closest('#area-list');")); i++) {
            press(b, Keys.TAB);
        }
        assertTrue(Boolean.TRUE.equals(b.js("return !!document.activeElement.closest('#area-list');")), "Tab reaches the list of areas");
        String area = String.valueOf(b.js("return document.activeElement.dataset.area;"));
        press(b, Keys.ENTER);
        b.waitFor("the area's details", d -> "area-title".equals(b.activeId()));
        assertFocusVisible(b);

        // "What is it about?": arrow keys move between the choices; "a point on the map"
        tabTo(b, "comment-about-area", 60);
        press(b, Keys.ARROW_DOWN);
        press(b, Keys.ARROW_DOWN);
        assertEquals("comment-about-point", b.activeId());
        assertEquals(Boolean.TRUE, b.js("return document.getElementById('comment-about-point').checked;"));
        // the list alternative to clicking the map: a place's name (or a postcode), Enter
        tabTo(b, "comment-place", 4);
        new Actions(b.driver()).sendKeys("Ely").perform();
        press(b, Keys.ENTER);
        b.waitFor("the point pinned", d -> b.$("comment-pin-status").getText().startsWith("Point chosen: Ely"));
        assertTrue(b.$("live").getText().startsWith("Point chosen: Ely"), "announced: " + b.$("live").getText());
        tabTo(b, "comment-text", 4);
        String text = "Typed without a mouse " + System.nanoTime();
        new Actions(b.driver()).sendKeys(text).perform();
        tabTo(b, "comment-post", 4);
        assertFocusVisible(b);
        press(b, Keys.ENTER);
        b.waitFor("the comment posted", d -> b.$("live").getText().contains("posted"));
        boolean stored = false;
        for (com.fasterxml.jackson.databind.JsonNode c : server.as(BrowserServer.MEMBER).send("GET", "/api/plans/" + server.firstPlanId() + "/comments", null).json()) {
            stored |= text.equals(c.path("text").asText()) && "point".equals(c.path("about").asText()) && c.path("block_name").asText().equals("Ely");
        }
        assertTrue(stored, "the comment is stored, about a point in Ely");
        assertFalse(area.isBlank());
        assertEquals("(none)", b.errorText(), "no error shown");
    }

    private static void press(Browser b, CharSequence key) {
        new Actions(b.driver()).sendKeys(key).perform();
    }

    /** Presses Shift+Tab until the element with this id has the focus. */
    private static void tabBackTo(Browser b, String id, int max) {
        for (int i = 0; i < max && !id.equals(b.activeId()); i++) {
            new Actions(b.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        }
        assertEquals(id, b.activeId(), "Shift+Tab reaches #" + id + " within " + max + " presses");
    }

    /** Presses Tab until the element with this id has the focus. */
    private static void tabTo(Browser b, String id, int max) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < max; i++) {
            if (id.equals(b.activeId())) {
                return;
            }
            press(b, Keys.TAB);
            path.append(b.activeId().isEmpty() ? "(no id)" : b.activeId()).append(' ');
        }
        assertEquals(id, b.activeId(), "Tab reaches #" + id + " within " + max + " presses; went through: " + path);
    }

    private static void assertFocusVisible(Browser b) {
        Object outline = b.js("var s = getComputedStyle(document.activeElement);"
                + "return s.outlineStyle + ' ' + s.outlineWidth;");
        assertTrue(outline != null && !outline.toString().startsWith("none") && !outline.toString().endsWith(" 0px"),
                "focus is visible on #" + b.activeId() + ": outline " + outline);
    }
}
