package org.sdaplanner.web.api;

import java.util.List;
import java.util.Map;

/**
 * One side of a comparison: the plan, {@code version} the number asked for or "current", and its figures as in
 * summary.json.
 */
public record CompareSide(long planId, String planName, String version, Map<String, Object> summary,
        List<Map<String, Object>> areas) {
}
