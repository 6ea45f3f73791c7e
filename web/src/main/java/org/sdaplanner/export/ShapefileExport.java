package org.sdaplanner.export;

import org.h2gis.functions.io.shp.SHPWrite;
import org.h2gis.functions.spatial.convert.ST_GeomFromWKB;
import org.locationtech.jts.geom.MultiPolygon;
import org.sdaplanner.core.blocks.BuildingBlock;
import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.core.topology.Winding;
import org.sdaplanner.store.H2gisScratch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import static org.sdaplanner.export.Numbers.round;

/**
 * Writes a built plan as two ESRI Shapefiles in EPSG:27700 (British National Grid):
 * {@code areas.shp} (dissolved areas) and {@code blocks.shp} (building blocks with their area),
 * each with .shx, .dbf (UTF-8, announced by a .cpg) and a .prj in ESRI WKT. The files are written
 * by H2GIS's SHPWRITE from a throw-away in-memory database. DBF field names are at most 10
 * characters; the areas' PCN mix is left out (it does not fit a 254-character DBF field; the
 * GeoPackage has it).
 */
public final class ShapefileExport {
    public static final String AREAS = "areas";
    public static final String BLOCKS = "blocks";

    /**
     * The .prj of British National Grid: the ESRI WKT that ArcGIS and the ONS boundary downloads
     * carry, plus the EPSG authority, so that H2GIS (which reads only the authority) and PROJ/GDAL
     * both recognise EPSG:27700.
     */
    public static final String BNG_ESRI_WKT = "PROJCS[\"British_National_Grid\",GEOGCS[\"GCS_OSGB_1936\","
            + "DATUM[\"D_OSGB_1936\",SPHEROID[\"Airy_1830\",6377563.396,299.3249646]],PRIMEM[\"Greenwich\",0.0],"
            + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",400000.0],"
            + "PARAMETER[\"False_Northing\",-100000.0],PARAMETER[\"Central_Meridian\",-2.0],"
            + "PARAMETER[\"Scale_Factor\",0.9996012717],PARAMETER[\"Latitude_Of_Origin\",49.0],UNIT[\"Meter\",1.0],"
            + "AUTHORITY[\"EPSG\",\"27700\"]]";

    private static final int MAX_DBF_TEXT = 254;

    private ShapefileExport() {
    }

    /** A DBF field: name (≤ 10 characters), SQL type (VARCHAR is sized to the data), and its value per row. */
    private record Field<T>(String name, int sqlType, Function<T, Object> value) {
        Field {
            if (name.length() > 10) {
                throw new IllegalArgumentException("DBF field name longer than 10 characters: " + name);
            }
        }
    }

    /** Writes areas.shp and blocks.shp (with .shx, .dbf, .prj, .cpg) into {@code dir}, with the plan's outlines at full detail. */
    public static List<Path> write(BuiltPlan plan, Path dir) throws IOException {
        return write(plan, PlanOutlines.bng(plan, 0), dir);
    }

