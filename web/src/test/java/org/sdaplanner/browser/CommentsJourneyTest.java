package org.sdaplanner.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Comments in the page: a councillor's comments are shown exactly as typed, never as markup (also
 * after a reload, read back from the API); a moderator hides a comment with a reason and its author
 * sees it hidden, with the reason; a councillor pins a comment to a parish and to a point, edits it,
 * gets a reply and withdraws it.
 */
class CommentsJourneyTest extends BrowserJourney {
    /** Script and HTML that must come out as the very characters typed. */
    static final List<String> PAYLOADS = List.of(
            "<script>window.__xss=1</script>",
            "<img src=x onerror=\"window.__xss=2\">",
            "<b>bold</b> & \"quotes\" 'single'",
            "javascript:alert(1)",
            "</textarea><svg onload=window.__xss=3>");
    static final String POINT_PAYLOAD = "<img src=x onerror=\"window.__xss=4\"> point";

    private static String firstArea() {
        return server.getJson("/api/plans/" + server.firstPlanId()).path("areas").get(0).path("area_id").asText();
    }

    private static void openArea(Browser b, String area) {
        WebElement button = b.$("area-list").findElement(By.cssSelector("button[data-area='" + area + "']"));
        b.js("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
        b.waitFor("the area's details", d -> b.$("area-details").isDisplayed());
        b.waitFor("the area's comments", d -> b.$("comments-title").getText().contains(area));
        b.idle();
    }

    private static int commentCount(Browser b) {
        return b.all("#comment-list article.comment").size();
    }

    /** Types a comment into the form and posts it; waits until the list has one more comment. */
    private static void post(Browser b, String text) {
        int before = commentCount(b);
        WebElement box = b.$("comment-text");
        box.clear();
        box.sendKeys(text);
        assertEquals(text, box.getDomProperty("value"), "the text box holds what was typed");
        b.$("comment-post").click();
        b.waitFor("the comment to be listed", d -> commentCount(b) > before && b.$("comment-text").getDomProperty("value").isEmpty());
        b.idle();
    }

    private void assertRenderedAsText(Browser b, String when) {
        assertNull(b.js("return window.__xss === undefined ? null : String(window.__xss);"), "no payload ran (" + when + ")");
        for (String tag : List.of("script", "img", "svg", "b", "iframe", "a")) {
            assertEquals(0, b.all("#comment-list " + tag).size(), "no <" + tag + "> made from comment text in the list (" + when + ")");
        }
        assertEquals(0, b.all(".leaflet-tooltip-pane img, .leaflet-tooltip-pane script, .leaflet-tooltip-pane svg").size(),
                "no markup from comment text in the map's tooltips (" + when + ")");
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) b.js("return Array.from(document.querySelectorAll('#comment-list .comment-text:not(.gone)'))"
                + ".map(function (p) { return p.textContent; });");
        for (String p : PAYLOADS) {
            assertTrue(texts.contains(p), "the comment reads exactly as typed (" + when + "): " + p + " not among " + texts);
        }
        // and as a person sees it: the visible text of the paragraph is the payload
        for (String p : PAYLOADS) {
            boolean seen = b.all("#comment-list .comment-text").stream().anyMatch(e -> p.equals(e.getText()));
            assertTrue(seen, "the visible text equals the payload (" + when + "): " + p);
        }
    }

