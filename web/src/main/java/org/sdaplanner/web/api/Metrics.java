package org.sdaplanner.web.api;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/plans/{id}/metrics}: the plan's figures at a revision ({@code summary} and {@code areas} as in
 * summary.json).
 */
public record Metrics(long revision, Map<String, Object> summary, List<Map<String, Object>> areas,
        List<PcnFigures> pcns) {
}
