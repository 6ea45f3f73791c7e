package org.sdaplanner.web;

import org.sdaplanner.realdata.RealRegion;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdaplanner.store.SpatialStore;
import org.sdaplanner.web.api.Plan;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route of docs/api.md over HTTP against a real server on a free port, on an embedded
 * store filled with the real C&P data (once for the class): good requests and bad ones.
 */
class MapServerApiTest {
    @TempDir
    static Path dir;
    static PlannerService service;
    static MapServer server;
    static Http http;
    static Http anonymous;
    static TestAccounts accounts;

    @BeforeAll
    static void start() {
        SpatialStore store = TestData.importedStore("jdbc:h2:file:" + dir.resolve("store").resolve("sda"));
        service = PlannerService.open(store);
        assertTrue(service.ensureDefaultPlan("test").isPresent());
        assertTrue(service.ensureDefaultPlan("test").isEmpty(), "only when there is none");
        server = MapServer.start(service, TestData.GENEROUS, "127.0.0.1", 0);
        anonymous = new Http("http://127.0.0.1:" + server.port());
        accounts = new TestAccounts(store, anonymous.base());
        http = accounts.analyst("tester");
    }

    static Http as(String user) {
        return accounts.analyst(user);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (service != null) {
            service.close();
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    static long newPlan(String name) {
        Http.Response r = as("tester").post("/api/plans", Http.json(Map.of("name", name, "seed", 1)));
        assertEquals(201, r.status(), r::toString);
        return r.json().path("id").asLong();
    }

    static JsonNode ok(Http.Response r) {
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    static void assertError(int status, Http.Response r) {
        assertEquals(status, r.status(), r::toString);
        JsonNode body = r.json();
        assertTrue(body.path("error").isTextual() && !body.path("error").asText().isBlank(), r::toString);
        assertFalse(r.text().contains("\tat org.") || r.text().contains("Exception:"), "no stack trace: " + r);
    }

    static String move(String block, String to, Long revision, boolean preview) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("blocks", List.of(block));
        body.put("to", to);
        body.put("preview", preview);
        if (revision != null) {
            body.put("revision", revision);
        }
        return Http.json(body);
    }

    /** A block, its area and a neighbouring area of the same district, with the "why"'s verdict on moving it there. */
    record Candidate(String block, String from, String to, boolean allowed) {
    }

    /** Walks the blocks' "why" until it has found a move that is allowed and one that would cut an area in two. */
    static List<Candidate> candidates(long plan) {
        return candidates(http, plan);
    }

    /** Plans built with the same seed and options are the same plan: the walk is done once per assignment. */
    private static final Map<String, List<Candidate>> CANDIDATES = new java.util.concurrent.ConcurrentHashMap<>();

    static List<Candidate> candidates(Http http, long plan) {
        JsonNode p = ok(http.get("/api/plans/" + plan));
        return CANDIDATES.computeIfAbsent(p.path("blocks").toString(), k -> walk(http, plan, p));
    }

    private static List<Candidate> walk(Http http, long plan, JsonNode p) {
        Map<String, String> districtOf = new java.util.HashMap<>();
        Map<String, Integer> blocksIn = new java.util.HashMap<>();
        for (JsonNode a : p.path("areas")) {
            districtOf.put(a.path("area_id").asText(), a.path("district_codes").get(0).asText());
            blocksIn.put(a.path("area_id").asText(), a.path("blocks").asInt());
        }
        Candidate allowed = null;
        Candidate cut = null;
        for (Iterator<String> it = p.path("blocks").fieldNames(); it.hasNext() && (allowed == null || cut == null); ) {
            String code = it.next();
            JsonNode why = ok(http.get("/api/plans/" + plan + "/blocks/" + code + "/why"));
            String from = why.path("area_id").asText();
            for (JsonNode o : why.path("alternatives")) {
                String to = o.path("area_id").asText();
                if (!districtOf.get(to).equals(districtOf.get(from))) {
                    continue;
                }
                if (o.path("allowed").asBoolean() && allowed == null) {
                    allowed = new Candidate(code, from, to, true);
                } else if (!o.path("allowed").asBoolean() && blocksIn.get(from) > 2 && cut == null) {
                    cut = new Candidate(code, from, to, false);
                }
            }
        }
        assertNotNull(allowed, "some block can move to a neighbouring area");
        assertNotNull(cut, "some block holds its area together");
        return List.of(allowed, cut);
    }

    /** A summary without the certificate (which a plan has only when the planner built it). */
    static JsonNode withoutBound(JsonNode summary) {
        com.fasterxml.jackson.databind.node.ObjectNode o = summary.deepCopy();
        o.remove(List.of("alignment_upper_bound", "optimality_gap", "optimal", "bound_note"));
        return o;
    }

    /** The plan's figures without its revision. */
    static JsonNode figures(long plan) {
        JsonNode m = ok(http.get("/api/plans/" + plan + "/metrics"));
        com.fasterxml.jackson.databind.node.ObjectNode o = Http.JSON.createObjectNode();
        o.set("summary", m.path("summary"));
        o.set("areas", m.path("areas"));
        o.set("pcns", m.path("pcns"));
        return o;
    }

    // ---- region ------------------------------------------------------------------------------

    @Test
    void healthAndRegion() {
        JsonNode h = ok(http.get("/api/health"));
        assertEquals("ok", h.path("status").asText());
        assertEquals("H2GIS", h.path("store").asText());
        JsonNode r = ok(http.get("/api/region"));
        assertEquals("Cambridgeshire and Peterborough", r.path("name").asText());
        assertEquals(6, r.path("districts").size());
        assertEquals(22, r.path("pcns").size());
        assertTrue(r.path("attributions").size() > 0);
        assertTrue(r.path("attributions").get(0).asText().contains("Open Government Licence"));
        assertEquals(4, r.path("bounds").size());
        for (JsonNode d : r.path("districts")) {
            assertTrue(d.path("code").asText().startsWith("E0") && !d.path("name").asText().isBlank());
        }
    }

    @Test
    void layersHaveTheirPropertiesAnEtagAndGzip() {
        Map<String, List<String>> props = Map.of(
                "lsoas", List.of("lsoa_code", "lsoa_name", "district_code", "dominant_pcn_code", "dominant_share", "second_pcn_code",
                        "contested", "registered_patients"),
                "blocks", List.of("block_code", "block_name", "block_kind", "district_code", "resident_population", "dominant_pcn_code"),
                "districts", List.of("code", "name"),
                "pcn-footprints", List.of("pcn_code", "pcn_name", "lsoas"),
                "pcn-catchments", List.of("pcn_code", "name"),
                "places", List.of("name", "place", "min_zoom", "residents", "district_code", "block_code"));
        Map<String, Integer> counts = Map.of("lsoas", 516, "districts", 6);
        for (Map.Entry<String, List<String>> e : props.entrySet()) {
            Http.Response r = http.get("/api/layers/" + e.getKey() + "?zoom=10");
            JsonNode fc = ok(r);
            assertEquals("FeatureCollection", fc.path("type").asText());
            assertTrue(fc.path("features").size() > 0, e.getKey());
            if (counts.containsKey(e.getKey())) {
                assertEquals(counts.get(e.getKey()), fc.path("features").size(), e.getKey());
            }
            JsonNode f = fc.path("features").get(0);
            List<String> names = new ArrayList<>();
            f.path("properties").fieldNames().forEachRemaining(names::add);
            assertEquals(e.getValue(), names, e.getKey());
            JsonNode first = firstPosition(f.path("geometry"));
            double lon = first.get(0).asDouble();
            double lat = first.get(1).asDouble();
            assertTrue(lon > -1 && lon < 1 && lat > 51.9 && lat < 52.8, "EPSG:4326 in C&P: " + lon + "," + lat);
            String etag = r.header("ETag");
            assertNotNull(etag, e.getKey());
            Http.Response again = http.get("/api/layers/" + e.getKey() + "?zoom=10", "If-None-Match", etag);
            assertEquals(304, again.status(), e.getKey());
            assertEquals(0, again.raw().body().length);
            assertEquals(200, http.get("/api/layers/" + e.getKey() + "?zoom=10", "If-None-Match", "\"other\"").status());
        }
        // simplified for the zoom: fewer bytes when zoomed out, a different ETag per zoom
        Http.Response z8 = http.get("/api/layers/lsoas?zoom=8");
        Http.Response z14 = http.get("/api/layers/lsoas?zoom=14");
        assertTrue(z8.body().length < z14.body().length, z8.body().length + " vs " + z14.body().length);
        assertNotEquals(z8.header("ETag"), z14.header("ETag"));
        // gzip when asked
        Http.Response gz = http.get("/api/layers/blocks?zoom=10", "Accept-Encoding", "gzip");
        assertEquals("gzip", gz.header("Content-Encoding"));
        assertTrue(gz.raw().body().length < gz.body().length / 2);
        assertEquals("FeatureCollection", gz.json().path("type").asText());
        // bad requests
        assertError(404, http.get("/api/layers/roads?zoom=10"));
        assertError(400, http.get("/api/layers/lsoas?zoom=abc"));
        assertError(400, http.get("/api/layers/lsoas?zoom=99"));
    }

    private static JsonNode firstPosition(JsonNode geometry) {
        JsonNode c = geometry.path("coordinates");
        while (c.isArray() && c.get(0).isArray()) {
            c = c.get(0);
        }
        return c;
    }

    @Test
    void searchFindsParishesLsoasAndPostcodes() {
        JsonNode ely = ok(http.get("/api/search?q=Ely"));
        assertTrue(ely.size() >= 1 && ely.size() <= 20);
        JsonNode hit = ely.get(0);
        assertEquals("parish", hit.path("kind").asText());
        assertEquals("Ely", hit.path("name").asText());
        assertEquals(hit.path("code").asText(), hit.path("block_code").asText());
        assertTrue(hit.path("lat").asDouble() > 52.3 && hit.path("lat").asDouble() < 52.5);

        String code = ok(http.get("/api/layers/lsoas?zoom=8")).path("features").get(0).path("properties").path("lsoa_code").asText();
        JsonNode lsoa = ok(http.get("/api/search?q=" + code.toLowerCase(java.util.Locale.ROOT)));
        assertEquals("lsoa", lsoa.get(0).path("kind").asText());
        assertEquals(code, lsoa.get(0).path("code").asText());
        assertFalse(lsoa.get(0).path("block_code").asText().isBlank());

        JsonNode cambridge = ok(http.get("/api/search?q=cambridge"));
        assertEquals(20, cambridge.size(), "at most 20");
        // the city first (not only its LSOAs), saying what it is and which district it is in
        assertEquals("place", cambridge.get(0).path("kind").asText(), cambridge.get(0).toString());
        assertEquals("Cambridge", cambridge.get(0).path("name").asText());
        assertEquals("city", cambridge.get(0).path("place").asText());
        assertEquals("Cambridge", cambridge.get(0).path("district").asText());
        assertTrue(ok(http.get("/api/plans/" + defaultPlanId())).path("blocks").has(cambridge.get(0).path("block_code").asText()),
                "the city's label point is in a block: " + cambridge.get(0));
        JsonNode march = ok(http.get("/api/search?q=march")).get(0);
        assertEquals("March", march.path("name").asText());
        assertEquals("town", march.path("place").asText(), "March (about 22,000 residents) is a town");
        assertEquals("Fenland", march.path("district").asText());
        JsonNode peterborough = ok(http.get("/api/search?q=peterborough")).get(0);
        assertEquals("city", peterborough.path("place").asText(), peterborough.toString());

        JsonNode pc = ok(http.get("/api/search?q=cb1%200ag"));
        assertEquals("postcode", pc.get(0).path("kind").asText());
        assertEquals("CB1 0AG", pc.get(0).path("code").asText());
        String block = pc.get(0).path("block_code").asText();
        assertTrue(ok(http.get("/api/plans/" + defaultPlanId())).path("blocks").has(block), "the postcode's block: " + block);

        assertEquals(0, ok(http.get("/api/search?q=zzzzqqq")).size());
        assertError(400, http.get("/api/search"));
    }

    static long defaultPlanId() {
        return ok(http.get("/api/plans")).get(0).path("id").asLong();
    }

    // ---- plans -------------------------------------------------------------------------------

    @Test
    void plansCanBeListedCreatedRenamedCopiedAndDeleted() {
        JsonNode list = ok(http.get("/api/plans"));
        assertTrue(list.size() >= 1);
        assertEquals(PlannerService.DEFAULT_PLAN_NAME, list.get(0).path("name").asText());
        for (String f : List.of("id", "name", "revision", "areas", "alignment", "updated_at")) {
            assertTrue(list.get(0).has(f), f);
        }
        assertEquals(RealRegion.DEFAULT_PLAN_AREAS, list.get(0).path("areas").asInt());

        Http.Response created = http.post("/api/plans", "{\"name\":\"Ten areas\",\"areas\":10,\"seed\":2,\"district_nesting\":false}");
        assertEquals(201, created.status(), created::toString);
        JsonNode plan = created.json();
        long id = plan.path("id").asLong();
        assertEquals("/api/plans/" + id, created.header("Location"));
        assertEquals(10, plan.path("areas").size());
        assertEquals(10, plan.path("summary").path("areas").asInt());
        assertEquals(0, plan.path("revision").asLong());
        assertFalse(plan.path("district_nesting").asBoolean());
        assertEquals(413, plan.path("blocks").size(), "498 parishes, LSOAs and remainders less 85 slivers folded into their neighbours");
        JsonNode anyBlock = plan.path("blocks").elements().next();
        assertTrue(anyBlock.path("area_id").asText().startsWith("SDA"));
        assertFalse(anyBlock.path("locked").asBoolean());
        JsonNode area = plan.path("areas").get(0);
        for (String f : List.of("area_id", "area_name", "district_codes", "blocks", "resident_population", "deviation", "main_pcn_code",
                "pcn_alignment", "compactness", "contiguous", "pcn_mix")) {
            assertTrue(area.has(f), f);
        }
        assertEquals(plan, ok(http.get("/api/plans/" + id)));

        JsonNode renamed = ok(http.send("PATCH", "/api/plans/" + id, "{\"name\":\"Ten areas, renamed\"}"));
        assertEquals("Ten areas, renamed", renamed.path("name").asText());
        Http.Response copy = http.post("/api/plans/" + id + "/copy", "{\"name\":\"The copy\"}");
        assertEquals(201, copy.status(), copy::toString);
        long copyId = copy.json().path("id").asLong();
        assertEquals(plan.path("blocks"), copy.json().path("blocks"));
        assertEquals("The copy", copy.json().path("name").asText());

        assertEquals(204, http.send("DELETE", "/api/plans/" + id, null).status());
        assertError(404, http.get("/api/plans/" + id));
        assertError(404, http.send("DELETE", "/api/plans/" + id, null));
        assertEquals(200, http.get("/api/plans/" + copyId).status(), "the copy stays");
        assertEquals(204, http.send("DELETE", "/api/plans/" + copyId, null).status());

        // bad requests
        assertError(404, http.get("/api/plans/999999"));
        assertError(404, http.get("/api/plans/not-a-number"));
        assertError(400, http.post("/api/plans", "{\"areas\":10}"));
        assertError(400, http.post("/api/plans", "{\"name\":\"x\",\"areas\":\"ten\"}"));
        assertError(400, http.post("/api/plans", "{\"name\":\"x\",\"areas\":100000}"));
        assertError(400, http.post("/api/plans", "{\"name\":"));
        assertError(400, http.post("/api/plans", "[1,2]"));
        assertError(400, http.send("PATCH", "/api/plans/" + copyId, "{}"));
        assertError(404, http.send("PATCH", "/api/plans/999999", "{\"name\":\"x\"}"));
        assertError(404, http.get("/api/no-such-thing"));
    }

    @Test
    void metricsAlignmentPcnViewAndWhy() {
        long id = defaultPlanId();
        JsonNode m = ok(http.get("/api/plans/" + id + "/metrics"));
        assertEquals(RealRegion.DEFAULT_PLAN_AREAS, m.path("summary").path("areas").asInt());
        assertEquals(RealRegion.DEFAULT_PLAN_AREAS, m.path("areas").size());
        assertEquals(22, m.path("pcns").size());
        double alignment = m.path("summary").path("alignment").asDouble();
        assertTrue(alignment > 0.5 && alignment < 1, "alignment " + alignment);

        JsonNode rows = ok(http.get("/api/plans/" + id + "/pcn-alignment"));
        assertEquals(22, rows.size());
        JsonNode row = rows.get(0);
        for (String f : List.of("pcn_code", "pcn_name", "patients", "best_area", "coterminosity", "areas_spanned", "by_area")) {
            assertTrue(row.has(f), f);
        }
        double sum = 0;
        for (JsonNode v : row.path("by_area")) {
            sum += v.asDouble();
        }
        assertEquals(row.path("patients").asDouble(), sum, 0.5 * row.path("by_area").size() + 1);
        Http.Response csv = http.get("/api/plans/" + id + "/pcn-alignment?format=csv");
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"));
        List<String> lines = csv.text().lines().toList();
        assertEquals(23, lines.size());
        List<String> areaIds = new java.util.ArrayList<>();
        m.path("areas").forEach(a -> areaIds.add(a.path("area_id").asText()));
        assertTrue(areaIds.get(0).startsWith("SDA"), areaIds.toString());
        assertEquals("pcn_code,pcn_name," + String.join(",", areaIds) + ",total", lines.get(0), "a column per area, in order");
        assertError(400, http.get("/api/plans/" + id + "/pcn-alignment?format=xml"));

        String pcn = row.path("pcn_code").asText();
        JsonNode view = ok(http.get("/api/plans/" + id + "/pcns/" + pcn));
        assertEquals(pcn, view.path("pcn_code").asText());
        assertEquals(row.path("pcn_name").asText(), view.path("pcn_name").asText());
        assertTrue(view.path("lsoas").size() > 0);
        JsonNode l = view.path("lsoas").get(0);
        assertTrue(l.path("lsoa_code").asText().startsWith("E01") && l.path("share").asDouble() > 0 && l.path("patients").asLong() > 0);
        double shares = 0;
        for (JsonNode a : view.path("areas")) {
            assertTrue(a.path("area_id").asText().startsWith("SDA"));
            shares += a.path("share").asDouble();
        }
        assertEquals(1.0, shares, 0.01);
        assertError(404, http.get("/api/plans/" + id + "/pcns/NOPCN"));
        assertError(404, http.get("/api/plans/999999/pcns/" + pcn));

        JsonNode why = ok(http.get("/api/plans/" + id + "/blocks/M04000036/why"));
        assertEquals("Ely", why.path("block_name").asText());
        assertTrue(why.path("text").asText().startsWith("Ely is in"));
        assertTrue(why.path("leanings").size() > 0);
        assertTrue(why.path("alternatives").isArray());
        assertError(404, http.get("/api/plans/" + id + "/blocks/NOBLOCK/why"));
    }

    @Test
    void movesAreCheckedAndUndoRedoRestoreTheFigures() {
        long id = newPlan("Moves");
        List<Candidate> c = candidates(id);
        Candidate good = c.get(0);
        Candidate cut = c.get(1);
        JsonNode before = figures(id);

        // preview: the outcome, nothing changes
        JsonNode preview = ok(http.post("/api/plans/" + id + "/moves", move(good.block(), good.to(), 0L, true)));
        assertTrue(preview.path("accepted").asBoolean());
        assertTrue(preview.path("preview").asBoolean());
        assertEquals(0, preview.path("revision").asLong());
        assertEquals(before, figures(id));

        // the move
        JsonNode moved = ok(as("ana").post("/api/plans/" + id + "/moves", move(good.block(), good.to(), 0L, false)));
        assertTrue(moved.path("accepted").asBoolean());
        assertEquals(1, moved.path("revision").asLong());
        assertEquals(List.of(good.from()), List.of(moved.path("from").get(0).asText()));
        assertEquals(2, moved.path("areas").size());
        for (JsonNode a : moved.path("areas")) {
            for (String f : List.of("area_id", "residents_before", "residents_after", "alignment_before", "alignment_after")) {
                assertTrue(a.has(f), f);
            }
            assertNotEquals(a.path("residents_before").asDouble(), a.path("residents_after").asDouble());
        }
        assertEquals(preview.path("alignment_after"), moved.path("alignment_after"));
        assertEquals(good.to(), ok(http.get("/api/plans/" + id)).path("blocks").path(good.block()).path("area_id").asText());
        JsonNode after = figures(id);
        assertNotEquals(before, after);

        // stale revision, unknown plan/block/area, malformed and incomplete bodies
        Http.Response stale = http.post("/api/plans/" + id + "/moves", move(good.block(), good.from(), 0L, false));
        assertError(409, stale);
        assertEquals(1, stale.json().path("revision").asLong());
        assertError(404, http.post("/api/plans/999999/moves", move(good.block(), good.from(), null, false)));
        assertError(404, http.post("/api/plans/" + id + "/moves", move("NOBLOCK", good.from(), null, false)));
        assertError(404, http.post("/api/plans/" + id + "/moves", move(good.block(), "SDA99", null, false)));
        assertError(400, http.post("/api/plans/" + id + "/moves", "{\"blocks\":[\"" + good.block() + "\"],"));
        assertError(400, http.post("/api/plans/" + id + "/moves", "{\"blocks\":[\"" + good.block() + "\"]}"));
        assertError(400, http.post("/api/plans/" + id + "/moves", "{\"blocks\":\"" + good.block() + "\",\"to\":\"SDA01\"}"));
        assertError(400, http.post("/api/plans/" + id + "/moves", "{\"blocks\":[],\"to\":\"SDA01\"}"));
        assertError(400, http.post("/api/plans/" + id + "/moves", "{\"blocks\":[\"x\"],\"to\":\"SDA01\",\"revision\":\"one\"}"));
        assertError(400, http.post("/api/plans/" + id + "/moves", ""));

        // a move that breaks contiguity: 422 naming the blocks cut off
        Http.Response refused = http.post("/api/plans/" + id + "/moves", move(cut.block(), cut.to(), 1L, false));
        assertError(422, refused);
        JsonNode body = refused.json();
        assertFalse(body.path("accepted").asBoolean());
        assertTrue(body.path("reason").asText().contains("cut"), body::toString);
        assertTrue(body.path("cut_off").size() > 0, body::toString);
        assertEquals(body.path("reason").asText(), body.path("error").asText());
        assertEquals(1, ok(http.get("/api/plans/" + id)).path("revision").asLong(), "a refused move changes nothing");
        assertEquals(after, figures(id));

        // undo restores the figures, redo brings the move back
        JsonNode undone = ok(as("ben").post("/api/plans/" + id + "/undo", "{\"revision\":1}"));
        assertEquals("undo", undone.path("kind").asText());
        assertEquals(2, undone.path("revision").asLong());
        assertEquals(List.of(good.block()), List.of(undone.path("blocks").get(0).asText()));
        assertEquals(before, figures(id));
        assertEquals(good.from(), ok(http.get("/api/plans/" + id)).path("blocks").path(good.block()).path("area_id").asText());
        assertError(409, http.post("/api/plans/" + id + "/undo", "{}"));
        JsonNode redone = ok(as("cy").post("/api/plans/" + id + "/redo", ""));
        assertEquals(3, redone.path("revision").asLong());
        assertEquals(after, figures(id));
        assertError(409, http.post("/api/plans/" + id + "/redo", "{}"));
        assertError(409, http.post("/api/plans/" + id + "/undo", "{\"revision\":1}"));
        assertError(404, http.post("/api/plans/999999/undo", "{}"));

        // the audit: newest first, with the signed-in users
        JsonNode audit = ok(http.get("/api/plans/" + id + "/audit"));
        List<String> kinds = new ArrayList<>();
        List<String> users = new ArrayList<>();
        for (JsonNode e : audit) {
            kinds.add(e.path("kind").asText());
            users.add(e.path("user").asText());
            for (String f : List.of("seq", "at", "user", "kind", "blocks", "from", "to")) {
                assertTrue(e.has(f), f);
            }
        }
        assertEquals(List.of("redo", "undo", "move", "create"), kinds);
        assertEquals(List.of("cy", "ben", "ana", "tester"), users);
        JsonNode moveEntry = audit.get(2);
        assertEquals(good.block(), moveEntry.path("blocks").get(0).asText());
        assertEquals(good.from(), moveEntry.path("from").get(0).asText());
        assertEquals(good.to(), moveEntry.path("to").asText());
        assertError(404, http.get("/api/plans/999999/audit"));
    }

    @Test
    void lockedBlocksCannotMove() {
        long id = newPlan("Locks");
        Candidate good = candidates(id).get(0);
        JsonNode locked = ok(http.post("/api/plans/" + id + "/locks", Http.json(Map.of("blocks", List.of(good.block()), "locked", true))));
        assertTrue(locked.path("locked").asBoolean());
        assertEquals(1, locked.path("revision").asLong());
        assertTrue(ok(http.get("/api/plans/" + id)).path("blocks").path(good.block()).path("locked").asBoolean());
        Http.Response refused = http.post("/api/plans/" + id + "/moves", move(good.block(), good.to(), null, false));
        assertError(422, refused);
        assertTrue(refused.json().path("reason").asText().contains("locked"));
        ok(http.post("/api/plans/" + id + "/undo", "{}"));
        assertFalse(ok(http.get("/api/plans/" + id)).path("blocks").path(good.block()).path("locked").asBoolean(), "undo unlocks");
        ok(http.post("/api/plans/" + id + "/moves", move(good.block(), good.to(), null, false)));
        assertError(404, http.post("/api/plans/" + id + "/locks", "{\"blocks\":[\"NOBLOCK\"],\"locked\":true}"));
        assertError(400, http.post("/api/plans/" + id + "/locks", "{\"blocks\":[\"" + good.block() + "\"]}"));
        assertError(409, http.post("/api/plans/" + id + "/locks", "{\"blocks\":[\"" + good.block() + "\"],\"locked\":true,\"revision\":0}"));
    }

    @Test
    void versionsAndCompareListTheChangedBlocks() {
        long id = newPlan("Versions");
        Candidate good = candidates(id).get(0);
        Http.Response v1 = as("ana").post("/api/plans/" + id + "/versions", "{\"label\":\"as built\"}");
        assertEquals(201, v1.status(), v1::toString);
        assertEquals(1, v1.json().path("version").asInt());
        assertEquals("as built", v1.json().path("label").asText());
        assertEquals("ana", v1.json().path("created_by").asText());
        ok(http.post("/api/plans/" + id + "/moves", move(good.block(), good.to(), null, false)));
        assertEquals(2, http.post("/api/plans/" + id + "/versions", "{\"label\":\"moved\"}").json().path("version").asInt());
        JsonNode versions = ok(http.get("/api/plans/" + id + "/versions"));
        assertEquals(2, versions.size());
        for (String f : List.of("version", "label", "created_at", "created_by")) {
            assertTrue(versions.get(0).has(f), f);
        }

        JsonNode cmp = ok(http.get("/api/plans/" + id + "/compare?a=1&b=2"));
        assertEquals(1, cmp.path("changed_blocks").size());
        JsonNode ch = cmp.path("changed_blocks").get(0);
        assertEquals(good.block(), ch.path("block_code").asText());
        assertEquals(good.from(), ch.path("from_area").asText());
        assertEquals(good.to(), ch.path("to_area").asText());
        assertFalse(ch.path("block_name").asText().isBlank());
        assertEquals(RealRegion.DEFAULT_PLAN_AREAS, cmp.path("a").path("areas").size());
        assertNotEquals(cmp.path("a").path("summary"), cmp.path("b").path("summary"));
        JsonNode current = ok(http.get("/api/plans/" + id + "/compare?a=2&b=current"));
        assertEquals(0, current.path("changed_blocks").size());
        assertEquals(current.path("a").path("summary"), current.path("b").path("summary"));
        assertEquals(1, ok(http.get("/api/plans/" + id + "/compare?a=current&b=1")).path("changed_blocks").size());

        assertError(404, http.get("/api/plans/" + id + "/compare?a=1&b=9"));
        assertError(400, http.get("/api/plans/" + id + "/compare?a=1&b=latest"));
        assertError(400, http.get("/api/plans/" + id + "/compare?a=1"));
        assertError(404, http.get("/api/plans/999999/versions"));
        assertError(404, http.post("/api/plans/999999/versions", "{\"label\":\"x\"}"));
        assertError(400, http.post("/api/plans/" + id + "/versions", "{\"label\":7}"));
    }

    @Test
    void planAreasAndDownloads() {
        long id = newPlan("Areas");
        Http.Response areas = http.get("/api/plans/" + id + "/areas?zoom=10");
        JsonNode fc = ok(areas);
        assertEquals(RealRegion.DEFAULT_PLAN_AREAS, fc.path("features").size());
        JsonNode props = fc.path("features").get(0).path("properties");
        assertTrue(props.has("area_id") && props.has("resident_population") && props.has("pcn_alignment"));
        assertEquals(304, http.get("/api/plans/" + id + "/areas?zoom=10", "If-None-Match", areas.header("ETag")).status());
        Candidate good = candidates(id).get(0);
        ok(http.post("/api/plans/" + id + "/moves", move(good.block(), good.to(), null, false)));
        Http.Response changed = http.get("/api/plans/" + id + "/areas?zoom=10", "If-None-Match", areas.header("ETag"));
        assertEquals(200, changed.status(), "a move changes the areas");
        assertNotEquals(areas.header("ETag"), changed.header("ETag"));
        assertError(404, http.get("/api/plans/999999/areas?zoom=10"));

        Http.Response geojson = http.get("/api/plans/" + id + "/download?format=geojson");
        assertEquals(200, geojson.status());
        assertTrue(geojson.header("Content-Disposition").contains("areas.geojson"));
        assertEquals(RealRegion.DEFAULT_PLAN_AREAS, geojson.json().path("features").size());
        Http.Response gpkg = http.get("/api/plans/" + id + "/download?format=gpkg");
        assertEquals(200, gpkg.status());
        assertTrue(new String(gpkg.body(), 0, 15, StandardCharsets.US_ASCII).startsWith("SQLite format 3"));
        Http.Response blocks = http.get("/api/plans/" + id + "/download?format=blocks-csv");
        List<String> rows = blocks.text().lines().toList();
        assertEquals("block_code,block_name,block_kind,district_code,area_id,area_name", rows.get(0));
        assertEquals(414, rows.size());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith(good.block() + ",") && r.split(",")[4].equals(good.to())),
                "the download follows the edit");
        List<String> lsoas = http.get("/api/plans/" + id + "/download?format=lsoas-csv").text().lines().toList();
        assertEquals("lsoa_code,area_id,population_share_in_area,area_name", lsoas.get(0));
        assertEquals(517, lsoas.size());
        assertError(400, http.get("/api/plans/" + id + "/download?format=pdf"));
        assertError(400, http.get("/api/plans/" + id + "/download"));
        assertError(404, http.get("/api/plans/999999/download?format=geojson"));
    }

