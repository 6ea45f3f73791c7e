package org.sdaplanner.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Editing with others and over time: a saved version opened read-only and restored (as a change Undo takes
 * back); two analysts on one plan, where each page notices the other's change and the Undo button says whose
 * change it takes back, asking first; a lasso selection previewed as soon as a target is chosen, and refused
 * moves explained with names.
 */
class EditsJourneyTest extends BrowserJourney {

    private static String areaOf(String planId, String block) {
        return server.getJson("/api/plans/" + planId).path("blocks").path(block).path("area_id").asText();
    }

    private static void move(String planId, Move m, String to) {
        long revision = server.getJson("/api/plans/" + planId).path("revision").asLong();
        BrowserServer.Response r = server.as(BrowserServer.ANALYST).send("POST", "/api/plans/" + planId + "/moves",
                BrowserServer.json(Map.of("blocks", List.of(m.block()), "to", to, "revision", revision)));
        assertEquals(200, r.status(), r.body());
    }

    @Test
    void openAVersionReadOnlyAndRestoreIt() {
        Move m = findAcceptedMove();
        String plan = PlanWork.copyOfFirstPlan(server, "Versions (journey)");
        BrowserServer.Response v = server.as(BrowserServer.ANALYST).send("POST", "/api/plans/" + plan + "/versions",
                BrowserServer.json(Map.of("label", "Before the move")));
        assertEquals(201, v.status(), v.body());
        String version = v.json().path("version").asText();
        move(plan, m, m.to());

        Browser b = open(1280, 900, false);
        PlanWork.openAnalyst(b, server, BrowserServer.ANALYST, plan);
        WebElement item = b.waitFor("the version listed", d -> b.driver().findElement(By.cssSelector("#version-list li[data-version='" + version + "']")));
        assertTrue(item.getText().contains("Before the move") && item.getText().contains(BrowserServer.ANALYST.username()), "who saved it: " + item.getText());

        // open it: read-only, the block where it was then
        item.findElement(By.cssSelector("button[data-action=open]")).click();
        b.waitFor("the version shown", d -> version.equals(b.attr(By.tagName("body"), "data-viewing")) && b.$("version-banner").isDisplayed());
        b.idle();
        assertTrue(b.$("version-banner-text").getText().contains("Before the move"), b.$("version-banner-text").getText());
        assertFalse(b.$("analyst-tools").isDisplayed(), "no editing tools while a version is shown");
        assertEquals(m.from(), b.js("return window.sda.state.plan.blocks[arguments[0]].area_id;", m.block()), "the version has the block in its old area");
        b.screenshot("edits-01-version-open");

        // restore it: the plan changes, and Undo takes the restore back
        b.$("version-restore").click();
        b.waitFor("the confirmation", d -> b.$("confirm-dialog").isDisplayed());
        b.$("confirm-ok").click();
        b.waitFor("the plan restored", d -> "".equals(b.attr(By.tagName("body"), "data-viewing")) && !b.$("version-banner").isDisplayed());
        b.idle();
        assertEquals(m.from(), areaOf(plan, m.block()), "the restore moved the block back");
        assertTrue(b.$("live").getText().startsWith("Restored"), b.$("live").getText());
        b.waitFor("the undo button naming the restore", d -> b.$("undo").getText().contains("restored version " + version));
        assertTrue(b.$("undo").getText().startsWith("Undo: " + BrowserServer.ANALYST.displayName() + " restored version " + version
                + " “Before the move”"), b.$("undo").getText());
        String rev = b.attr(By.tagName("body"), "data-revision");
        b.$("undo").click();
        b.waitFor("the restore undone", d -> !rev.equals(b.attr(By.tagName("body"), "data-revision")));
        b.idle();
        assertEquals(m.to(), areaOf(plan, m.block()), "undo takes the restore back");
        b.screenshot("edits-02-restore-undone");
    }