    @Test
    void aMembersCommentsAreShownAsTypedNeverAsMarkup() {
        String area = firstArea();
        Browser b = open(1280, 900, false);
        b.load(server.baseUrl() + "/");
        signIn(b, BrowserServer.MEMBER);
        openArea(b, area);
        assertTrue(b.$("comment-about-area").isSelected(), "a comment is about the chosen area by default");
        assertEquals(area, b.$("comment-area").getDomProperty("value"));
        for (String p : PAYLOADS) {
            post(b, p);
        }
        // one more, pinned to a point: its text also goes into a tooltip on the map
        b.$("comment-about-point").click();
        b.$("comment-pin").click();
        b.waitFor("pin mode", d -> "true".equals(b.$("comment-pin").getDomAttribute("aria-pressed")));
        b.waitFor("the blocks layer", d -> "true".equals(b.attr(By.id("map"), "data-blocks-loaded")));
        String block = server.getJson("/api/plans/" + server.firstPlanId()).path("blocks").properties().stream()
                .filter(e -> area.equals(e.getValue().path("area_id").asText())).findFirst().orElseThrow().getKey();
        @SuppressWarnings("unchecked")
        Map<String, Object> pt = (Map<String, Object>) b.js("return window.sda.blockPoint(arguments[0]);", block);
        b.idle();
        WebElement map = b.$("map");
        int dx = ((Number) pt.get("x")).intValue() - map.getRect().getWidth() / 2;
        int dy = ((Number) pt.get("y")).intValue() - map.getRect().getHeight() / 2;
        new Actions(b.driver()).moveToElement(map, dx, dy).click().perform();
        b.waitFor("the point to be chosen", d -> b.$("comment-pin-status").getText().startsWith("Point chosen"));
        int before = commentCount(b);
        b.$("comment-text").sendKeys(POINT_PAYLOAD);
        b.$("comment-post").click();
        b.waitFor("the point comment to be posted", d -> b.$("comment-text").getDomProperty("value").isEmpty());
        b.idle();
        new Select(b.$("comment-scope")).selectByValue("plan");
        b.waitFor("the whole plan's comments", d -> b.$("comments-title").getText().equals("Comments on this plan") && commentCount(b) > before);
        b.idle();
        b.waitFor("the point's marker", d -> b.all(".leaflet-comments-pane path.leaflet-interactive").size() >= 1);
        b.js("window.sda.map.eachLayer(function (l) { if (l.getTooltip && l.getTooltip()) l.openTooltip(); });");
        assertTrue(b.all(".leaflet-tooltip-pane .leaflet-tooltip").stream().anyMatch(t -> t.getText().contains(POINT_PAYLOAD)),
                "the marker's tooltip shows the text as typed");
        assertRenderedAsText(b, "as posted");
        new Select(b.$("comment-scope")).selectByValue("area");
        b.waitFor("the area's comments", d -> b.$("comments-title").getText().contains(area));
        b.idle();
        b.js("document.getElementById('comments').scrollIntoView();");
        b.screenshot("comments-01-payloads-as-text");

        // stored, then read back from the API after a reload
        b.driver().navigate().refresh();
        b.waitFor("the page to be ready again", d -> "ready".equals(b.attr(By.tagName("body"), "data-state"))
                && "true".equals(b.attr(By.id("map"), "data-areas-drawn")));
        waitSignedIn(b, BrowserServer.MEMBER);
        b.waitFor("the plan's comments", d -> commentCount(b) >= PAYLOADS.size() + 1);
        b.idle();
        b.js("window.sda.map.eachLayer(function (l) { if (l.getTooltip && l.getTooltip()) l.openTooltip(); });");
        assertRenderedAsText(b, "after a reload");
        for (WebElement a : b.all("#comment-list article.comment[data-own='true']")) {
            assertTrue(a.getText().contains("(member, you)"), "own comments say so: " + a.getText());
        }
        b.js("document.getElementById('comments').scrollIntoView();");
        b.screenshot("comments-02-after-reload");
        assertEquals("(none)", b.errorText(), "no error shown");
    }

