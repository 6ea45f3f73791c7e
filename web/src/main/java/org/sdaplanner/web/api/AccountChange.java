package org.sdaplanner.web.api;

/**
 * The body of {@code PATCH /api/accounts/{username}}: a new role and/or disabled, made on {@code revision} when
 * given.
 */
public record AccountChange(String role, Boolean disabled, Long revision) {
}
