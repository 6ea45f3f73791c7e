package org.sdaplanner.web.api;

/**
 * An area of the first side and the area of the second it was matched with (null: none), and the residents
 * they share. Within one plan areas match by id; between plans by the residents they share, largest first.
 */
public record AreaMatch(String aArea, String aAreaName, String bArea, String bAreaName, double sharedResidents) {
}
