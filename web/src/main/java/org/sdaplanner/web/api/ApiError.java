package org.sdaplanner.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An error answer: {@code {"error": message}} with a 4xx status (or 500 for a fault, with a reference to the
 * server log). A refused request field adds {@code field} (its name in the body, query or path) and, for
 * text longer than allowed, {@code max_length}; other answers leave them out.
 */
public record ApiError(String error, @JsonInclude(JsonInclude.Include.NON_NULL) String field,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxLength) {
    public ApiError(String error) {
        this(error, null, null);
    }
}
