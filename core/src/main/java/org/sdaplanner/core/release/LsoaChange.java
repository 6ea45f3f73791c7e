package org.sdaplanner.core.release;

import java.util.List;

/**
 * An LSOA whose dominance changed between two releases.
 *
 * @param what        what changed, in a fixed order: {@code dominant} (the dominant PCN), {@code contested}
 *                    (the contested flag), {@code share} (the dominant share, by more than the diff's threshold)
 * @param before      the LSOA under the first release
 * @param after       the LSOA under the second release
 */
public record LsoaChange(String code, String name, List<String> what, Side before, Side after) {
    public static final String DOMINANT = "dominant";
    public static final String CONTESTED = "contested";
    public static final String SHARE = "share";

    public LsoaChange {
        what = List.copyOf(what);
    }

    /**
     * @param pcnCode  the dominant PCN, or null when the rule gives none
     * @param pcnName  its name in that release, or null
     * @param share    the dominant PCN's share of the LSOA's registered patients (0 without one)
     * @param patients patients registered from the LSOA in that release
     */
    public record Side(String pcnCode, String pcnName, double share, boolean contested, long patients) {
    }

    public boolean dominantChanged() {
        return what.contains(DOMINANT);
    }
}
