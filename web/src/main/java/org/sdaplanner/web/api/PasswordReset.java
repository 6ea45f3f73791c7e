package org.sdaplanner.web.api;

/** The optional body of {@code POST /api/accounts/{username}/password}: without a password the server generates one. */
public record PasswordReset(String password) {
}
