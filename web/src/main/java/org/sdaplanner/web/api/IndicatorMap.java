package org.sdaplanner.web.api;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/plans/{id}/indicators/{indicatorId}}: one indicator (or one part's share) for every area and
 * the region, for a choropleth.
 */
public record IndicatorMap(Map<String, Object> indicator, String part, List<String> parts, List<AreaValue> areas,
        Double region) {
}
