package org.sdaplanner.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who sees which tools: the analyst tab and every editing tool are absent (not just disabled) for
 * an anonymous visitor and for a councillor; a wrong password is announced in the sign-in form;
 * without public read-only access the page opens on the sign-in form instead of failing; an
 * admin adds an account in the accounts screen and is shown its generated password once, changes its
 * role, disables it, and reads the audit log.
 */
class AccountsJourneyTest extends BrowserJourney {
    private static final List<String> EDIT_TOOLS = List.of("mode-analyst", "analyst-tools", "versions-section", "plan-create",
            "move-commit", "undo", "redo", "version-save", "area-rename-form", "mode-admin", "admin-tools");

    private static void assertNoEditTools(Browser b, String who) {
        for (String id : EDIT_TOOLS) {
            assertFalse(b.$(id).isDisplayed(), "#" + id + " is not shown to " + who);
        }
        assertEquals("explore", b.attr(By.tagName("body"), "data-mode"), who + " stays in the explore view");
    }

    @Test
    void theAnalystTabIsAbsentForAnonymousVisitorsAndMembers() {
        Browser b = open(1280, 900, false);
        // even when the address asks for the analyst view
        b.load(server.baseUrl() + "/#mode=analyst");
        assertNoEditTools(b, "an anonymous visitor");
        assertTrue(b.$("signin-open").isDisplayed(), "the sign-in button is shown");
        assertTrue(b.$("comments-signin").isDisplayed(), "comments ask to sign in");
        assertFalse(b.$("comment-form").isDisplayed(), "no comment form without an account");
        assertTrue(b.$("mode-health").isDisplayed(), "the health-partner view is open to all");
        // the tabs' arrow keys skip the hidden tab
        b.$("mode-explore").click();
        new Actions(b.driver()).sendKeys(Keys.ARROW_RIGHT).perform();
        assertEquals("mode-health", b.activeId(), "ArrowRight goes from Explore to Health partner");
        new Actions(b.driver()).sendKeys(Keys.ARROW_LEFT).perform();
        assertEquals("mode-explore", b.activeId());
        b.idle();
        b.screenshot("accounts-01-anonymous");

        // a wrong password: the form says so, and keeps the focus
        b.$("signin-open").click();
        b.waitFor("the sign-in form", d -> "signin-username".equals(b.activeId()));
        b.$("signin-username").sendKeys(BrowserServer.MEMBER.username());
        b.$("signin-password").sendKeys("not-the-password" + Keys.ENTER);
        b.waitFor("the error", d -> b.$("signin-error").getText().startsWith("Wrong user name or password"));
        assertEquals("alert", b.$("signin-error").getDomAttribute("role"), "the error is announced");
        assertEquals("signin-password", b.activeId(), "the focus is back on the password");
        b.screenshot("accounts-02-wrong-password");
        b.$("signin-password").sendKeys(BrowserServer.MEMBER.password() + Keys.ENTER);
        waitSignedIn(b, BrowserServer.MEMBER);
        assertNoEditTools(b, "a member");
        assertTrue(b.$("comment-form").isDisplayed(), "a member can comment");
        assertTrue(b.$("account-role").getText().contains("member"), b.$("account-role").getText());
        BrowserServer.Response refused = server.as(BrowserServer.MEMBER).send("POST", "/api/plans/" + server.firstPlanId() + "/undo", "{}");
        assertEquals(403, refused.status(), "and the server refuses a member's edit anyway");

        // signing out: back to an anonymous visitor
        b.$("account-summary").click();
        b.waitFor("the account menu", d -> b.$("signout").isDisplayed());
        b.$("signout").click();
        b.waitFor("signed out", d -> "".equals(b.attr(By.tagName("body"), "data-user")) && b.$("signin-open").isDisplayed());
        assertEquals("signin-open", b.activeId(), "the focus goes to the sign-in button");
        assertNoEditTools(b, "a visitor who signed out");
        assertEquals("(none)", b.errorText(), "no error shown");
    }

