package org.sdaplanner.importer.plausible;

import java.util.Locale;

/**
 * How many people one LSOA can hold, from the real files in the data folder, so that a count no
 * real file has (3,000,000,000 patients, a census count of 90,000 in one LSOA) is refused before it
 * skews every share, and an odd one is named in the report.
 *
 * <ul>
 *   <li>The most populous LSOA of England and Wales in Census 2021 (TS001, all 35,672 LSOAs,
 *       {@code population/ew_census2021_lsoa21_usual_residents.csv}) is E01028521, Oxford 008A, with
 *       9,899 usual residents; the median is about 1,600.</li>
 *   <li>In the real registrations by practice and LSOA here (Staffordshire and Stoke-on-Trent, NHS
 *       England October 2025, 1.2 million patients) the most for one LSOA is 4,734 patients
 *       (E01029518), and the most for one practice and LSOA 3,478.</li>
 * </ul>
 * Registered patients exceed residents (list inflation, students), so the bounds leave room:
 * above {@value #WARN_ABOVE} for one LSOA is named in the report; above {@value #REFUSE_ABOVE}
 * (five times the most populous LSOA) is refused.
 */
public final class CountBounds {
    public static final long LARGEST_LSOA_RESIDENTS = 9_899;
    public static final long WARN_ABOVE = 15_000;
    public static final long REFUSE_ABOVE = 50_000;

    private CountBounds() {
    }

    /** The evidence, for messages: what real files hold. */
    public static String largestInEngland() {
        return "the most populous LSOA in England, Oxford 008A, has 9,899 usual residents (Census 2021)"
                + " and real registration files have fewer than 5,000 patients for any one LSOA";
    }

    /** "3,000,000,000 patients for one LSOA; the most populous …: expected at most 50,000". */
    public static String refusal(long n, String what) {
        return String.format(Locale.ROOT, "%,d %s; %s: expected at most %,d", n, what, largestInEngland(), REFUSE_ABOVE);
    }

    public static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
