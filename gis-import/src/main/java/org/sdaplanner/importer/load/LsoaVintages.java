package org.sdaplanner.importer.load;

import org.sdaplanner.importer.InputException;
import org.sdaplanner.importer.load.LoadedRecords.LsoaLink;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells LSOA 2011 codes from 2021 codes with the ONS lookup: a code that is only on the 2011 side
 * (an LSOA split, merged or redrawn in 2021) proves a file uses 2011 codes, a code only on the 2021
 * side proves 2021; unchanged LSOAs keep their code and prove nothing. A file's declared vintage
 * is checked against that evidence, and an undeclared file of the other vintage is recognised.
 */
public final class LsoaVintages {
    public static final String V2011 = "2011";
    public static final String V2021 = "2021";

    private final Set<String> only2011 = new HashSet<>();
    private final Set<String> only2021 = new HashSet<>();

    public LsoaVintages(List<LsoaLink> lookup) {
        Set<String> all2011 = new HashSet<>();
        Set<String> all2021 = new HashSet<>();
        for (LsoaLink l : lookup) {
            all2011.add(l.lsoa11Code());
            all2021.add(l.lsoa21Code());
        }
        for (String c : all2011) {
            if (!all2021.contains(c)) {
                only2011.add(c);
            }
        }
        for (String c : all2021) {
            if (!all2011.contains(c)) {
                only2021.add(c);
            }
        }
    }

    /** "2011" or "2021" when the code belongs to that vintage only, else null. */
    public String onlyIn(String code) {
        return only2011.contains(code) ? V2011 : only2021.contains(code) ? V2021 : null;
    }

    public static boolean isVintage(String v) {
        return V2011.equals(v) || V2021.equals(v);
    }

    static String other(String v) {
        return V2011.equals(v) ? V2021 : V2011;
    }

    /** What one file's codes show: how many rows or features carry a code of one vintage only, and the first of each. */
    public static final class Evidence {
        private final String unit;
        private long rows2011;
        private long rows2021;
        private String first2011;
        private String first2021;

        /** @param unit "row" or "feature", for messages */
        public Evidence(String unit) {
            this.unit = unit;
        }

        public void see(LsoaVintages v, String code, long where) {
            String in = v.onlyIn(code);
            if (V2011.equals(in)) {
                if (rows2011++ == 0) {
                    first2011 = unit + " " + where + ": " + code;
                }
            } else if (V2021.equals(in)) {
                if (rows2021++ == 0) {
                    first2021 = unit + " " + where + ": " + code;
                }
            }
        }

        long count(String vintage) {
            return V2011.equals(vintage) ? rows2011 : rows2021;
        }

        String first(String vintage) {
            return V2011.equals(vintage) ? first2011 : first2021;
        }

        String describe(String vintage) {
            long n = count(vintage);
            return String.format(java.util.Locale.ROOT, "%,d %s%s %s LSOA %s codes that %s (the first at %s)", n, unit,
                    n == 1 ? "" : "s", n == 1 ? "carries" : "carry", vintage,
                    V2011.equals(vintage) ? "2021 replaced" : "are new in 2021", first(vintage));
        }
    }

    /**
     * The vintage a file's codes are in. Refuses a file that mixes codes only one vintage has, and a
     * declared vintage its codes contradict; recognises an undeclared file whose codes are all of the
     * other vintage ({@code warnings} says so).
     *
     * @param declared      the vintage the manifest gives for the file, or null
     * @param expected      the vintage the file is read in when nothing says otherwise (the region's)
     * @param key           the manifest entry, e.g. "inputs.registrations", for messages
     */
    public String decide(Evidence e, String declared, String expected, String file, String key, List<String> warnings) {
        if (e.count(V2011) > 0 && e.count(V2021) > 0) {
            throw InputException.ofFile(file, "mixes LSOA vintages: " + e.describe(V2011) + ", and " + e.describe(V2021)
                    + ": expected the codes of one vintage; take the file from one release");
        }
        String shown = e.count(V2011) > 0 ? V2011 : e.count(V2021) > 0 ? V2021 : null;
        if (shown == null) {
            return declared != null ? declared : expected;
        }
        if (declared != null && !declared.equals(shown)) {
            throw InputException.ofFile(file, "the manifest gives LSOA vintage " + declared + " for " + key + ", but "
                    + e.describe(shown) + " and none a code only " + declared + " has: declare `lsoa_vintage: " + shown
                    + "` there" + (shown.equals(expected) ? " (or leave lsoa_vintage out)" : ""));
        }
        if (declared == null && !shown.equals(expected)) {
            warnings.add(file + ": " + e.describe(shown) + " and none a code of " + expected + " only, so its codes were read"
                    + " as LSOA " + shown + " codes and converted to " + expected + " through the ONS lookup"
                    + " (inputs.lsoa_lookup: splits shared by population, merges summed); declare `lsoa_vintage: " + shown
                    + "` on " + key + " to say so");
        }
        return shown;
    }
}