    @Test
    void withoutPublicReadThePageOpensOnTheSignInForm() {
        BrowserServer closed = BrowserServer.privateServer();
        assertEquals(401, closed.send("GET", "/api/region", null).status(), "the server itself refuses anonymous reading");
        Browser b = open(1280, 900, false);
        b.driver().get(closed.baseUrl() + "/");
        b.waitFor("the sign-in form", d -> "signin".equals(b.attr(By.tagName("body"), "data-state"))
                && b.$("signin-dialog").isDisplayed() && "signin-username".equals(b.activeId()));
        assertFalse(b.$("signin-cancel").isDisplayed(), "signing in cannot be skipped");
        new Actions(b.driver()).sendKeys(Keys.ESCAPE).perform();
        BrowserServer.sleep(300);
        b.waitFor("the sign-in form to stay after Escape", d -> b.$("signin-dialog").isDisplayed() && "signin-username".equals(b.activeId()));
        assertTrue(b.all(".leaflet-areas-pane path").isEmpty(), "nothing of the plans is shown");
        assertEquals("(none)", b.errorText(), "no error box: a sign-in form instead");
        b.screenshot("accounts-05-private-sign-in");
        b.$("signin-username").sendKeys(BrowserServer.HEALTH_PARTNER.username());
        b.$("signin-password").sendKeys(BrowserServer.HEALTH_PARTNER.password() + Keys.ENTER);
        b.waitFor("the map after signing in", d -> "ready".equals(b.attr(By.tagName("body"), "data-state"))
                && "true".equals(b.attr(By.id("map"), "data-areas-drawn")));
        waitSignedIn(b, BrowserServer.HEALTH_PARTNER);
        assertNoEditTools(b, "a health partner");
        assertTrue(b.$("comment-form").isDisplayed(), "a health partner can comment");
        assertEquals("(none)", b.errorText(), "no error shown");
    }