    @Test
    void aModeratorHidesACommentWithAReasonAndItsAuthorSeesWhy() {
        String plan = server.firstPlanId();
        String area = firstArea();
        String text = "Please keep Little Gidding with its neighbours " + System.nanoTime();
        JsonNode posted = postAs(BrowserServer.MEMBER, plan, Map.of("text", text, "area", area));
        long id = posted.path("id").asLong();

        // the analyst (a moderator) hides it, giving a reason
        Browser b = open(1280, 900, false);
        b.load(server.baseUrl() + "/");
        signIn(b, BrowserServer.ANALYST);
        openArea(b, area);
        WebElement comment = b.$("comment-" + id);
        assertEquals(text, comment.findElement(By.cssSelector(".comment-text")).getText());
        comment.findElement(By.cssSelector("button[data-action='hide']")).click();
        b.waitFor("the reason dialog", d -> b.$("moderate-dialog").isDisplayed() && "moderate-reason".equals(b.activeId()));
        assertTrue(b.$("moderate-quote").getText().contains(text), "the dialog quotes the comment");
        b.$("moderate-submit").click();
        b.waitFor("the reason to be asked for", d -> b.$("moderate-error").getText().startsWith("Give a reason"));
        assertTrue(b.$("moderate-dialog").isDisplayed(), "no hiding without a reason");
        String reason = "Names a private individual";
        b.$("moderate-reason").sendKeys(reason);
        b.screenshot("comments-03-hide-reason");
        b.$("moderate-submit").click();
        b.waitFor("the comment to be hidden", d -> "hidden".equals(b.$("comment-" + id).getDomAttribute("data-status")));
        b.idle();
        assertEquals("comment-" + id, b.activeId(), "the focus goes back to the comment");
        WebElement hidden = b.$("comment-" + id);
        assertEquals(text, hidden.findElement(By.cssSelector(".comment-text")).getText(), "a moderator still reads the text");
        assertTrue(hidden.findElement(By.cssSelector(".comment-moderation")).getText().contains(reason));
        assertFalse(hidden.findElements(By.cssSelector("button[data-action='restore']")).isEmpty(), "a moderator can restore it");
        b.screenshot("comments-04-hidden-by-moderator");

        // the analyst renames the area: the comment keeps the name it was written about, and gives the new one
        String oldName = server.getJson("/api/plans/" + plan).path("areas").get(0).path("area_name").asText();
        String newName = "Renamed " + (System.nanoTime() % 100000);
        b.$("mode-analyst").click();
        b.waitFor("the rename form", d -> b.$("area-rename-form").isDisplayed());
        assertEquals(oldName, b.$("area-rename").getDomProperty("value"));
        b.$("area-rename").clear();
        b.$("area-rename").sendKeys(newName + Keys.ENTER);
        b.waitFor("the new name", d -> b.$("area-title").getText().equals(area + " " + newName));
        b.waitFor("the comment's context to give both names", d -> b.$("comment-" + id).findElement(By.cssSelector(".comment-context"))
                .getText().contains("“" + oldName + "” (now “" + newName + "”)"));
        b.js("document.getElementById('comment-" + id + "').scrollIntoView({block: 'center'});");
        b.screenshot("comments-04b-renamed-area-context");
        b.$("area-rename").clear();
        b.$("area-rename").sendKeys(oldName + Keys.ENTER);
        b.waitFor("the old name back", d -> b.$("area-title").getText().equals(area + " " + oldName));
        b.idle();
        closeChecked(b);

        // its author sees it hidden, with the reason, and not its text for others' eyes
        Browser other = open(1280, 900, false);
        other.load(server.baseUrl() + "/");
        signIn(other, BrowserServer.MEMBER_2);
        openArea(other, area);
        WebElement seen = other.$("comment-" + id);
        assertEquals("hidden", seen.getDomAttribute("data-status"));
        assertEquals("Hidden by a moderator.", seen.findElement(By.cssSelector(".comment-text")).getText());
        assertFalse(seen.getText().contains(text), "another member does not read a hidden comment");
        String line = seen.findElement(By.cssSelector(".comment-moderation")).getText();
        assertTrue(line.contains("Hidden by " + BrowserServer.ANALYST.displayName()) && line.contains("Reason: " + reason), line);
        assertTrue(seen.findElements(By.cssSelector("button[data-action]")).stream()
                .noneMatch(x -> List.of("hide", "restore", "edit", "withdraw", "reply").contains(x.getDomAttribute("data-action"))),
                "a member has no moderation or author tools on someone else's hidden comment");
        other.js("arguments[0].scrollIntoView({block: 'center'});", seen);
        other.screenshot("comments-05-other-member-sees-hidden");
        closeChecked(other);

        Browser author = open(1280, 900, false);
        author.load(server.baseUrl() + "/");
        signIn(author, BrowserServer.MEMBER);
        openArea(author, area);
        WebElement own = author.$("comment-" + id);
        assertEquals("hidden", own.getDomAttribute("data-status"));
        String ownLine = own.findElement(By.cssSelector(".comment-moderation")).getText();
        assertTrue(ownLine.contains("Reason: " + reason), ownLine);
        assertTrue(own.findElements(By.cssSelector("button[data-action='edit'], button[data-action='withdraw']")).isEmpty(),
                "a hidden comment can no longer be edited or withdrawn");
        // the status filter finds it
        author.$("comment-filters").findElement(By.tagName("summary")).click();
        new Select(author.$("comment-filter-status")).selectByValue("hidden");
        author.waitFor("only hidden comments", d -> author.all("#comment-list article.comment").stream()
                .allMatch(a -> "hidden".equals(a.getDomAttribute("data-status"))) && !author.all("#comment-" + id).isEmpty());
        assertTrue(author.$("comments-csv").getDomAttribute("href").contains("status=hidden"), "the CSV download follows the filters");
        BrowserServer.Response csv = server.as(BrowserServer.MEMBER).send("GET", author.$("comments-csv").getDomAttribute("href"), null);
        assertEquals(200, csv.status());
        assertTrue(csv.body().startsWith("comment_id,"), csv.body());
        author.js("document.getElementById('comment-" + id + "').scrollIntoView({block: 'center'});");
        author.screenshot("comments-06-author-sees-hidden");
        assertEquals("(none)", author.errorText(), "no error shown");
    }

