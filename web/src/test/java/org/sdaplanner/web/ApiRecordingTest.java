package org.sdaplanner.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdaplanner.core.access.Role;
import org.sdaplanner.web.http.GuardedRoutes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The API's answers, byte for byte, as recorded: a fixed script of requests over the real C&P data
 * that calls every route as every kind of visitor (anonymous with public read-only access on and off,
 * member, health partner, analyst, admin), reads, writes (plans, moves, locks, undo and redo,
 * versions, comments and their moderation, accounts, sessions) and the usual mistakes, then compares
 * each answer's status, contract headers and body with the recording.
 *
 * <p>Only what is genuinely variable is normalised before comparing: timestamps, session tokens
 * and CSRF tokens, generated passwords and fault references. Everything else must be identical:
 * any byte that changes fails the test, naming the request. The data must not be committed, so the
 * recording holds each body's SHA-256 digest and length, never its content (headers are kept as
 * text: they hold names chosen here). On a mismatch the answers received are written to
 * {@code target/api-recording/} to look at.
 *
 * <p>When a change of answers is intended (a new rule, a new optimiser, a new field), re-record and
 * commit the new recording with the change that explains it:
 * <pre>mvn -B -q -pl web -am test -Dtest=ApiRecordingTest -Dsurefire.failIfNoSpecifiedTests=false -Dsda.record=true</pre>
 */
class ApiRecordingTest {
    static final Path RECORDING = Path.of("src/test/resources/org/sdaplanner/web/api-recording-cambridgeshire.txt");
    static final Path ACTUAL = Path.of("target/api-recording");
    /** Headers that belong to the contract; the rest (Date, Content-Length, …) do not. */
    static final List<String> HEADERS = List.of("Content-Type", "Content-Encoding", "Content-Disposition", "Location", "ETag",
            "Cache-Control", "Vary", "Retry-After", "Set-Cookie");
    static final List<String> SECURITY_HEADERS = List.of("X-Content-Type-Options", "Content-Security-Policy", "Referrer-Policy",
            "X-Frame-Options");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    private static final Pattern CSRF = Pattern.compile("\"csrf_token\":\"[^\"]*\"");
    private static final Pattern PASSWORD = Pattern.compile("\"generated_password\":\"[^\"]*\"");
    private static final Pattern FAULT_REF = Pattern.compile("\\(ref [0-9a-f]{8}\\)");
    private static final Pattern COOKIE = Pattern.compile(GuardedRoutes.SESSION_COOKIE + "=[^;]+");
    /** A date in words ("2 December 2026"), as the committee report writes the day the plan last changed. */
    private static final Pattern DAY = Pattern.compile("\\b\\d{1,2} (January|February|March|April|May|June|July|August|September|October"
            + "|November|December) \\d{4}\\b");

    @TempDir
    static Path dir;

    /** The kinds of visitor, in the order each request is tried. */
    enum Who { ANONYMOUS, ANONYMOUS_NO_PUBLIC, MEMBER, HEALTH_PARTNER, ANALYST, ADMIN }

    /** One answer as recorded: the request's label, the status, the body's digest and length, the headers. */
    record Answer(String label, int status, String digest, int length, String headers) {
        String line() {
            return label + "\t" + status + "\t" + digest + "\t" + length + "\t" + headers;
        }

        static Answer parse(String line) {
            String[] f = line.split("\t", -1);
            return new Answer(f[0], Integer.parseInt(f[1]), f[2], Integer.parseInt(f[3]), f[4]);
        }
    }

    private final List<Answer> answers = new ArrayList<>();
    private final OpenApiDocument doc = OpenApiDocument.load();
    /** Where a JSON answer differs from what openapi.json says of it. */
    private final List<String> undocumented = new ArrayList<>();
    private final Map<Integer, byte[]> bodies = new LinkedHashMap<>();
    private final Map<Who, Http> clients = new LinkedHashMap<>();
    /** Values from the data (codes) or from this run (the port) shown in labels by a name instead. */
    private final Map<String, String> shownAs = new LinkedHashMap<>();
    private TestServer test;

    @Test
    void everyRouteAnswersAsRecorded() throws IOException {
        test = TestServer.start(dir, TestData.GENEROUS);
        try (MapServer closed = MapServer.start(test.service, TestData.GENEROUS.withPublicRead(false), "127.0.0.1", 0)) {
            clients.put(Who.ANONYMOUS, new Http(test.base()));
            clients.put(Who.ANONYMOUS_NO_PUBLIC, new Http("http://127.0.0.1:" + closed.port()));
            clients.put(Who.MEMBER, test.accounts.as("rec-member", Role.MEMBER));
            clients.put(Who.HEALTH_PARTNER, test.accounts.as("rec-health", Role.HEALTH_PARTNER));
            clients.put(Who.ANALYST, test.accounts.as("rec-analyst", Role.ANALYST));
            clients.put(Who.ADMIN, test.accounts.as("rec-admin", Role.ADMIN));
            script();
        } finally {
            test.close();
        }
        compare();
        assertTrue(undocumented.isEmpty(), undocumented.size() + " answers differ from what openapi.json says of them:\n"
                + String.join("\n", undocumented.subList(0, Math.min(60, undocumented.size()))));
    }