    @Test
    void thePageLeafletAndTheOpenApiDocument() throws Exception {
        Http.Response leaflet = http.get("/vendor/leaflet/leaflet.js");
        assertEquals(200, leaflet.status());
        assertTrue(leaflet.text().contains("Leaflet"));
        assertEquals(200, http.get("/vendor/leaflet/leaflet.css").status());
        if (MapServer.class.getResource("/public/index.html") != null) {
            Http.Response page = http.get("/");
            assertEquals(200, page.status());
            assertTrue(page.header("Content-Type").startsWith("text/html"));
        }

        JsonNode api = ok(http.get("/api/openapi.json"));
        assertTrue(api.path("openapi").asText().startsWith("3.0"));
        Set<String> documented = new TreeSet<>();
        api.path("paths").fields().forEachRemaining(e -> e.getValue().fieldNames().forEachRemaining(
                m -> documented.add(m.toUpperCase(java.util.Locale.ROOT) + " " + e.getKey())));
        Set<String> contract = apiMdRoutes();
        assertTrue(contract.size() >= 24, "parsed docs/api.md: " + contract);
        Set<String> missing = new TreeSet<>(contract);
        missing.removeAll(documented);
        assertEquals(Set.of(), missing, "routes of docs/api.md missing from openapi.json");
        contract.add("GET /api/openapi.json");
        Set<String> extra = new TreeSet<>(documented);
        extra.removeAll(contract);
        assertEquals(Set.of(), extra, "openapi.json documents routes docs/api.md does not have");
        Set<String> undocumented = new TreeSet<>();
        server.routeTable().forEach(r -> {
            if (r.path().startsWith("/api/")) {
                undocumented.add(r.method() + " " + r.path());
            }
        });
        undocumented.removeAll(contract);
        assertEquals(Set.of(), undocumented, "routes the server has that docs/api.md does not describe");
        List<String> refs = new ArrayList<>();
        collectRefs(api, refs);
        assertTrue(refs.size() > 30);
        for (String ref : refs) {
            assertTrue(ref.startsWith("#/components/"), ref);
            assertFalse(api.at(ref.substring(1)).isMissingNode(), "unresolved " + ref);
        }
        // and every documented route answers (not with "nothing at …")
        for (String route : documented) {
            String[] mp = route.split(" ", 2);
            String path = mp[1].replace("{id}", Long.toString(defaultPlanId())).replace("{layer}", "districts")
                    .replace("{code}", "M04000036").replace("{areaId}", "SDA01").replace("{indicatorId}", "residents")
                    .replace("{cid}", "1").replace("{username}", "tester").replace("{version}", "1")
                    .replace("{z}", "9").replace("{x}", "253").replace("{y}", "166");
            if (mp[0].equals("GET")) {
                Http.Response r = http.get(path);
                assertFalse(r.text().contains("nothing at"), route + ": " + r);
            }
        }
    }

