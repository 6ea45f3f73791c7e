package org.sdaplanner.web.plans;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.sdaplanner.core.plan.PlanImport;
import org.sdaplanner.importer.InputException;
import org.sdaplanner.importer.crs.CrsCodes;
import org.sdaplanner.importer.crs.ToBritishNationalGrid;
import org.sdaplanner.importer.read.BoundaryFiles;
import org.sdaplanner.importer.read.CsvReader;
import org.sdaplanner.importer.read.CsvRow;
import org.sdaplanner.importer.read.RawFeature;
import org.sdaplanner.importer.read.RawLayer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a plan file as the analyst saved it (from the planner, QGIS or a spreadsheet) into the rows
 * or areas {@link PlanImport} resolves: a CSV of {@code block_code,area_id[,area_name]} or
 * {@code lsoa_code,area_id[,area_name]} (other columns are ignored, so the planner's own
 * parish_to_area.csv and lsoa_to_area.csv come back as they are), or area polygons as GeoJSON or a
 * GeoPackage (an {@code area_id} or {@code id} property, and {@code area_name} or {@code name}), read
 * with the importer's readers and reprojected to EPSG:27700. A file that cannot be read is an
 * {@link InputException} naming the file and what was expected.
 */
final class ImportFiles {
    static final List<String> BLOCK_COLUMNS = List.of("block_code", "parish_code", "code");
    static final List<String> LSOA_COLUMNS = List.of("lsoa_code", "lsoa21cd", "lsoa11cd");
    static final List<String> AREA_COLUMNS = List.of("area_id", "sda_id", "area");
    static final List<String> NAME_COLUMNS = List.of("area_name", "sda_name", "name");

    private ImportFiles() {
    }

    /** What a file held: the kind ("blocks-csv", "lsoas-csv", "geojson", "gpkg"), and its rows or areas. */
    record Read(String format, List<PlanImport.Row> rows, List<PlanImport.Area> areas) {
    }

    static Read read(String fileName, byte[] content) {
        String name = fileName == null || fileName.isBlank() ? "the file" : fileName.strip();
        if (content.length == 0) {
            throw InputException.ofFile(name, "the file is empty");
        }
        String format = formatOf(name, content);
        Path tmp = null;
        try {
            tmp = Files.createTempFile("sda-import", "." + (format.equals("csv") ? "csv" : format));
            Files.write(tmp, content);
            return format.equals("csv") ? csv(tmp, name) : polygons(tmp, name, format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    /** csv, geojson or gpkg: from the file's first bytes, else from its name. */
    static String formatOf(String name, byte[] content) {
        String head = new String(content, 0, Math.min(16, content.length), StandardCharsets.ISO_8859_1);
        if (head.startsWith("SQLite format 3")) {
            return "gpkg";
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gpkg")) {
            throw InputException.ofFile(name, "is not a GeoPackage (it does not start like an SQLite file)");
        }
        if (head.stripLeading().startsWith("{") || n.endsWith(".geojson") || n.endsWith(".json")) {
            return "geojson";
        }
        if (n.endsWith(".zip") || n.endsWith(".shp") || n.endsWith(".xlsx") || n.endsWith(".xls")) {
            throw InputException.ofFile(name, "cannot be imported as it is: save the table as CSV (UTF-8), or the areas as"
                    + " GeoJSON or a GeoPackage");
        }
        return "csv";
    }

    private static Read csv(Path file, String name) {
        try (CsvReader r = CsvReader.open(file, name)) {
            String lsoa = column(r, LSOA_COLUMNS);
            String block = lsoa == null ? column(r, BLOCK_COLUMNS) : null;
            String area = column(r, AREA_COLUMNS);
            if ((block == null && lsoa == null) || area == null) {
                throw new InputException(name, "header", null, "a plan file needs a column block_code (or lsoa_code) and a"
                        + " column area_id, and may have area_name; the header has " + r.columns());
            }
            String areaName = column(r, List.of("area_name", "sda_name"));
            String code = lsoa != null ? lsoa : block;
            List<PlanImport.Row> rows = new ArrayList<>();
            r.forEach((CsvRow row) -> rows.add(new PlanImport.Row(row.line(), strip(row.get(code)), strip(row.get(area)),
                    areaName == null ? null : unneutralised(strip(row.get(areaName))))));
            return new Read(lsoa != null ? "lsoas-csv" : "blocks-csv", rows, List.of());
        }
    }

    private static Read polygons(Path file, String name, String format) {
        RawLayer layer = BoundaryFiles.read(file, name, format.equals("gpkg") ? "geopackage" : "geojson", null);
        Integer srid = layer.detectedSrid();
        Envelope all = new Envelope();
        for (RawFeature f : layer.features()) {
            if (f.geometry() != null) {
                all.expandToInclude(f.geometry().getEnvelopeInternal());
            }
        }
        if (srid == null) {
            srid = ToBritishNationalGrid.looksLikeBritishNationalGrid(all) ? CrsCodes.BNG : CrsCodes.WGS84;
        }
        ToBritishNationalGrid toBng = new ToBritishNationalGrid(srid);
        List<PlanImport.Area> areas = new ArrayList<>();
        for (RawFeature f : layer.features()) {
            String id = property(f, AREA_COLUMNS, List.of("id", "code", "area_code"));
            Geometry g = f.geometry() == null ? null : toBng.apply(f.geometry());
            areas.add(new PlanImport.Area(f.index(), id, property(f, NAME_COLUMNS, List.of()), g));
        }
        return new Read(format, List.of(), areas);
    }

    /** The file's column among {@code names} (case does not matter), or null. */
    private static String column(CsvReader r, List<String> names) {
        for (String n : names) {
            for (String c : r.columns()) {
                if (c.equalsIgnoreCase(n)) {
                    return c;
                }
            }
        }
        return null;
    }

    private static String property(RawFeature f, List<String> names, List<String> more) {
        List<String> all = new ArrayList<>(names);
        all.addAll(more);
        for (String n : all) {
            for (Map.Entry<String, Object> e : f.properties().entrySet()) {
                if (e.getKey().equalsIgnoreCase(n) && e.getValue() != null && !e.getValue().toString().isBlank()) {
                    Object v = e.getValue();
                    // a number written as 12.0 by a GIS is area 12
                    return v instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : v.toString().strip();
                }
            }
        }
        return null;
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    /** A name the planner wrote with an apostrophe before a leading = + - @ (so spreadsheets show it as text) comes back as it was. */
    private static String unneutralised(String s) {
        if (s != null && s.length() > 1 && s.charAt(0) == '\'' && "=+-@".indexOf(s.charAt(1)) >= 0) {
            return s.substring(1);
        }
        return s;
    }
}
