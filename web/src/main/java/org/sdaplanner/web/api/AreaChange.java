package org.sdaplanner.web.api;

/** An area touched by an edit, before and after. */
public record AreaChange(String areaId, String areaName, double residentsBefore, double residentsAfter,
        double alignmentBefore, double alignmentAfter, String mainPcnBefore, String mainPcnAfter,
        double compactnessBefore, double compactnessAfter, int piecesAfter) {
}
