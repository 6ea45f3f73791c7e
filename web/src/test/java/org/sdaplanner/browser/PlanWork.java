package org.sdaplanner.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.By;

import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the plan journeys share: plans of their own (so that other journeys' plan stays as it is), and the page's plan picker. */
final class PlanWork {
    /**
     * An ONS or modelled area code (parish, LSOA, district) standing on its own: messages for people name
     * places instead (a code in brackets after a name, to find the row of a file, is fine).
     */
    static final Pattern CODE = Pattern.compile("(?<!\\()\\b[EMW]\\d{8}\\b");

    private PlanWork() {
    }

    /** A copy of the first plan, made through the API as the analyst, for a journey to change. */
    static String copyOfFirstPlan(BrowserServer server, String name) {
        BrowserServer.Response r = server.as(BrowserServer.ANALYST).send("POST", "/api/plans/" + server.firstPlanId() + "/copy",
                BrowserServer.json(Map.of("name", name)));
        assertTrue(r.status() == 201, "copy: " + r.status() + " " + r.body());
        return r.json().path("id").asText();
    }

    /** The id of the plan called {@code name}, or null. */
    static String planNamed(BrowserServer server, String name) {
        for (JsonNode p : server.getJson("/api/plans")) {
            if (p.path("name").asText().equals(name)) {
                return p.path("id").asText();
            }
        }
        return null;
    }

    /** Opens the page on a plan, signed in, in the analyst view with the blocks loaded. */
    static void openAnalyst(Browser b, BrowserServer server, BrowserServer.Account who, String planId) {
        b.load(server.baseUrl() + "/#plan=" + planId);
        BrowserJourney.signIn(b, who);
        b.$("mode-analyst").click();
        b.waitFor("the blocks layer", d -> "true".equals(b.attr(By.id("map"), "data-blocks-loaded")));
        b.waitFor("plan " + planId + " open", d -> planId.equals(b.$("plan-select").getDomProperty("value")));
        b.idle();
    }

    /** A message for people: it names places, and no code stands in for a name. */
    static void assertReadsWithNames(String message, String... names) {
        assertFalse(CODE.matcher(message).find(), "the message shows a code where a name exists: " + message);
        for (String n : names) {
            assertTrue(message.contains(n), "the message names " + n + ": " + message);
        }
    }
}
