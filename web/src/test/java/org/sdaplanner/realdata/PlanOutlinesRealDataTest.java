package org.sdaplanner.realdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.export.AreaPolygons;
import org.sdaplanner.export.GeoJsonGeometries;
import org.sdaplanner.export.PlanFiles;
import org.sdaplanner.export.PlanOutlines;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default C&P plan's outlines, in both CRSs and as written: valid, exactly shared, in as many polygons as the ground says. */
class PlanOutlinesRealDataTest {
    private static final GeometryFactory GF = new GeometryFactory();

    @Test
    void everyOutlineIsValidAndNeighboursShareTheirEdgesExactly() {
        BuiltPlan plan = RealRegion.defaultPlan();
        for (PlanOutlines o : List.of(PlanOutlines.bng(plan, 0), PlanOutlines.lonLat(plan, 0), PlanOutlines.bng(plan, 50))) {
            assertCoverage(o.blocks(), "blocks");
            assertCoverage(o.areas(), "areas");
        }
    }

    @Test
    void everyAreaIsOnePolygonPerConnectedPieceWithNoStrayHoles() {
        BuiltPlan plan = RealRegion.defaultPlan();
        PlanOutlines o = PlanOutlines.bng(plan, 0);
        PlanState s = plan.state();
        int multi = 0;
        for (int a = 0; a < plan.areas().size(); a++) {
            List<Geometry> parts = new ArrayList<>();
            for (int b = 0; b < s.problem().blockCount(); b++) {
                if (s.areaOf(b) == a) {
                    MultiPolygon m = o.blocks().get(b);
                    for (int i = 0; i < m.getNumGeometries(); i++) {
                        parts.add(m.getGeometryN(i));
                    }
                }
            }
            MultiPolygon outline = o.areas().get(a);
            String id = plan.areaIds().get(a);
            assertEquals(connectedPieces(parts), outline.getNumGeometries(), id + ": one polygon per piece joined along edges");
            if (outline.getNumGeometries() > 1) {
                multi++;
                assertNotNull(AreaPolygons.note(plan, a, outline), id + " in pieces says why");
            } else {
                assertNull(AreaPolygons.note(plan, a, outline));
            }
            // a hole is another area's ground (an enclave), or a real hole of the region: never a sliver
            Geometry others = GF.createGeometryCollection();
            List<Geometry> rest = new ArrayList<>();
            for (int b = 0; b < s.problem().blockCount(); b++) {
                if (s.areaOf(b) != a) {
                    rest.add(o.blocks().get(b));
                }
            }
            others = org.locationtech.jts.coverage.CoverageUnion.union(rest.toArray(new Geometry[0]));
            for (int i = 0; i < outline.getNumGeometries(); i++) {
                Polygon p = (Polygon) outline.getGeometryN(i);
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    Polygon hole = GF.createPolygon(p.getInteriorRingN(h).getCoordinates());
                    assertEquals(0, hole.difference(others).getArea(), 1e-3, id + ": hole of " + hole.getArea() + " m² filled by other areas");
                }
            }
        }
        assertEquals(0, multi, "on C&P every area of the default plan is one polygon");
    }

    @Test
    void writtenFilesAreValidGeoJsonWithRfc7946WindingAndTheSummarySaysWhereSliversWent(@TempDir Path dir) throws Exception {
        BuiltPlan plan = RealRegion.defaultPlan();
        PlanFiles.write(plan, RealRegion.analysis().blocks().blocks().sliverMerges(), dir);
        ObjectMapper json = new ObjectMapper();
        for (String file : List.of("areas.geojson", "blocks.geojson")) {
            JsonNode fc = json.readTree(dir.resolve(file).toFile());
            List<Geometry> all = new ArrayList<>();
            for (JsonNode f : fc.path("features")) {
                Geometry g = GeoJsonGeometries.read(f.path("geometry"));
                assertTrue(g.isValid(), file + ": " + f.path("properties"));
                GeoJsonGeometries.assertRfc7946Winding(g, file);
                double lon = g.getCoordinate().x;
                assertTrue(lon > -1 && lon < 1, "longitude first");
                all.add(g);
            }
            assertCoverage(all, file);
        }
        JsonNode summary = json.readTree(dir.resolve("summary.json").toFile());
        double residents = 0;
        for (JsonNode a : summary.path("areas")) {
            assertEquals(1, a.path("polygons").asInt(), a.path("area_id").asText());
            assertTrue(a.path("polygons_note").isNull());
            residents += a.path("resident_population").asDouble();
        }
        assertEquals(894_516, residents, 0.5 * summary.path("areas").size(), "areas' residents (rounded) add up to the region's");
        double exact = 0;
        for (int a = 0; a < plan.areas().size(); a++) {
            exact += plan.state().residents(a);
        }
        assertEquals(894_516, exact, 1e-6);
        JsonNode slivers = summary.path("slivers");
        assertEquals(85, slivers.path("merged").asInt());
        boolean littleport = false;
        for (JsonNode m : slivers.path("into")) {
            littleport |= m.path("sliver_code").asText().equals("E01018024") && m.path("into_block_name").asText().equals("Littleport");
        }
        assertTrue(littleport, "E01018024 is listed as joined Littleport");
    }

    /** Valid geometries forming a valid coverage: no overlaps, and the edges of neighbours matching vertex for vertex. */
    static void assertCoverage(List<? extends Geometry> geometries, String what) {
        List<Geometry> present = new ArrayList<>();
        for (Geometry g : geometries) {
            if (g != null) {
                assertTrue(g.isValid(), what + ": invalid " + g.getEnvelopeInternal());
                present.add(g);
            }
        }
        Geometry[] invalid = CoverageValidator.validate(present.toArray(new Geometry[0]));
        for (int i = 0; i < invalid.length; i++) {
            assertNull(invalid[i], what + ": edges not shared exactly near " + (invalid[i] == null ? null : invalid[i].getEnvelopeInternal()));
        }
    }

    /** Pieces of polygons joined where they share an edge of positive length. */
    private static int connectedPieces(List<Geometry> parts) {
        int n = parts.size();
        int[] root = new int[n];
        for (int i = 0; i < n; i++) {
            root[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Geometry a = parts.get(i);
                Geometry b = parts.get(j);
                if (a.getEnvelopeInternal().intersects(b.getEnvelopeInternal()) && a.intersection(b).getLength() > 0) {
                    root[find(root, i)] = find(root, j);
                }
            }
        }
        int pieces = 0;
        for (int i = 0; i < n; i++) {
            if (find(root, i) == i) {
                pieces++;
            }
        }
        return pieces;
    }

    private static int find(int[] root, int i) {
        while (root[i] != i) {
            i = root[i] = root[root[i]];
        }
        return i;
    }
}
