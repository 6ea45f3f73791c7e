package org.sdaplanner.browser;

import org.sdaplanner.realdata.RealRegion;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analyst's work with whole plans in the page: a 20-area plan built with the same engine as
 * {@code sda build}, copied, renamed and deleted (and a plan with comments that stays); the default and the 20-area
 * plans compared; a plan's parish → area CSV downloaded and imported back as the same plan, and a file that
 * leaves blocks out refused with their names.
 */
class PlansJourneyTest extends BrowserJourney {
    static final String TWENTY = "Twenty areas (journey)";

    @TempDir
    Path tmp;

    /** The 20-area plan, built in the page by the first journey that needs it (or through the API). */
    static synchronized String twentyAreaPlan() {
        String id = PlanWork.planNamed(server, TWENTY);
        if (id == null) {
            BrowserServer.Response r = server.as(BrowserServer.ANALYST).send("POST", "/api/plans",
                    BrowserServer.json(Map.of("name", TWENTY, "areas", 20, "seed", 1)));
            assertEquals(201, r.status(), r.body());
            id = r.json().path("id").asText();
        }
        return id;
    }

    /** A summary without the certificate, which only a plan the planner built has. */
    private static JsonNode withoutBound(JsonNode summary) {
        com.fasterxml.jackson.databind.node.ObjectNode o = summary.deepCopy();
        o.remove(List.of("alignment_upper_bound", "optimality_gap", "optimal", "bound_note"));
        return o;
    }

    private static double areaResidents(String plan, String area) {
        for (JsonNode a : server.getJson("/api/plans/" + plan).path("areas")) {
            if (a.path("area_id").asText().equals(area)) {
                return a.path("resident_population").asDouble();
            }
        }
        throw new AssertionError("no area " + area);
    }

    @Test
    void makeA20AreaPlanCopyRenameAndDelete() {
        Browser b = open(1280, 900, false);
        PlanWork.openAnalyst(b, server, BrowserServer.ANALYST, server.firstPlanId());
        assertTrue(b.$("plan-tools").isDisplayed(), "the plan tools are in the analyst view");
        String twenty = PlanWork.planNamed(server, TWENTY);
        if (twenty == null) {
            b.$("plan-new").click();
            b.waitFor("the new-plan form", d -> b.$("plan-dialog").isDisplayed() && "plan-name".equals(b.activeId()));
            assertEquals(b.$("plan-areas").getDomProperty("value"), "28", "the region's number of areas is offered");
            b.$("plan-name").sendKeys(TWENTY);
            assertTrue(b.$("plan-count-parishes").isSelected(), "the region's reading of the count is offered");
            b.$("plan-count-all").click();
            assertFalse(b.$("plan-unparished").isDisplayed(), "areas in all have no unparished count of their own");
            b.$("plan-areas").clear();
            b.$("plan-areas").sendKeys("20");
            b.$("plan-form-submit").click();
            b.waitFor("the 20-area plan built and open", d -> !b.$("plan-dialog").isDisplayed()
                    && TWENTY.equals(b.$("plan-title").getText()));
            b.idle();
            twenty = PlanWork.planNamed(server, TWENTY);
        } else {
            new Select(b.$("plan-select")).selectByValue(twenty);
            b.waitFor("the 20-area plan open", d -> TWENTY.equals(b.$("plan-title").getText()));
            b.idle();
        }
        assertEquals(20, b.all("#area-list button.area-item").size(), "twenty areas listed");
        JsonNode built = server.getJson("/api/plans/" + twenty);
        assertEquals(20, built.path("options").path("areas").asInt(), "the plan keeps the options it was built with");
        assertTrue(b.$("plan-summary-line").getText().startsWith("20 areas"), b.$("plan-summary-line").getText());
        b.screenshot("plans-01-twenty");

        // copy it, rename the copy, delete the copy
        b.$("plan-copy").click();
        b.waitFor("the copy form", d -> b.$("plan-dialog").isDisplayed());
        assertEquals("Copy of " + TWENTY, b.$("plan-name").getDomProperty("value"));
        assertFalse(b.$("plan-build-fields").isDisplayed(), "a copy is not built again");
        b.$("plan-form-submit").click();
        b.waitFor("the copy open", d -> ("Copy of " + TWENTY).equals(b.$("plan-title").getText()));
        b.idle();
        String copy = b.$("plan-select").getDomProperty("value");
        assertNotEquals(twenty, copy);
        assertEquals(server.getJson("/api/plans/" + twenty).path("blocks"), server.getJson("/api/plans/" + copy).path("blocks"),
                "the copy has the same assignment");
        b.$("plan-rename").click();
        b.waitFor("the rename form", d -> b.$("plan-dialog").isDisplayed());
        b.$("plan-name").clear();
        b.$("plan-name").sendKeys("A copy to throw away");
        b.$("plan-form-submit").click();
        b.waitFor("the new name", d -> "A copy to throw away".equals(b.$("plan-title").getText()));
        b.idle();
        assertTrue(new Select(b.$("plan-select")).getFirstSelectedOption().getText().startsWith("A copy to throw away"));
        b.$("plan-delete").click();
        b.waitFor("the confirmation", d -> b.$("confirm-dialog").isDisplayed());
        assertTrue(b.$("confirm-text").getText().contains("A copy to throw away"), b.$("confirm-text").getText());
        b.$("confirm-ok").click();
        b.waitFor("the copy gone", d -> b.all("#plan-select option[value='" + copy + "']").isEmpty());
        b.idle();
        assertEquals(404, server.send("GET", "/api/plans/" + copy, null).status());

        // a plan with comments stays, and the page says why in words
        new Select(b.$("plan-select")).selectByValue(twenty);
        b.waitFor("the 20-area plan open", d -> TWENTY.equals(b.$("plan-title").getText()));
        b.idle();
        JsonNode area = server.getJson("/api/plans/" + twenty).path("areas").get(0);
        BrowserServer.Response c = server.as(BrowserServer.MEMBER).send("POST", "/api/plans/" + twenty + "/comments",
                BrowserServer.json(Map.of("area", area.path("area_id").asText(), "text", "Keep this plan for the record")));
        assertEquals(201, c.status(), c.body());
        b.$("plan-delete").click();
        b.waitFor("the confirmation", d -> b.$("confirm-dialog").isDisplayed());
        b.$("confirm-ok").click();
        b.waitFor("the refusal", d -> b.$("error").isDisplayed());
        String refusal = b.$("error-text").getText();
        PlanWork.assertReadsWithNames(refusal, "“" + TWENTY + "”", "comment", "cannot be deleted");
        assertFalse(b.all("#plan-select option[value='" + twenty + "']").isEmpty(), "the plan stays");
        b.$("error-close").click();
        b.screenshot("plans-02-kept");
    }

