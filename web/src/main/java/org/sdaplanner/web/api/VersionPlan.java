package org.sdaplanner.web.api;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/plans/{id}/versions/{version}}: a saved version of a plan, to look at (read-only): the
 * version, its figures ({@code summary} and {@code areas} as in summary.json, areas named as they are now)
 * and each block's area then.
 */
public record VersionPlan(long planId, String planName, long revision, Version version, Map<String, Object> summary,
        List<Map<String, Object>> areas, Map<String, BlockState> blocks) {
}