    /**
     * Writes areas.shp and blocks.shp (with .shx, .dbf, .prj, .cpg) into {@code dir}, replacing
     * earlier ones, from the plan's outlines in EPSG:27700 ({@link PlanOutlines#bng}).
     * Returns every file written.
     */
    public static List<Path> write(BuiltPlan plan, PlanOutlines outlines, Path dir) throws IOException {
        if (outlines.areas().size() != plan.areas().size()) {
            throw new IllegalArgumentException("expected " + plan.areas().size() + " area geometries, got " + outlines.areas().size());
        }
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        try (Connection c = H2gisScratch.open("shp", new SHPWrite(), new ST_GeomFromWKB())) {
            referenceSystem(c);
            out.addAll(areas(c, plan, outlines.areas(), dir));
            out.addAll(blocks(c, plan, outlines.blocks(), dir));
        } catch (SQLException e) {
            throw new IOException("cannot write Shapefiles to " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * SHPWRITE looks the .prj text up in spatial_ref_sys, which the whole of H2GIS would bring
     * with its thousands of systems: this holds the one the files use (its .prj is replaced anyway).
     */
    private static void referenceSystem(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE SPATIAL_REF_SYS (SRID INTEGER PRIMARY KEY, SRTEXT VARCHAR)");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO SPATIAL_REF_SYS VALUES (?, ?)")) {
            ps.setInt(1, GeoPackageExport.BNG);
            ps.setString(2, BNG_ESRI_WKT);
            ps.executeUpdate();
        }
    }

    private record AreaRow(Map<String, Object> p, MultiPolygon geometry) {
    }

    private static List<Path> areas(Connection c, BuiltPlan plan, List<MultiPolygon> geometries, Path dir)
            throws SQLException, IOException {
        List<AreaRow> rows = new ArrayList<>();
        for (int a = 0; a < plan.areas().size(); a++) {
            rows.add(new AreaRow(PlanFiles.areaProperties(plan.areas().get(a)), geometries.get(a)));
        }
        List<Field<AreaRow>> fields = List.of(
                new Field<>("AREA_ID", Types.VARCHAR, r -> r.p().get("area_id")),
                new Field<>("AREA_NAME", Types.VARCHAR, r -> r.p().get("area_name")),
                new Field<>("DISTRICTS", Types.VARCHAR, r -> String.join("+", strings(r.p().get("district_codes")))),
                new Field<>("BLOCKS", Types.INTEGER, r -> r.p().get("blocks")),
                new Field<>("PARISHES", Types.INTEGER, r -> r.p().get("parishes")),
                new Field<>("RESIDENTS", Types.DOUBLE, r -> r.p().get("resident_population")),
                new Field<>("REGISTERED", Types.DOUBLE, r -> r.p().get("registered_population")),
                new Field<>("DEVIATION", Types.DOUBLE, r -> r.p().get("deviation")),
                new Field<>("MAIN_PCN", Types.VARCHAR, r -> r.p().get("main_pcn_code")),
                new Field<>("ALIGNMENT", Types.DOUBLE, r -> r.p().get("pcn_alignment")),
                new Field<>("COMPACT", Types.DOUBLE, r -> r.p().get("compactness")),
                new Field<>("CONTIGUOUS", Types.BOOLEAN, r -> r.p().get("contiguous")));
        return writeTable(c, "AREAS", fields, rows, AreaRow::geometry, dir.resolve(AREAS + ".shp"));
    }

    private record BlockRow(BuildingBlock block, String areaId, String areaName, MultiPolygon geometry) {
    }

    private static List<Path> blocks(Connection c, BuiltPlan plan, List<MultiPolygon> geometries, Path dir)
            throws SQLException, IOException {
        PlanState s = plan.state();
        PlanningProblem p = s.problem();
        List<BlockRow> rows = new ArrayList<>();
        for (int b = 0; b < p.blockCount(); b++) {
            rows.add(new BlockRow(p.block(b), plan.areaIds().get(s.areaOf(b)), plan.areaNames().get(s.areaOf(b)),
                    geometries.get(b)));
        }
        List<Field<BlockRow>> fields = List.of(
                new Field<>("BLOCK_CODE", Types.VARCHAR, r -> r.block().code()),
                new Field<>("BLOCK_NAME", Types.VARCHAR, r -> r.block().name()),
                new Field<>("BLOCK_KIND", Types.VARCHAR, r -> r.block().kind().name().toLowerCase(Locale.ROOT)),
                new Field<>("DISTRICT", Types.VARCHAR, r -> r.block().districtCode()),
                new Field<>("AREA_ID", Types.VARCHAR, BlockRow::areaId),
                new Field<>("AREA_NAME", Types.VARCHAR, BlockRow::areaName),
                new Field<>("RESIDENTS", Types.DOUBLE, r -> round(r.block().residentPopulation(), 1)),
                new Field<>("DOM_PCN", Types.VARCHAR, r -> r.block().dominantPcn()),
                new Field<>("DOM_SHARE", Types.DOUBLE, r -> round(r.block().dominantShare(), 4)));
        return writeTable(c, "BLOCKS", fields, rows, BlockRow::geometry, dir.resolve(BLOCKS + ".shp"));
    }

    private static <T> List<Path> writeTable(Connection c, String table, List<Field<T>> fields, List<T> rows,
                                             Function<T, MultiPolygon> geometry, Path shp) throws SQLException, IOException {
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(table).append(" (");
        StringBuilder insert = new StringBuilder("INSERT INTO ").append(table).append(" VALUES (");
        for (Field<T> f : fields) {
            ddl.append(f.name()).append(' ').append(sqlType(f, rows)).append(", ");
            insert.append("?, ");
        }
        ddl.append("THE_GEOM GEOMETRY(MULTIPOLYGON, ").append(GeoPackageExport.BNG).append("))");
        insert.append("ST_GeomFromWKB(?, ").append(GeoPackageExport.BNG).append("))");
        try (Statement st = c.createStatement()) {
            st.execute(ddl.toString());
        }
        try (PreparedStatement ps = c.prepareStatement(insert.toString())) {
            for (T row : rows) {
                int i = 1;
                for (Field<T> f : fields) {
                    Object v = f.value().apply(row);
                    if (v == null) {
                        ps.setNull(i++, f.sqlType());
                    } else if (f.sqlType() == Types.VARCHAR) {
                        ps.setString(i++, fit(v.toString()));
                    } else {
                        ps.setObject(i++, v, f.sqlType());
                    }
                }
                MultiPolygon g = geometry.apply(row);
                if (g == null) {
                    ps.setNull(i, Types.VARBINARY);
                } else {
                    // ESRI ring order: exteriors clockwise, holes counter-clockwise (readers tell them apart by it)
                    ps.setBytes(i, GeoPackageExport.wkb(Winding.clockwise(g)));
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("CALL SHPWRITE(?, ?, 'UTF-8', true)")) {
            ps.setString(1, shp.toAbsolutePath().toString());
            ps.setString(2, table);
            ps.execute();
        }
        String base = shp.getFileName().toString().replaceFirst("\\.shp$", "");
        repairRecordLengths(shp, shp.resolveSibling(base + ".shx"));
        // H2GIS writes the OGC WKT of EPSG:27700 (with TOWGS84); a .prj is conventionally ESRI WKT, so replace it.
        Path prj = shp.resolveSibling(base + ".prj");
        Files.writeString(prj, BNG_ESRI_WKT, StandardCharsets.US_ASCII);
        Path cpg = shp.resolveSibling(base + ".cpg");
        Files.writeString(cpg, "UTF-8", StandardCharsets.US_ASCII);
        List<Path> written = new ArrayList<>();
        for (String ext : List.of(".shp", ".shx", ".dbf", ".prj", ".cpg")) {
            Path f = shp.resolveSibling(base + ext);
            if (!Files.exists(f)) {
                throw new IOException("SHPWRITE did not write " + f);
            }
            written.add(f);
        }
        return written;
    }

    /**
     * Rewrites the record lengths of a polygon .shp and rebuilds its .shx from the records
     * themselves. H2GIS 2.2.5's SHPWRITE writes multi-part polygons correctly but gives them a
     * wrong record length (PolygonHandler.getLength counts rings as {@code nrings += nrings + 1 + holes}),
     * so the .shx offsets and the record headers after the first multi-part feature are off and
     * no reader (H2GIS's own SHPREAD included) can open the file. For a correct file this
     * changes nothing.
     */
    static void repairRecordLengths(Path shp, Path shx) throws IOException {
        byte[] data = Files.readAllBytes(shp);
        byte[] index = Files.readAllBytes(shx);
        if (data.length < 100 || index.length < 100) {
            throw new IOException("SHPWRITE wrote a truncated Shapefile: " + shp);
        }
        ByteBuffer b = ByteBuffer.wrap(data);
        List<int[]> records = new ArrayList<>(); // offset and content length, in bytes
        int pos = 100;
        while (pos < data.length) {
            if (pos + 12 > data.length) {
                throw new IOException("unexpected end of " + shp + " at byte " + pos);
            }
            int type = b.order(ByteOrder.LITTLE_ENDIAN).getInt(pos + 8);
            int content;
            if (type == 0) {
                content = 4; // null shape
            } else if (type == 5) {
                int parts = b.getInt(pos + 8 + 36);
                int points = b.getInt(pos + 8 + 40);
                content = 44 + 4 * parts + 16 * points;
            } else {
                throw new IOException("unexpected shape type " + type + " in " + shp + " at byte " + pos);
            }
            if (pos + 8 + content > data.length) {
                throw new IOException("record at byte " + pos + " of " + shp + " runs past the end of the file");
            }
            b.order(ByteOrder.BIG_ENDIAN).putInt(pos + 4, content / 2);
            records.add(new int[] {pos, content});
            pos += 8 + content;
        }
        ByteBuffer x = ByteBuffer.allocate(100 + 8 * records.size()).order(ByteOrder.BIG_ENDIAN);
        x.put(index, 0, 100);
        x.putInt(24, (100 + 8 * records.size()) / 2);
        x.position(100);
        for (int[] r : records) {
            x.putInt(r[0] / 2);
            x.putInt(r[1] / 2);
        }
        Files.write(shp, data);
        Files.write(shx, x.array());
    }

    /** The column's SQL type; text columns are sized to their longest value in UTF-8 bytes (DBF: at most 254). */
    private static <T> String sqlType(Field<T> f, List<T> rows) {
        return switch (f.sqlType()) {
            case Types.VARCHAR -> {
                int len = 1;
                for (T row : rows) {
                    Object v = f.value().apply(row);
                    if (v != null) {
                        len = Math.max(len, fit(v.toString()).getBytes(StandardCharsets.UTF_8).length);
                    }
                }
                yield "VARCHAR(" + len + ")";
            }
            case Types.INTEGER -> "INTEGER";
            case Types.DOUBLE -> "DOUBLE PRECISION";
            case Types.BOOLEAN -> "BOOLEAN";
            default -> throw new IllegalArgumentException("unsupported DBF type " + f.sqlType());
        };
    }

    /** Cuts a text to the 254 bytes a DBF character field holds, on a character boundary. */
    private static String fit(String s) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= MAX_DBF_TEXT) {
            return s;
        }
        int end = s.length();
        while (s.substring(0, end).getBytes(StandardCharsets.UTF_8).length > MAX_DBF_TEXT) {
            end = s.offsetByCodePoints(end, -1);
        }
        return s.substring(0, end);
    }

    private static List<String> strings(Object list) {
        List<String> out = new ArrayList<>();
        if (list instanceof Iterable<?> it) {
            it.forEach(o -> out.add(String.valueOf(o)));
        }
        return out;
    }
}
