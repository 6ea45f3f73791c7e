package org.sdaplanner.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdaplanner.core.access.Role;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every route of the map server with every kind of visitor: anonymous with public read-only
 * access on, anonymous with it off, member, health partner, analyst and admin. For each, the answer
 * must be a refusal (401 for anonymous, 403 for a signed-in role without the right) or not a
 * refusal, as the table below says. The table is written out here, independently of the server's
 * AccessPolicy, and must name every route the server registers.
 *
 * <p>Where an allowed call would destroy something (delete a plan, disable an account), the request
 * names something that does not exist: a 404 shows the request passed the permission check.
 */
class AuthorisationMatrixTest {
    @TempDir
    static Path dir;
    static TestServer test;
    static MapServer open;
    static MapServer closed;
    static TestAccounts accounts;
    static long plan;
    static String area;
    static String block;
    static String pcn;
    static String indicator;

    /** Who may call a route, by level. */
    enum Level { OPEN, VIEW, SIGNED_IN, MODERATE, EDIT, ADMIN }

    enum Who { ANONYMOUS, ANONYMOUS_NO_PUBLIC, MEMBER, HEALTH_PARTNER, ANALYST, ADMIN }

    static boolean allowed(Level level, Who who) {
        return switch (level) {
            case OPEN -> true;
            case VIEW -> who != Who.ANONYMOUS_NO_PUBLIC;
            case SIGNED_IN -> who != Who.ANONYMOUS && who != Who.ANONYMOUS_NO_PUBLIC;
            case MODERATE, EDIT -> who == Who.ANALYST || who == Who.ADMIN;
            case ADMIN -> who == Who.ADMIN;
        };
    }

    record Call(Level level, String method, String path, String body) {
    }

    @BeforeAll
    static void start() {
        test = TestServer.start(dir, TestData.GENEROUS);
        open = test.server;
        closed = MapServer.start(test.service, TestData.GENEROUS.withPublicRead(false), "127.0.0.1", 0);
        accounts = test.accounts;
        Http analyst = accounts.as("matrix-analyst", Role.ANALYST);
        plan = analyst.get("/api/plans").json().get(0).path("id").asLong();
        JsonNode p = analyst.get("/api/plans/" + plan).json();
        area = p.path("areas").get(0).path("area_id").asText();
        block = p.path("blocks").fieldNames().next();
        pcn = analyst.get("/api/region").json().path("pcns").get(0).path("code").asText();
        indicator = analyst.get("/api/indicators").json().get(0).path("id").asText();
        accounts.ensure("matrix-login", Role.MEMBER);
    }

    @AfterAll
    static void stop() {
        if (closed != null) {
            closed.close();
        }
        if (test != null) {
            test.close();
        }
    }

    private static final AtomicInteger UNIQUE = new AtomicInteger();

