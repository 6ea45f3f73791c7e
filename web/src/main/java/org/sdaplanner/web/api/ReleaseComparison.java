package org.sdaplanner.web.api;

import org.sdaplanner.core.release.ReleaseDiff;

import java.util.List;

/**
 * Two releases compared (GET /api/releases/compare): the figures, the LSOAs whose dominance changed (with
 * their outlines' codes for the map layer), the PCN and practice changes, and, with a plan, each area's
 * alignment before and after. The same rows as the files of sda release diff.
 */
public record ReleaseComparison(String from, String to, Long planId, ReleaseDiff.Summary summary, List<LsoaChangeRow> lsoas,
                                List<PcnChangeRow> pcns, List<AreaImpactRow> areas) {

    /** One LSOA whose dominance changed; shares 0 … 1. */
    public record LsoaChangeRow(String code, String name, List<String> changed, String pcnBefore, String pcnNameBefore,
                                double shareBefore, boolean contestedBefore, String pcnAfter, String pcnNameAfter,
                                double shareAfter, boolean contestedAfter) {
    }

    /** A PCN new, gone or renamed, or a practice that moved, came or went. */
    public record PcnChangeRow(String change, String pcnCode, String nameBefore, String nameAfter, String practiceCode,
                               String practiceName, String fromPcn, String toPcn, long patients) {
    }

    /** One area of the plan: alignment (0 … 1) and main PCN before and after, residents whose dominant PCN changed. */
    public record AreaImpactRow(String areaId, String areaName, double alignmentBefore, double alignmentAfter,
                                String mainPcnBefore, String mainPcnAfter, long residents, long residentsChanged,
                                int lsoasChanged, boolean affected) {
    }
}
