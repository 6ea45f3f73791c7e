package org.sdaplanner.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;
import org.sdaplanner.export.GeoJsonGeometries;
import org.sdaplanner.realdata.RealRegion;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The map layers on the real C&P data at every zoom the API serves: every feature valid with
 * RFC 7946 winding, and the features of each partition layer (blocks, districts, LSOAs, PCN
 * footprints, a plan's areas) sharing their boundaries exactly, with no gap or overlap.
 */
class MapLayersTopologyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static MapLayers layers;
    private static Region region;
    private static PlannerService service;
    private static long planId;

    @BeforeAll
    static void load() {
        service = PlannerService.open(RealRegion.store());
        region = service.region();
        layers = new MapLayers(region, new Places(region, new BlockIndex(region.problem())));
        planId = service.plans().create("Map layers test", org.sdaplanner.web.plans.PlanSpec.defaults(), "test").id();
    }

    @AfterAll
    static void close() {
        service.plans().delete(planId);
        service.close();
    }

    @Test
    void neighboursShareTheirBoundaryExactlyAtEveryServedZoom() throws Exception {
        List<Integer> zooms = new ArrayList<>();
        zooms.add(null);
        for (int z = 0; z <= Features.MAX_ZOOM; z++) {
            zooms.add(z);
        }
        long vertices0 = -1;
        for (Integer z : zooms) {
            for (String name : List.of("blocks", "districts", "lsoas", "pcn-footprints")) {
                List<Geometry> g = features(layers.layer(name, z).bytes(), name + "@" + z);
                assertCoverage(g, name + " at zoom " + z);
                if (name.equals("blocks")) {
                    assertEquals(region.problem().blockCount(), g.size(), "every block drawn at zoom " + z);
                    if (z != null && z == 0) {
                        vertices0 = g.stream().mapToLong(Geometry::getNumPoints).sum();
                    }
                }
            }
            List<Geometry> areas = features(service.figures().areas(planId, z).bytes(), "areas@" + z);
            assertEquals(RealRegion.DEFAULT_PLAN_AREAS, areas.size());
            assertCoverage(areas, "areas at zoom " + z);
            for (Geometry a : areas) {
                assertEquals(1, a.getNumGeometries(), "an area is one polygon at zoom " + z);
            }
        }
        long full = features(layers.layer("blocks", null).bytes(), "blocks").stream().mapToLong(Geometry::getNumPoints).sum();
        assertTrue(vertices0 < full / 2, "zoom 0 is simplified: " + vertices0 + " of " + full + " vertices");
    }

    @Test
    void catchmentsAreValidOneByOne() throws Exception {
        for (Integer z : new Integer[] {null, 8, 12}) {
            for (Geometry g : features(layers.layer("pcn-catchments", z).bytes(), "catchments")) {
                assertTrue(g.isValid());
            }
        }
    }

    private static List<Geometry> features(byte[] body, String what) throws Exception {
        JsonNode fc = JSON.readTree(body);
        List<Geometry> out = new ArrayList<>();
        for (JsonNode f : fc.path("features")) {
            if (f.path("geometry").isNull()) {
                continue;
            }
            Geometry g = GeoJsonGeometries.read(f.path("geometry"));
            GeoJsonGeometries.assertRfc7946Winding(g, what);
            out.add(g);
        }
        return out;
    }

    private static void assertCoverage(List<Geometry> gs, String what) {
        for (Geometry g : gs) {
            assertTrue(g.isValid(), what + ": invalid feature near " + g.getEnvelopeInternal());
        }
        Geometry[] bad = CoverageValidator.validate(gs.toArray(new Geometry[0]));
        for (Geometry b : bad) {
            assertNull(b, what + ": a gap or overlap near " + (b == null ? null : b.getEnvelopeInternal()));
        }
    }
}
