package org.sdaplanner.importer.read;

import org.sdaplanner.importer.InputException;

import java.util.regex.Pattern;

/** Parses numbers from official tables, which sometimes carry thousands separators ("1,944"). */
public final class Values {
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    private Values() {
    }

    /** A count of people: a whole number, zero or more. */
    public static long count(String file, long row, String column, String raw) {
        String v = raw == null ? "" : raw.trim();
        if (plainDigits(v)) {
            return Long.parseLong(v); // the common case, without the pattern: 735,091 rows in a national file
        }
        if (GROUPED.matcher(v).matches()) {
            v = v.replace(",", "");
        }
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            double d;
            try {
                d = Double.parseDouble(v);
            } catch (NumberFormatException e2) {
                throw InputException.atRow(file, row, column,
                        "expected a whole number (0 or more), found " + quote(raw));
            }
            if (d != Math.rint(d) || Double.isInfinite(d)) {
                throw InputException.atRow(file, row, column,
                        "expected a whole number (0 or more), found " + quote(raw));
            }
            n = (long) d;
        }
        if (n < 0) {
            throw InputException.atRow(file, row, column,
                    "expected a whole number (0 or more), found a negative count " + quote(raw));
        }
        return n;
    }

    /** 1 to 18 ASCII digits: a count that {@link Long#parseLong} reads as it is, never negative nor too large. */
    private static boolean plainDigits(String v) {
        if (v.isEmpty() || v.length() > 18) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Any finite number. */
    public static double number(String file, long row, String column, String raw) {
        String v = raw == null ? "" : raw.trim();
        if (GROUPED.matcher(v).matches()) {
            v = v.replace(",", "");
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw InputException.atRow(file, row, column, "expected a number, found " + quote(raw));
    }

    /** True when the text reads as a number, used to pick numeric columns of wide tables. */
    public static boolean isNumber(String raw) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        String v = raw.trim();
        if (GROUPED.matcher(v).matches()) {
            v = v.replace(",", "");
        }
        try {
            return Double.isFinite(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String quote(String raw) {
        return org.sdaplanner.importer.Quoted.of(raw);
    }
}
