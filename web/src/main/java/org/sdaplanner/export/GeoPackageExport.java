package org.sdaplanner.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.sdaplanner.core.blocks.BuildingBlock;
import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.core.topology.Winding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.sdaplanner.export.Numbers.round;

/**
 * Writes a built plan as an OGC GeoPackage with two feature tables in EPSG:27700 (British
 * National Grid): {@code areas}, the dissolved area polygons with the properties of
 * {@link PlanFiles#areaProperties} as columns (lists and maps as JSON text), and {@code blocks},
 * the building blocks with their area. Geometries are MultiPolygons, as written, in metres.
 */
public final class GeoPackageExport {
    /** EPSG code of OSGB36 / British National Grid, the CRS of the block geometries. */
    public static final int BNG = 27700;

    /** OGC WKT (1) of EPSG:27700, as GDAL writes it to gpkg_spatial_ref_sys. */
    public static final String BNG_OGC_WKT = "PROJCS[\"OSGB 1936 / British National Grid\",GEOGCS[\"OSGB 1936\","
            + "DATUM[\"OSGB_1936\",SPHEROID[\"Airy 1830\",6377563.396,299.3249646,AUTHORITY[\"EPSG\",\"7001\"]],"
            + "AUTHORITY[\"EPSG\",\"6277\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
            + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4277\"]],"
            + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",49],PARAMETER[\"central_meridian\",-2],"
            + "PARAMETER[\"scale_factor\",0.9996012717],PARAMETER[\"false_easting\",400000],"
            + "PARAMETER[\"false_northing\",-100000],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],"
            + "AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH],AUTHORITY[\"EPSG\",\"27700\"]]";

    public static final String FILE_NAME = "plan.gpkg";
    public static final String AREAS_TABLE = "areas";
    public static final String BLOCKS_TABLE = "blocks";
    static final String GEOMETRY_COLUMN = "geom";
    static final String ID_COLUMN = "fid";

    private static final ObjectMapper JSON = new ObjectMapper();

    private GeoPackageExport() {
    }

    /** Writes {@code file} (replacing it), with the plan's outlines at full detail. */
    public static Path write(BuiltPlan plan, Path file) throws IOException {
        return write(plan, PlanOutlines.bng(plan, 0), file);
    }

