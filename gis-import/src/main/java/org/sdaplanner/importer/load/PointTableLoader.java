package org.sdaplanner.importer.load;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.sdaplanner.core.text.TextRule;
import org.sdaplanner.importer.InputException;
import org.sdaplanner.importer.Quoted;
import org.sdaplanner.importer.plausible.GreatBritain;
import org.sdaplanner.importer.crs.CrsCodes;
import org.sdaplanner.importer.crs.ToBritishNationalGrid;
import org.sdaplanner.importer.manifest.InputSource;
import org.sdaplanner.importer.read.CsvReader;
import org.sdaplanner.importer.read.Values;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads a CSV of points keyed by a code (practice locations, postcode centroids), with x/y in
 * the declared CRS (EPSG:27700 eastings/northings by default), into EPSG:27700 points. Rows with
 * blank coordinates are counted, not fatal: Code-Point Open has postcodes with no grid reference.
 */
public final class PointTableLoader {
    private final GeometryFactory factory = new GeometryFactory();

    public record Points(Map<String, Point> points, long blank) {
    }

    public Points load(Path path, String name, InputSource src, String codeKey, String defaultCode,
                       Predicate<org.sdaplanner.importer.read.CsvRow> keep) {
        String cCode = src.column(codeKey, defaultCode);
        String cx = src.column("x", "EASTING");
        String cy = src.column("y", "NORTHING");
        Integer srid = src.crs() == null ? Integer.valueOf(CrsCodes.BNG) : CrsCodes.parse(src.crs());
        if (srid == null) {
            throw InputException.ofFile(name, "the manifest gives crs \"" + src.crs() + "\", which is not understood");
        }
        ToBritishNationalGrid toBng;
        try {
            toBng = new ToBritishNationalGrid(srid);
        } catch (IllegalArgumentException e) {
            throw InputException.ofFile(name, "CRS EPSG:" + srid + " cannot be reprojected to EPSG:27700");
        }
        Map<String, Point> out = new LinkedHashMap<>();
        long[] blank = {0};
        try (CsvReader csv = CsvReader.open(path, name)) {
            csv.requireColumns(src.id().replace('_', ' '), cCode, cx, cy);
            csv.forEach(row -> {
                if (keep != null && !keep.test(row)) {
                    return;
                }
                String code = row.get(cCode).trim();
                String xs = row.get(cx).trim();
                String ys = row.get(cy).trim();
                if (code.isEmpty()) {
                    throw InputException.atRow(name, row.line(), cCode, "expected a code, found nothing");
                }
                TextRule.problem(TextRule.Kind.CODE, code).ifPresent(p -> {
                    throw InputException.atRow(name, row.line(), cCode, "the code " + Quoted.of(code) + ": " + p);
                });
                if (xs.isEmpty() || ys.isEmpty()) {
                    blank[0]++;
                    return;
                }
                double x = Values.number(name, row.line(), cx, xs);
                double y = Values.number(name, row.line(), cy, ys);
                if (srid == CrsCodes.BNG && x == 0 && y == 0) {
                    blank[0]++;
                    return;
                }
                Point p = (Point) toBng.apply(factory.createPoint(new Coordinate(x, y)));
                p.setSRID(CrsCodes.BNG);
                if (!GreatBritain.onGrid(p.getX(), p.getY())) {
                    throw offGrid(name, row.line(), srid, x, y, cx, cy, code);
                }
                if (out.putIfAbsent(code, p) != null) {
                    throw InputException.atRow(name, row.line(), cCode, "duplicate code " + code + ": each must appear once");
                }
            });
        }
        return new Points(out, blank[0]);
    }

    private static String number(double v) {
        return Math.abs(v) < 1e15 ? String.format(java.util.Locale.ROOT, v == Math.rint(v) ? "%,.0f" : "%,.6f", v)
                : String.format(java.util.Locale.ROOT, "%g", v);
    }

    /** Names the coordinate that is off Great Britain (both when both are), and says when x and y look swapped. */
    private static InputException offGrid(String name, long row, int srid, double x, double y, String cx, String cy, String code) {
        boolean lonLat = srid == CrsCodes.WGS84;
        boolean xOk = lonLat ? x >= -9 && x <= 2.5 : x >= 0 && x <= GreatBritain.MAX_EASTING;
        boolean yOk = lonLat ? y >= 49 && y <= 61 : y >= 0 && y <= GreatBritain.MAX_NORTHING;
        String field = !xOk ? cx : !yOk ? cy : cx + "/" + cy;
        boolean swapped = lonLat ? y >= -9 && y <= 2.5 && x >= 49 && x <= 61
                : GreatBritain.onGrid(y, x) && !GreatBritain.onGrid(x, y);
        return InputException.atRow(name, row, field, code + " at " + number(x) + ", " + number(y)
                + " lies outside Great Britain: " + (lonLat ? "expected longitudes from -9 to 2.5 and latitudes from 49 to 61"
                : GreatBritain.expected()) + (swapped ? "; the two coordinates look swapped (" + cx + " takes the "
                + (lonLat ? "longitude" : "easting") + ")" : ""));
    }
}
