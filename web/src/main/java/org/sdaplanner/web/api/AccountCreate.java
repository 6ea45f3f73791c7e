package org.sdaplanner.web.api;

import org.sdaplanner.core.access.Role;

/** The body of {@code POST /api/accounts}: without a password the server generates one (shown once). */
public record AccountCreate(String username, String displayName, Role role, String password) {
}
