package org.sdaplanner.web.api;

/** A neighbouring area a block could move to: what the move would do to the alignment, and whether it is allowed. */
public record Alternative(String areaId, String areaName, String mainPcn, double alignmentChange, boolean allowed) {
}
