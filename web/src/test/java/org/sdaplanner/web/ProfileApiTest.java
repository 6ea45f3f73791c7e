package org.sdaplanner.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdaplanner.web.MapServerApiTest.assertError;
import static org.sdaplanner.web.MapServerApiTest.ok;

/** The area-profile routes of docs/api.md over HTTP, on the real C&P data: good requests and bad ones. */
class ProfileApiTest {
    @TempDir
    static Path dir;
    static TestServer test;
    static Http http;
    static long plan;

    @BeforeAll
    static void start() {
        test = TestServer.start(dir, TestData.GENEROUS);
        http = test.accounts.analyst("profiler");
        plan = ok(http.get("/api/plans")).get(0).path("id").asLong();
    }

    @AfterAll
    static void stop() {
        if (test != null) {
            test.close();
        }
    }

    private static String firstArea() {
        return ok(http.get("/api/plans/" + plan)).path("areas").get(0).path("area_id").asText();
    }

    @Test
    void catalogue() {
        JsonNode cat = ok(http.get("/api/indicators"));
        assertTrue(cat.size() >= 10, cat::toString);
        Set<String> ids = new HashSet<>();
        for (JsonNode i : cat) {
            ids.add(i.path("id").asText());
            for (String f : List.of("id", "label", "kind", "vintage", "source", "licence")) {
                assertTrue(i.has(f), f + " in " + i);
            }
        }
        assertTrue(ids.containsAll(List.of("residents", "age_bands", "imd_decile", "tenure", "ethnicity", "imd_rank")), ids::toString);
    }

    @Test
    void allProfilesAsJsonAndCsv() {
        JsonNode all = ok(http.get("/api/plans/" + plan + "/profiles"));
        int areas = ok(http.get("/api/plans/" + plan)).path("areas").size();
        JsonNode profiles = all.path("profiles");
        long areaProfiles = 0;
        long regions = 0;
        double sum = 0;
        double region = 0;
        for (JsonNode p : profiles) {
            if (p.path("kind").asText().equals("area")) {
                areaProfiles++;
                sum += p.path("values").path("residents").path("value").asDouble();
            } else if (p.path("kind").asText().equals("region")) {
                regions++;
                region = p.path("values").path("residents").path("value").asDouble();
            }
        }
        assertEquals(areas, areaProfiles);
        assertEquals(1, regions);
        assertEquals(region, sum, region * 1e-6, "the areas' residents add up to the region's");
        assertEquals(ok(http.get("/api/indicators")), all.path("indicators"));

        Http.Response csv = http.get("/api/plans/" + plan + "/profiles?format=csv");
        assertEquals(200, csv.status(), csv::toString);
        assertTrue(csv.header("Content-Type").startsWith("text/csv"));
        assertTrue(csv.header("Content-Disposition").contains("profiles.csv"));
        assertTrue(csv.text().startsWith("unit_kind,unit_id,unit_name,indicator,measure,value\n"));
        assertTrue(csv.text().contains("\nregion,"));

        assertError(400, http.get("/api/plans/" + plan + "/profiles?format=xml"));
        assertError(404, http.get("/api/plans/999999/profiles"));
        assertError(404, http.get("/api/plans/nope/profiles"));
    }

    @Test
    void areaProfile() {
        String area = firstArea();
        JsonNode p = ok(http.get("/api/plans/" + plan + "/areas/" + area + "/profile"));
        assertEquals(area, p.path("area").path("id").asText());
        assertEquals("area", p.path("area").path("kind").asText());
        assertEquals("region", p.path("region").path("kind").asText());
        assertTrue(p.path("districts").size() >= 1);
        JsonNode planArea = ok(http.get("/api/plans/" + plan)).path("areas").get(0);
        Set<String> districts = new HashSet<>();
        planArea.path("district_codes").forEach(d -> districts.add(d.asText()));
        for (JsonNode d : p.path("districts")) {
            assertEquals("district", d.path("kind").asText());
            assertTrue(districts.contains(d.path("id").asText()), d.path("id") + " in " + districts);
        }
        assertTrue(p.path("area").path("values").path("age_bands").path("shares").size() > 10);
        assertTrue(p.path("indicators").size() >= 10);
        assertError(404, http.get("/api/plans/" + plan + "/areas/NOPE/profile"));
        assertError(404, http.get("/api/plans/999999/areas/" + area + "/profile"));
    }

