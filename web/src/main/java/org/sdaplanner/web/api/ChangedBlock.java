package org.sdaplanner.web.api;

/** A block in another area in the second state than in the first. */
public record ChangedBlock(String blockCode, String blockName, String fromArea, String toArea) {
}
