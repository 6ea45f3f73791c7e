package org.sdaplanner.importer;

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
import org.h2gis.functions.factory.H2GISFunctions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Writes a small LSOA layer (EPSG:27700 squares) as Shapefile, FlatGeobuf or GeoPackage, for the format readers. */
final class LayerFiles {
    /** One area: code, name and the lower-left corner of a square of {@code size} metres. */
    record Square(String code, String name, double x, double y, double size) {
        String wkt() {
            double x1 = x + size;
            double y1 = y + size;
            return String.format(Locale.ROOT, "POLYGON ((%s %s, %s %s, %s %s, %s %s, %s %s))",
                    x, y, x, y1, x1, y1, x1, y, x, y);
        }
    }

    /** The tiny region's LSOA layer. */
    static final List<Square> LSOAS = List.of(
            new Square("E01000001", "Cambridge 001A", 545000, 258000, 1000),
            new Square("E01000002", "Cambridge 001B", 546000, 258000, 1000),
            new Square("E01000003", "South Cambridgeshire 001A", 545000, 257000, 1000),
            new Square("E01000004", "South Cambridgeshire 001B", 546000, 257000, 1000),
            new Square("E01000005", "Fenland 001A", 547000, 258000, 1000));

    static final String BNG_WKT = "PROJCS[\"OSGB 1936 / British National Grid\",GEOGCS[\"OSGB 1936\",DATUM[\"OSGB_1936\","
            + "SPHEROID[\"Airy 1830\",6377563.396,299.3249646,AUTHORITY[\"EPSG\",\"7001\"]],AUTHORITY[\"EPSG\",\"6277\"]],"
            + "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,"
            + "AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4277\"]],PROJECTION[\"Transverse_Mercator\"],"
            + "PARAMETER[\"latitude_of_origin\",49],PARAMETER[\"central_meridian\",-2],PARAMETER[\"scale_factor\",0.9996012717],"
            + "PARAMETER[\"false_easting\",400000],PARAMETER[\"false_northing\",-100000],UNIT[\"metre\",1,"
            + "AUTHORITY[\"EPSG\",\"9001\"]],AUTHORITY[\"EPSG\",\"27700\"]]";

    private LayerFiles() {
    }

    /** Writes with H2GIS's SHPWRITE (srid 0: no .prj) or FGBWRITE, from a table GEOMETRY(POLYGON[, srid]). */
    static void writeWithH2gis(Path file, List<Square> squares, int srid, String function) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:w" + UUID.randomUUID(), "sa", "")) {
            H2GISFunctions.load(c);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE L (LSOA21CD VARCHAR(9), LSOA21NM VARCHAR(40), THE_GEOM GEOMETRY(POLYGON"
                        + (srid > 0 ? ", " + srid : "") + "))");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO L VALUES (?, ?, ST_GeomFromText(?, ?))")) {
                for (Square q : squares) {
                    ps.setString(1, q.code());
                    ps.setString(2, q.name());
                    ps.setString(3, q.wkt());
                    ps.setInt(4, srid);
                    ps.execute();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("CALL " + function + "(?, 'L', true)")) {
                ps.setString(1, file.toAbsolutePath().toString());
                ps.execute();
            }
        }
    }

    static void writeShapefile(Path shp, List<Square> squares, int srid) throws Exception {
        writeWithH2gis(shp, squares, srid, "SHPWRITE");
    }

    static void writeFlatGeobuf(Path fgb, List<Square> squares, int srid) throws Exception {
        writeWithH2gis(fgb, squares, srid, "FGBWRITE");
    }

    /** A GeoPackage with one feature table {@code table} in EPSG:27700 (its SRS created from the EPSG code). */
    static void writeGeoPackage(Path file, String table, List<Square> squares) throws Exception {
        GeoPackageManager.create(file.toFile());
        try (GeoPackage g = GeoPackageManager.open(file.toFile())) {
            // geopackage-java has no built-in definition of EPSG:27700: give it one, as GDAL would write it.
            SpatialReferenceSystem srs = new SpatialReferenceSystem();
            srs.setSrsName("OSGB 1936 / British National Grid");
            srs.setSrsId(27700);
            srs.setOrganization("EPSG");
            srs.setOrganizationCoordsysId(27700);
            srs.setDefinition(BNG_WKT);
            srs.setDescription("British National Grid");
            g.getSpatialReferenceSystemDao().create(srs);
            GeometryColumns gc = new GeometryColumns();
            gc.setId(new TableColumnKey(table, "geom"));
            gc.setGeometryType(GeometryType.POLYGON);
            gc.setZ((byte) 0);
            gc.setM((byte) 0);
            gc.setSrs(srs);
            List<FeatureColumn> cols = List.of(FeatureColumn.createColumn("LSOA21CD", GeoPackageDataType.TEXT),
                    FeatureColumn.createColumn("LSOA21NM", GeoPackageDataType.TEXT));
            g.createFeatureTable(FeatureTableMetadata.create(gc, cols, new BoundingBox(545000, 257000, 548000, 259000)));
            FeatureDao dao = g.getFeatureDao(table);
            for (Square q : squares) {
                FeatureRow row = dao.newRow();
                row.setValue("LSOA21CD", q.code());
                row.setValue("LSOA21NM", q.name());
                row.setGeometry(GeoPackageGeometryData.createFromWktAndBuildEnvelope(srs.getSrsId(), q.wkt()));
                dao.create(row);
            }
        }
    }
}
