package org.sdaplanner.web.api;

/** An area's value of one indicator (null without data). */
public record AreaValue(String areaId, Double value) {
}