    // ---- the script --------------------------------------------------------------------------

    private void script() {
        Http analyst = clients.get(Who.ANALYST);
        long first = analyst.get("/api/plans").json().get(0).path("id").asLong();
        JsonNode firstPlan = analyst.get("/api/plans/" + first).json();
        String area = firstPlan.path("areas").get(0).path("area_id").asText();
        String block = firstPlan.path("blocks").fieldNames().next();
        String pcn = analyst.get("/api/region").json().path("pcns").get(0).path("code").asText();
        shownAs.put(test.base(), "{this-server}");
        shownAs.put(block, "{block}");
        shownAs.put(pcn, "{pcn}");
        JsonNode catalogue = analyst.get("/api/indicators").json();
        String indicator = catalogue.get(0).path("id").asText();
        String withParts = null;
        for (JsonNode i : catalogue) {
            if (List.of("distribution", "category_shares", "age_bands").contains(i.path("kind").asText()) && withParts == null) {
                withParts = i.path("id").asText();
            }
        }

        // every read, by every visitor, on the default plan
        reads(first, area, block, pcn, indicator, withParts);
        everyone("GET", "/vendor/leaflet/leaflet.css", null);
        everyone("GET", "/api/health", null);
        everyone("GET", "/api/openapi.json", null);
        everyone("GET", "/api/session", null);
        everyone("GET", "/api/accounts", null);
        everyone("GET", "/api/audit-log?limit=50", null);
        one(Who.ANALYST, "GET", "/api/layers/blocks?zoom=10", null, "Accept-Encoding", "gzip");
        one(Who.ANALYST, "GET", "/api/layers/blocks", null);
        String etag = last().headers().replaceAll(".*ETag=([^|]*).*", "$1");
        one(Who.ANALYST, "GET", "/api/layers/blocks", null, "If-None-Match", etag);
        // the downloads of the first recording (the Shapefile zip, added later, is asked for with the later routes)
        for (String format : List.of("geojson", "gpkg", "blocks-csv", "lsoas-csv")) {
            one(Who.ANALYST, "GET", "/api/plans/" + first + "/download?format=" + format, null);
        }

        // plans: every write route, every visitor (refused ones first, so state changes only where allowed)
        everyone("POST", "/api/plans", "{\"name\":\"Recorded plan\",\"seed\":3}");
        long plan = analyst.get("/api/plans").json().get(1).path("id").asLong();
        long adminPlan = analyst.get("/api/plans").json().get(2).path("id").asLong();
        String pl = "/api/plans/" + plan;
        everyone("PATCH", pl, "{\"name\":\"Recorded plan, renamed\"}");
        everyone("POST", pl + "/copy", "{\"name\":\"Recorded copy\"}");
        everyone("POST", "/api/plans/" + adminPlan + "/copy", "{}");
        JsonNode list = analyst.get("/api/plans").json();
        long copy = list.get(list.size() - 1).path("id").asLong();
        everyone("DELETE", "/api/plans/" + copy, null);
        everyone("DELETE", "/api/plans/" + adminPlan, null);
        JsonNode p = analyst.get(pl).json();
        String planArea = p.path("areas").get(0).path("area_id").asText();
        everyone("PATCH", pl + "/areas/" + planArea, "{\"name\":\"Renamed area\"}");

        List<MapServerApiTest.Candidate> c = MapServerApiTest.candidates(analyst, plan);
        MapServerApiTest.Candidate good = c.get(0);
        MapServerApiTest.Candidate cut = c.get(1);
        shownAs.put(good.block(), "{movable-block}");
        shownAs.put(cut.block(), "{holding-block}");
        everyone("POST", pl + "/moves", MapServerApiTest.move(good.block(), good.to(), null, true));
        everyone("POST", pl + "/moves", MapServerApiTest.move(cut.block(), cut.to(), null, true));
        long revision = analyst.get(pl).json().path("revision").asLong();
        everyone("POST", pl + "/moves", MapServerApiTest.move(good.block(), good.to(), revision, false));
        everyone("POST", pl + "/moves", MapServerApiTest.move(cut.block(), cut.to(), null, false));
        everyone("POST", pl + "/locks", "{\"blocks\":[\"" + good.block() + "\",\"" + cut.block() + "\"],\"locked\":true}");
        everyone("POST", pl + "/moves", MapServerApiTest.move(good.block(), good.from(), null, false));
        everyone("POST", pl + "/undo", "{}");
        everyone("POST", pl + "/redo", null);
        everyone("POST", pl + "/undo", "{\"revision\":1}");
        everyone("POST", pl + "/versions", "{\"label\":\"Recorded version\"}");
        everyone("POST", pl + "/locks", "{\"blocks\":[\"" + good.block() + "\"],\"locked\":false}");
        everyone("POST", pl + "/versions", null);

        // comments: by each signed-in visitor, about an area, a parish, a point, and a reply
        JsonNode hit = analyst.get("/api/search?q=cb1%200ag").json().get(0);
        everyone("POST", pl + "/comments", object("area", planArea, "text", "About the area: =SUM(A1)"));
        everyone("POST", pl + "/comments", object("block", good.block(), "text", "About a parish"));
        everyone("POST", pl + "/comments",
                "{\"lon\":" + hit.path("lon").asText() + ",\"lat\":" + hit.path("lat").asText() + ",\"text\":\"About a point\"}");
        everyone("POST", pl + "/comments", "{\"lon\":10.0,\"lat\":10.0,\"text\":\"Outside the region\"}");
        JsonNode comments = analyst.get(pl + "/comments").json();
        long memberComment = commentBy(comments, "rec-member");
        long healthComment = commentBy(comments, "rec-health");
        everyone("POST", pl + "/comments", "{\"parent\":" + memberComment + ",\"text\":\"A reply\"}");
        everyone("PATCH", "/api/comments/" + memberComment, "{\"text\":\"About the area, edited\"}");
        everyone("POST", "/api/comments/" + healthComment + "/withdraw", "{}");
        everyone("POST", "/api/comments/" + memberComment + "/hide", "{\"reason\":\"Recorded moderation\"}");
        everyone("POST", "/api/comments/" + memberComment + "/restore", "{\"reason\":\"Recorded restore\"}");

        // accounts
        everyone("POST", "/api/accounts", "{\"username\":\"rec-new\",\"role\":\"member\"}");
        everyone("POST", "/api/accounts", "{\"username\":\"rec-chosen\",\"display_name\":\"Chosen Name\",\"role\":\"health-partner\","
                + "\"password\":\"" + TestAccounts.PASSWORD + "\"}");
        everyone("PATCH", "/api/accounts/rec-new", "{\"role\":\"analyst\"}");
        everyone("PATCH", "/api/accounts/rec-new", "{\"disabled\":true,\"revision\":1}");
        everyone("POST", "/api/accounts/rec-new/password", null);
        everyone("POST", "/api/accounts/rec-chosen/password", "{\"password\":\"another long password here\"}");
        everyone("POST", "/api/session/password", "{\"current\":\"not the password\",\"new\":\"another long password\"}");
        Http chosen = new Http(test.base()).signIn("rec-chosen", "another long password here");
        record("rec-chosen", chosen, "POST", "/api/session/password",
                "{\"current\":\"another long password here\",\"new\":\"a third long password\"}");

        // every read again, on the edited plan, with its versions, comments and history
        reads(plan, planArea, good.block(), pcn, indicator, withParts);
        one(Who.ANALYST, "GET", pl + "/compare?a=1&b=current", null);
        one(Who.ANALYST, "GET", pl + "/compare?a=1&b=2", null);
        everyone("GET", pl + "/comments?format=csv", null);
        everyone("GET", pl + "/comments?status=visible&about=area", null);
        everyone("GET", pl + "/comments?author=rec-member&block=" + good.block(), null);
        everyone("GET", "/api/accounts", null);
        everyone("GET", "/api/audit-log?limit=100", null);
        everyone("GET", "/api/audit-log?action=comment-hidden", null);
        mistakes(pl, planArea, good.block(), indicator);
        planWork(first, plan, good.block());
        releases(plan);
        buildChoices();

        // signing in and out last: signed-in visitors sign out of sessions of their own
        one(Who.ANONYMOUS, "POST", "/api/session", "{\"username\":\"rec-member\",\"password\":\"not the password\"}");
        one(Who.ANONYMOUS, "POST", "/api/session", "{\"username\":\"rec-nobody\",\"password\":\"not the password\"}");
        one(Who.ANONYMOUS, "POST", "/api/session", "{\"username\":\"rec-new\",\"password\":\"not the password\"}");
        one(Who.ANONYMOUS, "POST", "/api/session", object("username", "rec-member", "password", TestAccounts.PASSWORD));
        one(Who.ANONYMOUS_NO_PUBLIC, "POST", "/api/session", object("username", "rec-health", "password",
                TestAccounts.PASSWORD));
        one(Who.ANONYMOUS, "DELETE", "/api/session", null);
        for (String user : List.of("rec-member", "rec-health", "rec-analyst", "rec-admin")) {
            record(user, new Http(test.base()).signIn(user, TestAccounts.PASSWORD), "DELETE", "/api/session", null);
        }
        everyone("GET", "/api/session", null);
    }

