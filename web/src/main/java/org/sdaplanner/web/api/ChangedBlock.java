package org.sdaplanner.web.api;

/**
 * A block in another area in the second state than in the first (for two plans: than the partner of its
 * first area), with its residents and both areas' ids and names.
 */
public record ChangedBlock(String blockCode, String blockName, double residents, String fromArea, String fromAreaName,
        String toArea, String toAreaName) {
}
