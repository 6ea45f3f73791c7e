package org.sdaplanner.core.release;

/**
 * What a release change does to one area of a plan.
 *
 * @param alignmentBefore  share of the area's residents registered with its main PCN, first release
 * @param alignmentAfter   the same under the second release
 * @param mainPcnBefore    the area's main PCN under the first release (null when none)
 * @param mainPcnAfter     under the second
 * @param residents        the area's residents
 * @param residentsChanged residents living in LSOAs (or LSOA pieces) of the area whose dominant PCN changed
 * @param changedLsoas     LSOAs with residents in the area whose dominance changed in any way
 */
public record AreaImpact(String areaId, String areaName, double alignmentBefore, double alignmentAfter,
                         String mainPcnBefore, String mainPcnAfter, double residents, double residentsChanged,
                         int changedLsoas) {

    /** Whether the change touches the area at all: a re-fit looks at these areas only. */
    public boolean affected() {
        return residentsChanged > 0 || !java.util.Objects.equals(mainPcnBefore, mainPcnAfter);
    }
}