    /**
     * Issue 12 in the page: the trade-off curve for 28 areas in all (a chart with labelled axes and the same
     * figures in a table, worked out with progress shown), a plan built at one of its points in one step, and
     * the plan's bound in words with its glossary entry.
     */
    @Test
    void buildAPlanAtAPointOfTheTradeoffCurveAndReadItsBound() {
        Browser b = open(1280, 900, false);
        PlanWork.openAnalyst(b, server, BrowserServer.ANALYST, server.firstPlanId());
        b.$("plan-new").click();
        b.waitFor("the new-plan form", d -> b.$("plan-dialog").isDisplayed());
        b.$("plan-count-all").click();
        b.$("plan-areas").clear();
        b.$("plan-areas").sendKeys("28");
        // a limit no plan can meet: refused before anything is stored, naming the district and the parish
        b.$("plan-name").sendKeys("Too small to fit St Neots");
        b.$("plan-max").sendKeys("30000");
        b.$("plan-form-submit").click();
        b.waitFor("the refusal in the form", d -> b.$("plan-form-error").getText().contains("St. Neots"));
        String refusal = b.$("plan-form-error").getText();
        assertTrue(refusal.contains("district Huntingdonshire (E07000011)") && refusal.contains("31,653"), refusal);
        assertTrue(PlanWork.planNamed(server, "Too small to fit St Neots") == null, "nothing stored");
        b.$("plan-max").clear();
        b.$("plan-name").clear();
        new Select(b.$("plan-deviation-mode")).selectByValue("bound");
        assertTrue(b.$("plan-deviation").isDisplayed(), "a percentage is asked for once a limit is chosen");
        b.$("plan-tradeoff").click();
        b.waitFor("the curve being worked out", d -> b.$("tradeoff").isDisplayed());
        b.waitLong("the whole curve", java.time.Duration.ofSeconds(300),
                () -> b.all("#tradeoff-table tbody tr").size() == 7 && !b.$("tradeoff-progress").isDisplayed());
        assertTrue(b.$("tradeoff-status").getText().contains("28 in all"), b.$("tradeoff-status").getText());
        String chart = b.$("tradeoff-chart").getText();
        assertTrue(chart.contains("Largest size difference allowed") && chart.contains("PCN alignment"), "labelled axes: " + chart);
        assertEquals("img", b.$("tradeoff-chart").findElement(By.tagName("svg")).getDomAttribute("role"));
        WebElement ten = b.$("tradeoff-table").findElement(By.cssSelector("tr[data-deviation='0.1']"));
        assertTrue(ten.getText().contains("No plan") && ten.getText().contains("district Cambridge (E07000008)"),
                "says which district cannot, by name: " + ten.getText());
        WebElement forty = b.$("tradeoff-table").findElement(By.cssSelector("tr[data-deviation='0.4']"));
        assertEquals(List.of(), AxeCore.violations(b), "the curve, its table and the form pass axe");
        b.js("arguments[0].scrollIntoView({block: 'start'});", b.$("tradeoff"));
        b.screenshot("plans-06-tradeoff");
        forty.findElement(By.tagName("button")).click();
        b.waitFor("the plan built at ±40% and open", d -> !b.$("plan-dialog").isDisplayed()
                && "Every area within ±40%".equals(b.$("plan-title").getText()));
        b.idle();
        String id = b.$("plan-select").getDomProperty("value");
        JsonNode plan = server.getJson("/api/plans/" + id);
        assertEquals(0.4, plan.path("options").path("max_deviation").asDouble(), 1e-9, plan.path("options").toString());
        assertEquals(28, plan.path("summary").path("areas").asInt());
        String bound = b.$("plan-bound").getText();
        assertTrue(bound.matches("(?s).*(Within \\d+\\.\\d points of the best possible plan with these rules|This is the best possible plan"
                + " with these rules).*no plan with these rules can align more than \\d+\\.\\d%.*"), bound);
        b.$("plan-figures").findElement(By.cssSelector("button.term-help[data-term='bound']")).click();
        b.waitFor("the glossary at the bound", d -> b.$("glossary-dialog").isDisplayed() && "glossary-bound".equals(b.activeId()));
        b.screenshot("plans-07-bound");
        b.$("glossary-close").click();
    }