    @Test
    void indicatorForEveryArea() {
        JsonNode all = ok(http.get("/api/plans/" + plan + "/profiles"));
        JsonNode m = ok(http.get("/api/plans/" + plan + "/indicators/aged_65_plus"));
        assertEquals("aged_65_plus", m.path("indicator").path("id").asText());
        assertTrue(m.path("part").isNull());
        assertEquals(0, m.path("parts").size());
        Map<String, Double> expected = new java.util.HashMap<>();
        double regionValue = 0;
        for (JsonNode p : all.path("profiles")) {
            double v = p.path("values").path("aged_65_plus").path("value").asDouble();
            if (p.path("kind").asText().equals("area")) {
                expected.put(p.path("id").asText(), v);
            } else if (p.path("kind").asText().equals("region")) {
                regionValue = v;
            }
        }
        assertEquals(expected.size(), m.path("areas").size());
        for (JsonNode a : m.path("areas")) {
            assertEquals(expected.get(a.path("area_id").asText()), a.path("value").asDouble(), 1e-9);
        }
        assertEquals(regionValue, m.path("region").asDouble(), 1e-9);

        JsonNode tenure = ok(http.get("/api/plans/" + plan + "/indicators/tenure"));
        assertTrue(tenure.path("parts").size() > 1);
        assertEquals(tenure.path("parts").get(0).asText(), tenure.path("part").asText(), "the first part by default");
        String second = tenure.path("parts").get(1).asText();
        JsonNode other = ok(http.get("/api/plans/" + plan + "/indicators/tenure?part="
                + java.net.URLEncoder.encode(second, java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(second, other.path("part").asText());
        assertNotEquals(tenure.path("region").asDouble(), other.path("region").asDouble());
        double shareSum = 0;
        for (JsonNode part : tenure.path("parts")) {
            JsonNode r = ok(http.get("/api/plans/" + plan + "/indicators/tenure?part="
                    + java.net.URLEncoder.encode(part.asText(), java.nio.charset.StandardCharsets.UTF_8)));
            shareSum += r.path("region").asDouble();
        }
        assertEquals(1.0, shareSum, 1e-4, "the shares of the parts add up to 1");

        assertError(404, http.get("/api/plans/" + plan + "/indicators/no_such_indicator"));
        assertError(400, http.get("/api/plans/" + plan + "/indicators/tenure?part=Nonsense"));
        assertError(400, http.get("/api/plans/" + plan + "/indicators/residents?part=x"));
        assertError(404, http.get("/api/plans/999999/indicators/residents"));
    }

    @Test
    void profilesFollowEdits() {
        Http.Response created = http.post("/api/plans/" + plan + "/copy", Http.json(Map.of("name", "profile edits")));
        assertEquals(201, created.status(), created::toString);
        long copy = created.json().path("id").asLong();
        List<MapServerApiTest.Candidate> c = MapServerApiTest.candidates(http, copy);
        MapServerApiTest.Candidate allowed = c.get(0);
        JsonNode before = ok(http.get("/api/plans/" + copy + "/areas/" + allowed.from() + "/profile"));
        long revision = ok(http.get("/api/plans/" + copy)).path("revision").asLong();
        JsonNode r = ok(http.post("/api/plans/" + copy + "/moves", MapServerApiTest.move(allowed.block(), allowed.to(), revision, false)));
        assertTrue(r.path("accepted").asBoolean(), r::toString);
        JsonNode after = ok(http.get("/api/plans/" + copy + "/areas/" + allowed.from() + "/profile"));
        double b = before.path("area").path("values").path("residents").path("value").asDouble();
        double a = after.path("area").path("values").path("residents").path("value").asDouble();
        assertTrue(a <= b, "the area lost a block: " + b + " → " + a);
    }
}
