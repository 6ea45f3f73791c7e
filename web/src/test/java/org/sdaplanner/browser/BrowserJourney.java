package org.sdaplanner.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What every browser journey shares: the real server (started once), a fresh headless Chromium
 * per test, a final screenshot and a check that the page raised no script error.
 */
abstract class BrowserJourney {
    static BrowserServer server;
    Browser browser;

    @BeforeAll
    static void startServer() {
        Browser.requireChromium();
        server = BrowserServer.shared();
    }

    Browser open(int width, int height, boolean phone) {
        browser = Browser.open(width, height, phone);
        return browser;
    }

    @AfterEach
    void closeBrowser(TestInfo info) {
        if (browser == null) {
            return;
        }
        try {
            browser.screenshot(getClass().getSimpleName() + "-" + info.getTestMethod().map(m -> m.getName()).orElse("test") + "-end");
            List<String> errors = browser.pageErrors();
            assertEquals(List.of(), errors, "the page raised script errors");
        } finally {
            browser.close();
            browser = null;
        }
    }

    /** Closes a browser of a journey that uses several, after checking it raised no script error. */
    void closeChecked(Browser b) {
        try {
            assertEquals(List.of(), b.pageErrors(), "the page raised script errors");
        } finally {
            b.close();
            if (browser == b) {
                browser = null;
            }
        }
    }

    /**
     * Signs in through the page's form, as a person would: the "Sign in" button, the user name and
     * password, Enter. Waits until the page shows who is signed in and its requests have settled.
     */
    static void signIn(Browser b, BrowserServer.Account a) {
        b.$("signin-open").click();
        b.waitFor("the sign-in form", d -> b.$("signin-dialog").isDisplayed() && "signin-username".equals(b.activeId()));
        b.$("signin-username").clear();
        b.$("signin-username").sendKeys(a.username());
        b.$("signin-password").sendKeys(a.password() + org.openqa.selenium.Keys.ENTER);
        waitSignedIn(b, a);
    }

    static void waitSignedIn(Browser b, BrowserServer.Account a) {
        b.waitFor("signed in as " + a, d -> a.username().equals(b.attr(By.tagName("body"), "data-user"))
                && !b.$("signin-dialog").isDisplayed());
        b.idle();
        assertEquals(a.displayName(), b.$("account-name").getText(), "the header shows who is signed in");
    }

    /** A parish and a target area that the server accepts as a move right now (found with previews). */
    record Move(String planId, String block, String blockName, String from, String to) {
    }

    static Move findAcceptedMove() {
        String planId = server.firstPlanId();
        JsonNode plan = server.getJson("/api/plans/" + planId);
        JsonNode blocks = server.getJson("/api/layers/blocks?zoom=11").path("features");
        int revision = plan.path("revision").asInt();
        List<JsonNode> parishes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> duplicated = new HashSet<>();
        for (JsonNode f : blocks) {
            String name = f.path("properties").path("block_name").asText();
            if (!names.add(name)) {
                duplicated.add(name);
            }
        }
        for (JsonNode f : blocks) {
            JsonNode p = f.path("properties");
            String code = p.path("block_code").asText();
            if ("parish".equals(p.path("block_kind").asText()) && !duplicated.contains(p.path("block_name").asText())
                    && !plan.path("blocks").path(code).path("locked").asBoolean(false)) {
                parishes.add(p);
            }
        }
        parishes.sort(Comparator.comparing((JsonNode p) -> p.path("resident_population").asDouble()).reversed()
                .thenComparing(p -> p.path("block_code").asText()));
        int tries = 0;
        for (JsonNode p : parishes) {
            String code = p.path("block_code").asText();
            String from = plan.path("blocks").path(code).path("area_id").asText();
            for (JsonNode a : plan.path("areas")) {
                String to = a.path("area_id").asText();
                boolean sameDistrict = false;
                for (JsonNode d : a.path("district_codes")) {
                    sameDistrict |= d.asText().equals(p.path("district_code").asText());
                }
                if (to.equals(from) || !sameDistrict) {
                    continue;
                }
                if (++tries > 600) {
                    throw new AssertionError("no accepted move found among 600 previews");
                }
                BrowserServer.Response r = server.as(BrowserServer.ANALYST).send("POST", "/api/plans/" + planId + "/moves",
                        "{\"blocks\":[\"" + code + "\"],\"to\":\"" + to + "\",\"preview\":true,\"revision\":" + revision + "}");
                if (r.status() == 200 && r.json().path("accepted").asBoolean(false)) {
                    return new Move(planId, code, p.path("block_name").asText(), from, to);
                }
            }
        }
        throw new AssertionError("no parish can be moved to any area of its district (" + tries + " previews)");
    }
}
