package org.sdaplanner.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.sdaplanner.store.SpatialStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdaplanner.web.MapServerApiTest.move;
import static org.sdaplanner.web.MapServerApiTest.ok;

/**
 * Two map servers on one PostGIS store, as two processes would run: each has its own store
 * handle, service (cached plan states) and HTTP server. What is done through one is seen
 * through the other, and a stale revision is refused. Skipped outside CI without PostGIS.
 */
class TwoServersOnPostgisTest {

    @Test
    void aMoveMadeThroughOneServerIsSeenByTheOther() throws Exception {
        try (TestData.PostgisSchema schema = TestData.PostgisSchema.create()) {
            TestData.importedStore(schema.url());
            try (PlannerService serviceA = PlannerService.open(SpatialStore.open(schema.url()));
                 PlannerService serviceB = PlannerService.open(SpatialStore.open(schema.url()));
                 MapServer a = MapServer.start(serviceA, TestData.GENEROUS, "127.0.0.1", 0);
                 MapServer b = MapServer.start(serviceB, TestData.GENEROUS, "127.0.0.1", 0)) {
                Http ha = new Http("http://127.0.0.1:" + a.port());
                Http hb = new Http("http://127.0.0.1:" + b.port());
                assertEquals("PostGIS", ok(ha.get("/api/health")).path("store").asText());
                assertEquals("PostGIS", ok(hb.get("/api/health")).path("store").asText());
                // one analyst signed in through each server: accounts and sessions are in the shared store
                TestAccounts accountsA = new TestAccounts(serviceA.store(), "http://127.0.0.1:" + a.port());
                TestAccounts accountsB = new TestAccounts(serviceB.store(), "http://127.0.0.1:" + b.port());
                Http ana = accountsA.analyst("ana");
                Http ben = accountsB.analyst("ben");

                Http.Response created = ana.post("/api/plans", Http.json(Map.of("name", "Shared plan", "seed", 1)));
                assertEquals(201, created.status(), created::toString);
                long id = created.json().path("id").asLong();
                JsonNode listedByB = ok(hb.get("/api/plans"));
                assertEquals(1, listedByB.size());
                assertEquals(id, listedByB.get(0).path("id").asLong());
                JsonNode before = ok(hb.get("/api/plans/" + id + "/metrics"));

                MapServerApiTest.Candidate c = MapServerApiTest.candidates(ha, id).get(0);
                JsonNode moved = ok(ana.post("/api/plans/" + id + "/moves", move(c.block(), c.to(), 0L, false)));
                assertEquals(1, moved.path("revision").asLong());

                // B had the plan cached at revision 0: it sees revision 1 and the block in its new area
                JsonNode seen = ok(hb.get("/api/plans/" + id));
                assertEquals(1, seen.path("revision").asLong());
                assertEquals(c.to(), seen.path("blocks").path(c.block()).path("area_id").asText());
                assertEquals(moved.path("alignment_after").asDouble(),
                        ok(hb.get("/api/plans/" + id + "/metrics")).path("summary").path("alignment").asDouble(), 1e-4);

                // an edit B's user made on revision 0 is refused
                Http.Response stale = ben.post("/api/plans/" + id + "/moves", move(c.block(), c.from(), 0L, false));
                assertEquals(409, stale.status(), stale::toString);
                assertEquals(1, stale.json().path("revision").asLong());

                // undo through B; A sees the block back and the figures restored
                JsonNode undone = ok(ben.post("/api/plans/" + id + "/undo", "{\"revision\":1}"));
                assertEquals(2, undone.path("revision").asLong());
                JsonNode back = ok(ha.get("/api/plans/" + id));
                assertEquals(2, back.path("revision").asLong());
                assertEquals(c.from(), back.path("blocks").path(c.block()).path("area_id").asText());
                assertEquals(before.path("summary"), ok(ha.get("/api/plans/" + id + "/metrics")).path("summary"));
                // redo through A replays it; versions and history are shared too
                assertEquals(3, ok(ana.post("/api/plans/" + id + "/redo", "{}")).path("revision").asLong());
                assertEquals(c.to(), ok(hb.get("/api/plans/" + id)).path("blocks").path(c.block()).path("area_id").asText());
                assertEquals(201, ben.post("/api/plans/" + id + "/versions", "{\"label\":\"from B\"}").status());
                assertEquals("from B", ok(ha.get("/api/plans/" + id + "/versions")).get(0).path("label").asText());
                List<String> history = new ArrayList<>();
                ok(ana.get("/api/plans/" + id + "/audit")).forEach(e -> history.add(e.path("kind").asText() + ":" + e.path("user").asText()));
                assertEquals(List.of("redo:ana", "undo:ben", "move:ana", "create:ana"), history);
                assertTrue(ok(hb.get("/api/plans/" + id + "/compare?a=1&b=current")).path("changed_blocks").isEmpty());
            }
        }
    }
}
