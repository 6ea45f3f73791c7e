package org.sdaplanner.importer.read;

import org.h2gis.functions.io.fgb.FGBRead;
import org.h2gis.functions.io.shp.SHPRead;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.sdaplanner.importer.InputException;
import org.sdaplanner.importer.InternalText;
import org.sdaplanner.importer.crs.CrsCodes;
import org.sdaplanner.store.H2gisScratch;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Shapefiles and FlatGeobuf files with H2GIS's own drivers (SHPRead, FGBRead) into a
 * throw-away in-memory database, then hands the rows out as {@link RawFeature}s. This keeps one
 * reading path for formats GeoTools would otherwise cover.
 */
public final class H2gisFileReader {
    public enum Format { SHAPEFILE, FLATGEOBUF }

    public RawLayer read(Path path, String name, Format format) {
        if (format == Format.SHAPEFILE) {
            String base = path.getFileName().toString().replaceFirst("(?i)\\.shp$", "");
            for (String ext : new String[]{".shx", ".dbf"}) {
                if (!Files.exists(path.resolveSibling(base + ext)) && !Files.exists(path.resolveSibling(base + ext.toUpperCase()))) {
                    throw InputException.ofFile(name, "a Shapefile comes as several files: " + base + ext
                            + " is missing next to it");
                }
            }
        }
        try (Connection c = H2gisScratch.open("read", format == Format.SHAPEFILE ? new SHPRead() : new FGBRead())) {
            String fn = format == Format.SHAPEFILE ? "SHPREAD" : "FGBREAD";
            try (PreparedStatement ps = c.prepareStatement("CALL " + fn + "(?, 'SRC')")) {
                ps.setString(1, path.toAbsolutePath().toString());
                ps.execute();
            }
            Integer srid = format == Format.SHAPEFILE ? prjSrid(path) : null;
            List<RawFeature> out = new ArrayList<>();
            WKBReader wkb = new WKBReader();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM SRC");
                 ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                int geomCol = -1;
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    String type = md.getColumnTypeName(i);
                    // H2 2.4 names the type with its constraint, e.g. GEOMETRY(MULTIPOLYGON, 27700)
                    if (type != null && type.toUpperCase(java.util.Locale.ROOT).startsWith("GEOMETRY")) {
                        geomCol = i;
                    }
                }
                if (geomCol < 0) {
                    throw InputException.ofFile(name, "has no geometry column");
                }
                int index = 0;
                while (rs.next()) {
                    index++;
                    Map<String, Object> props = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        if (i != geomCol) {
                            props.put(md.getColumnLabel(i), rs.getObject(i));
                        }
                    }
                    Geometry g = null;
                    Object go = rs.getObject(geomCol);
                    if (go instanceof Geometry jts) {
                        g = jts;
                    } else if (go != null) {
                        g = wkb.read(rs.getBytes(geomCol));
                    }
                    if (srid == null && g != null && g.getSRID() > 0) {
                        srid = g.getSRID();
                    }
                    out.add(new RawFeature(index, props, g));
                }
            }
            return new RawLayer(name, srid, out);
        } catch (InputException e) {
            throw e;
        } catch (SQLException e) {
            throw InputException.ofFile(name, "cannot be read as " + (format == Format.SHAPEFILE ? "a Shapefile" : "FlatGeobuf")
                    + " (is it truncated or of another format? Download it again)" + InternalText.suffix(e));
        } catch (ParseException | RuntimeException e) {
            // the drivers throw unchecked errors on some damaged files (e.g. an index past the end)
            throw InputException.ofFile(name, "has a geometry or a record that cannot be decoded (is it truncated?"
                    + " Download it again)" + InternalText.suffix(e));
        }
    }

    private static Integer prjSrid(Path shp) {
        String base = shp.getFileName().toString().replaceFirst("(?i)\\.shp$", "");
        for (String ext : new String[]{".prj", ".PRJ"}) {
            Path prj = shp.resolveSibling(base + ext);
            if (Files.exists(prj)) {
                try {
                    return CrsCodes.fromEsriWkt(Files.readString(prj, StandardCharsets.ISO_8859_1));
                } catch (java.io.IOException e) {
                    return null;
                }
            }
        }
        return null;
    }

}
