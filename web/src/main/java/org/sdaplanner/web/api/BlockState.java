package org.sdaplanner.web.api;

/** A block's place in a plan: its area and whether it is locked there. */
public record BlockState(String areaId, boolean locked) {
}