    @Test
    void compareTheDefaultPlanWithThe20AreaPlan() {
        String twenty = twentyAreaPlan();
        String first = server.firstPlanId();
        Browser b = open(1280, 900, false);
        PlanWork.openAnalyst(b, server, BrowserServer.ANALYST, first);
        b.waitFor("the plans in the comparison", d -> !b.all("#compare-b-plan option[value='" + twenty + "']").isEmpty());
        new Select(b.$("compare-a-plan")).selectByValue(first);
        new Select(b.$("compare-b-plan")).selectByValue(twenty);
        b.waitFor("the 20-area plan's versions", d -> !b.all("#compare-b option[value='current']").isEmpty());
        new Select(b.$("compare-a")).selectByValue("current");
        new Select(b.$("compare-b")).selectByValue("current");
        b.$("compare-run").click();
        b.waitFor("the comparison", d -> b.$("compare-result").isDisplayed());
        b.idle();
        String summary = b.$("compare-summary").getText();
        assertTrue(summary.contains("matched by the residents they share"), summary);
        List<WebElement> figures = b.all("#compare-figures tbody tr");
        int n = RealRegion.DEFAULT_PLAN_AREAS;
        assertTrue(figures.get(0).getText().contains(Integer.toString(n)) && figures.get(0).getText().contains("20"),
                figures.get(0).getText());
        List<WebElement> changed = b.all("#compare-changed tbody tr[data-block]");
        assertTrue(changed.size() > 10, "many blocks change area between " + n + " and 20 areas: " + changed.size());
        String row = changed.get(0).getText();
        assertTrue(row.matches("(?s).*\\d.*"), "a changed block shows its residents: " + row);
        PlanWork.assertReadsWithNames(row);
        List<WebElement> areas = b.all("#compare-table tbody tr[data-area]");
        assertTrue(areas.size() >= n, "each of the " + n + " areas is listed, matched or not: " + areas.size());
        long unmatched = areas.stream().filter(r -> r.getText().contains("no matching area")).count();
        assertTrue(unmatched >= n - 20, "at least " + (n - 20) + " of the " + n + " areas have no counterpart among 20: " + unmatched);
        assertTrue(b.all(".leaflet-compare-pane path").size() >= 1, "the changed blocks are drawn on the map");
        b.screenshot("plans-03-compare-default-20");
    }

