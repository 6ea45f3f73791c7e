package org.sdaplanner.web.api;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/plans/{id}/areas/{areaId}/profile}: an area's profile next to those of the districts its LSOAs
 * lie in and the region, with the indicator catalogue (profiles as in profiles.json of {@code sda profiles},
 * written by {@link org.sdaplanner.export.ProfileFiles}).
 */
public record AreaProfile(Map<String, Object> area, List<Map<String, Object>> districts, Map<String, Object> region,
        List<Map<String, Object>> indicators) {
}
