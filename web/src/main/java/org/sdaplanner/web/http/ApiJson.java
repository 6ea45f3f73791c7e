package org.sdaplanner.web.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/**
 * The JSON mapper of the API: answer records are written with their components in declaration
 * order and their names in snake case ({@code areaId} → {@code area_id}); map keys as they are.
 */
public final class ApiJson {
    /** Configured once here and never changed after (an ObjectMapper is thread-safe once configured). */
    public static final ObjectMapper MAPPER = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private ApiJson() {
    }
}