    @Test
    void exportTheCsvImportItBackAndGetTheSameAssignment() throws Exception {
        String twenty = twentyAreaPlan();
        Browser b = open(1280, 900, false);
        PlanWork.openAnalyst(b, server, BrowserServer.ANALYST, twenty);
        String href = b.$("download-blocks-csv").getDomAttribute("href");
        BrowserServer.Response csv = server.send("GET", href, null);
        assertEquals(200, csv.status());
        assertTrue(csv.body().startsWith("block_code,block_name,block_kind,district_code,area_id,area_name"), "the CSV carries area names");
        Path file = tmp.resolve("twenty-parish_to_area.csv");
        Files.writeString(file, csv.body(), StandardCharsets.UTF_8);

        // a file that leaves a block out is refused, naming it
        List<String> lines = csv.body().lines().toList();
        Path shortFile = tmp.resolve("missing-a-row.csv");
        Files.write(shortFile, lines.subList(0, lines.size() - 1), StandardCharsets.UTF_8);
        String missing = lines.get(lines.size() - 1).split(",")[1];
        b.$("plan-import").click();
        b.waitFor("the import form", d -> b.$("import-dialog").isDisplayed());
        b.$("import-file").sendKeys(shortFile.toAbsolutePath().toString());
        b.$("import-check").click();
        b.waitFor("the report", d -> b.$("import-report").isDisplayed());
        assertEquals("refused", b.$("import-verdict").getDomAttribute("class"), b.$("import-verdict").getText());
        String refusal = b.$("import-errors").getText();
        PlanWork.assertReadsWithNames(refusal, missing, "no area in the file");
        assertFalse(b.$("import-submit").isEnabled(), "a refused file cannot be imported");
        b.screenshot("plans-04-import-refused");

        // the whole file comes back as the same plan
        b.$("import-file").sendKeys(file.toAbsolutePath().toString());
        b.$("import-check").click();
        b.waitFor("the report", d -> "ok".equals(b.$("import-verdict").getDomAttribute("class")));
        assertTrue(b.$("import-verdict").getText().contains("20 areas"), b.$("import-verdict").getText());
        b.$("import-name").clear();
        b.$("import-name").sendKeys("Twenty areas, imported back");
        b.$("import-submit").click();
        b.waitFor("the imported plan open", d -> "Twenty areas, imported back".equals(b.$("plan-title").getText()));
        b.idle();
        String imported = b.$("plan-select").getDomProperty("value");
        JsonNode a = server.getJson("/api/plans/" + twenty);
        JsonNode c = server.getJson("/api/plans/" + imported);
        assertEquals(a.path("blocks").size(), c.path("blocks").size());
        for (Iterator<String> it = a.path("blocks").fieldNames(); it.hasNext(); ) {
            String code = it.next();
            assertEquals(a.path("blocks").path(code).path("area_id").asText(), c.path("blocks").path(code).path("area_id").asText(), code);
        }
        for (int i = 0; i < a.path("areas").size(); i++) {
            assertEquals(a.path("areas").get(i).path("area_name").asText(), c.path("areas").get(i).path("area_name").asText(), "area names too");
        }
        assertEquals(withoutBound(a.path("summary")), withoutBound(c.path("summary")), "the same figures");
        assertTrue(c.path("summary").path("alignment_upper_bound").isNull(), "an imported plan has no bound: " + c.path("summary"));
        b.screenshot("plans-05-imported");
    }

    @Test
    void sdaExportOfTheStoredPlanShowsAMoveMadeInThePage() throws Exception {
        Move move = findAcceptedMove();
        String id = PlanWork.copyOfFirstPlan(server, "Moved in the page (journey)");
        Browser b = open(1280, 900, false);
        PlanWork.openAnalyst(b, server, BrowserServer.ANALYST, id);
        b.driver().findElement(By.cssSelector("#area-list button[data-area='" + move.from() + "']")).click();
        b.waitFor("the parish in the list", d -> !b.all("#block-opt-" + move.block()).isEmpty());
        // the area's residents and its profile's say which is which
        b.waitFor("the profile", d -> move.from().equals(b.attr(By.id("area-profile"), "data-area")));
        double own = areaResidents(id, move.from());
        double lsoas = server.getJson("/api/plans/" + id + "/areas/" + move.from() + "/profile").path("area").path("values")
                .path("residents").path("value").asDouble();
        assertTrue(b.$("area-population").isDisplayed());
        if (Math.round(own) != Math.round(lsoas)) {
            String note = b.$("profile-status").getText();
            assertTrue(note.contains("do not nest") && note.contains(String.format(java.util.Locale.UK, "%,d", Math.round(lsoas))), note);
        }
        b.$("block-opt-" + move.block()).click();
        new Select(b.$("move-target")).selectByValue(move.to());
        b.waitFor("the live preview", d -> "accepted".equals(b.$("preview-verdict").getDomAttribute("class")) && b.$("move-commit").isEnabled());
        String rev = b.attr(By.tagName("body"), "data-revision");
        b.$("move-commit").click();
        b.waitFor("the move made", d -> !rev.equals(b.attr(By.tagName("body"), "data-revision")));
        b.idle();

        Path out = tmp.resolve("export");
        int code = org.sdaplanner.cli.SdaMain.run("export", "--db", BrowserServer.storeUrl(), "--plan", id, "--format", "csv",
                "--out", out.toString());
        assertEquals(0, code, "sda export --plan");
        String row = Files.readAllLines(out.resolve("parish_to_area.csv")).stream().filter(l -> l.startsWith(move.block() + ","))
                .findFirst().orElseThrow();
        assertEquals(move.to(), row.split(",")[4], "the exported file has the block in the area it was moved to: " + row);
    }
}