    @Test
    void anAdminAddsAnAccountAndSeesItsPasswordOnce() {
        String username = "cllr" + (System.currentTimeMillis() % 1_000_000);
        Browser b = open(1280, 900, false);
        b.load(server.baseUrl() + "/");
        signIn(b, BrowserServer.ADMIN);
        assertTrue(b.$("mode-admin").isDisplayed(), "an admin has the accounts tab");
        b.$("mode-admin").click();
        b.waitFor("the accounts", d -> !b.all("#account-list li[data-username]").isEmpty() && !b.all("#audit-log li[data-action]").isEmpty());
        b.idle();
        for (BrowserServer.Account a : BrowserServer.ACCOUNTS) {
            assertFalse(b.all("#account-list li[data-username='" + a.username() + "']").isEmpty(), a + " is listed");
        }

        // add a councillor without a password: one is generated and shown once
        b.$("new-username").sendKeys(username);
        b.$("new-display-name").sendKeys("Cllr New <Member>");
        new Select(b.$("new-role")).selectByValue("member");
        b.$("account-add").click();
        b.waitFor("the generated password", d -> b.$("password-result").isDisplayed());
        b.idle();
        String password = b.$("generated-password").getText();
        assertTrue(password.length() >= 10, "a generated password: " + password);
        assertEquals("password-result", b.activeId(), "the focus goes to the password");
        assertTrue(b.$("password-result-text").getText().contains(username), b.$("password-result-text").getText());
        WebElement row = b.$("account-list").findElement(By.cssSelector("li[data-username='" + username + "']"));
        assertTrue(row.getText().contains("Cllr New <Member>"), "the name is shown as typed: " + row.getText());
        assertEquals("member", row.getDomAttribute("data-role"));
        b.screenshot("accounts-03-added-with-password");

        // the password works
        BrowserServer.Account added = new BrowserServer.Account(username, "Cllr New <Member>", "member", password);
        JsonNode session = new ApiSession(server, added).getJson("/api/session");
        assertTrue(session.path("signed_in").asBoolean(), "the new account signs in with the generated password");
        b.$("password-result-close").click();
        assertFalse(b.$("password-result").isDisplayed(), "the password is shown only until dismissed");
        assertEquals("", b.$("generated-password").getText());

        // they sign in with it and change it to one of their own
        String own = "my-own-long-passphrase-7";
        Browser theirs = Browser.open(1280, 900, false);
        try {
            theirs.load(server.baseUrl() + "/");
            signIn(theirs, added);
            theirs.$("account-summary").click();
            theirs.$("password-open").click();
            theirs.waitFor("the password form", d -> "password-current".equals(theirs.activeId()));
            theirs.$("password-current").sendKeys(password);
            theirs.$("password-new").sendKeys(own);
            theirs.$("password-confirm").sendKeys(own + "x" + Keys.ENTER);
            theirs.waitFor("the mismatch", d -> theirs.$("password-error").getText().startsWith("The two new passwords differ"));
            theirs.$("password-confirm").clear();
            theirs.$("password-confirm").sendKeys(own + Keys.ENTER);
            theirs.waitFor("the password to be changed", d -> !theirs.$("password-dialog").isDisplayed());
            theirs.waitFor("the announcement", d -> theirs.$("live").getText().startsWith("Your password is changed"));
            assertEquals(List.of(), theirs.pageErrors());
        } finally {
            theirs.close();
        }
        assertTrue(new ApiSession(server, new BrowserServer.Account(username, "", "member", own)).getJson("/api/session")
                .path("signed_in").asBoolean(), "the new password works");

        // make them a health partner
        new Select(b.$("role-" + username)).selectByValue("health-partner");
        row = b.$("account-list").findElement(By.cssSelector("li[data-username='" + username + "']"));
        row.findElement(By.cssSelector("button[data-action='role']")).click();
        // their password change came after the list was loaded: the page may say so, reload the list and keep the choice
        b.waitFor("the new role, or word that the account changed", d -> "health-partner".equals(b.$("account-list")
                .findElement(By.cssSelector("li[data-username='" + username + "']")).getDomAttribute("data-role"))
                || b.errorText().contains("was changed a moment ago"));
        b.idle();
        if (b.errorText().contains("was changed a moment ago")) {
            b.screenshot("accounts-03b-changed-meanwhile");
            b.$("error-close").click();
            assertEquals("health-partner", b.$("role-" + username).getDomProperty("value"), "the choice is kept");
            b.$("account-list").findElement(By.cssSelector("li[data-username='" + username + "'] button[data-action='role']")).click();
            b.waitFor("the new role", d -> "health-partner".equals(b.$("account-list")
                    .findElement(By.cssSelector("li[data-username='" + username + "']")).getDomAttribute("data-role")));
            b.idle();
        }
        assertEquals("(none)", b.errorText());

        // reset their password: a new one is shown once
        b.$("account-list").findElement(By.cssSelector("li[data-username='" + username + "'] button[data-action='reset']")).click();
        b.waitFor("the confirmation", d -> b.$("confirm-dialog").isDisplayed());
        b.$("confirm-ok").click();
        b.waitFor("the new password", d -> b.$("password-result").isDisplayed() && !b.$("generated-password").getText().isEmpty());
        String reset = b.$("generated-password").getText();
        assertTrue(!reset.equals(password) && reset.length() >= 10, reset);
        b.$("password-result-close").click();
        b.idle();

        // disable the account (confirmed in a dialog)
        b.$("account-list").findElement(By.cssSelector("li[data-username='" + username + "'] button[data-action='disable']")).click();
        b.waitFor("the confirmation", d -> b.$("confirm-dialog").isDisplayed());
        assertTrue(b.$("confirm-text").getText().contains(username), b.$("confirm-text").getText());
        b.$("confirm-ok").click();
        b.waitFor("the account to be disabled", d -> "true".equals(b.$("account-list")
                .findElement(By.cssSelector("li[data-username='" + username + "']")).getDomAttribute("data-disabled")));
        b.idle();
        assertEquals(401, server.send("POST", "/api/session", BrowserServer.json(java.util.Map.of("username", username,
                "password", reset))).status(), "a disabled account cannot sign in");

        // the audit log has it all
        b.waitFor("the audit lines", d -> b.$("audit-log").getText().contains("account-disabled"));
        String log = b.$("audit-log").getText();
        assertTrue(log.contains("account-added · " + username), log.substring(0, Math.min(600, log.length())));
        assertTrue(log.contains("role-changed · " + username), log.substring(0, Math.min(600, log.length())));
        assertTrue(log.contains("password-changed · " + username) && log.contains("password-reset · " + username),
                log.substring(0, Math.min(800, log.length())));
        new Select(b.$("audit-action")).selectByValue("account-added");
        b.waitFor("only additions", d -> b.all("#audit-log li[data-action]").stream()
                .allMatch(li -> "account-added".equals(li.getDomAttribute("data-action"))));
        b.js("document.getElementById('audit-title').scrollIntoView();");
        b.screenshot("accounts-04-audit-log");
        assertEquals("(none)", b.errorText(), "no error shown");
    }
}
