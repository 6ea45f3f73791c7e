package org.sdaplanner.export;

import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.h2gis.functions.factory.H2GISFunctions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBReader;
import org.sdaplanner.core.blocks.AdjacencyOptions;
import org.sdaplanner.core.blocks.BlockAdjacency;
import org.sdaplanner.core.blocks.BlockKind;
import org.sdaplanner.core.blocks.BuildingBlock;
import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.cluster.ClusterOptions;
import org.sdaplanner.core.cluster.PlanBuilder;
import org.sdaplanner.core.plan.PlanningProblem;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GeoPackage and Shapefile export of a tiny hand-made plan (six 1 km squares in EPSG:27700,
 * two with a detached islet; two areas), read back with geopackage-java and H2GIS. Needs no store.
 */
class PlanExportTest {
    private static final GeometryFactory GF = new GeometryFactory();
    private static BuiltPlan plan;
    private static Map<String, Double> blockAreaSumByArea;

    @TempDir
    Path dir;

    private static Polygon square(double x, double y, double size) {
        return GF.createPolygon(new Coordinate[] {
            new Coordinate(x, y), new Coordinate(x + size, y), new Coordinate(x + size, y + size),
            new Coordinate(x, y + size), new Coordinate(x, y)});
    }

    private static BuildingBlock block(String code, String name, int col, int row, double residents, String pcn) {
        return block(code, name, square(545000 + 1000 * col, 257000 + 1000 * row, 1000), residents, pcn);
    }

    private static BuildingBlock block(String code, String name, Geometry g, double residents, String pcn) {
        TreeMap<String, Double> affinity = new TreeMap<>(Map.of(pcn, residents));
        return new BuildingBlock(code, name, BlockKind.PARISH, "E07000008", g, residents, residents, affinity, List.of());
    }

    @BeforeAll
    static void buildPlan() {
        // 3 × 2 squares: the west column leans to PCN P1, the east to P2
        List<BuildingBlock> blocks = List.of(
                // B1 and B6 have two parts, a square and a detached 500 m islet: multi-part polygons
                // are where H2GIS 2.2.5's SHPWRITE gets record lengths wrong (B1 is the first record)
                block("B1", "Abington", GF.createMultiPolygon(new Polygon[] {
                    square(545000, 257000, 1000), square(543500, 257200, 500)}), 1000, "P1"),
                block("B2", "Barrington", 1, 0, 1100, "P1"),
                block("B3", "Comberton", 2, 0, 900, "P2"),
                block("B4", "Dry Drayton", 0, 1, 1050, "P1"),
                block("B5", "Élan's End", 1, 1, 950, "P2"),
                block("B6", "Fen Ditton", GF.createMultiPolygon(new Polygon[] {
                    square(547000, 258000, 1000), square(548500, 258200, 500)}), 1000, "P2"));
        PlanningProblem problem = PlanningProblem.of(blocks, BlockAdjacency.of(blocks, AdjacencyOptions.DEFAULTS));
        plan = PlanBuilder.build(problem, ClusterOptions.of(2, 1).withDistrictNesting(false), 10);
        blockAreaSumByArea = new HashMap<>();
        for (int b = 0; b < problem.blockCount(); b++) {
            blockAreaSumByArea.merge(plan.areaIds().get(plan.state().areaOf(b)), problem.block(b).geometry().getArea(), Double::sum);
        }
        assertEquals(2, plan.areas().size());
    }

    @Test
    void geoPackageHasAreasAndBlocksInBritishNationalGrid() throws Exception {
        Path file = GeoPackageExport.write(plan, dir.resolve("plan.gpkg"));
        try (GeoPackage g = GeoPackageManager.open(file.toFile(), false)) {
            assertEquals(new TreeSet<>(List.of("areas", "blocks")), new TreeSet<>(g.getFeatureTables()));

            FeatureDao areas = g.getFeatureDao("areas");
            assertEquals(2, areas.count());
            SpatialReferenceSystem srs = areas.getSrs();
            assertEquals("EPSG", srs.getOrganization());
            assertEquals(27700, srs.getOrganizationCoordsysId());
            assertEquals(27700, srs.getSrsId());
            assertTrue(srs.getDefinition().contains("British National Grid"), srs.getDefinition());
            Map<String, Double> areaById = new HashMap<>();
            double residents = 0;
            WKBReader wkb = new WKBReader();
            FeatureResultSet rs = areas.queryForAll();
            try {
                while (rs.moveToNext()) {
                    FeatureRow row = rs.getRow();
                    Geometry geom = wkb.read(row.getGeometry().getWkb());
                    assertInstanceOf(MultiPolygon.class, geom);
                    String id = (String) row.getValue("area_id");
                    areaById.put(id, geom.getArea());
                    residents += ((Number) row.getValue("resident_population")).doubleValue();
                    boolean contiguous = plan.areas().get(plan.areaIds().indexOf(id)).contiguous();
                    assertEquals(contiguous ? 1L : 0L, ((Number) row.getValue("contiguous")).longValue());
                    assertTrue(((String) row.getValue("district_codes")).startsWith("[\""), "lists are JSON text");
                    assertTrue(((String) row.getValue("pcn_mix")).startsWith("{"), "maps are JSON text");
                    assertInstanceOf(Long.class, row.getValue("blocks"));
                }
            } finally {
                rs.close();
            }
            assertEquals(new TreeSet<>(plan.areaIds()), new TreeSet<>(areaById.keySet()));
            for (String id : plan.areaIds()) {
                assertEquals(blockAreaSumByArea.get(id), areaById.get(id), 1.0, "area of " + id);
            }
            assertEquals(6000, residents, 0.5);

            FeatureDao blocks = g.getFeatureDao("blocks");
            assertEquals(6, blocks.count());
            assertEquals(27700, blocks.getSrs().getOrganizationCoordsysId());
            int b5 = 0;
            rs = blocks.queryForAll();
            try {
                while (rs.moveToNext()) {
                    FeatureRow row = rs.getRow();
                    assertTrue(plan.areaIds().contains((String) row.getValue("area_id")));
                    if ("B5".equals(row.getValue("block_code"))) {
                        b5++;
                        assertEquals("Élan's End", row.getValue("block_name"));
                        assertEquals("parish", row.getValue("block_kind"));
                        assertEquals(950.0, (Double) row.getValue("resident_population"), 1e-9);
                        assertEquals(1e6, wkb.read(row.getGeometry().getWkb()).getArea(), 1e-6);
                    }
                }
            } finally {
                rs.close();
            }
            assertEquals(1, b5);
        }
    }

