package org.sdaplanner.importer.plausible;

import org.locationtech.jts.geom.Envelope;

import java.util.Locale;

/**
 * Where data about Great Britain can lie: inside the British National Grid's extent (eastings 0 to
 * 700,000 m, northings 0 to 1,300,000 m, which hold every island from the Scillies to Shetland),
 * or, in longitude and latitude, 9° W to 2.5° E and 49° N to 61° N. A geometry or point outside
 * is misplaced: most often latitude and longitude swapped, or a number typed wrong.
 */
public final class GreatBritain {
    public static final double MAX_EASTING = 700_000;
    public static final double MAX_NORTHING = 1_300_000;
    private static final double MIN_LON = -9;
    private static final double MAX_LON = 2.5;
    private static final double MIN_LAT = 49;
    private static final double MAX_LAT = 61;

    private GreatBritain() {
    }

    /** True when the extent (EPSG:27700) is finite and inside the grid. */
    public static boolean onGrid(Envelope e) {
        return !e.isNull() && finite(e) && e.getMinX() >= 0 && e.getMaxX() <= MAX_EASTING && e.getMinY() >= 0
                && e.getMaxY() <= MAX_NORTHING;
    }

    public static boolean onGrid(double easting, double northing) {
        return Double.isFinite(easting) && Double.isFinite(northing) && easting >= 0 && easting <= MAX_EASTING
                && northing >= 0 && northing <= MAX_NORTHING;
    }

    /** True when an extent in longitude/latitude, read with x and y exchanged, lies in Great Britain. */
    public static boolean swappedLonLatFits(Envelope lonLat) {
        return !lonLat.isNull() && finite(lonLat) && lonLat.getMinY() >= MIN_LON && lonLat.getMaxY() <= MAX_LON
                && lonLat.getMinX() >= MIN_LAT && lonLat.getMaxX() <= MAX_LAT;
    }

    /** What the grid is, for messages. */
    public static String expected() {
        return "expected eastings from 0 to 700,000 and northings from 0 to 1,300,000 metres (British National Grid)";
    }

    public static String describe(Envelope e) {
        if (e.isNull() || !finite(e)) {
            return "coordinates that cannot be placed on the grid";
        }
        return String.format(Locale.ROOT, "x %,.0f to %,.0f, y %,.0f to %,.0f", e.getMinX(), e.getMaxX(), e.getMinY(), e.getMaxY());
    }

    private static boolean finite(Envelope e) {
        return Double.isFinite(e.getMinX()) && Double.isFinite(e.getMaxX()) && Double.isFinite(e.getMinY())
                && Double.isFinite(e.getMaxY());
    }
}