    @Test
    void twoAnalystsSeeEachOthersChangesAndUndoSaysWhose() {
        Move m = findAcceptedMove();
        String plan = PlanWork.copyOfFirstPlan(server, "Two analysts (journey)");
        Browser alice = open(1280, 900, false);
        PlanWork.openAnalyst(alice, server, BrowserServer.ANALYST, plan);
        Browser adam = Browser.open(1280, 900, false);
        try {
            PlanWork.openAnalyst(adam, server, BrowserServer.ADMIN, plan);

            // Alice moves a parish in her page
            alice.driver().findElement(By.cssSelector("#area-list button[data-area='" + m.from() + "']")).click();
            alice.waitFor("the parish in the list", d -> !alice.all("#block-opt-" + m.block()).isEmpty());
            alice.$("block-opt-" + m.block()).click();
            new Select(alice.$("move-target")).selectByValue(m.to());
            alice.waitFor("the live preview", d -> alice.$("move-commit").isEnabled());
            alice.$("move-commit").click();
            alice.waitFor("the move made", d -> m.to().equals(areaOf(plan, m.block())));
            alice.waitFor("Alice's undo button", d -> alice.$("undo").getText().startsWith("Undo: " + BrowserServer.ANALYST.displayName()
                    + " moved " + m.blockName() + " to " + m.to()));

            // Adam's page notices, and its Undo says whose change it would take back
            adam.waitFor("Adam's page to notice Alice's change", d -> adam.$("plan-notice").isDisplayed());
            String notice = adam.$("plan-notice").getText();
            PlanWork.assertReadsWithNames(notice, BrowserServer.ANALYST.displayName(), m.blockName());
            String undo = adam.$("undo").getText();
            assertTrue(undo.startsWith("Undo: " + BrowserServer.ANALYST.displayName() + " moved " + m.blockName() + " to " + m.to()), undo);
            PlanWork.assertReadsWithNames(undo);
            adam.screenshot("edits-03-adam-notices");

            // undoing someone else's change asks first: cancelled, nothing happens
            adam.$("undo").click();
            adam.waitFor("the question", d -> adam.$("confirm-dialog").isDisplayed());
            assertTrue(adam.$("confirm-text").getText().contains(BrowserServer.ANALYST.displayName()), adam.$("confirm-text").getText());
            adam.$("confirm-cancel").click();
            adam.idle();
            assertEquals(m.to(), areaOf(plan, m.block()), "cancelled: the move stays");
            // confirmed: it is undone, and Alice's page says Adam did it
            adam.$("undo").click();
            adam.waitFor("the question", d -> adam.$("confirm-dialog").isDisplayed());
            adam.$("confirm-ok").click();
            adam.waitFor("the move undone", d -> m.from().equals(areaOf(plan, m.block())));
            adam.idle();
            assertTrue(adam.$("live").getText().startsWith("Undone: " + BrowserServer.ANALYST.displayName() + " moved"), adam.$("live").getText());
            alice.waitFor("Alice's page to notice", d -> alice.$("plan-notice").isDisplayed()
                    && alice.$("plan-notice").getText().contains(BrowserServer.ADMIN.displayName()));
            assertTrue(alice.$("plan-notice").getText().contains("undid"), alice.$("plan-notice").getText());

            // the history names both, in order
            alice.$("history-box").findElement(By.tagName("summary")).click();
            alice.waitFor("the history", d -> alice.all("#edit-history li[data-kind=undo]").size() >= 1);
            List<WebElement> rows = alice.all("#edit-history li");
            assertTrue(rows.get(0).getText().contains(BrowserServer.ADMIN.displayName() + " undid: " + BrowserServer.ANALYST.displayName()
                    + " moved " + m.blockName()), rows.get(0).getText());
            assertTrue(rows.get(1).getText().contains(BrowserServer.ANALYST.displayName() + " moved " + m.blockName())
                    && rows.get(1).getText().contains("(undone)"), rows.get(1).getText());
            alice.screenshot("edits-04-history");
        } finally {
            closeChecked(adam);
        }
    }

