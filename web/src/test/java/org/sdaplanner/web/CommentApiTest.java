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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Comments over HTTP on the real C&P data: on an area, a parish and a point; threads; authors
 * editing and withdrawing; moderators hiding and restoring with a reason; the context kept when
 * the area is renamed; filters and the CSV for committee papers; text kept exactly as written.
 */
class CommentApiTest {
    @TempDir
    static Path dir;
    static TestServer test;
    static TestAccounts accounts;
    static Http member;
    static Http partner;
    static Http analyst;
    static long plan;
    static String area;
    static String block;

    @BeforeAll
    static void start() {
        test = TestServer.start(dir, TestData.GENEROUS);
        accounts = test.accounts;
        member = accounts.as("cllr-jones", Role.MEMBER);
        partner = accounts.as("pcn-lead", Role.HEALTH_PARTNER);
        analyst = accounts.as("analyst-amy", Role.ANALYST);
        plan = ok(member.get("/api/plans")).get(0).path("id").asLong();
        JsonNode p = ok(member.get("/api/plans/" + plan));
        area = p.path("areas").get(0).path("area_id").asText();
        block = p.path("blocks").fieldNames().next();
    }

    @AfterAll
    static void stop() {
        if (test != null) {
            test.close();
        }
    }

    static JsonNode ok(Http.Response r) {
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    static JsonNode created(Http.Response r) {
        assertEquals(201, r.status(), r::toString);
        return r.json();
    }

    static JsonNode post(Http who, Map<String, Object> body) {
        return created(who.post("/api/plans/" + plan + "/comments", Http.json(body)));
    }

    @Test
    void areaParishAndPointCommentsKeepTheirContext() {
        long revision = ok(analyst.get("/api/plans/" + plan)).path("revision").asLong();
        JsonNode onArea = post(member, Map.of("area", area, "text", "Too big to serve from one hub"));
        assertEquals("area", onArea.path("about").asText());
        assertEquals(area, onArea.path("area_id").asText());
        assertEquals(revision, onArea.path("plan_revision").asLong());
        assertEquals("cllr-jones", onArea.path("author").asText());
        assertEquals("member", onArea.path("author_role").asText());
        assertTrue(onArea.path("own").asBoolean());

        JsonNode onParish = post(partner, Map.of("block", block, "text", "Patients here go to the next town"));
        assertEquals("parish", onParish.path("about").asText());
        assertEquals(block, onParish.path("block_code").asText());
        assertFalse(onParish.path("block_name").asText().isBlank());
        assertFalse(onParish.path("area_id").asText().isBlank(), "a parish comment knows the area the parish was in");

        // a point in Ely (the cathedral): inside the region, so it lands on a block and its area
        JsonNode onPoint = post(member, Map.of("lon", 0.2637, "lat", 52.3986, "text", "The surgery is here"));
        assertEquals("point", onPoint.path("about").asText());
        assertFalse(onPoint.path("block_code").asText().isBlank());
        assertEquals(0.2637, onPoint.path("lon").asDouble(), 1e-9);
        // outside the region (the North Sea), and malformed requests
        assertEquals(422, member.post("/api/plans/" + plan + "/comments", Http.json(Map.of("lon", 2.5, "lat", 53.0, "text", "x"))).status());
        assertEquals(400, member.post("/api/plans/" + plan + "/comments", Http.json(Map.of("text", "about nothing"))).status());
        assertEquals(400, member.post("/api/plans/" + plan + "/comments",
                Http.json(Map.of("area", area, "block", block, "text", "two targets"))).status());
        assertEquals(400, member.post("/api/plans/" + plan + "/comments", Http.json(Map.of("area", area, "text", "  "))).status());
        assertEquals(404, member.post("/api/plans/" + plan + "/comments", Http.json(Map.of("area", "NOAREA", "text", "x"))).status());
        assertEquals(404, member.post("/api/plans/999999/comments", Http.json(Map.of("area", area, "text", "x"))).status());
        assertEquals(400, member.post("/api/plans/" + plan + "/comments",
                Http.json(Map.of("area", area, "text", "x".repeat(4001)))).status());

        // the area is renamed and a version saved: the comment stays attached, with the name it was written about
        String oldName = onArea.path("area_name_then").asText();
        ok(analyst.send("PATCH", "/api/plans/" + plan + "/areas/" + area, Http.json(Map.of("name", "Fenland North"))));
        created(analyst.post("/api/plans/" + plan + "/versions", "{\"label\":\"for committee\"}"));
        JsonNode listed = ok(member.get("/api/plans/" + plan + "/comments?area=" + area + "&about=area"));
        JsonNode same = find(listed, onArea.path("id").asLong());
        assertEquals(oldName, same.path("area_name_then").asText());
        assertEquals("Fenland North", same.path("area_name_now").asText());
        JsonNode later = post(member, Map.of("area", area, "text", "Better name"));
        assertEquals("Fenland North", later.path("area_name_then").asText());
        assertTrue(later.path("plan_version").asInt() >= 1, "written after a version was saved: " + later);
        assertTrue(later.path("plan_revision").asLong() > revision);
    }

    @Test
    void threadsEditsWithdrawalsAndModeration() {
        JsonNode first = post(member, Map.of("area", area, "text", "Original text"));
        long id = first.path("id").asLong();
        JsonNode reply = post(analyst, Map.of("parent", id, "text", "Thanks, we will look at it"));
        assertEquals(id, reply.path("thread_id").asLong());
        assertEquals(id, reply.path("parent").asLong());
        assertEquals(area, reply.path("area_id").asText(), "a reply is about what its thread is about");
        JsonNode replyToReply = post(partner, Map.of("parent", reply.path("id").asLong(), "text", "Agreed"));
        assertEquals(id, replyToReply.path("thread_id").asLong(), "replies to a reply join the same thread");

        // only the author edits, on the revision they read
        assertEquals(403, partner.send("PATCH", "/api/comments/" + id, "{\"text\":\"not mine\"}").status());
        assertEquals(403, analyst.send("PATCH", "/api/comments/" + id, "{\"text\":\"not mine either\"}").status());
        JsonNode edited = ok(member.send("PATCH", "/api/comments/" + id, "{\"text\":\"Edited text\",\"revision\":0}"));
        assertEquals("Edited text", edited.path("text").asText());
        assertFalse(edited.path("edited_at").isNull());
        Http.Response stale = member.send("PATCH", "/api/comments/" + id, "{\"text\":\"stale\",\"revision\":0}");
        assertEquals(409, stale.status(), stale::toString);
        assertEquals(1, stale.json().path("revision").asLong());

        // moderation needs a reason, a moderator, and the right state
        assertEquals(403, member.post("/api/comments/" + id + "/hide", "{\"reason\":\"mine\"}").status());
        assertEquals(400, analyst.post("/api/comments/" + id + "/hide", "{}").status());
        assertEquals(409, analyst.post("/api/comments/" + id + "/restore", "{\"reason\":\"not hidden\"}").status());
        JsonNode hidden = ok(analyst.post("/api/comments/" + id + "/hide", "{\"reason\":\"names a patient\"}"));
        assertEquals("hidden", hidden.path("status").asText());
        assertEquals("Edited text", hidden.path("text").asText(), "moderators still read it");
        JsonNode seenByPartner = find(ok(partner.get("/api/plans/" + plan + "/comments")), id);
        assertTrue(seenByPartner.path("text").isNull(), "others see that it was hidden, not what it said");
        assertEquals("names a patient", seenByPartner.path("moderation_reason").asText());
        assertEquals("analyst-amy", seenByPartner.path("moderated_by").asText());
        assertEquals("Edited text", find(ok(member.get("/api/plans/" + plan + "/comments")), id).path("text").asText(),
                "the author still sees their own text");
        assertEquals(409, member.send("PATCH", "/api/comments/" + id, "{\"text\":\"again\"}").status(), "hidden: no more edits");
        JsonNode restored = ok(analyst.post("/api/comments/" + id + "/restore", "{\"reason\":\"patient name removed on request\"}"));
        assertEquals("visible", restored.path("status").asText());

        // the author withdraws: kept in the record, text no longer shown to others
        JsonNode withdrawn = ok(member.post("/api/comments/" + id + "/withdraw", "{}"));
        assertEquals("withdrawn", withdrawn.path("status").asText());
        assertTrue(find(ok(partner.get("/api/plans/" + plan + "/comments?status=withdrawn")), id).path("text").isNull());
        assertEquals(409, member.post("/api/comments/" + id + "/withdraw", "{}").status());

        // moderation is in the audit log
        JsonNode log = ok(accounts.as("admin-ada", Role.ADMIN).get("/api/audit-log?action=comment-hidden"));
        assertTrue(log.size() >= 1 && log.get(0).path("detail").asText().equals("names a patient"), log::toString);
        // a plan with comments cannot be deleted: they are part of the record
        assertEquals(409, analyst.send("DELETE", "/api/plans/" + plan, null).status());
    }

    @Test
    void textIsKeptExactlyAsWrittenAndTheCsvIsSafeForSpreadsheets() {
        String[] payloads = {"<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "=HYPERLINK(\"http://x\",\"y\")",
                "Line one\nLine two, with a comma and \"quotes\"", "  leading and trailing spaces  ", "Émile’s café — 10% ✓"};
        List<Long> ids = new ArrayList<>();
        for (String p : payloads) {
            JsonNode c = post(member, Map.of("area", area, "text", p));
            assertEquals(p, c.path("text").asText());
            ids.add(c.path("id").asLong());
        }
        JsonNode all = ok(member.get("/api/plans/" + plan + "/comments?author=cllr-jones"));
        for (int i = 0; i < payloads.length; i++) {
            assertEquals(payloads[i], find(all, ids.get(i)).path("text").asText());
        }
        Http.Response csv = member.get("/api/plans/" + plan + "/comments?format=csv&author=cllr-jones");
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"));
        String text = csv.text();
        assertTrue(text.startsWith("comment_id,thread_id,plan_id,plan_revision,plan_version,area_id,area_name_now,"), text);
        assertTrue(text.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""), "a formula is neutralised: " + text);
        assertTrue(text.contains("\"Line one\nLine two, with a comma and \"\"quotes\"\"\""), text);
        assertTrue(text.contains("<script>alert(1)</script>"), "CSV keeps the text as written");
        assertEquals(400, member.get("/api/plans/" + plan + "/comments?format=pdf").status());
        assertEquals(400, member.get("/api/plans/" + plan + "/comments?status=gone").status());
        assertEquals(400, member.get("/api/plans/" + plan + "/comments?about=everything").status());
    }

    private static JsonNode find(JsonNode list, long id) {
        for (JsonNode c : list) {
            if (c.path("id").asLong() == id) {
                return c;
            }
        }
        throw new AssertionError("comment " + id + " not in " + list);
    }
}
