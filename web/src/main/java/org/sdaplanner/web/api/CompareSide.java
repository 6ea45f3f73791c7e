package org.sdaplanner.web.api;

import java.util.List;
import java.util.Map;

/** One state of a compared plan: {@code version} is the number asked for or "current"; figures as in summary.json. */
public record CompareSide(String version, Map<String, Object> summary, List<Map<String, Object>> areas) {
}
