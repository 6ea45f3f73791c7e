package org.sdaplanner.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.sdaplanner.core.cluster.BuiltPlan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outlines of {@link OutlineFixtures}' plan in every CRS and as written to GeoJSON. */
class OutlineFixturesTest {

    @Test
    void theEnclaveIsTheOnlyHoleAndEachAreaHasOnePolygonPerPiece() {
        BuiltPlan plan = OutlineFixtures.plan();
        for (PlanOutlines o : List.of(PlanOutlines.bng(plan, 0), PlanOutlines.lonLat(plan, 0), PlanOutlines.bng(plan, 30))) {
            assertCoverage(o.blocks());
            assertCoverage(o.areas());
            MultiPolygon a = o.areas().get(0);
            MultiPolygon b = o.areas().get(1);
            assertEquals(3, a.getNumGeometries(), "B1 with B3, then B5 and B6 that meet at a corner only");
            assertEquals(2, b.getNumGeometries(), "the enclave and B4 do not touch");
            List<Polygon> holes = new ArrayList<>();
            for (MultiPolygon m : o.areas()) {
                for (int i = 0; i < m.getNumGeometries(); i++) {
                    Polygon p = (Polygon) m.getGeometryN(i);
                    for (int h = 0; h < p.getNumInteriorRing(); h++) {
                        holes.add(p.getFactory().createPolygon(p.getInteriorRingN(h).getCoordinates()));
                    }
                }
            }
            assertEquals(1, holes.size(), "the 0.2 m gap and the 0.4 m overlap leave no hole");
            assertTrue(holes.get(0).equalsTopo(o.blocks().get(1)), "the one hole is the enclave B2: " + holes.get(0) + " vs " + o.blocks().get(1));
        }
        assertTrue(AreaPolygons.note(plan, 0, PlanOutlines.bng(plan, 0).areas().get(0)).contains("3 groups that share no boundary"),
                "B5 and B6 meet at a corner only: no shared boundary, so apart");
        assertTrue(AreaPolygons.note(plan, 1, PlanOutlines.bng(plan, 0).areas().get(1)).contains("2 groups that share no boundary"));
    }

    @Test
    void geoJsonRingsRunCounterClockwiseAndHolesClockwise(@TempDir Path dir) throws Exception {
        BuiltPlan plan = OutlineFixtures.plan();
        PlanFiles.write(plan, List.of(), dir);
        ObjectMapper json = new ObjectMapper();
        for (String file : List.of("areas.geojson", "blocks.geojson")) {
            List<Geometry> all = new ArrayList<>();
            for (JsonNode f : json.readTree(dir.resolve(file).toFile()).path("features")) {
                Geometry g = GeoJsonGeometries.read(f.path("geometry"));
                assertTrue(g.isValid(), file);
                GeoJsonGeometries.assertRfc7946Winding(g, file);
                all.add(g);
            }
            assertCoverage(all);
        }
        JsonNode summary = json.readTree(dir.resolve("summary.json").toFile());
        assertEquals(3, summary.path("areas").get(0).path("polygons").asInt());
        assertTrue(summary.path("areas").get(0).path("polygons_note").asText().startsWith("3 polygons: "));
        assertEquals(0, summary.path("slivers").path("merged").asInt());
    }

    static void assertCoverage(List<? extends Geometry> gs) {
        for (Geometry g : gs) {
            assertTrue(g.isValid(), "valid: " + g);
        }
        for (Geometry bad : CoverageValidator.validate(gs.toArray(new Geometry[0]))) {
            assertNull(bad, "edges shared exactly");
        }
    }
}
