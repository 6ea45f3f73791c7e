package org.sdaplanner.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WCAG 2.2 AA over every view, at a desktop size (1280 × 800) and a phone size (390 × 844): one browser
 * per size visits each view as a visitor and as an admin (who sees every tool) and runs axe-core with the
 * WCAG 2.0, 2.1 and 2.2 A and AA rules; any violation fails, with the rule and the elements. On the way it
 * checks the issues people met: the legend never covers the chosen area, the coterminosity table fits its
 * panel, the "areas" of a PCN are explained, the plan picker shows the plan's name whole, the phone's header
 * leaves the map its room, withdrawn point comments leave the map, the printable profile's chart labels are
 * whole, the map moves without dragging, search finds the city and says which area a place is in, the
 * glossary opens by touch, and no request of any page fails (the favicon). Area colours across plan
 * switches are {@link #areaColoursStayPutAcrossPlanSwitches}.
 */
class AccessibilityJourneyTest extends BrowserJourney {
    /** A page of its own, reached by its address: adding one to the checks is one line here. */
    record Page(String name, String path) {
    }

    /** Every page but the map page (whose views the journey opens by hand); {plan} and {area} are filled in. */
    static final List<Page> PAGES = List.of(
            new Page("printable profile", "/profile.html?plan={plan}&area={area}"),
            new Page("accessibility statement", "/accessibility.html"),
            new Page("committee report", "/report.html?plan={plan}"));

    private final Map<String, List<String>> violations = new LinkedHashMap<>();

    private void axe(Browser b, String view) {
        if (b.attr(By.tagName("body"), "data-busy") != null) {
            b.idle();
        }
        List<String> v = AxeCore.violations(b);
        b.screenshot("view-" + view);
        if (!v.isEmpty()) {
            System.out.println("[axe] " + view + ":\n  " + String.join("\n  ", v));
            violations.put(view, v);
        }
    }

    @Test
    void everyViewAtBothSizesHasNoViolations() {
        String plan = server.firstPlanId();
        JsonNode planJson = server.getJson("/api/plans/" + plan);
        String area = planJson.path("areas").get(0).path("area_id").asText();
        int[] points = pointComments(plan);
        for (boolean phone : new boolean[]{false, true}) {
            Browser b = open(phone ? 390 : 1280, phone ? 844 : 800, phone);
            String size = phone ? "phone" : "desktop";
            journey(b, size, phone, plan, area, points);
            List<String> failed = b.consoleErrors().stream().filter(m -> m.contains("404") || m.contains("Failed to load")).toList();
            assertEquals(List.of(), failed, size + ": no request of any page fails (a missing favicon, a module)");
            closeChecked(b);
        }
        StringBuilder all = new StringBuilder();
        violations.forEach((view, v) -> all.append("\n").append(view).append(":\n  ").append(String.join("\n  ", v)));
        assertEquals("", all.toString(), "axe-core (WCAG 2.0/2.1/2.2 A and AA) found violations");
    }

    private void journey(Browser b, String size, boolean phone, String plan, String area, int[] points) {
        b.load(server.baseUrl() + "/");
        axe(b, size + " explore, visitor");

        // the plan picker shows the name whole
        Object fits = b.js("var s = document.getElementById('plan-select'); var o = s.options[s.selectedIndex];"
                + "var c = document.createElement('canvas').getContext('2d'); c.font = getComputedStyle(s).font;"
                + "return c.measureText(o.text).width + 24 <= s.clientWidth;");
        assertEquals(Boolean.TRUE, fits, size + ": the plan picker shows '" + new Select(b.$("plan-select")).getFirstSelectedOption().getText() + "' whole");

        // the map moves without dragging: a button moves it east
        double lng = ((Number) b.js("return window.sda.map.getCenter().lng;")).doubleValue();
        b.driver().findElement(By.cssSelector("#map-pan button[data-pan=e]")).click();
        b.waitFor("the map to move east", d -> ((Number) b.js("return window.sda.map.getCenter().lng;")).doubleValue() > lng + 0.01);

        // the glossary opens from a "?" beside a term, by touch or click, at that term
        WebElement help = b.driver().findElement(By.cssSelector("#plan-figures button.term-help[data-term=alignment]"));
        b.js("arguments[0].scrollIntoView({block: 'center'});", help);
        help.click();
        b.waitFor("the glossary at 'PCN alignment'", d -> b.$("glossary-dialog").isDisplayed() && "glossary-alignment".equals(b.activeId()));
        axe(b, size + " glossary");
        b.$("glossary-close").click();
        b.waitFor("the glossary to close", d -> !b.$("glossary-dialog").isDisplayed());

        // search finds the city (not only its LSOAs) and says what and where each result is
        b.$("search-input").sendKeys("Cambridge");
        b.waitFor("search results", d -> b.all("#search-results li[data-index]").size() > 1);
        String first = b.all("#search-results li[data-index]").get(0).getText();
        assertTrue(first.startsWith("Cambridge") && first.contains("city") && first.contains("· area "), size + ": the city first, with its area: " + first);
        axe(b, size + " search results");
        b.$("search-input").sendKeys(Keys.ESCAPE);
        b.$("search-input").clear();

        b.$("signin-open").click();
        b.waitFor("the sign-in form", d -> b.$("signin-dialog").isDisplayed());
        axe(b, size + " sign-in dialog");
        b.$("signin-cancel").click();
        signIn(b, BrowserServer.ADMIN);
        if (phone) {
            int header = b.$("topbar").getRect().getHeight();
            assertTrue(header <= 100, "the phone's header leaves the map its room (all four views shown): " + header + " px");
        }

        // an area from the list: its details, profile and comments; the legend keeps clear of it
        WebElement item = b.driver().findElement(By.cssSelector("#area-list button[data-area='" + area + "']"));
        b.js("arguments[0].scrollIntoView({block: 'center'});", item);
        item.click();
        b.waitFor("the area's profile", d -> area.equals(b.$("area-profile").getDomAttribute("data-area")));
        b.idle();
        BrowserServer.sleep(400); // the zoom to the area settles
        if (!phone) {
            Map<String, Object> r = rect(b, "#legend");
            Map<String, Object> sel = selectedAreaRect(b);
            assertFalse(overlaps(r, sel), "the legend " + r + " covers the chosen area " + sel);
        }
        new Select(b.$("comment-scope")).selectByValue("plan");
        b.waitFor("the plan's comments", d -> !b.all("#comment-list article.comment").isEmpty());
        b.idle();
        int markers = b.all(".comment-marker").size();
        assertEquals(points[0], markers, size + ": a marker for each visible point comment, none for the " + points[1] + " withdrawn");
        axe(b, size + " area details, profile and comments");

        // analyst: select a parish from the list
        b.$("mode-analyst").click();
        b.waitFor("the analyst tools", d -> b.$("analyst-tools").isDisplayed() && !b.all("#area-blocks li[data-block]").isEmpty());
        // the lists show blocks by the names people know (parishes, LSOAs), never as bare codes (issue 11)
        @SuppressWarnings("unchecked")
        List<String> codes = (List<String>) b.js("return [...document.querySelectorAll('#area-blocks li[data-block] .name, #comment-block option')]"
                + ".map(function (e) { return e.textContent.trim(); }).filter(function (t) { return /^[A-Z][0-9]{8}$/.test(t) || !t; });");
        assertEquals(List.of(), codes, size + ": blocks listed by name");
        WebElement opt = b.all("#area-blocks li[data-block]").get(0);
        b.js("arguments[0].scrollIntoView({block: 'center'});", opt);
        opt.click();
        b.waitFor("the selection", d -> !b.$("move-target").getDomProperty("disabled").equals("true"));
        axe(b, size + " analyst");
        // the analyst's dialogs: a new plan with the build options, importing a plan from a file
        b.js("arguments[0].scrollIntoView({block: 'center'});", b.$("plan-new"));
        b.$("plan-new").click();
        b.waitFor("the new-plan form", d -> b.$("plan-dialog").isDisplayed());
        new Select(b.$("plan-deviation-mode")).selectByValue("bound"); // every build choice of sda build shown (issue 12)
        axe(b, size + " new-plan dialog");
        b.$("plan-form-cancel").click();
        b.waitFor("the new-plan form to close", d -> !b.$("plan-dialog").isDisplayed());
        b.js("arguments[0].scrollIntoView({block: 'center'});", b.$("plan-import"));
        b.$("plan-import").click();
        b.waitFor("the import form", d -> b.$("import-dialog").isDisplayed());
        axe(b, size + " import dialog");
        b.$("import-cancel").click();
        b.waitFor("the import form to close", d -> !b.$("import-dialog").isDisplayed());

        // health partner: the coterminosity table fits its panel; a PCN's "areas" are explained
        b.$("mode-health").click();
        b.waitFor("the coterminosity table", d -> !b.all("#coterminosity-table tbody tr[data-pcn]").isEmpty());
        b.idle();
        Object overflow = b.js("var t = document.getElementById('coterminosity-table'), p = document.getElementById('panel');"
                + "var tr = t.getBoundingClientRect(), pr = p.getBoundingClientRect();"
                + "return {table: Math.round(tr.right), panel: Math.round(pr.right), scroll: t.scrollWidth - t.clientWidth,"
                + " body: document.getElementById('panel-body').scrollWidth - document.getElementById('panel-body').clientWidth,"
                + " page: document.documentElement.scrollWidth - window.innerWidth};");
        Map<?, ?> o = (Map<?, ?>) overflow;
        assertTrue(((Number) o.get("table")).intValue() <= ((Number) o.get("panel")).intValue() && ((Number) o.get("scroll")).intValue() <= 1
                && ((Number) o.get("body")).intValue() <= 1 && ((Number) o.get("page")).intValue() <= 0, size + ": the coterminosity table fits its panel: " + o);
        // a PCN with a few patients beyond its main areas, where "in N areas" and the table's "Areas" differ
        String pcn = null;
        for (JsonNode r : server.getJson("/api/plans/" + plan + "/pcn-alignment")) {
            if (pcn == null || server.getJson("/api/plans/" + plan + "/pcns/" + r.path("pcn_code").asText()).path("areas").size() > r.path("areas_spanned").asInt()) {
                pcn = r.path("pcn_code").asText();
            }
        }
        WebElement row = b.driver().findElement(By.cssSelector("#coterminosity-table tbody tr[data-pcn='" + pcn + "']"));
        String spanned = row.findElement(By.cssSelector("td.spanned")).getText();
        new Select(b.$("pcn-select")).selectByValue(pcn);
        b.waitFor("the PCN's view", d -> b.$("pcn-view").isDisplayed() && !b.all("#pcn-lsoa-table tbody tr").isEmpty());
        b.idle();
        String summary = b.$("pcn-summary").getText();
        JsonNode view = server.getJson("/api/plans/" + plan + "/pcns/" + pcn);
        int n = view.path("areas").size();
        assertTrue(summary.contains(n + " service delivery area"), summary);
        assertTrue(n == Integer.parseInt(spanned) || summary.contains(spanned + " of them hold") || summary.contains(spanned + " of them holds"),
                "the table's " + spanned + " areas explained: " + summary);
        assertEquals(view.path("lsoas").size(), b.all("#pcn-lsoa-table tbody tr").size(), "the map's LSOA shares as a list too");
        axe(b, size + " health partner");

        b.$("mode-admin").click();
        b.waitFor("the accounts", d -> b.all("#account-list li[data-username]").size() >= 5 && !b.all("#audit-log li").isEmpty());
        axe(b, size + " accounts");

        // explore, coloured by an indicator, with the values as a list
        b.$("mode-explore").click();
        b.$("area-back").click();
        WebElement indicator = b.$("indicator-select");
        b.js("arguments[0].scrollIntoView({block: 'center'});", indicator);
        new Select(indicator).selectByValue("aged_65_plus");
        b.waitFor("the indicator's legend and list", d -> !b.all("#choropleth-legend").isEmpty()
                && b.all("#choropleth-table tbody tr").size() == server.getJson("/api/plans/" + plan).path("areas").size());
        axe(b, size + " explore, coloured by an indicator");
        new Select(b.$("indicator-select")).selectByValue("");

        for (Page p : PAGES) {
            b.driver().get(server.baseUrl() + p.path().replace("{plan}", plan).replace("{area}", area));
            b.waitFor(p.name(), d -> "complete".equals(b.js("return document.readyState;"))
                    && !"loading".equals(b.attr(By.tagName("body"), "data-state")));
            if (p.path().startsWith("/profile.html")) {
                assertEquals("ready", b.attr(By.tagName("body"), "data-state"));
                Object cut = b.js("return [...document.querySelectorAll('.profile-svg .chart-label')].filter(function (t) {"
                        + " var s = t.ownerSVGElement.getBoundingClientRect(), r = t.getBoundingClientRect();"
                        + " return /…$/.test(t.textContent) || r.left < s.left - 0.5; }).map(function (t) { return t.textContent; });");
                assertEquals(List.of(), cut, size + ": chart labels read in full on the printable profile");
            }
            axe(b, size + " " + p.name());
        }
    }

    /** Creates two point comments as a member and withdraws one; answers {visible point comments, withdrawn ones}. */
    private static int[] pointComments(String plan) {
        JsonNode ely = server.getJson("/api/search?q=ely").get(0);
        ApiSession member = server.as(BrowserServer.MEMBER);
        String at = ",\"lon\":" + ely.path("lon").asDouble() + ",\"lat\":" + ely.path("lat").asDouble() + "}";
        member.send("POST", "/api/plans/" + plan + "/comments", "{\"text\":\"The level crossing here is a problem\"" + at);
        BrowserServer.Response gone = member.send("POST", "/api/plans/" + plan + "/comments", "{\"text\":\"I take this back\"" + at);
        assertEquals(201, gone.status(), gone.body());
        member.send("POST", "/api/comments/" + gone.json().path("id").asText() + "/withdraw", "{}");
        int visible = 0;
        int withdrawn = 0;
        for (JsonNode c : server.as(BrowserServer.ADMIN).send("GET", "/api/plans/" + plan + "/comments", null).json()) {
            if ("point".equals(c.path("about").asText())) {
                if ("visible".equals(c.path("status").asText())) {
                    visible++;
                } else {
                    withdrawn++;
                }
            }
        }
        assertTrue(withdrawn > 0, "a withdrawn point comment to check");
        return new int[]{visible, withdrawn};
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rect(Browser b, String css) {
        return (Map<String, Object>) b.js("var r = document.querySelector(arguments[0]).getBoundingClientRect();"
                + "return {left: r.left, top: r.top, right: r.right, bottom: r.bottom};", css);
    }

    /** The screen box of the chosen area's outline (the thick black one in the areas pane). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> selectedAreaRect(Browser b) {
        return (Map<String, Object>) b.js("var ps = [...document.querySelectorAll('.leaflet-areas-pane path')]"
                + ".filter(function (p) { return p.getAttribute('stroke') === '#000'; });"
                + "var r = ps[0].getBoundingClientRect(); return {left: r.left, top: r.top, right: r.right, bottom: r.bottom};");
    }

    private static boolean overlaps(Map<String, Object> a, Map<String, Object> b) {
        return num(a, "left") < num(b, "right") && num(b, "left") < num(a, "right") && num(a, "top") < num(b, "bottom") && num(b, "top") < num(a, "bottom");
    }

    private static double num(Map<String, Object> m, String k) {
        return ((Number) m.get(k)).doubleValue();
    }

    /** Area colours are the plan's own: switching to another plan and back, or opening it fresh, gives the same. */
    @Test
    void areaColoursStayPutAcrossPlanSwitches() {
        String a = server.firstPlanId();
        BrowserServer.Response made = server.as(BrowserServer.ANALYST).send("POST", "/api/plans", "{\"name\":\"Second plan for colours\",\"seed\":7}");
        assertTrue(made.status() == 201 || made.status() == 200, made.body());
        String other = made.json().path("id").asText();
        try {
            Browser b = open(1280, 800, false);
            b.load(server.baseUrl() + "/#plan=" + a);
            Map<String, String> first = colours(b);
            new Select(b.$("plan-select")).selectByValue(other);
            b.waitFor("the other plan", d -> other.equals(b.js("return String(window.sda.state.planId);")));
            b.idle();
            Map<String, String> second = colours(b);
            new Select(b.$("plan-select")).selectByValue(a);
            b.waitFor("the first plan again", d -> a.equals(b.js("return String(window.sda.state.planId);")));
            b.idle();
            assertEquals(first, colours(b), "the first plan's colours after switching away and back");
            b.driver().get("about:blank");
            b.load(server.baseUrl() + "/#plan=" + other);
            assertEquals(second, colours(b), "the second plan's colours do not depend on what was open before");
            List<String> clash = new ArrayList<>();
            @SuppressWarnings("unchecked")
            Map<String, List<String>> adj = (Map<String, List<String>>) b.js("var m = {}; window.sda.state.areaAdj.forEach(function (v, k) { m[k] = [...v]; }); return m;");
            adj.forEach((k, ns) -> ns.forEach(nb -> { if (second.get(k).equals(second.get(nb))) { clash.add(k + "/" + nb); } }));
            assertEquals(List.of(), clash, "neighbouring areas differ");
        } finally {
            server.as(BrowserServer.ANALYST).send("DELETE", "/api/plans/" + other, null);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> colours(Browser b) {
        return new java.util.TreeMap<>((Map<String, String>) b.js("var m = {}; window.sda.state.areaColour.forEach(function (v, k) { m[k] = v; }); return m;"));
    }
}