    @Test
    void lassoSelectionIsPreviewedAtOnceAndRefusalsReadWithNames() {
        Move m = findAcceptedMove();
        String plan = PlanWork.copyOfFirstPlan(server, "Lasso (journey)");
        Browser b = open(1280, 900, false);
        PlanWork.openAnalyst(b, server, BrowserServer.ANALYST, plan);
        b.$("select-lasso").click();
        @SuppressWarnings("unchecked")
        Map<String, Object> pt = (Map<String, Object>) b.js("return window.sda.blockPoint(arguments[0]);", m.block());
        b.idle();
        WebElement map = b.$("map");
        int x = ((Number) pt.get("x")).intValue() - map.getRect().getWidth() / 2;
        int y = ((Number) pt.get("y")).intValue() - map.getRect().getHeight() / 2;
        // a small loop round the parish's middle
        new Actions(b.driver()).moveToElement(map, x - 6, y - 6).clickAndHold().moveByOffset(12, 0).moveByOffset(0, 12)
                .moveByOffset(-12, 0).moveByOffset(0, -12).release().perform();
        b.waitFor("the lasso's selection", d -> "true".equals(b.attr(By.id("block-opt-" + m.block()), "aria-selected")));
        assertTrue(b.$("live").getText().contains("added to the selection"), b.$("live").getText());
        assertEquals(1L, b.js("return window.sda.state.selectedBlocks.size;"), "only the parish inside the loop");

        // the preview comes as soon as an area is chosen
        new Select(b.$("move-target")).selectByValue(m.to());
        b.waitFor("the live preview", d -> b.$("preview-result").isDisplayed() && "accepted".equals(b.$("preview-verdict").getDomAttribute("class")));
        assertTrue(b.$("preview-plan").getText().startsWith("Whole plan: PCN alignment"), b.$("preview-plan").getText());

        // an area that does not touch it: refused, in words, and the plan's line agrees with the table
        JsonNode p = server.getJson("/api/plans/" + plan);
        List<String> far = b.all("#move-target optgroup[label^='Other areas'] option").stream().map(o -> o.getDomAttribute("value")).toList();
        String sameDistrictFar = null;
        String otherDistrict = null;
        String district = null;
        for (JsonNode a : p.path("areas")) {
            if (a.path("area_id").asText().equals(m.from())) {
                district = a.path("district_codes").get(0).asText();
            }
        }
        for (JsonNode a : p.path("areas")) {
            String id = a.path("area_id").asText();
            if (!far.contains(id)) {
                continue;
            }
            boolean same = a.path("district_codes").get(0).asText().equals(district);
            if (same && sameDistrictFar == null) {
                sameDistrictFar = id;
            } else if (!same && otherDistrict == null) {
                otherDistrict = id;
            }
        }
        if (sameDistrictFar != null) {
            new Select(b.$("move-target")).selectByValue(sameDistrictFar);
            b.waitFor("the refusal", d -> "refused".equals(b.$("preview-verdict").getDomAttribute("class")));
            String why = b.$("preview-verdict").getText();
            PlanWork.assertReadsWithNames(why, m.blockName(), sameDistrictFar);
            assertTrue(why.contains("does not touch"), why);
            assertTrue(b.$("preview-plan").getText().startsWith("Had it been allowed"), b.$("preview-plan").getText());
            assertFalse(b.$("move-commit").isEnabled());
        }
        if (otherDistrict != null) {
            new Select(b.$("move-target")).selectByValue(otherDistrict);
            b.waitFor("the refusal", d -> "refused".equals(b.$("preview-verdict").getDomAttribute("class"))
                    && b.$("preview-verdict").getText().contains("district"));
            PlanWork.assertReadsWithNames(b.$("preview-verdict").getText(), m.blockName());
        }
        b.screenshot("edits-05-refused");

        // cutting an area in two names what would be cut off
        Refusal cut = findCutRefusal(plan);
        assertTrue(cut != null, "some move would cut an area in two");
        b.$("move-clear").click();
        b.$("area-back").click();
        b.driver().findElement(By.cssSelector("#area-list button[data-area='" + cut.from() + "']")).click();
        b.waitFor("the block in the list", d -> !b.all("#block-opt-" + cut.block()).isEmpty());
        b.$("block-opt-" + cut.block()).click();
        new Select(b.$("move-target")).selectByValue(cut.to());
        b.waitFor("the refusal", d -> "refused".equals(b.$("preview-verdict").getDomAttribute("class"))
                && b.$("preview-verdict").getText().contains("in two"));
        PlanWork.assertReadsWithNames(b.$("preview-verdict").getText(), "cut off from the rest");
        assertEquals(b.$("preview-plan").getText().startsWith("Had it been allowed"), true, b.$("preview-plan").getText());
        b.screenshot("edits-06-cut");
    }

    /** A move the server refuses because it would cut the block's area in two ("why" says which are not allowed). */
    record Refusal(String block, String from, String to) {
    }

    static Refusal findCutRefusal(String planId) {
        JsonNode plan = server.getJson("/api/plans/" + planId);
        int tries = 0;
        for (java.util.Iterator<String> it = plan.path("blocks").fieldNames(); it.hasNext() && tries < 300; tries++) {
            String code = it.next();
            JsonNode why = server.getJson("/api/plans/" + planId + "/blocks/" + code + "/why");
            for (JsonNode o : why.path("alternatives")) {
                if (!o.path("allowed").asBoolean(true) && why.path("text").asText().contains("in two")) {
                    return new Refusal(code, why.path("area_id").asText(), o.path("area_id").asText());
                }
            }
        }
        return null;
    }
}