    private static void collectRefs(JsonNode n, List<String> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) {
                    out.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), out);
                }
            });
        } else if (n.isArray()) {
            n.forEach(x -> collectRefs(x, out));
        }
    }

    /** "METHOD /path" for every row of the tables in docs/api.md. */
    static Set<String> apiMdRoutes() throws Exception {
        Path md = TestData.manifest("cambridgeshire-peterborough.json").getParent().getParent().resolve("docs").resolve("api.md");
        Set<String> out = new TreeSet<>();
        Pattern row = Pattern.compile("^\\|\\s*(GET|POST|PATCH|DELETE|PUT)\\s*\\|(.*)$");
        Pattern path = Pattern.compile("`(/api/[^`]*|/[a-z]+)`");
        for (String line : Files.readAllLines(md)) {
            Matcher m = row.matcher(line);
            if (!m.find()) {
                continue;
            }
            String first = null;
            Matcher p = path.matcher(m.group(2));
            while (p.find()) {
                String x = p.group(1).split("\\?")[0];
                if (first == null) {
                    first = x;
                } else if (!x.startsWith("/api/")) {
                    x = first.substring(0, first.lastIndexOf('/')) + x; // "`/api/plans/{id}/undo`, `/redo`"
                }
                out.add(m.group(1) + " " + x);
            }
        }
        return out;
    }

    @Test
    void aSecondServiceOnTheSameStoreSeesEditsThroughTheRevision() {
        // the store is shared in this JVM: a second service stands for a second process (PostGIS: TwoServersOnPostgisTest)
        long id = newPlan("Shared");
        Candidate good = candidates(id).get(0);
        SpatialStore store = SpatialStore.open("jdbc:h2:file:" + dir.resolve("store").resolve("sda"));
        try (PlannerService other = PlannerService.open(store)) {
            assertEquals(0L, other.plans().plan(id).revision());
            ok(http.post("/api/plans/" + id + "/moves", move(good.block(), good.to(), 0L, false)));
            Plan seen = other.plans().plan(id);
            assertEquals(1L, seen.revision());
            assertEquals(good.to(), seen.blocks().get(good.block()).areaId());
            other.editing().undo(id, 1L, "other");
            assertEquals(good.from(), ok(http.get("/api/plans/" + id)).path("blocks").path(good.block()).path("area_id").asText());
            assertEquals(2, service.cachedRevision(id));
        }
        Set<String> users = new HashSet<>();
        ok(http.get("/api/plans/" + id + "/audit")).forEach(e -> users.add(e.path("user").asText()));
        assertTrue(users.contains("other"), users::toString);
    }

    /**
     * An analyst's work with whole plans: versions opened, labelled and restored (and the restore undone and
     * redone), what undo would do and whose change it was, two plans with different numbers of areas compared,
     * plans imported from their own files (and files refused), the Shapefile download and the committee report.
     */
    /** Issue 12 in the API: the bound and gap of built plans, hard limits, both readings of the count, the trade-off. */
    @Nested
    class BoundsAndLimits {
        private static final double ROUNDING = 0.0002; // bound and gap are rounded up to 4 places, alignment to 4

        private void assertCertificate(JsonNode summary) {
            double alignment = summary.path("alignment").asDouble();
            double bound = summary.path("alignment_upper_bound").asDouble(Double.NaN);
            assertTrue(bound >= alignment - 1e-9 && bound <= 1, "a bound at or above the plan's alignment: " + summary);
            assertEquals(bound - alignment, summary.path("optimality_gap").asDouble(), ROUNDING, summary.toString());
            assertTrue(summary.path("optimal").isBoolean(), summary.toString());
        }

        @Test
        void aBuiltPlanCarriesItsBoundWhichHoldsAfterHandEditsAndOptionsSayWhatWasAsked() {
            JsonNode plan = ok(http.get("/api/plans/" + ok(http.get("/api/plans")).get(0).path("id").asLong()));
            assertCertificate(plan.path("summary"));
            assertTrue(plan.path("summary").path("bound_note").isNull(), "a plan as built needs no note: " + plan.path("summary"));
            assertFalse(plan.path("options").has("certificate"), "the options say what was asked: " + plan.path("options"));
            assertEquals("parishes", plan.path("options").path("areas_of").asText(), plan.path("options").toString());
            assertEquals("auto", plan.path("options").path("unparished_areas").asText(), plan.path("options").toString());

            long id = newPlan("Bound after edits");
            JsonNode before = ok(http.get("/api/plans/" + id)).path("summary");
            assertEquals(before, ok(http.get("/api/plans/" + id + "/metrics")).path("summary"), "the metrics say the same");
            MapServerApiTest.Candidate good = candidates(id).get(0);
            ok(http.post("/api/plans/" + id + "/moves", move(good.block(), good.to(), null, false)));
            JsonNode after = ok(http.get("/api/plans/" + id + "/metrics")).path("summary");
            assertEquals(before.path("alignment_upper_bound"), after.path("alignment_upper_bound"), "the bound is of the rules");
            assertCertificate(after);
            assertTrue(after.path("bound_note").asText().contains("hand edits"), after.toString());
            ok(http.post("/api/plans/" + id + "/undo", "{}"));
            assertEquals(before, ok(http.get("/api/plans/" + id + "/metrics")).path("summary"), "undone: the plan as built again");
            ok(http.post("/api/plans/" + id + "/redo", "{}"));
            JsonNode copy = http.post("/api/plans/" + id + "/copy", "{\"name\":\"Copy with its bound\"}").json();
            assertEquals(after.path("alignment_upper_bound"), copy.path("summary").path("alignment_upper_bound"), "a copy has the same rules");
        }

        @Test
        void hardLimitsAndBothReadingsOfTheCountAreTakenOrRefusedBeforeAnyWork() {
            Http.Response r = http.post("/api/plans", "{\"name\":\"28 in all within 35%\",\"areas\":28,\"max_deviation\":\"35%\"}");
            assertEquals(201, r.status(), r::toString);
            JsonNode plan = r.json();
            assertEquals(28, plan.path("summary").path("areas").asInt());
            assertEquals(0.35, plan.path("options").path("max_deviation").asDouble(), 1e-9, plan.path("options").toString());
            assertFalse(plan.path("options").has("areas_of"), "28 in all: " + plan.path("options"));
            for (JsonNode a : plan.path("areas")) {
                assertTrue(Math.abs(a.path("deviation").asDouble()) <= 0.35 + 1e-4, "every area within ±35%: " + a);
                assertTrue(a.path("contiguous").asBoolean(), a.toString());
            }
            assertCertificate(plan.path("summary"));

            Http.Response parishes = http.post("/api/plans", "{\"name\":\"Parish areas\",\"parish_areas\":20,"
                    + "\"unparished_areas\":6,\"max_deviation\":\"none\"}");
            assertEquals(201, parishes.status(), parishes::toString);
            JsonNode o = parishes.json().path("options");
            assertEquals(26, parishes.json().path("summary").path("areas").asInt(), "20 of parishes + 6 unparished");
            assertEquals("none", o.path("max_deviation").asText(), o.toString());
            assertEquals(6, o.path("unparished_areas").asInt(), o.toString());

            // a block larger than the largest area allowed: 422 in the engine's words, naming the district and the block
            Http.Response tooBig = http.post("/api/plans", "{\"name\":\"x\",\"areas\":28,\"max_population\":30000}");
            assertError(422, tooBig);
            String why = tooBig.json().path("error").asText();
            assertTrue(why.contains("E07000011") && why.contains("St. Neots") && why.contains("31,653"), why);

            int plans = ok(http.get("/api/plans")).size();
            for (String bad : List.of("{\"name\":\"x\",\"max_deviation\":\"lots\"}", "{\"name\":\"x\",\"max_deviation\":1.5}",
                    "{\"name\":\"x\",\"max_deviation\":true}", "{\"name\":\"x\",\"areas\":28,\"parish_areas\":20}",
                    "{\"name\":\"x\",\"areas\":28,\"unparished_areas\":3}", "{\"name\":\"x\",\"parish_areas\":20,\"unparished_areas\":\"-1\"}",
                    "{\"name\":\"x\",\"parish_areas\":0}", "{\"name\":\"x\",\"min_population\":30000,\"max_population\":20000}",
                    "{\"name\":\"x\",\"max_deviation\":\"" + "9".repeat(5000) + "\"}")) {
                Http.Response refused = http.post("/api/plans", bad);
                assertError(400, refused);
                assertTrue(refused.text().length() < 1000, "the refusal does not echo the body: " + refused.text().length());
            }
            assertEquals(plans, ok(http.get("/api/plans")).size(), "nothing stored");
        }

        @Test
        void theTradeoffCurveIsWorkedOutInTheBackgroundAndKept() throws Exception {
            String q = "/api/tradeoff?areas=28&seed=1";
            Http.Response first = http.get(q);
            assertTrue(first.status() == 202 || first.status() == 200, first::toString);
            JsonNode curve = first.json();
            long until = System.nanoTime() + 240_000_000_000L;
            while (!curve.path("status").asText().equals("done") && System.nanoTime() < until) {
                assertEquals("running", curve.path("status").asText(), curve.toString());
                Thread.sleep(500);
                curve = http.get(q).json();
            }
            assertEquals("done", curve.path("status").asText(), curve.toString());
            assertEquals(7, curve.path("points").size());
            assertEquals(7, curve.path("total").asInt());
            assertEquals("28 in all", curve.path("counts").asText());
            JsonNode none = curve.path("points").get(6);
            assertTrue(none.path("max_deviation").isNull(), none.toString());
            int feasible = 0;
            for (JsonNode p : curve.path("points")) {
                if (p.path("alignment").isNull()) {
                    assertTrue(p.path("infeasible").asText().contains("district E0"), "says which district cannot: " + p);
                    continue;
                }
                feasible++;
                assertTrue(p.path("alignment_upper_bound").asDouble() >= p.path("alignment").asDouble(), p.toString());
                if (!p.path("max_deviation").isNull()) {
                    assertTrue(p.path("largest_deviation").asDouble() <= p.path("max_deviation").asDouble() + 1e-4, p.toString());
                }
            }
            assertTrue(feasible >= 3, "±30%, ±40% and no bound have plans: " + curve);
            assertTrue(curve.path("points").get(0).path("alignment").isNull(), "±10% cannot be met with 28 in all");
            Http.Response again = http.get(q + "&district_nesting=true");
            assertEquals(200, again.status(), "the same choices are asked again for free");
            assertEquals(curve, again.json());
            assertError(400, http.get("/api/tradeoff?areas=28&parish_areas=20"));
            assertError(400, http.get("/api/tradeoff?seed=one"));
            assertError(400, http.get("/api/tradeoff?district_nesting=maybe"));
        }
    }

    @Nested
    class PlanWork {
        private String areaOf(long plan, String block) {
            return ok(http.get("/api/plans/" + plan)).path("blocks").path(block).path("area_id").asText();
        }

        private long revision(long plan) {
            return ok(http.get("/api/plans/" + plan)).path("revision").asLong();
        }

        @Test
        void aVersionOpensReadOnlyTakesALabelAndIsRestoredAsAnUndoableRevision() {
            long id = newPlan("Versions");
            MapServerApiTest.Candidate good = candidates(id).get(0);
            int v = http.post("/api/plans/" + id + "/versions", "{\"label\":\"Before\"}").json().path("version").asInt();
            ok(http.post("/api/plans/" + id + "/moves", move(good.block(), good.to(), revision(id), false)));

            JsonNode seen = ok(http.get("/api/plans/" + id + "/versions/" + v));
            assertEquals("Before", seen.path("version").path("label").asText());
            assertEquals(good.from(), seen.path("blocks").path(good.block()).path("area_id").asText(), "the version as it was saved");
            assertEquals(good.to(), areaOf(id, good.block()), "looking at it changes nothing");
            JsonNode shapes = ok(http.get("/api/plans/" + id + "/versions/" + v + "/areas?zoom=9"));
            assertEquals(RealRegion.DEFAULT_PLAN_AREAS, shapes.path("features").size());
            assertEquals("After the workshop", ok(http.send("PATCH", "/api/plans/" + id + "/versions/" + v, "{\"label\":\"After the workshop\"}"))
                    .path("label").asText());
            assertError(404, http.get("/api/plans/" + id + "/versions/99"));
            assertError(400, http.send("PATCH", "/api/plans/" + id + "/versions/" + v, "{\"label\":\"\"}"));

            long before = revision(id);
            assertError(409, http.post("/api/plans/" + id + "/versions/" + v + "/restore", "{\"revision\":" + (before - 1) + "}"));
            JsonNode r = ok(http.post("/api/plans/" + id + "/versions/" + v + "/restore", "{\"revision\":" + before + "}"));
            assertEquals("restore", r.path("kind").asText());
            assertEquals(List.of(good.block()), strings(r.path("blocks")), "only the block that changed");
            assertTrue(r.path("edit").path("text").asText().contains("restored version " + v + " “After the workshop”"), r.toString());
            assertEquals(good.from(), areaOf(id, good.block()));
            assertEquals(before + 1, r.path("revision").asLong());
            assertError(409, http.post("/api/plans/" + id + "/versions/" + v + "/restore", "{}")); // nothing left to restore

            JsonNode state = ok(http.get("/api/plans/" + id + "/edit-state"));
            assertEquals("restore", state.path("undo").path("kind").asText());
            assertTrue(state.path("undo").path("text").asText().startsWith("tester restored version"), state.toString());
            ok(http.post("/api/plans/" + id + "/undo", "{\"revision\":" + revision(id) + "}"));
            assertEquals(good.to(), areaOf(id, good.block()), "undo takes the restore back");
            ok(http.post("/api/plans/" + id + "/redo", "{\"revision\":" + revision(id) + "}"));
            assertEquals(good.from(), areaOf(id, good.block()), "redo makes it again, from the version");

            // a locked block that would move: refused with its name
            ok(http.post("/api/plans/" + id + "/moves", move(good.block(), good.to(), revision(id), false)));
            ok(http.post("/api/plans/" + id + "/locks", "{\"blocks\":[\"" + good.block() + "\"],\"locked\":true}"));
            Http.Response locked = http.post("/api/plans/" + id + "/versions/" + v + "/restore", "{}");
            assertError(422, locked);
            String name = ok(http.get("/api/plans/" + id + "/blocks/" + good.block() + "/why")).path("block_name").asText();
            assertTrue(locked.json().path("error").asText().contains(name), locked.toString());
        }

        @Test
        void undoSaysWhoseChangeItTakesBackAndAStaleRevisionUndoesNothing() {
            long id = newPlan("Two people");
            MapServerApiTest.Candidate good = candidates(id).get(0);
            Http ann = MapServerApiTest.as("ann");
            ok(ann.post("/api/plans/" + id + "/moves", move(good.block(), good.to(), revision(id), false)));
            JsonNode state = ok(http.get("/api/plans/" + id + "/edit-state"));
            assertEquals("ann", state.path("undo").path("user").asText());
            String block = ok(http.get("/api/plans/" + id + "/blocks/" + good.block() + "/why")).path("block_name").asText();
            assertTrue(state.path("undo").path("text").asText().startsWith("ann moved " + block + " to " + good.to()), state.toString());
            assertEquals(state.path("undo"), state.path("latest"));
            assertTrue(state.path("redo").isNull());
            // "tester" still shows the revision before Ann's move: its undo is refused, and Ann's move stays
            assertError(409, http.post("/api/plans/" + id + "/undo", "{\"revision\":" + (state.path("revision").asLong() - 1) + "}"));
            assertEquals(good.to(), areaOf(id, good.block()));
            JsonNode undone = ok(http.post("/api/plans/" + id + "/undo", "{\"revision\":" + state.path("revision").asLong() + "}"));
            assertTrue(undone.path("edit").path("text").asText().startsWith("ann moved " + block), undone.toString());
            JsonNode history = ok(http.get("/api/plans/" + id + "/audit"));
            assertEquals("tester undid: ann moved " + block + " to " + good.to(), history.get(0).path("text").asText().replaceAll(" [^ ]+$", "")
                    .replaceAll(" " + java.util.regex.Pattern.quote(good.to()) + ".*$", " " + good.to()));
            assertTrue(history.get(1).path("undone").asBoolean());
        }

        @Test
        void plansWithDifferentNumbersOfAreasAreComparedByTheResidentsTheyShare() {
            long a = newPlan("Twenty-eight");
            long b = http.post("/api/plans", "{\"name\":\"Twenty\",\"areas\":20,\"seed\":1}").json().path("id").asLong();
            JsonNode c = ok(http.get("/api/plans/" + a + "/compare?a=current&b=current&with=" + b));
            assertEquals(RealRegion.DEFAULT_PLAN_AREAS, c.path("a").path("areas").size());
            assertEquals(20, c.path("b").path("areas").size());
            int matched = 0;
            TreeSet<String> partners = new TreeSet<>();
            for (JsonNode m : c.path("matches")) {
                if (!m.path("a_area").isNull() && !m.path("b_area").isNull()) {
                    matched++;
                    assertTrue(partners.add(m.path("b_area").asText()), "each area has at most one partner");
                    assertTrue(m.path("shared_residents").asDouble() > 0);
                }
            }
            assertTrue(matched <= 20 && matched >= 15, "matched areas: " + matched);
            double moved = 0;
            for (JsonNode x : c.path("changed_blocks")) {
                moved += x.path("residents").asDouble();
                assertFalse(x.path("from_area_name").asText().isBlank() || x.path("to_area_name").asText().isBlank());
            }
            assertEquals(c.path("residents_moved").asDouble(), moved, 28, "the residents moved are the changed blocks'");
            assertTrue(c.path("changed_blocks").size() > 0);
            JsonNode same = ok(http.get("/api/plans/" + a + "/compare?a=current&b=current&with=" + a));
            assertEquals(0, same.path("changed_blocks").size(), "a plan against itself: nothing changed");
            assertError(400, http.get("/api/plans/" + a + "/compare?a=current&b=current&with=x"));
            assertError(404, http.get("/api/plans/" + a + "/compare?a=current&b=current&with=999999"));
        }

        @Test
        void aPlansOwnFilesImportBackAsTheSamePlanAndIncompleteFilesAreRefused() throws Exception {
            long id = newPlan("Exported");
            MapServerApiTest.Candidate good = candidates(id).get(0);
            ok(http.post("/api/plans/" + id + "/moves", move(good.block(), good.to(), revision(id), false)));
            String area = ok(http.get("/api/plans/" + id)).path("areas").get(0).path("area_id").asText();
            ok(http.send("PATCH", "/api/plans/" + id + "/areas/" + area, "{\"name\":\"=Renamed, with a comma\"}"));
            JsonNode original = ok(http.get("/api/plans/" + id));
            for (String format : List.of("blocks-csv", "geojson", "gpkg")) {
                byte[] file = http.get("/api/plans/" + id + "/download?format=" + format).body();
                String name = "exported." + (format.equals("blocks-csv") ? "csv" : format);
                JsonNode check = ok(http.post("/api/plans/import", importBody(null, name, file, true)));
                assertTrue(check.path("ok").asBoolean(), format + ": " + check);
                assertEquals(RealRegion.DEFAULT_PLAN_AREAS, check.path("areas").asInt());
                Http.Response r = http.post("/api/plans/import", importBody("Back from " + format, name, file, false));
                assertEquals(201, r.status(), r::toString);
                JsonNode back = r.json();
                assertEquals(original.path("blocks").size(), back.path("blocks").size());
                for (Iterator<String> it = original.path("blocks").fieldNames(); it.hasNext(); ) {
                    String code = it.next();
                    assertEquals(original.path("blocks").path(code).path("area_id").asText(),
                            back.path("blocks").path(code).path("area_id").asText(), format + ": " + code);
                }
                assertEquals(names(original), names(back), format + ": the areas' names come back");
                assertEquals(withoutBound(original.path("summary")), withoutBound(back.path("summary")), format + ": the same figures");
                assertTrue(back.path("summary").path("alignment_upper_bound").isNull(), "an imported plan has no bound");
                assertTrue(back.path("summary").path("bound_note").asText().contains("imported"), back.path("summary").toString());
                assertTrue(back.path("district_nesting").asBoolean(), "areas within one district each keep the nesting rule");
            }
            byte[] lsoas = http.get("/api/plans/" + id + "/download?format=lsoas-csv").body();
            JsonNode byLsoa = ok(http.post("/api/plans/import", importBody(null, "lsoas.csv", lsoas, true)));
            assertTrue(byLsoa.path("ok").asBoolean(), byLsoa.toString());
            assertEquals("lsoas-csv", byLsoa.path("format").asText());

            // a file that leaves a block out, gives one two areas, names one that does not exist: refused or warned, by name
            List<String> rows = new ArrayList<>(new String(http.get("/api/plans/" + id + "/download?format=blocks-csv").body(),
                    StandardCharsets.UTF_8).lines().toList());
            String dropped = rows.remove(rows.size() - 1);
            String twice = rows.get(1);
            rows.add(twice.replaceFirst(",(SDA\\d+),", ",SDA99,"));
            rows.add("NOT-A-BLOCK,a,unparished,E07000008," + area + ",x");
            Http.Response refused = http.post("/api/plans/import", importBody("Incomplete", "incomplete.csv",
                    String.join("\n", rows).getBytes(StandardCharsets.UTF_8), false));
            assertEquals(422, refused.status(), refused::toString);
            JsonNode rep = refused.json();
            assertFalse(rep.path("ok").asBoolean());
            String errors = rep.path("errors").toString();
            assertTrue(errors.contains(dropped.split(",")[1]) && errors.contains("no area"), errors);
            assertTrue(errors.contains(twice.split(",")[1]) && errors.contains("two different areas"), errors);
            assertTrue(rep.path("unknown_codes").toString().contains("NOT-A-BLOCK"), rep.toString());
            assertEquals(List.of(rows.get(1).split(",")[0]), List.of(rep.path("duplicates").get(0).path("code").asText()));
            assertError(400, http.post("/api/plans/import", "{\"name\":\"x\",\"file_name\":\"a.csv\",\"content\":\"***\"}"));
            assertError(422, http.post("/api/plans/import", importBody("Empty", "a.csv", new byte[0], false)));
            JsonNode notAPlan = ok(http.post("/api/plans/import", importBody(null, "a.csv", "x,y\n1,2\n".getBytes(StandardCharsets.UTF_8), true)));
            assertTrue(notAPlan.path("errors").get(0).asText().contains("block_code"), notAPlan.toString());
            assertEquals(413, http.post("/api/plans/" + id + "/versions", "{\"label\":\"" + "x".repeat(70_000) + "\"}").status(),
                    "other routes keep their 64 KB limit");
        }

        @Test
        void theShapefileDownloadIsAZipOfBothLayersAndTheReportIsOnePage() throws Exception {
            long id = newPlan("Shapes");
            Http.Response shp = http.get("/api/plans/" + id + "/download?format=shp");
            assertEquals(200, shp.status(), shp::toString);
            assertEquals("application/zip", shp.header("Content-Type"));
            assertTrue(shp.header("Content-Disposition").contains("shapefiles.zip"));
            TreeSet<String> entries = new TreeSet<>();
            try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(shp.body()))) {
                for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                    entries.add(e.getName());
                }
            }
            for (String layer : List.of("areas", "blocks")) {
                for (String ext : List.of(".shp", ".shx", ".dbf", ".prj", ".cpg")) {
                    assertTrue(entries.contains(layer + ext), layer + ext + " in " + entries);
                }
            }
            Http.Response report = http.get("/report.html?plan=" + id);
            assertEquals(200, report.status());
            assertTrue(report.header("Content-Type").startsWith("text/html"));
            String html = report.text();
            assertFalse(html.contains("<script"), "the report has no script");
            assertTrue(html.contains("can align more than") && (html.contains("points of it") || html.contains("is optimal")),
                    "the report gives the plan's proven bound and its gap");
            assertEquals(RealRegion.DEFAULT_PLAN_AREAS, html.split("<path class=\"area\"", -1).length - 1, "every area on the map");
            assertTrue(html.contains("Appendix: parishes and building blocks by district") && html.contains("Data sources and dates"));
            assertEquals(400, http.get("/report.html").status());
            assertEquals(404, http.get("/report.html?plan=999999").status());
        }

        private String importBody(String name, String fileName, byte[] content, boolean check) {
            Map<String, Object> body = new LinkedHashMap<>();
            if (name != null) {
                body.put("name", name);
            }
            body.put("file_name", fileName);
            body.put("content", Base64.getEncoder().encodeToString(content));
            body.put("check", check);
            return Http.json(body);
        }

        private List<String> names(JsonNode plan) {
            List<String> out = new ArrayList<>();
            plan.path("areas").forEach(a -> out.add(a.path("area_id").asText() + "=" + a.path("area_name").asText()));
            return out;
        }

        private List<String> strings(JsonNode array) {
            List<String> out = new ArrayList<>();
            array.forEach(x -> out.add(x.asText()));
            return out;
        }
    }
}