    /** One call per route: route key ("METHOD /path/{param}") → the call made. */
    static Map<String, Call> calls() {
        String pl = "/api/plans/" + plan;
        Map<String, Call> m = new LinkedHashMap<>();
        put(m, "GET /vendor/leaflet/<file>", Level.OPEN, "GET", "/vendor/leaflet/leaflet.js", null);
        put(m, "GET /api/health", Level.OPEN, "GET", "/api/health", null);
        put(m, "GET /api/openapi.json", Level.OPEN, "GET", "/api/openapi.json", null);
        put(m, "GET /api/session", Level.OPEN, "GET", "/api/session", null);
        put(m, "POST /api/session", Level.OPEN, "POST", "/api/session",
                Http.json(Map.of("username", "matrix-login", "password", TestAccounts.PASSWORD)));
        put(m, "DELETE /api/session", Level.OPEN, "DELETE", "/api/session", null);
        put(m, "POST /api/session/password", Level.SIGNED_IN, "POST", "/api/session/password",
                "{\"current\":\"not the password\",\"new\":\"another long password\"}");
        put(m, "GET /api/accounts", Level.ADMIN, "GET", "/api/accounts", null);
        put(m, "POST /api/accounts", Level.ADMIN, "POST", "/api/accounts", null); // body made per call (unique name)
        put(m, "PATCH /api/accounts/{username}", Level.ADMIN, "PATCH", "/api/accounts/nobody-here", "{\"disabled\":true}");
        put(m, "POST /api/accounts/{username}/password", Level.ADMIN, "POST", "/api/accounts/nobody-here/password", "{}");
        put(m, "GET /api/audit-log", Level.ADMIN, "GET", "/api/audit-log?limit=5", null);
        put(m, "GET /api/region", Level.VIEW, "GET", "/api/region", null);
        put(m, "GET /api/layers/{layer}", Level.VIEW, "GET", "/api/layers/districts", null);
        put(m, "GET /api/search", Level.VIEW, "GET", "/api/search?q=ely", null);
        put(m, "GET /api/site", Level.VIEW, "GET", "/api/site", null);
        put(m, "GET /api/basemap/{z}/{x}/{y}", Level.VIEW, "GET", "/api/basemap/9/253/166", null);
        put(m, "GET /api/plans", Level.VIEW, "GET", "/api/plans", null);
        put(m, "GET /api/plans/{id}", Level.VIEW, "GET", pl, null);
        put(m, "GET /api/plans/{id}/areas", Level.VIEW, "GET", pl + "/areas?zoom=8", null);
        put(m, "GET /api/plans/{id}/metrics", Level.VIEW, "GET", pl + "/metrics", null);
        put(m, "GET /api/plans/{id}/pcn-alignment", Level.VIEW, "GET", pl + "/pcn-alignment", null);
        put(m, "GET /api/plans/{id}/pcns/{code}", Level.VIEW, "GET", pl + "/pcns/" + pcn, null);
        put(m, "GET /api/plans/{id}/blocks/{code}/why", Level.VIEW, "GET", pl + "/blocks/" + block + "/why", null);
        put(m, "GET /api/plans/{id}/versions", Level.VIEW, "GET", pl + "/versions", null);
        put(m, "GET /api/plans/{id}/compare", Level.VIEW, "GET", pl + "/compare?a=current&b=current", null);
        put(m, "GET /api/plans/{id}/download", Level.VIEW, "GET", pl + "/download?format=lsoas-csv", null);
        put(m, "POST /api/plans", Level.EDIT, "POST", "/api/plans", "{\"areas\":10}");
        put(m, "GET /api/tradeoff", Level.EDIT, "GET", "/api/tradeoff?areas=0", null); // 400 before any work
        put(m, "PATCH /api/plans/{id}", Level.EDIT, "PATCH", pl, "{\"name\":\"" + PlannerService.DEFAULT_PLAN_NAME + "\"}");
        put(m, "DELETE /api/plans/{id}", Level.EDIT, "DELETE", "/api/plans/999999", null);
        put(m, "POST /api/plans/{id}/copy", Level.EDIT, "POST", "/api/plans/999999/copy", "{}");
        put(m, "PATCH /api/plans/{id}/areas/{areaId}", Level.EDIT, "PATCH", pl + "/areas/" + area, "{\"name\":\"Renamed by the matrix\"}");
        put(m, "POST /api/plans/{id}/moves", Level.EDIT, "POST", pl + "/moves",
                "{\"blocks\":[\"" + block + "\"],\"to\":\"" + area + "\",\"preview\":true}");
        put(m, "POST /api/plans/{id}/locks", Level.EDIT, "POST", pl + "/locks", "{\"blocks\":[\"NOBLOCK\"],\"locked\":true}");
        put(m, "POST /api/plans/{id}/undo", Level.EDIT, "POST", "/api/plans/999999/undo", "{}");
        put(m, "POST /api/plans/{id}/redo", Level.EDIT, "POST", "/api/plans/999999/redo", "{}");
        put(m, "POST /api/plans/{id}/versions", Level.EDIT, "POST", "/api/plans/999999/versions", "{}");
        put(m, "GET /api/plans/{id}/audit", Level.EDIT, "GET", pl + "/audit", null);
        put(m, "GET /api/plans/{id}/edit-state", Level.EDIT, "GET", pl + "/edit-state", null);
        put(m, "GET /api/plans/{id}/versions/{version}", Level.VIEW, "GET", pl + "/versions/99", null);
        put(m, "GET /api/plans/{id}/versions/{version}/areas", Level.VIEW, "GET", pl + "/versions/99/areas?zoom=8", null);
        put(m, "PATCH /api/plans/{id}/versions/{version}", Level.EDIT, "PATCH", pl + "/versions/99", "{\"label\":\"x\"}");
        put(m, "POST /api/plans/{id}/versions/{version}/restore", Level.EDIT, "POST", pl + "/versions/99/restore", "{}");
        put(m, "GET /api/releases", Level.VIEW, "GET", "/api/releases", null);
        put(m, "GET /api/releases/compare", Level.VIEW, "GET", "/api/releases/compare", null);
        put(m, "POST /api/plans/{id}/refit", Level.EDIT, "POST", "/api/plans/999999/refit", "{\"to\":\"nope\"}");
        put(m, "POST /api/plans/import", Level.EDIT, "POST", "/api/plans/import",
                "{\"file_name\":\"a.csv\",\"content\":\"YmxvY2tfY29kZSxhcmVhX2lkCg==\",\"check\":true}");
        put(m, "GET /report.html", Level.VIEW, "GET", "/report.html?plan=999999", null);
        put(m, "GET /api/indicators", Level.VIEW, "GET", "/api/indicators", null);
        put(m, "GET /api/plans/{id}/profiles", Level.VIEW, "GET", pl + "/profiles", null);
        put(m, "GET /api/plans/{id}/areas/{areaId}/profile", Level.VIEW, "GET", pl + "/areas/" + area + "/profile", null);
        put(m, "GET /api/plans/{id}/indicators/{indicatorId}", Level.VIEW, "GET", pl + "/indicators/" + indicator, null);
        put(m, "GET /api/plans/{id}/comments", Level.SIGNED_IN, "GET", pl + "/comments", null);
        put(m, "POST /api/plans/{id}/comments", Level.SIGNED_IN, "POST", pl + "/comments",
                Http.json(Map.of("area", area, "text", "a comment from the authorisation test")));
        put(m, "PATCH /api/comments/{cid}", Level.SIGNED_IN, "PATCH", "/api/comments/999999", "{\"text\":\"x\"}");
        put(m, "POST /api/comments/{cid}/withdraw", Level.SIGNED_IN, "POST", "/api/comments/999999/withdraw", "{}");
        put(m, "POST /api/comments/{cid}/hide", Level.MODERATE, "POST", "/api/comments/999999/hide", "{\"reason\":\"test\"}");
        put(m, "POST /api/comments/{cid}/restore", Level.MODERATE, "POST", "/api/comments/999999/restore", "{\"reason\":\"test\"}");
        return m;
    }