    /** Writes {@code file} (replacing it) from the plan and its outlines in EPSG:27700 ({@link PlanOutlines#bng}). */
    public static Path write(BuiltPlan plan, PlanOutlines outlines, Path file) throws IOException {
        if (outlines.areas().size() != plan.areas().size()) {
            throw new IllegalArgumentException("expected " + plan.areas().size() + " area geometries, got " + outlines.areas().size());
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.deleteIfExists(file);
        try {
            GeoPackageManager.create(file.toFile());
            try (GeoPackage g = GeoPackageManager.open(file.toFile())) {
                SpatialReferenceSystem srs = britishNationalGrid(g);
                writeAreas(g, srs, plan, outlines.areas());
                writeBlocks(g, srs, plan, outlines.blocks());
            }
        } catch (RuntimeException e) {
            throw new IOException("cannot write the GeoPackage " + file + ": " + e.getMessage(), e);
        }
        return file;
    }


    /** Well-known binary of a geometry (2D, no SRID), as GeoPackage and H2GIS read it. */
    static byte[] wkb(Geometry g) {
        return new WKBWriter(2).write(g);
    }

    private static SpatialReferenceSystem britishNationalGrid(GeoPackage g) {
        // geopackage-java knows EPSG:4326 and 3857 only: define EPSG:27700 as GDAL would.
        SpatialReferenceSystem srs = new SpatialReferenceSystem();
        srs.setSrsName("OSGB 1936 / British National Grid");
        srs.setSrsId(BNG);
        srs.setOrganization("EPSG");
        srs.setOrganizationCoordsysId(BNG);
        srs.setDefinition(BNG_OGC_WKT);
        srs.setDescription("OSGB36 / British National Grid (Great Britain, metres)");
        try {
            g.getSpatialReferenceSystemDao().createOrUpdate(srs);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot add EPSG:27700 to gpkg_spatial_ref_sys: " + e.getMessage(), e);
        }
        return srs;
    }

    private static FeatureDao createTable(GeoPackage g, SpatialReferenceSystem srs, String table, List<FeatureColumn> columns,
                                          Envelope extent) {
        GeometryColumns gc = new GeometryColumns();
        gc.setId(new TableColumnKey(table, GEOMETRY_COLUMN));
        gc.setGeometryType(GeometryType.MULTIPOLYGON);
        gc.setZ((byte) 0);
        gc.setM((byte) 0);
        gc.setSrs(srs);
        BoundingBox box = extent.isNull() ? null
                : new BoundingBox(extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY());
        g.createFeatureTable(FeatureTableMetadata.create(gc, ID_COLUMN, columns, box));
        return g.getFeatureDao(table);
    }

    private static void writeAreas(GeoPackage g, SpatialReferenceSystem srs, BuiltPlan plan, List<MultiPolygon> geometries)
            throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        plan.areas().forEach(a -> rows.add(PlanFiles.areaProperties(a)));
        Map<String, GeoPackageDataType> types = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            row.forEach((k, v) -> types.merge(k, typeOf(v), GeoPackageExport::wider));
        }
        List<FeatureColumn> columns = new ArrayList<>();
        types.forEach((k, t) -> columns.add(FeatureColumn.createColumn(k, t == null ? GeoPackageDataType.TEXT : t)));
        Envelope extent = new Envelope();
        geometries.forEach(m -> {
            if (m != null) {
                extent.expandToInclude(m.getEnvelopeInternal());
            }
        });
        FeatureDao dao = createTable(g, srs, AREAS_TABLE, columns, extent);
        inTransaction(g, () -> {
            for (int a = 0; a < rows.size(); a++) {
                FeatureRow row = dao.newRow();
                for (Map.Entry<String, Object> e : rows.get(a).entrySet()) {
                    GeoPackageDataType t = types.get(e.getKey());
                    row.setValue(e.getKey(), value(e.getValue(), t == null ? GeoPackageDataType.TEXT : t));
                }
                row.setGeometry(geometryData(geometries.get(a)));
                dao.create(row);
            }
        });
    }

    private interface Inserts {
        void run() throws IOException;
    }

    /** Runs the inserts into one table in a transaction (tables are created outside: geopackage-java needs that). */
    private static void inTransaction(GeoPackage g, Inserts inserts) throws IOException {
        g.beginTransaction();
        boolean ok = false;
        try {
            inserts.run();
            ok = true;
        } finally {
            g.endTransaction(ok);
        }
    }

    private static void writeBlocks(GeoPackage g, SpatialReferenceSystem srs, BuiltPlan plan, List<MultiPolygon> geometries)
            throws IOException {
        PlanState s = plan.state();
        PlanningProblem p = s.problem();
        List<FeatureColumn> columns = new ArrayList<>();
        for (String c : List.of("block_code", "block_name", "block_kind", "district_code", "area_id", "area_name")) {
            columns.add(FeatureColumn.createColumn(c, GeoPackageDataType.TEXT));
        }
        columns.add(FeatureColumn.createColumn("resident_population", GeoPackageDataType.REAL));
        columns.add(FeatureColumn.createColumn("dominant_pcn_code", GeoPackageDataType.TEXT));
        columns.add(FeatureColumn.createColumn("dominant_pcn_share", GeoPackageDataType.REAL));
        Envelope extent = new Envelope();
        geometries.forEach(m -> extent.expandToInclude(m.getEnvelopeInternal()));
        FeatureDao dao = createTable(g, srs, BLOCKS_TABLE, columns, extent);
        inTransaction(g, () -> {
            for (int b = 0; b < p.blockCount(); b++) {
                BuildingBlock blk = p.block(b);
                FeatureRow row = dao.newRow();
                row.setValue("block_code", blk.code());
                row.setValue("block_name", blk.name());
                row.setValue("block_kind", blk.kind().name().toLowerCase(Locale.ROOT));
                row.setValue("district_code", blk.districtCode());
                row.setValue("area_id", plan.areaIds().get(s.areaOf(b)));
                row.setValue("area_name", plan.areaNames().get(s.areaOf(b)));
                row.setValue("resident_population", round(blk.residentPopulation(), 1));
                row.setValue("dominant_pcn_code", blk.dominantPcn());
                row.setValue("dominant_pcn_share", round(blk.dominantShare(), 4));
                row.setGeometry(geometryData(geometries.get(b)));
                dao.create(row);
            }
        });
    }

    /** OGC ring order (exteriors counter-clockwise), as QGIS and GDAL write GeoPackages. */
    private static GeoPackageGeometryData geometryData(MultiPolygon m) throws IOException {
        return m == null ? null : GeoPackageGeometryData.createFromWkbAndBuildEnvelope(BNG, wkb(Winding.counterClockwise(m)));
    }

    /** Column type for a property value: text, integer (also booleans, as 0/1) or real; null for null. */
    private static GeoPackageDataType typeOf(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return GeoPackageDataType.INTEGER;
        }
        if (v instanceof Number) {
            return GeoPackageDataType.REAL;
        }
        return GeoPackageDataType.TEXT;
    }

    private static GeoPackageDataType wider(GeoPackageDataType a, GeoPackageDataType b) {
        if (a == null || a == b) {
            return b == null ? a : b;
        }
        if (b == null) {
            return a;
        }
        if (a == GeoPackageDataType.TEXT || b == GeoPackageDataType.TEXT) {
            return GeoPackageDataType.TEXT;
        }
        return GeoPackageDataType.REAL; // INTEGER with REAL
    }

    private static Object value(Object v, GeoPackageDataType type) {
        if (v == null) {
            return null;
        }
        return switch (type) {
            case INTEGER -> v instanceof Boolean bool ? (bool ? 1L : 0L) : ((Number) v).longValue();
            case REAL -> v instanceof Boolean bool ? (bool ? 1.0 : 0.0) : ((Number) v).doubleValue();
            default -> v instanceof CharSequence ? v.toString() : json(v);
        };
    }

    private static String json(Object v) {
        try {
            return JSON.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + v + " as JSON", e);
        }
    }
}