    @Test
    void aMemberPinsEditsGetsAReplyAndWithdraws() {
        String plan = server.firstPlanId();
        String area = firstArea();
        Browser b = open(1280, 900, false);
        b.load(server.baseUrl() + "/");
        signIn(b, BrowserServer.MEMBER);
        openArea(b, area);

        // pinned to a parish of the area
        b.$("comment-about-parish").click();
        b.waitFor("the parish picker", d -> b.$("comment-block").isDisplayed());
        String block = b.$("comment-block").getDomProperty("value");
        String blockLabel = b.$("comment-block").findElement(By.cssSelector("option[value='" + block + "']")).getText();
        String text = "The parish council asked to stay with the market town " + System.nanoTime();
        post(b, text);
        WebElement mine = b.all("#comment-list article.comment").stream()
                .filter(a -> a.getText().contains(text)).findFirst().orElseThrow();
        String id = mine.getDomAttribute("data-comment");
        assertEquals("parish", mine.getDomAttribute("data-about"));
        String context = mine.findElement(By.cssSelector(".comment-context")).getText();
        assertTrue(context.startsWith("Pinned to " + blockLabel.replaceAll(" \\(.*$", "")) && context.contains("plan revision"), context);

        // edit it
        mine.findElement(By.cssSelector("button[data-action='edit']")).click();
        b.waitFor("the edit box", d -> ("comment-edit-" + id).equals(b.activeId()));
        WebElement edit = b.$("comment-edit-" + id);
        edit.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), " (edited)");
        edit.findElement(By.xpath("ancestor::form")).findElement(By.cssSelector("button[type='submit']")).click();
        b.waitFor("the edited text", d -> b.$("comment-" + id).findElement(By.cssSelector(".comment-text")).getText().equals(text + " (edited)"));
        assertTrue(b.$("comment-" + id).getText().contains("edited"), "the comment says it was edited");

        // another member replies (through the API), and the reply shows in the thread
        postAs(BrowserServer.MEMBER_2, plan, Map.of("text", "Agreed: <i>strongly</i>", "parent", Long.parseLong(id)));
        new Select(b.$("comment-scope")).selectByValue("plan");
        b.waitFor("the reply in the thread", d -> !b.all("li.comment-thread[data-thread='" + id + "'] .comment-replies article").isEmpty());
        WebElement reply = b.all("li.comment-thread[data-thread='" + id + "'] .comment-replies article").get(0);
        assertEquals("Agreed: <i>strongly</i>", reply.findElement(By.cssSelector(".comment-text")).getText());
        assertEquals(0, b.all("#comment-list i").size(), "markup in a reply stays text");

        // reply to it in the page
        b.$("comment-" + id).findElement(By.cssSelector("button[data-action='reply']")).click();
        b.waitFor("the reply box", d -> ("reply-text-" + id).equals(b.activeId()));
        b.$("reply-text-" + id).sendKeys("Thank you");
        b.$("reply-text-" + id).findElement(By.xpath("ancestor::form")).findElement(By.cssSelector("button[type='submit']")).click();
        b.waitFor("my reply", d -> b.all("li.comment-thread[data-thread='" + id + "'] .comment-replies article").size() == 2);
        b.idle();
        b.js("document.getElementById('comment-" + id + "').scrollIntoView({block: 'start'});");
        b.screenshot("comments-07-thread");

        // withdraw it: confirmed in a dialog; it stays, marked withdrawn
        b.$("comment-" + id).findElement(By.cssSelector("button[data-action='withdraw']")).click();
        b.waitFor("the confirmation", d -> b.$("confirm-dialog").isDisplayed());
        b.$("confirm-ok").click();
        b.waitFor("the comment to be withdrawn", d -> "withdrawn".equals(b.$("comment-" + id).getDomAttribute("data-status")));
        b.idle();
        assertTrue(b.$("comment-" + id).getText().contains("You withdrew this comment"), b.$("comment-" + id).getText());
        JsonNode asOther = server.as(BrowserServer.MEMBER_2).getJson("/api/plans/" + plan + "/comments?status=withdrawn");
        boolean textHidden = false;
        for (JsonNode c : asOther) {
            if (c.path("id").asText().equals(id)) {
                textHidden = c.path("text").isNull();
            }
        }
        assertTrue(textHidden, "others no longer get the text of a withdrawn comment");
        assertEquals("(none)", b.errorText(), "no error shown");
    }

    private static JsonNode postAs(BrowserServer.Account who, String plan, Map<String, Object> body) {
        BrowserServer.Response r = server.as(who).send("POST", "/api/plans/" + plan + "/comments", BrowserServer.json(body));
        assertEquals(201, r.status(), r.body());
        return r.json();
    }
}
