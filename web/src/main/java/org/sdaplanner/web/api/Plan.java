package org.sdaplanner.web.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * A plan: its options, figures ({@code summary} and {@code areas} as in summary.json of {@code sda build},
 * written by {@link org.sdaplanner.export.PlanFiles}) and each block's area and lock.
 */
public record Plan(long id, String name, long revision, String createdAt, String updatedAt, boolean districtNesting,
        JsonNode options, Map<String, Object> summary, List<Map<String, Object>> areas, Map<String,
        BlockState> blocks) {
}
