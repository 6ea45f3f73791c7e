package org.sdaplanner.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdaplanner.core.access.AccessPolicy;
import org.sdaplanner.core.access.Role;
import org.sdaplanner.web.http.GuardedRoutes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route of the server's route table (so a new route is probed as soon as it is registered), as
 * every kind of visitor its permission lets in, with values that do not fit: each text input (body,
 * query and path) one character over the limit openapi.json documents and with control characters,
 * and each input of the wrong type (a number or an array for a string, text for a number, huge numbers,
 * NaN, objects, null where a value is needed). The inputs of a route are read from its operation in
 * openapi.json; a valid request is built around the one bad value, so that the bad value is the only
 * thing wrong with it.
 *
 * <p>Every answer must be below 500, and a refusal: 400 (or 422) naming the field in {@code field}, with
 * {@code max_length} the documented limit for text that is too long; for a value in the path, 404
 * (nothing has that id) also counts. A bad value that is accepted is a failure: the server did work on
 * input it should have refused first.
 */
class ApiInputProbeTest {
    @TempDir
    static Path dir;
    static TestServer test;
    static final OpenApiDocument DOC = OpenApiDocument.load();
    /** Path and query values of a valid request, by parameter name. */
    static final Map<String, String> VALUES = new LinkedHashMap<>();
    static String block;
    static String area;

    /** The kinds of visitor, and the role each has (anonymous: none). */
    enum Who {
        ANONYMOUS(null), MEMBER(Role.MEMBER), HEALTH_PARTNER(Role.HEALTH_PARTNER), ANALYST(Role.ANALYST), ADMIN(Role.ADMIN);

        final Role role;

        Who(Role role) {
            this.role = role;
        }
    }

    /** Where an input goes. */
    enum In { PATH, QUERY, BODY }

    record Input(In in, String name, JsonNode schema, boolean required) {
    }

    /** A bad value: for the body, JSON text; for the path and query, the raw text. */
    record Probe(String what, String value, boolean tooLong) {
    }

    @BeforeAll
    static void start() {
        test = TestServer.start(dir, TestData.GENEROUS);
        Http analyst = test.accounts.as("probe-analyst", Role.ANALYST);
        long plan = analyst.get("/api/plans").json().get(0).path("id").asLong();
        JsonNode p = analyst.get("/api/plans/" + plan).json();
        area = p.path("areas").get(0).path("area_id").asText();
        block = p.path("blocks").fieldNames().next();
        Http.Response posted = analyst.post("/api/plans/" + plan + "/comments",
                Http.json(Map.of("area", area, "text", "the probe's comment")));
        assertEquals(201, posted.status(), posted::toString);
        JsonNode c = posted.json();
        Http.Response saved = analyst.post("/api/plans/" + plan + "/versions", Http.json(Map.of("label", "the probe's version")));
        assertEquals(201, saved.status(), saved::toString);
        test.accounts.ensure("probe-target", Role.MEMBER);
        VALUES.put("id", Long.toString(plan));
        VALUES.put("cid", c.path("id").asText());
        VALUES.put("version", "1");
        VALUES.put("areaId", area);
        VALUES.put("layer", "districts");
        VALUES.put("indicatorId", analyst.get("/api/indicators").json().get(0).path("id").asText());
        VALUES.put("pcn", analyst.get("/api/region").json().path("pcns").get(0).path("code").asText());
        VALUES.put("username", "probe-target");
        VALUES.put("z", "9");
        VALUES.put("x", "253");
        VALUES.put("y", "166");
        VALUES.put("file", "leaflet.js");
        VALUES.put("q", "ely");
        VALUES.put("a", "current");
        VALUES.put("b", "current");
        VALUES.put("format", "lsoas-csv");
        VALUES.put("plan", Long.toString(plan));
    }

    @AfterAll
    static void stop() {
        if (test != null) {
            test.close();
        }
    }

