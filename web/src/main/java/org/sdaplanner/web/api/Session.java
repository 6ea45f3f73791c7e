package org.sdaplanner.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * {@code GET /api/session}: who is signed in and what they may do; {@code user} and {@code csrfToken} only when
 * signed in.
 */
public record Session(boolean signedIn, boolean publicRead, @JsonInclude(JsonInclude.Include.NON_NULL) Account user,
        List<String> permissions, @JsonInclude(JsonInclude.Include.NON_NULL) String csrfToken) {
}
