package org.sdaplanner.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdaplanner.core.access.Role;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The safety features of the map server over HTTP: sessions and their cookie, CSRF tokens, same
 * origin, JSON bodies, size limits, the per-account write limit, the wrong-password throttle,
 * account administration and its audit log, and answers that never show internal detail.
 */
class SecurityApiTest {
    @TempDir
    static Path dir;
    static TestServer test;
    static TestAccounts accounts;
    static String base;
    static long plan;
    static String area;

    @BeforeAll
    static void start() {
        // the default write limit: a burst of 30, then one a second
        test = TestServer.start(dir, MapServer.Options.defaults());
        base = test.base();
        accounts = test.accounts;
        Http member = accounts.as("sec-member", Role.MEMBER);
        plan = member.get("/api/plans").json().get(0).path("id").asLong();
        area = member.get("/api/plans/" + plan).json().path("areas").get(0).path("area_id").asText();
    }

    @AfterAll
    static void stop() {
        if (test != null) {
            test.close();
        }
    }

    private static String comment(String text) {
        return Http.json(Map.of("area", area, "text", text));
    }

    @Test
    void theSessionCookieIsHttpOnlyStrictAndSecureBehindHttps() {
        accounts.ensure("sec-cookie", Role.MEMBER);
        Http.Response plain = new Http(base).post("/api/session",
                Http.json(Map.of("username", "sec-cookie", "password", TestAccounts.PASSWORD)));
        String cookie = plain.header("Set-Cookie");
        assertTrue(cookie.startsWith("sda_session=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict")
                && cookie.contains("Path=/") && cookie.contains("Max-Age=43200"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP on loopback: a Secure cookie would never come back");
        Http.Response proxied = new Http(base).post("/api/session",
                Http.json(Map.of("username", "sec-cookie", "password", TestAccounts.PASSWORD)), "X-Forwarded-Proto", "https");
        assertTrue(proxied.header("Set-Cookie").contains("; Secure"), proxied.header("Set-Cookie"));
        JsonNode session = plain.json();
        assertTrue(session.path("signed_in").asBoolean());
        assertEquals("member", session.path("user").path("role").asText());
        assertFalse(session.toString().contains("password_hash") || session.toString().contains("$2a$"), "no hash: " + session);
        // security headers on every answer
        Http.Response page = new Http(base).get("/api/health");
        assertTrue(page.header("Content-Security-Policy").contains("script-src 'self'"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertEquals("DENY", page.header("X-Frame-Options"));
    }

    @Test
    void signingOutEndsTheSession() {
        accounts.ensure("sec-out", Role.MEMBER);
        Http s = new Http(base).signIn("sec-out", TestAccounts.PASSWORD);
        assertEquals(200, s.get("/api/plans/" + plan + "/comments").status());
        assertEquals(204, s.send("DELETE", "/api/session", null).status());
        assertEquals(401, s.get("/api/plans/" + plan + "/comments").status(), "the old cookie no longer works");
        assertFalse(s.get("/api/session").json().path("signed_in").asBoolean());
    }

    @Test
    void writesNeedTheCsrfTokenJsonAndTheSameOrigin() {
        Http member = accounts.as("sec-csrf", Role.MEMBER);
        Http.Response noToken = member.withoutCsrf().post("/api/plans/" + plan + "/comments", comment("no token"));
        assertEquals(403, noToken.status(), noToken::toString);
        assertTrue(noToken.json().path("error").asText().contains("CSRF"));
        Http.Response wrongToken = member.withoutCsrf().post("/api/plans/" + plan + "/comments", comment("wrong token"),
                "X-CSRF-Token", "forged");
        assertEquals(403, wrongToken.status());
        Http.Response form = member.post("/api/plans/" + plan + "/comments", "text=hello", "Content-Type",
                "application/x-www-form-urlencoded");
        assertEquals(415, form.status(), form::toString);
        Http.Response crossSite = member.post("/api/plans/" + plan + "/comments", comment("from elsewhere"), "Origin",
                "https://evil.example");
        assertEquals(403, crossSite.status(), crossSite::toString);
        Http.Response sameSite = member.post("/api/plans/" + plan + "/comments", comment("from the page"), "Origin", base);
        assertEquals(201, sameSite.status(), sameSite::toString);
        // none of the refused writes was stored
        List<String> texts = new ArrayList<>();
        member.get("/api/plans/" + plan + "/comments?author=sec-csrf").json().forEach(c -> texts.add(c.path("text").asText()));
        assertEquals(List.of("from the page"), texts);
    }

    @Test
    void oversizedBodiesAreRefused() {
        Http member = accounts.as("sec-size", Role.MEMBER);
        Http.Response big = member.post("/api/plans/" + plan + "/comments", comment("x".repeat(100_000)));
        assertEquals(413, big.status(), () -> big.status() + " " + big.text().substring(0, Math.min(200, big.text().length())));
        assertTrue(big.json().path("error").isTextual());
    }

    @Test
    void writesAreLimitedPerAccount() {
        Http hasty = accounts.as("sec-hasty", Role.MEMBER);
        int accepted = 0;
        Http.Response limited = null;
        for (int i = 0; i < 60 && limited == null; i++) {
            Http.Response r = hasty.post("/api/plans/" + plan + "/comments", comment("comment " + i));
            if (r.status() == 201) {
                accepted++;
            } else {
                limited = r;
            }
        }
        assertNotNull(limited, "60 writes in a burst are not all accepted");
        assertEquals(429, limited.status(), limited::toString);
        assertTrue(accepted >= MapServer.Options.WRITE_BURST && accepted <= MapServer.Options.WRITE_BURST + 3,
                "about a burst's worth accepted: " + accepted);
        assertTrue(Long.parseLong(limited.header("Retry-After")) >= 1);
        // another account is not held back, and reading is never limited
        assertEquals(201, accounts.as("sec-patient", Role.MEMBER).post("/api/plans/" + plan + "/comments", comment("calm")).status());
        assertEquals(200, hasty.get("/api/plans/" + plan + "/comments").status());
    }

    @Test
    void wrongPasswordsAreThrottledAndAudited() {
        accounts.ensure("sec-guess", Role.MEMBER);
        Http anon = new Http(base);
        for (int i = 0; i < 5; i++) {
            Http.Response r = anon.post("/api/session", Http.json(Map.of("username", "sec-guess", "password", "guess number " + i)));
            assertEquals(401, r.status(), r::toString);
        }
        Http.Response locked = anon.post("/api/session", Http.json(Map.of("username", "sec-guess", "password", TestAccounts.PASSWORD)));
        assertEquals(429, locked.status(), "even the right password waits out the lock: " + locked);
        assertNotNull(locked.header("Retry-After"));
        Http.Response unknown = anon.post("/api/session", Http.json(Map.of("username", "no-such-user", "password", "whatever it is")));
        assertEquals(401, unknown.status());
        assertEquals(unknown.json().path("error").asText(),
                anon.post("/api/session", Http.json(Map.of("username", "sec-member", "password", "wrong password"))).json()
                        .path("error").asText(), "the answer does not tell which user names exist");
        JsonNode failed = accounts.as("sec-admin", Role.ADMIN).get("/api/audit-log?action=login-failed").json();
        assertTrue(failed.size() >= 6, failed::toString);
        assertEquals("sec-member", failed.get(0).path("target").asText());
        assertEquals("wrong password", failed.get(0).path("detail").asText());
    }

    @Test
    void adminsManageAccountsAndEveryChangeIsAudited() {
        Http admin = accounts.as("sec-admin", Role.ADMIN);
        Http.Response added = admin.post("/api/accounts", Http.json(Map.of("username", "New.Member", "display_name",
                "Cllr New", "role", "member")));
        assertEquals(201, added.status(), added::toString);
        String password = added.json().path("generated_password").asText();
        assertEquals(16, password.length());
        assertEquals("new.member", added.json().path("username").asText(), "user names are stored in lower case");
        assertEquals(400, admin.post("/api/accounts", Http.json(Map.of("username", "new.member", "role", "member"))).status());
        assertEquals(400, admin.post("/api/accounts", Http.json(Map.of("username", "x y", "role", "member"))).status());
        assertEquals(400, admin.post("/api/accounts", Http.json(Map.of("username", "weak", "role", "member", "password", "short")))
                .status());
        assertEquals(400, admin.post("/api/accounts", Http.json(Map.of("username", "odd", "role", "mayor"))).status());

        Http newcomer = new Http(base).signIn("new.member", password);
        assertEquals(201, newcomer.post("/api/plans/" + plan + "/comments", comment("my first comment")).status());
        // promoted to analyst: the next request has the new role (sessions are re-read within seconds; this process at once)
        JsonNode promoted = admin.send("PATCH", "/api/accounts/new.member", "{\"role\":\"analyst\"}").json();
        assertEquals("analyst", promoted.path("role").asText());
        assertEquals(404, newcomer.post("/api/plans/" + plan + "/moves", "{\"blocks\":[\"NOBLOCK\"],\"to\":\"" + area
                + "\",\"preview\":true}").status(), "passes the permission check (then: unknown block)");
        // stale revision refused
        assertEquals(409, admin.send("PATCH", "/api/accounts/new.member", "{\"disabled\":true,\"revision\":0}").status());
        // disabled: its session ends at once, and it cannot sign in
        assertEquals(200, admin.send("PATCH", "/api/accounts/new.member", "{\"disabled\":true}").status());
        assertEquals(401, newcomer.get("/api/plans/" + plan + "/comments").status());
        assertEquals(401, new Http(base).post("/api/session", Http.json(Map.of("username", "new.member", "password", password)))
                .status());
        assertEquals(200, admin.send("PATCH", "/api/accounts/new.member", "{\"disabled\":false}").status());
        // a reset gives a new password; the old one stops working
        String reset = admin.post("/api/accounts/new.member/password", "{}").json().path("generated_password").asText();
        assertEquals(401, new Http(base).post("/api/session", Http.json(Map.of("username", "new.member", "password", password)))
                .status());
        Http again = new Http(base).signIn("new.member", reset);
        // changing one's own password needs the current one, and keeps this session
        assertEquals(400, again.post("/api/session/password", "{\"current\":\"wrong\",\"new\":\"a brand new passphrase\"}").status());
        assertEquals(204, again.post("/api/session/password", Http.json(Map.of("current", reset, "new", "a brand new passphrase")))
                .status());
        assertEquals(200, again.get("/api/plans/" + plan + "/comments").status());
        new Http(base).signIn("new.member", "a brand new passphrase");

        // the last admin can be neither demoted nor disabled
        for (JsonNode a : admin.get("/api/accounts").json()) {
            assertFalse(a.has("password_hash"), a::toString);
        }
        assertEquals(409, admin.send("PATCH", "/api/accounts/sec-admin", "{\"role\":\"member\"}").status());
        assertEquals(409, admin.send("PATCH", "/api/accounts/sec-admin", "{\"disabled\":true}").status());

        List<String> actions = new ArrayList<>();
        admin.get("/api/audit-log?limit=200").json().forEach(e -> {
            if ("new.member".equals(e.path("target").asText())) {
                actions.add(e.path("action").asText());
            }
        });
        for (String expected : List.of("account-added", "login", "role-changed", "account-disabled", "login-failed",
                "account-enabled", "password-reset", "password-changed")) {
            assertTrue(actions.contains(expected), expected + " in " + actions);
        }
        JsonNode roleChange = admin.get("/api/audit-log?action=role-changed").json().get(0);
        assertEquals("sec-admin", roleChange.path("actor").asText());
        assertEquals("member -> analyst", roleChange.path("detail").asText());
    }

    @Test
    void faultsAreAnsweredWithoutInternalDetail() {
        Http member = accounts.as("sec-fault", Role.MEMBER);
        for (Http.Response r : List.of(member.post("/api/plans/" + plan + "/comments", "{\"area\":"),
                member.get("/api/plans/abc/comments"), member.send("PATCH", "/api/comments/abc", "{}"),
                member.post("/api/plans/" + plan + "/comments", "{\"area\":\"" + area + "\",\"text\":\"bad \\u0000 byte\"}"))) {
            assertTrue(r.status() >= 400 && r.status() < 500, r::toString);
            assertTrue(r.json().path("error").isTextual(), r::toString);
            assertFalse(r.text().contains("Exception") || r.text().contains("\tat ") || r.text().contains("SQL"), r::toString);
        }
    }
}
