package org.sdaplanner.importer.plausible;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a value of a per-LSOA table may be, by what the field holds:
 * <ul>
 *   <li>a deprivation decile (a field named "… Decile"): a whole number from 1 to 10;</li>
 *   <li>a rank (a field named "… Rank"): a whole number from 1 to the number of LSOAs in England of
 *       the table's vintage: 32,844 in 2011 (the English Indices of Deprivation 2019 rank 32,844 LSOAs)
 *       and 33,755 in 2021 (ONS LSOA 2021 boundaries, England);</li>
 *   <li>a count of people or households (long tables, and the fields count, proportion, age-band
 *       and category-share indicators add up): 0 or more, and within {@link CountBounds};</li>
 *   <li>anything else (densities, scores, which may be negative): any finite number.</li>
 * </ul>
 */
public final class TableValueRule {
    public static final int LSOAS_2011 = 32_844;
    public static final int LSOAS_2021 = 33_755;
    private static final Pattern DECILE = Pattern.compile("(?i)\\bdecile\\b");
    private static final Pattern RANK = Pattern.compile("(?i)\\brank\\b");

    private final String expected;
    private final double min;
    private final double max;
    private final boolean whole;

    private TableValueRule(String expected, double min, double max, boolean whole) {
        this.expected = expected;
        this.min = min;
        this.max = max;
        this.whole = whole;
    }

    private static final TableValueRule ANY = new TableValueRule(null, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false);

    /** @param count true when the field is a count (see above); {@code vintage} "2011" or "2021" */
    public static TableValueRule of(String field, boolean count, String vintage) {
        if (DECILE.matcher(field).find()) {
            return new TableValueRule("a decile: a whole number from 1 to 10", 1, 10, true);
        }
        if (RANK.matcher(field).find()) {
            int n = "2011".equals(vintage) ? LSOAS_2011 : LSOAS_2021;
            return new TableValueRule(String.format(Locale.ROOT, "a rank among England's LSOAs (%s): a whole number from 1 to %,d",
                    vintage, n), 1, n, true);
        }
        if (count) {
            return new TableValueRule(String.format(Locale.ROOT, "a count of people or households in one LSOA: 0 to %,d (%s)",
                    CountBounds.REFUSE_ABOVE, CountBounds.largestInEngland()), 0, CountBounds.REFUSE_ABOVE, false);
        }
        return ANY;
    }

    /** True when the field must hold numbers (a decile or a rank cannot be a word). */
    public boolean numeric() {
        return whole;
    }

    public Optional<String> problem(double v) {
        if (v < min || v > max || (whole && v != Math.rint(v))) {
            return Optional.of("expected " + expected + ", found " + format(v));
        }
        return Optional.empty();
    }

    /** What the field must hold, for a text found in a numeric field. */
    public String expected() {
        return expected;
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) v)
                : String.format(Locale.ROOT, "%s", v);
    }
}