    @Test
    void shapefilesReadBackWithH2gis() throws Exception {
        List<Path> files = ShapefileExport.write(plan, dir);
        for (String base : List.of("areas", "blocks")) {
            for (String ext : List.of(".shp", ".shx", ".dbf", ".prj", ".cpg")) {
                assertTrue(files.contains(dir.resolve(base + ext)), base + ext + " written");
                assertTrue(Files.size(dir.resolve(base + ext)) > 0, base + ext + " not empty");
            }
            String prj = Files.readString(dir.resolve(base + ".prj"), StandardCharsets.US_ASCII);
            assertTrue(prj.startsWith("PROJCS[\"British_National_Grid\""), prj);
            assertEquals("UTF-8", Files.readString(dir.resolve(base + ".cpg"), StandardCharsets.US_ASCII));
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:check-" + UUID.randomUUID(), "sa", "")) {
            H2GISFunctions.load(c);
            try (Statement s = c.createStatement()) {
                s.execute("CALL SHPREAD('" + dir.resolve("areas.shp").toAbsolutePath() + "', 'A')");
                s.execute("CALL SHPREAD('" + dir.resolve("blocks.shp").toAbsolutePath() + "', 'B')");
                List<String> ids = new ArrayList<>();
                double total = 0;
                try (ResultSet rs = s.executeQuery("SELECT AREA_ID, RESIDENTS, ST_Area(THE_GEOM), ST_SRID(THE_GEOM),"
                        + " CONTIGUOUS FROM A ORDER BY AREA_ID")) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        ids.add(id);
                        total += rs.getDouble(2);
                        assertEquals(blockAreaSumByArea.get(id), rs.getDouble(3), 1.0, "area of " + id);
                        assertEquals(27700, rs.getInt(4), "SRID from the .prj");
                        assertEquals(plan.areas().get(plan.areaIds().indexOf(id)).contiguous(), rs.getBoolean(5));
                    }
                }
                assertEquals(plan.areaIds().stream().sorted().toList(), ids);
                assertTrue(new String(Files.readAllBytes(dir.resolve("blocks.dbf")), StandardCharsets.UTF_8).contains("Élan's End"),
                        "DBF text is UTF-8, as the .cpg says");
                assertEquals(6000, total, 0.5);
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT AREA_ID) FROM B")) {
                    rs.next();
                    assertEquals(6, rs.getInt(1));
                    assertEquals(2, rs.getInt(2));
                }
                try (ResultSet rs = s.executeQuery("SELECT BLOCK_NAME, AREA_ID, RESIDENTS FROM B WHERE BLOCK_CODE = 'B5'")) {
                    assertTrue(rs.next());
                    assertEquals("Élan's End", rs.getString(1));
                    assertNotNull(rs.getString(2));
                    assertEquals(950.0, rs.getDouble(3), 1e-9);
                }
                try (ResultSet rs = s.executeQuery("SELECT ST_NumGeometries(THE_GEOM), ST_Area(THE_GEOM) FROM B WHERE BLOCK_CODE = 'B6'")) {
                    assertTrue(rs.next());
                    assertEquals(2, rs.getInt(1), "the multi-part block keeps both parts");
                    assertEquals(1.25e6, rs.getDouble(2), 1e-6);
                }
                try (ResultSet rs = s.executeQuery("SELECT SUM(ST_NumGeometries(THE_GEOM)) FROM A")) {
                    assertTrue(rs.next());
                    assertEquals(4, rs.getInt(1), "each area keeps its islets");
                }
            }
        }
    }
}
