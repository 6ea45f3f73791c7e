package org.sdaplanner.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An account as the API shows it (never a password hash); {@code generatedPassword} only when the server just
 * generated one (shown once), absent otherwise.
 */
public record Account(String username, String displayName, String role, boolean disabled, String createdAt,
        String updatedAt, long revision, @JsonInclude(JsonInclude.Include.NON_NULL) String generatedPassword) {
}