    /**
     * The routes of the analyst's work with whole plans (issue 15): a saved version looked at, relabelled and
     * restored, what undo would do, two plans compared, the Shapefile download, the committee report, and plans
     * imported from a file (checked, imported, refused).
     */
    /** The data releases (issue 17): the store's one release, compared with itself, and the re-fit's refusals. */
    private void releases(long plan) {
        String pl = "/api/plans/" + plan;
        everyone("GET", "/api/releases", null);
        everyone("GET", "/api/releases/compare?plan=" + plan, null);
        one(Who.ANALYST, "GET", "/api/releases/compare?from=nope", null);
        one(Who.ANALYST, "GET", "/api/releases/compare?threshold=2", null);
        one(Who.ANALYST, "GET", "/api/releases/compare?from=..%2Fx", null);
        one(Who.ANALYST, "GET", "/api/releases/compare?plan=x", null);
        everyone("POST", pl + "/refit", "{\"to\":\"initial\"}");
        one(Who.ANALYST, "POST", pl + "/refit", "{}");
        one(Who.ANALYST, "POST", pl + "/refit", "{\"to\":\"nope\"}");
    }

    private void planWork(long first, long plan, String block) {
        Http analyst = clients.get(Who.ANALYST);
        String pl = "/api/plans/" + plan;
        everyone("GET", pl + "/versions/1", null);
        everyone("GET", pl + "/versions/1/areas?zoom=8", null);
        everyone("PATCH", pl + "/versions/1", "{\"label\":\"Recorded version, relabelled\"}");
        everyone("GET", pl + "/edit-state", null);
        long revision = analyst.get(pl).json().path("revision").asLong();
        everyone("POST", pl + "/versions/1/restore", "{\"revision\":" + revision + "}");
        everyone("GET", pl + "/edit-state", null);
        everyone("GET", pl + "/audit", null);
        everyone("GET", pl + "/compare?a=1&b=current&with=" + first, null);
        one(Who.ANALYST, "GET", "/api/plans/" + first + "/download?format=shp", null);
        everyone("GET", "/report.html?plan=" + plan, null);
        byte[] csv = analyst.get(pl + "/download?format=blocks-csv").body();
        everyone("POST", "/api/plans/import", importBody(null, "recorded.csv", csv, true));
        everyone("POST", "/api/plans/import", importBody("Recorded import", "recorded.csv", csv, false));
        String text = new String(csv, StandardCharsets.UTF_8);
        byte[] cut = text.substring(0, text.lastIndexOf('\n', text.length() - 2) + 1).getBytes(StandardCharsets.UTF_8);
        one(Who.ANALYST, "POST", "/api/plans/import", importBody("Recorded refusal", "recorded-short.csv", cut, false));
        one(Who.ANALYST, "POST", "/api/plans/import", importBody("Not a plan", "notes.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), true));
        one(Who.ANALYST, "POST", "/api/plans/import", "{\"name\":\"x\",\"file_name\":\"a.csv\"}");
        one(Who.ANALYST, "GET", pl + "/versions/99", null);
        one(Who.ANALYST, "GET", pl + "/versions/x", null);
        one(Who.ANALYST, "PATCH", pl + "/versions/1", "{}");
        one(Who.ANALYST, "POST", pl + "/versions/1/restore", "{\"revision\":1}");
        one(Who.ANALYST, "POST", "/api/plans", "{\"name\":\"x\",\"balance_weight\":-1}");
        one(Who.ANALYST, "GET", "/report.html", null);
        one(Who.ANALYST, "GET", pl + "/compare?a=current&b=current&with=x", null);
    }

    /**
     * Issue 12's build choices (both readings of the count, the largest deviation, hard limits) and the
     * trade-off route, refused before any work (a running curve's progress would differ from run to run).
     */
    private void buildChoices() {
        one(Who.ANALYST, "POST", "/api/plans", "{\"name\":\"Recorded within 35%\",\"areas\":28,\"max_deviation\":\"35%\"}");
        one(Who.ANALYST, "POST", "/api/plans", "{\"name\":\"Recorded parish areas\",\"parish_areas\":20,\"unparished_areas\":\"auto\","
                + "\"max_deviation\":\"none\"}");
        one(Who.ANALYST, "POST", "/api/plans", "{\"name\":\"x\",\"areas\":28,\"max_population\":30000}");
        one(Who.ANALYST, "POST", "/api/plans", "{\"name\":\"x\",\"max_deviation\":\"lots\"}");
        one(Who.ANALYST, "POST", "/api/plans", "{\"name\":\"x\",\"areas\":28,\"parish_areas\":20}");
        everyone("GET", "/api/tradeoff?areas=0", null);
    }

    private static String importBody(String name, String fileName, byte[] content, boolean check) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (name != null) {
            body.put("name", name);
        }
        body.put("file_name", fileName);
        body.put("content", java.util.Base64.getEncoder().encodeToString(content));
        body.put("check", check);
        return Http.json(body);
    }

    /** Every read route, as every visitor. */
    private void reads(long plan, String area, String block, String pcn, String indicator, String withParts) {
        String pl = "/api/plans/" + plan;
        everyone("GET", "/api/region", null);
        for (String layer : List.of("lsoas", "blocks", "districts", "pcn-footprints", "pcn-catchments", "places")) {
            everyone("GET", "/api/layers/" + layer + "?zoom=8", null);
        }
        everyone("GET", "/api/search?q=ely", null);
        everyone("GET", "/api/search?q=cb1", null);
        everyone("GET", "/api/search?q=cambridge", null);
        everyone("GET", "/api/site", null);
        everyone("GET", "/api/basemap/9/253/166", null);
        everyone("GET", "/api/plans", null);
        everyone("GET", pl, null);
        everyone("GET", pl + "/areas?zoom=8", null);
        everyone("GET", pl + "/metrics", null);
        everyone("GET", pl + "/pcn-alignment", null);
        everyone("GET", pl + "/pcn-alignment?format=csv", null);
        everyone("GET", pl + "/pcns/" + pcn, null);
        everyone("GET", pl + "/blocks/" + block + "/why", null);
        everyone("GET", pl + "/versions", null);
        everyone("GET", pl + "/compare?a=current&b=current", null);
        everyone("GET", pl + "/download?format=blocks-csv", null);
        everyone("GET", pl + "/audit", null);
        everyone("GET", "/api/indicators", null);
        everyone("GET", pl + "/profiles", null);
        everyone("GET", pl + "/profiles?format=csv", null);
        everyone("GET", pl + "/areas/" + area + "/profile", null);
        everyone("GET", pl + "/indicators/" + indicator, null);
        if (withParts != null) {
            everyone("GET", pl + "/indicators/" + withParts, null);
        }
        everyone("GET", pl + "/comments", null);
    }

    /** The usual mistakes, as an analyst (and a few as anonymous): each answer's error is recorded. */
    private void mistakes(String pl, String area, String block, String indicator) {
        Who a = Who.ANALYST;
        one(a, "GET", "/api/plans/999999", null);
        one(a, "GET", "/api/plans/not-a-number", null);
        one(a, "GET", "/api/no-such-thing", null);
        one(Who.ANONYMOUS, "GET", "/api/no-such-thing", null);
        one(a, "GET", "/vendor/leaflet/nothing.js", null);
        one(a, "GET", "/vendor/leaflet/..%2Fsecret", null);
        one(a, "GET", "/api/layers/roads?zoom=8", null);
        one(a, "GET", "/api/layers/lsoas?zoom=abc", null);
        one(a, "GET", "/api/layers/lsoas?zoom=99", null);
        one(a, "GET", "/api/search", null);
        one(a, "GET", "/api/search?q=z", null);
        one(a, "GET", "/api/search?q=zzzzqqq", null);
        one(a, "GET", pl + "/areas?zoom=-1", null);
        one(a, "GET", pl + "/pcn-alignment?format=xml", null);
        one(a, "GET", pl + "/pcns/NOPCN", null);
        one(a, "GET", pl + "/blocks/NOBLOCK/why", null);
        one(a, "GET", pl + "/compare?b=current", null);
        one(a, "GET", pl + "/compare?a=x&b=current", null);
        one(a, "GET", pl + "/compare?a=99&b=current", null);
        one(a, "GET", pl + "/download", null);
        one(a, "GET", pl + "/download?format=pdf", null);
        one(a, "GET", pl + "/profiles?format=xml", null);
        one(a, "GET", pl + "/areas/SDA99/profile", null);
        one(a, "GET", pl + "/indicators/no-such-indicator", null);
        one(a, "GET", pl + "/indicators/" + indicator + "?part=x", null);
        one(a, "GET", pl + "/comments?about=elsewhere", null);
        one(a, "GET", pl + "/comments?status=lost", null);
        one(a, "GET", pl + "/comments?format=xml", null);
        one(a, "GET", "/api/audit-log?limit=0", null);
        one(a, "POST", "/api/plans", "{\"areas\":10}");
        one(a, "POST", "/api/plans", "{\"name\":\"x\",\"areas\":\"ten\"}");
        one(a, "POST", "/api/plans", "{\"name\":\"x\",\"areas\":100000}");
        one(a, "POST", "/api/plans", "{\"name\":");
        one(a, "POST", "/api/plans", "[1,2]");
        one(a, "POST", "/api/plans", null);
        one(a, "PATCH", pl, "{}");
        one(a, "PATCH", "/api/plans/999999", "{\"name\":\"x\"}");
        one(a, "PATCH", pl + "/areas/SDA99", "{\"name\":\"x\"}");
        one(a, "PATCH", pl + "/areas/" + area, "{\"name\":\"x\",\"revision\":1}");
        one(a, "POST", pl + "/moves", MapServerApiTest.move("NOBLOCK", area, null, false));
        one(a, "POST", pl + "/moves", MapServerApiTest.move(block, "SDA99", null, false));
        one(a, "POST", pl + "/moves", "{\"blocks\":[],\"to\":\"SDA01\"}");
        one(a, "POST", pl + "/moves", "{\"blocks\":\"" + block + "\",\"to\":\"SDA01\"}");
        one(a, "POST", pl + "/moves", MapServerApiTest.move(block, area, 1L, false));
        one(a, "POST", pl + "/locks", "{\"blocks\":[\"" + block + "\"]}");
        one(a, "POST", pl + "/locks", "{\"blocks\":[\"" + block + "\"],\"locked\":true,\"revision\":1}");
        one(a, "POST", "/api/plans/999999/undo", "{}");
        one(a, "POST", "/api/plans/999999/versions", "{}");
        one(a, "POST", pl + "/versions", "{\"label\":7}");
        one(a, "POST", pl + "/comments", "{\"text\":\"about nothing\"}");
        one(a, "POST", pl + "/comments", "{\"area\":\"" + area + "\",\"block\":\"" + block + "\",\"text\":\"two\"}");
        one(a, "POST", pl + "/comments", "{\"area\":\"SDA99\",\"text\":\"x\"}");
        one(a, "POST", pl + "/comments", "{\"block\":\"NOBLOCK\",\"text\":\"x\"}");
        one(a, "POST", pl + "/comments", "{\"lon\":0.1,\"text\":\"x\"}");
        one(a, "POST", pl + "/comments", "{\"area\":\"" + area + "\",\"text\":\"\"}");
        one(a, "POST", pl + "/comments", "{\"area\":\"" + area + "\",\"text\":\"" + "x".repeat(4001) + "\"}");
        one(a, "POST", pl + "/comments", "{\"parent\":999999,\"text\":\"x\"}");
        one(a, "PATCH", "/api/comments/999999", "{\"text\":\"x\"}");
        one(a, "PATCH", "/api/comments/not-a-number", "{\"text\":\"x\"}");
        one(a, "POST", "/api/comments/1/hide", "{}");
        one(a, "POST", "/api/comments/1/hide", "{\"reason\":\"x\",\"revision\":99}");
        one(Who.ADMIN, "POST", "/api/accounts", "{\"username\":\"rec-new\",\"role\":\"member\"}");
        one(Who.ADMIN, "POST", "/api/accounts", "{\"username\":\"rec-bad\",\"role\":\"emperor\"}");
        one(Who.ADMIN, "POST", "/api/accounts", "{\"username\":\"rec-weak\",\"role\":\"member\",\"password\":\"short\"}");
        one(Who.ADMIN, "PATCH", "/api/accounts/rec-new", "{}");
        one(Who.ADMIN, "PATCH", "/api/accounts/nobody-here", "{\"disabled\":true}");
        one(Who.ADMIN, "PATCH", "/api/accounts/rec-new", "{\"disabled\":false,\"revision\":1}");
        one(Who.ADMIN, "PATCH", "/api/accounts/rec-admin", "{\"disabled\":true}");
        one(Who.ADMIN, "POST", "/api/accounts/nobody-here/password", "{}");
        // the request checks: CSRF token, Origin, JSON body, size
        Http analyst = clients.get(a);
        record("analyst-no-csrf", analyst.withoutCsrf(), "POST", pl + "/undo", "{}");
        one(a, "POST", pl + "/undo", "{}", "Origin", "http://elsewhere.example");
        one(a, "POST", pl + "/undo", "{}", "Origin", "not a url");
        one(a, "POST", pl + "/undo", "{}", "Origin", test.base());
        one(a, "POST", pl + "/versions", "{\"label\":\"form\"}", "Content-Type", "application/x-www-form-urlencoded");
        one(a, "POST", pl + "/versions", "label=form", "Content-Type", "text/plain");
        one(a, "POST", pl + "/versions", "{\"label\":\"" + "x".repeat(70_000) + "\"}");
        one(Who.ANONYMOUS, "POST", "/api/plans", "{\"name\":\"x\"}", "Origin", "http://elsewhere.example");
    }

    /** A JSON object with its fields in the order given (Map.of's order changes from run to run). */
    private static String object(String... keysAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Http.json(m);
    }

    private static long commentBy(JsonNode comments, String username) {
        for (JsonNode c : comments) {
            if (c.path("author_username").asText().equals(username)) {
                return c.path("id").asLong();
            }
        }
        throw new AssertionError("no comment by " + username + " in " + comments);
    }

    // ---- requests and answers ----------------------------------------------------------------

    private void everyone(String method, String path, String body) {
        for (Who who : Who.values()) {
            one(who, method, path, body);
        }
    }

    private void one(Who who, String method, String path, String body, String... headers) {
        record(who.name().toLowerCase(Locale.ROOT).replace('_', '-'), clients.get(who), method, path, body, headers);
    }

    private void record(String who, Http client, String method, String path, String body, String... headers) {
        Http.Response r = client.send(method, path, body, headers);
        String label = String.format(Locale.ROOT, "%03d %s %s %s%s%s", answers.size() + 1, who, method, shown(path),
                body == null ? "" : " body#" + shortDigest(body.getBytes(StandardCharsets.UTF_8)),
                headers.length == 0 ? "" : " " + shown(String.join("=", headers)));
        byte[] normalised = normalise(r);
        bodies.put(answers.size(), normalised);
        answers.add(new Answer(label, r.status(), digest(normalised), normalised.length, headers(r)));
        String type = r.header("Content-Type");
        if (type != null && type.startsWith("application/json") && doc.describes(path) && !path.equals("/api/openapi.json")) {
            JsonNode schema = doc.answer(method, path, r.status());
            if (schema == null) {
                undocumented.add(label + ": status " + r.status() + " is not documented for this route");
            } else {
                undocumented.addAll(doc.check(r.json(), schema, label));
            }
        }
    }

    /** A path or header for a label: codes from the data by name, at most 120 characters. */
    private String shown(String text) {
        String s = text;
        for (Map.Entry<String, String> e : shownAs.entrySet()) {
            s = s.replace(e.getKey(), e.getValue());
        }
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }

    private Answer last() {
        return answers.get(answers.size() - 1);
    }

    /** The body with what is genuinely variable replaced by placeholders (text bodies only). */
    static byte[] normalise(Http.Response r) {
        byte[] body = r.body();
        String type = r.header("Content-Type");
        if ("application/geopackage+sqlite3".equals(type) && r.status() == 200) {
            return normaliseText(geopackageContent(body)).getBytes(StandardCharsets.UTF_8);
        }
        if ("application/zip".equals(type) && r.status() == 200) {
            return zipContent(body).getBytes(StandardCharsets.UTF_8);
        }
        if (type != null && type.startsWith("text/html")) {
            return DAY.matcher(normaliseText(new String(body, StandardCharsets.UTF_8))).replaceAll("<day>").getBytes(StandardCharsets.UTF_8);
        }
        if (type == null || !(type.contains("json") || type.startsWith("text/"))) {
            return body;
        }
        return normaliseText(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    private static String normaliseText(String text) {
        String s = text;
        s = TIME.matcher(s).replaceAll("<time>");
        s = CSRF.matcher(s).replaceAll("\"csrf_token\":\"<token>\"");
        s = PASSWORD.matcher(s).replaceAll("\"generated_password\":\"<password>\"");
        s = FAULT_REF.matcher(s).replaceAll("(ref <ref>)");
        return s;
    }

    /**
     * A GeoPackage's content: every table's definition and rows in order (blobs in hex). The file's
     * bytes are not compared: SQLite's page layout and header counters vary from write to write.
     */
    static String geopackageContent(byte[] file) {
        try {
            Path tmp = Files.createTempFile(dir, "download", ".gpkg");
            Files.write(tmp, file);
            StringBuilder sb = new StringBuilder();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp); Statement st = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT name, sql FROM sqlite_master WHERE type IN ('table', 'view', 'trigger',"
                        + " 'index') AND name NOT LIKE 'sqlite_%' ORDER BY type, name")) {
                    while (rs.next()) {
                        sb.append(rs.getString(2)).append('\n');
                        if (rs.getString(2) != null && rs.getString(2).startsWith("CREATE TABLE")) {
                            tables.add(rs.getString(1));
                        }
                    }
                }
                for (String t : tables) {
                    sb.append("-- ").append(t).append('\n');
                    try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + t + "\" ORDER BY 1")) {
                        int n = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int i = 1; i <= n; i++) {
                                Object v = rs.getObject(i);
                                sb.append(i > 1 ? "," : "").append(v instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(v));
                            }
                            sb.append('\n');
                        }
                    }
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return sb.toString();
        } catch (IOException | SQLException e) {
            throw new AssertionError("the download is not a GeoPackage: " + e.getMessage(), e);
        }
    }

    /**
     * A zip's entries in order, each with the digest of its bytes; a .dbf's header date (bytes 1 to 3, the day it
     * was written) is left out.
     */
    static String zipContent(byte[] zip) {
        StringBuilder sb = new StringBuilder();
        try (java.util.zip.ZipInputStream z = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                byte[] bytes = z.readAllBytes();
                if (e.getName().endsWith(".dbf") && bytes.length > 4) {
                    bytes[1] = 0;
                    bytes[2] = 0;
                    bytes[3] = 0;
                }
                sb.append(e.getName()).append(' ').append(digest(bytes)).append('\n');
            }
        } catch (IOException e) {
            throw new AssertionError("the download is not a zip: " + e.getMessage(), e);
        }
        return sb.toString();
    }

    /** The contract headers as text, the session cookie's token replaced; the security headers as one digest. */
    static String headers(Http.Response r) {
        List<String> out = new ArrayList<>();
        for (String h : HEADERS) {
            List<String> values = r.raw().headers().allValues(h);
            if (!values.isEmpty()) {
                out.add(h + "=" + COOKIE.matcher(String.join(",", values)).replaceAll(GuardedRoutes.SESSION_COOKIE + "=<token>"));
            }
        }
        StringBuilder security = new StringBuilder();
        for (String h : SECURITY_HEADERS) {
            security.append(h).append('=').append(r.header(h)).append('\n');
        }
        out.add("security=" + shortDigest(security.toString().getBytes(StandardCharsets.UTF_8)));
        return String.join("|", out);
    }

    static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shortDigest(byte[] bytes) {
        return digest(bytes).substring(0, 8);
    }

    // ---- recording and comparing -------------------------------------------------------------

    private void compare() throws IOException {
        List<String> lines = answers.stream().map(Answer::line).toList();
        if (Boolean.getBoolean("sda.record")) {
            Files.createDirectories(RECORDING.getParent());
            List<String> out = new ArrayList<>();
            out.add("# Recorded by ApiRecordingTest over the C&P data: label, status, SHA-256 and length of the normalised body, headers.");
            out.add("# Re-record (when a change of answers is intended): -Dsda.record=true (see the test's documentation).");
            out.addAll(lines);
            Files.write(RECORDING, out, StandardCharsets.UTF_8);
            System.out.println("ApiRecordingTest: recorded " + lines.size() + " answers in " + RECORDING.toAbsolutePath());
            return;
        }
        assertTrue(Files.isRegularFile(RECORDING), "no recording at " + RECORDING.toAbsolutePath() + ": record with -Dsda.record=true");
        List<Answer> expected = Files.readAllLines(RECORDING, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(Answer::parse).toList();
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < Math.max(expected.size(), answers.size()); i++) {
            Answer e = i < expected.size() ? expected.get(i) : null;
            Answer a = i < answers.size() ? answers.get(i) : null;
            if (e == null || a == null || !e.equals(a)) {
                wrong.add("expected " + (e == null ? "(nothing)" : e.line()) + "\n     got " + (a == null ? "(nothing)" : a.line()));
                if (a != null) {
                    writeActual(i);
                }
            }
        }
        if (!wrong.isEmpty()) {
            Files.createDirectories(ACTUAL);
            Files.write(ACTUAL.resolve("answers.txt"), lines, StandardCharsets.UTF_8);
            fail(wrong.size() + " of " + answers.size() + " answers differ from the recording (bodies received are in "
                    + ACTUAL.toAbsolutePath() + "; re-record with -Dsda.record=true only when the change is intended):\n"
                    + String.join("\n", wrong.subList(0, Math.min(40, wrong.size()))));
        }
        assertEquals(expected.size(), answers.size());
    }

    private void writeActual(int i) throws IOException {
        Files.createDirectories(ACTUAL);
        Files.write(ACTUAL.resolve(String.format(Locale.ROOT, "%03d.body", i + 1)), bodies.get(i));
    }
}
