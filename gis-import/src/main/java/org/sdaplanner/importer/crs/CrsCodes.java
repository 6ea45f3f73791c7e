package org.sdaplanner.importer.crs;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the ways files and manifests name a CRS ("EPSG:27700", "urn:ogc:def:crs:OGC:1.3:CRS84", …) as an EPSG code. */
public final class CrsCodes {
    public static final int BNG = 27700;
    public static final int WGS84 = 4326;
    private static final Pattern EPSG = Pattern.compile("(?:EPSG:+(?:[0-9.]*:)?|/EPSG/[0-9.]+/)(\\d+)$");

    private CrsCodes() {
    }

    /** The EPSG code, or {@code null} when the text names no CRS this tool knows. */
    public static Integer parse(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String s = label.trim().toUpperCase(Locale.ROOT);
        if (s.endsWith("CRS84") || s.equals("WGS84") || s.equals("WGS 84")) {
            return WGS84;
        }
        Matcher m = EPSG.matcher(s);
        if (m.find()) {
            return code(m.group(1));
        }
        if (s.matches("\\d+")) {
            return code(s);
        }
        return null;
    }

    /** EPSG codes have at most six digits; anything longer names no CRS (and would not fit an int). */
    private static Integer code(String digits) {
        return digits.length() > 6 ? null : Integer.valueOf(digits);
    }

    /** Reads a Shapefile's .prj (ESRI WKT) for the two CRSs official English boundaries come in. */
    public static Integer fromEsriWkt(String wkt) {
        String s = wkt.toUpperCase(Locale.ROOT);
        if (s.contains("BRITISH_NATIONAL_GRID") || s.contains("OSGB_1936_BRITISH") || s.contains("OSGB 1936 / BRITISH")
                || s.contains("OSGB36")) {
            return BNG;
        }
        if (s.startsWith("GEOGCS") && s.contains("WGS") && s.contains("84")) {
            return WGS84;
        }
        Matcher m = Pattern.compile("AUTHORITY\\[\"EPSG\",\"(\\d+)\"\\]\\]\\s*$").matcher(s);
        return m.find() ? code(m.group(1)) : null;
    }
}