    @Test
    void everyRouteRefusesBadValuesNamingTheField() {
        AccessPolicy policy = new AccessPolicy(true);
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        int sent = 0;
        List<GuardedRoutes.Route> routes = test.server.routeTable();
        assertTrue(routes.size() > 40, "the route table: " + routes);
        for (GuardedRoutes.Route route : routes) {
            List<Input> inputs = inputs(route);
            for (Who who : Who.values()) {
                if (route.permission() != null && !policy.allows(Optional.ofNullable(who.role), route.permission())) {
                    continue; // refused before any input is read: AuthorisationMatrixTest
                }
                if (route.method().equals("DELETE") && route.path().equals("/api/session") && who != Who.ANONYMOUS) {
                    continue; // it has no inputs, and would sign the shared client out
                }
                Http client = client(who);
                if (inputs.isEmpty()) {
                    // nothing to get wrong but the query: an unknown parameter with control characters is ignored
                    Http.Response r = client.send(route.method(), fill(route.path(), Map.of()) + "?junk=" + enc("\u0000\u001b[2J"),
                            route.method().equals("GET") ? null : "{}");
                    sent++;
                    if (r.status() >= 500) {
                        wrong.add(who + " " + route.method() + " " + route.path() + " with a junk parameter: " + r);
                    }
                    continue;
                }
                for (Input input : inputs) {
                    for (Probe probe : probes(input)) {
                        Http.Response r = send(client, route, inputs, input, probe);
                        sent++;
                        statuses.merge(Integer.toString(r.status()), 1, Integer::sum);
                        String problem = problem(r, input, probe);
                        if (problem != null) {
                            wrong.add(who + " " + route.method() + " " + route.path() + " " + input.in().name().toLowerCase()
                                    + " '" + input.name() + "' " + probe.what() + ": " + problem);
                        }
                    }
                }
            }
        }
        System.out.printf("ApiInputProbeTest: %d routes, %d bad requests, answers by status %s%n", routes.size(), sent, statuses);
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + sent + " answers wrong:\n" + String.join("\n", wrong));
        assertTrue(sent > 1_000, "probed: " + sent);
    }

    /**
     * The other side of the documented limits: text of exactly {@code maxLength} characters is not refused
     * for its length (the server is not stricter than openapi.json says). Sent once per input, by the most
     * able visitor the route lets in. Not for {@code POST /api/plans} (it would build a plan for each field)
     * and {@code POST /api/session} (each try is a wrong password, counted against this address).
     */
    @Test
    void textOfExactlyTheDocumentedLimitIsNotRefusedForItsLength() {
        AccessPolicy policy = new AccessPolicy(true);
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (GuardedRoutes.Route route : test.server.routeTable()) {
            String key = route.method() + " " + route.path();
            if (key.equals("POST /api/plans") || key.equals("POST /api/session")) {
                continue;
            }
            Who who = null;
            for (Who w : Who.values()) {
                if (route.permission() == null || policy.allows(Optional.ofNullable(w.role), route.permission())) {
                    who = w; // the last allowed: the most able
                }
            }
            if (who == null) {
                continue;
            }
            List<Input> inputs = inputs(route);
            for (Input input : inputs) {
                JsonNode s = input.schema().path("type").asText().equals("array") ? input.schema().path("items") : input.schema();
                if (!s.has("maxLength") || s.path("maxLength").asInt() >= GuardedRoutes.MAX_REQUEST_BYTES / 2) {
                    continue;
                }
                String atLimit = "a".repeat(s.path("maxLength").asInt());
                String value = input.in() != In.BODY ? atLimit
                        : input.schema().path("type").asText().equals("array") ? Http.json(List.of(atLimit)) : Http.json(atLimit);
                Http.Response r = send(client(who), route, inputs, input, new Probe("at the limit", value, false));
                sent++;
                if (r.status() >= 500) {
                    wrong.add(key + " '" + input.name() + "' at its limit: a fault: " + shortly(r));
                } else if ((r.status() == 400 || r.status() == 422) && input.name().equals(r.json().path("field").asText(null))
                        && r.json().has("max_length")) { // refused for its length (not for what it says: "aaa" is no version)
                    wrong.add(key + " '" + input.name() + "' of " + atLimit.length() + " characters is refused: " + shortly(r));
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + sent + " answers wrong:\n" + String.join("\n", wrong));
        assertTrue(sent > 30, "sent at the limit: " + sent);
    }

    /** Why the answer to a bad value is wrong, or null when it is a proper refusal. */
    private static String problem(Http.Response r, Input input, Probe probe) {
        int s = r.status();
        if (s >= 500) {
            return "a fault: " + r;
        }
        if (s == 404 && input.in() == In.PATH) {
            return null;
        }
        if (s == 400 && input.in() == In.PATH && probe.value().contains("\u0000") && r.json().has("error")) {
            return null; // the HTTP server refuses a NUL in the address before any route is matched, so no field is known
        }
        if (s != 400 && s != 422) {
            return "not refused: " + shortly(r);
        }
        JsonNode e;
        try {
            e = r.json();
        } catch (AssertionError notJson) {
            return "a refusal that is not JSON: " + shortly(r);
        }
        if (!input.name().equals(e.path("field").asText(null))) {
            return "the refusal does not name the field: " + shortly(r);
        }
        if (probe.tooLong() && e.path("max_length").asInt(-1) != input.schema().path("maxLength").asInt(-2)
                && input.schema().has("maxLength")) {
            return "max_length is not the documented " + input.schema().path("maxLength") + ": " + shortly(r);
        }
        return null;
    }

    private static String shortly(Http.Response r) {
        String t = r.toString();
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
    }

    // ---- the inputs of a route, from openapi.json -----------------------------------------------

    private static List<Input> inputs(GuardedRoutes.Route route) {
        List<Input> out = new ArrayList<>();
        if (route.path().equals("/vendor/leaflet/<file>")) {
            out.add(new Input(In.PATH, "file", DOC.deref(Http.JSON.createObjectNode().put("type", "string")), true));
            return out;
        }
        if (route.path().equals("/report.html")) {
            out.add(new Input(In.QUERY, "plan", Http.JSON.createObjectNode().put("type", "integer"), true));
            return out;
        }
        JsonNode op = DOC.operation(route.method(), route.path());
        assertTrue(!op.isMissingNode(), route + " is not in openapi.json");
        for (JsonNode p : op.path("parameters")) {
            JsonNode param = DOC.deref(p);
            String in = param.path("in").asText();
            if (in.equals("path") || in.equals("query")) {
                out.add(new Input(in.equals("path") ? In.PATH : In.QUERY, param.path("name").asText(), DOC.deref(param.path("schema")),
                        param.path("required").asBoolean(in.equals("path"))));
            }
        }
        JsonNode body = op.path("requestBody").path("content").path("application/json").path("schema");
        if (!body.isMissingNode()) {
            ObjectNode schema = DOC.resolve(body);
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(x -> required.add(x.asText()));
            schema.path("properties").fields().forEachRemaining(e ->
                    out.add(new Input(In.BODY, e.getKey(), DOC.deref(e.getValue()), required.contains(e.getKey()))));
        }
        return out;
    }

    // ---- the bad values ----------------------------------------------------------------------

    private static List<Probe> probes(Input input) {
        String type = input.schema().path("type").asText("string");
        List<Probe> out = new ArrayList<>();
        boolean body = input.in() == In.BODY;
        switch (type) {
            case "string" -> {
                int max = input.schema().path("maxLength").asInt(1_000);
                if (max < GuardedRoutes.MAX_REQUEST_BYTES / 2) { // an upload's file is bounded by the body's size (413)
                    String over = "a".repeat(max + 1);
                    out.add(new Probe("one character too long (" + (max + 1) + ")", body ? Http.json(over) : over, true));
                }
                for (String control : List.of("ab\u0007c", "\u001b[31mred", "a\u0000b", "x\u202eevil")) {
                    out.add(new Probe("with " + visible(control), body ? Http.json(control) : control, false));
                }
                if (body) {
                    out.addAll(wrongTypes("12345", "[\"x\"]", "{\"a\":1}", "true", "NaN", "1e400"));
                }
            }
            case "integer" -> {
                if (body) {
                    out.addAll(wrongTypes("\"12\"", "1.5", "1e400", "123456789012345678901234567890", "NaN", "-Infinity", "[1]",
                            "{}", "true"));
                } else {
                    for (String v : List.of("abc", "1e400", "123456789012345678901234567890", "NaN", "1".repeat(400), "1\u0007")) {
                        out.add(new Probe("'" + visible(v.length() > 30 ? v.substring(0, 30) + "…" : v) + "'", v, false));
                    }
                }
            }
            case "number" -> {
                out.addAll(wrongTypes("\"1\"", "NaN", "Infinity", "1e400", "-1e400", "[1]", "{}", "true"));
                if (input.schema().has("maximum")) {
                    out.add(new Probe("above its maximum", Double.toString(input.schema().path("maximum").asDouble() * 10 + 1), false));
                }
            }
            case "boolean" -> out.addAll(wrongTypes("\"true\"", "1", "[true]", "{}", "NaN"));
            case "array" -> {
                int max = input.schema().path("items").path("maxLength").asInt(100);
                out.addAll(wrongTypes("\"" + block + "\"", "5", "{}", "[]", "[5]", "[null]", "[[\"x\"]]",
                        Http.json(List.of("a".repeat(max + 1))), Http.json(List.of("ab\u0007c"))));
            }
            default -> throw new AssertionError("no probes for type " + type + " of " + input);
        }
        if (body && input.required()) {
            out.add(new Probe("null", "null", false));
        }
        return out;
    }

    private static List<Probe> wrongTypes(String... json) {
        List<Probe> out = new ArrayList<>();
        for (String j : json) {
            out.add(new Probe(visible(j.length() > 30 ? j.substring(0, 30) + "…" : j), j, false));
        }
        return out;
    }

    // ---- the request around the bad value ------------------------------------------------------

    private static Http.Response send(Http client, GuardedRoutes.Route route, List<Input> inputs, Input bad, Probe probe) {
        Map<String, String> path = new LinkedHashMap<>();
        StringBuilder query = new StringBuilder();
        ObjectNode body = Http.JSON.createObjectNode();
        boolean hasBody = false;
        for (Input i : inputs) {
            boolean isBad = i == bad;
            switch (i.in()) {
                case PATH -> path.put(i.name(), isBad ? probe.value() : pathValue(route, i.name()));
                case QUERY -> {
                    String v = isBad ? probe.value() : i.required() ? VALUES.get(i.name()) : null;
                    if (v != null) {
                        query.append(query.isEmpty() ? "?" : "&").append(i.name()).append('=').append(enc(v));
                    }
                }
                case BODY -> {
                    hasBody = true;
                    if (!isBad && i.required()) {
                        body.set(i.name(), validValue(i));
                    }
                }
            }
        }
        String text = null;
        if (hasBody) {
            text = body.toString();
            if (bad.in() == In.BODY) {
                String rest = body.isEmpty() ? "" : "," + text.substring(1, text.length() - 1);
                text = "{" + Http.json(bad.name()) + ":" + probe.value() + rest + "}";
            }
        } else if (!route.method().equals("GET")) {
            text = "{}";
        }
        return client.send(route.method(), fill(route.path(), path) + query, text);
    }

    private static String pathValue(GuardedRoutes.Route route, String name) {
        if (name.equals("code")) {
            return route.path().contains("/pcns/") ? VALUES.get("pcn") : block;
        }
        String v = VALUES.get(name);
        assertTrue(v != null, "no valid value for path parameter '" + name + "' of " + route + ": add one to VALUES");
        return v;
    }

    /** A valid value for a required body field, so that only the bad one is wrong. */
    private static JsonNode validValue(Input i) {
        JsonNode s = i.schema();
        if (s.has("enum")) {
            return s.path("enum").get(0);
        }
        return switch (i.name()) {
            case "blocks" -> Http.JSON.createArrayNode().add(block);
            case "to", "area" -> Http.JSON.getNodeFactory().textNode(area);
            case "username" -> Http.JSON.getNodeFactory().textNode("probe-new-user");
            case "file_name" -> Http.JSON.getNodeFactory().textNode("plan.csv");
            case "content" -> Http.JSON.getNodeFactory().textNode(Base64.getEncoder().encodeToString("block_code,area_id\n".getBytes(StandardCharsets.UTF_8)));
            case "password", "current", "new" -> Http.JSON.getNodeFactory().textNode("a probe's password, long enough");
            default -> switch (s.path("type").asText("string")) {
                case "boolean" -> Http.JSON.getNodeFactory().booleanNode(true);
                case "integer", "number" -> Http.JSON.getNodeFactory().numberNode(1);
                default -> Http.JSON.getNodeFactory().textNode("probe");
            };
        };
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher m = Pattern.compile("\\{([^}]+)}|<([^>]+)>").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(enc(values.getOrDefault(name, VALUES.getOrDefault(name, "x")))
                    .replace("+", "%20")));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String visible(String s) {
        return org.sdaplanner.core.text.TextRule.visible(s);
    }

    private static Http client(Who who) {
        return switch (who) {
            case ANONYMOUS -> new Http(test.base());
            case MEMBER -> test.accounts.as("probe-member", Role.MEMBER);
            case HEALTH_PARTNER -> test.accounts.as("probe-health", Role.HEALTH_PARTNER);
            case ANALYST -> test.accounts.as("probe-analyst", Role.ANALYST);
            case ADMIN -> test.accounts.as("probe-admin", Role.ADMIN);
        };
    }

    @Test
    void onlyJsonIsAcceptedAsJson() {
        Http analyst = test.accounts.as("probe-analyst", Role.ANALYST);
        String path = "/api/plans/" + VALUES.get("id") + "/versions";
        for (String type : List.of("application/jsonp", "application/json-seq", "application/json; charset=latin1",
                "application/json;foo=bar", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
                "application/json, text/plain", "xapplication/json", "application/json; charset=\"utf-8\"")) {
            Http.Response r = analyst.post(path, "{\"label\":\"sent as " + type + "\"}", "Content-Type", type);
            assertEquals(415, r.status(), type + ": " + r);
        }
        for (String type : List.of("application/json", "Application/JSON", "application/json; charset=utf-8",
                "application/json;charset=UTF-8")) {
            Http.Response r = analyst.post(path, "{\"label\":\"sent as " + type.replace("\"", "") + "\"}", "Content-Type", type);
            assertEquals(201, r.status(), type + ": " + r);
        }
    }

    @Test
    void originIsMatchedOnSchemeHostAndPort() {
        Http analyst = test.accounts.as("probe-analyst", Role.ANALYST);
        String path = "/api/plans/" + VALUES.get("id") + "/undo";
        int port = test.server.port();
        for (String origin : List.of("https://127.0.0.1:" + port, "http://127.0.0.1:" + (port + 1), "http://127.0.0.1",
                "http://localhost:" + port, "http://127.0.0.1:" + port + ".evil.example", "null", "file://",
                "http://evil.example", "ftp://127.0.0.1:" + port)) {
            Http.Response r = analyst.post(path, "{}", "Origin", origin);
            assertEquals(403, r.status(), origin + ": " + r);
            assertTrue(r.json().path("error").asText().contains("another site"), r::toString);
        }
        // the same origin passes the check (and undo then answers for itself: nothing to undo, or undone)
        Http.Response same = analyst.post(path, "{}", "Origin", "http://127.0.0.1:" + port);
        assertTrue(same.status() != 403 && same.status() < 500, same::toString);
        Http.Response upper = analyst.post(path, "{}", "Origin", "HTTP://127.0.0.1:" + port);
        assertTrue(upper.status() != 403 && upper.status() < 500, upper::toString);
    }

    @Test
    void behindAProxyThePublicOriginIsAccepted() {
        try (MapServer proxied = MapServer.start(test.service, TestData.GENEROUS.withPublicOrigin("https://sda.example.org"),
                "127.0.0.1", 0)) {
            Http analyst = new Http("http://127.0.0.1:" + proxied.port()).signIn("probe-analyst", TestAccounts.PASSWORD);
            String path = "/api/plans/" + VALUES.get("id") + "/undo";
            Http.Response proxiedPage = analyst.post(path, "{}", "Origin", "https://sda.example.org");
            assertTrue(proxiedPage.status() != 403 && proxiedPage.status() < 500, proxiedPage::toString);
            Http.Response defaultPort = analyst.post(path, "{}", "Origin", "https://sda.example.org:443");
            assertTrue(defaultPort.status() != 403 && defaultPort.status() < 500, defaultPort::toString);
            for (String origin : List.of("http://sda.example.org", "https://sda.example.org:8443", "https://evil.example.org")) {
                assertEquals(403, analyst.post(path, "{}", "Origin", origin).status(), origin);
            }
            // X-Forwarded-Proto is not trusted: it cannot turn the direct http origin into https
            assertEquals(403, analyst.post(path, "{}", "Origin", "https://127.0.0.1:" + proxied.port(),
                    "X-Forwarded-Proto", "https").status());
            // and the session cookie is Secure, the public origin being https
            Http.Response signIn = new Http("http://127.0.0.1:" + proxied.port()).post("/api/session",
                    Http.json(Map.of("username", "probe-analyst", "password", TestAccounts.PASSWORD)));
            assertTrue(signIn.header("Set-Cookie").contains("; Secure"), signIn.header("Set-Cookie"));
        }
    }

    @Test
    void theProbesCoverEveryRouteTheServerHas() {
        int withInputs = 0;
        for (GuardedRoutes.Route r : test.server.routeTable()) {
            if (!inputs(r).isEmpty()) {
                withInputs++;
            }
        }
        assertTrue(withInputs > 35, "routes with inputs to probe: " + withInputs);
        assertEquals(test.server.routeTable().size(), test.server.routeTable().stream().distinct().count());
    }
}