    private static void put(Map<String, Call> m, String route, Level level, String method, String path, String body) {
        m.put(route, new Call(level, method, path, body));
    }

    @Test
    void theTableNamesEveryRouteTheServerHas() {
        Set<String> served = new TreeSet<>();
        open.routeTable().forEach(r -> served.add(r.method() + " " + r.path()));
        assertEquals(served, new TreeSet<>(calls().keySet()), "every route is walked by this test, and only real routes");
    }

    @Test
    void everyRouteWithEveryVisitor() {
        Map<String, Call> calls = calls();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Who who : Who.values()) {
            for (Map.Entry<String, Call> e : calls.entrySet()) {
                Call c = e.getValue();
                Http client = client(who, e.getKey());
                String body = c.body();
                if (e.getKey().equals("POST /api/accounts")) {
                    body = Http.json(Map.of("username", "made-" + UNIQUE.incrementAndGet(), "role", "member"));
                }
                Http.Response r = client.send(c.method(), c.path(), body);
                boolean expected = allowed(c.level(), who);
                boolean refused = r.status() == 401 || r.status() == 403;
                int refusal = who == Who.ANONYMOUS || who == Who.ANONYMOUS_NO_PUBLIC ? 401 : 403;
                if (expected && (refused || r.status() >= 500)) {
                    wrong.add(who + " " + e.getKey() + ": expected allowed, got " + r);
                } else if (!expected && r.status() != refusal) {
                    wrong.add(who + " " + e.getKey() + ": expected " + refusal + ", got " + r);
                }
                checked++;
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + checked + " answers wrong:\n" + String.join("\n", wrong));
        assertEquals(Who.values().length * calls.size(), checked);
    }

    @Test
    void refusalsAreJsonWithoutInternalDetail() {
        Http anonymous = new Http("http://127.0.0.1:" + closed.port());
        Http.Response r = anonymous.get("/api/region");
        assertEquals(401, r.status());
        assertTrue(r.json().path("error").asText().contains("sign in"), r::toString);
        Http.Response member = accounts.as("matrix-member", Role.MEMBER).post("/api/plans/" + plan + "/undo", "{}");
        assertEquals(403, member.status());
        assertTrue(member.json().path("error").asText().contains("member"), member::toString);
        assertTrue(!member.text().contains("Exception") && !member.text().contains("\tat "), member::toString);
    }

    /** The client for a visitor; signing out gets a session of its own, so the others stay signed in. */
    private static Http client(Who who, String route) {
        Http base = switch (who) {
            case ANONYMOUS -> new Http("http://127.0.0.1:" + open.port());
            case ANONYMOUS_NO_PUBLIC -> new Http("http://127.0.0.1:" + closed.port());
            case MEMBER -> accounts.as("matrix-member", Role.MEMBER);
            case HEALTH_PARTNER -> accounts.as("matrix-health", Role.HEALTH_PARTNER);
            case ANALYST -> accounts.as("matrix-analyst", Role.ANALYST);
            case ADMIN -> accounts.as("matrix-admin", Role.ADMIN);
        };
        if (route.equals("DELETE /api/session") && who.ordinal() >= Who.MEMBER.ordinal()) {
            return new Http(base.base()).signIn(switch (who) {
                case MEMBER -> "matrix-member";
                case HEALTH_PARTNER -> "matrix-health";
                case ANALYST -> "matrix-analyst";
                default -> "matrix-admin";
            }, TestAccounts.PASSWORD);
        }
        return base;
    }
}
