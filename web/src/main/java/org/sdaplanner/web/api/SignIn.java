package org.sdaplanner.web.api;

/** The body of {@code POST /api/session}. */
public record SignIn(String username, String password) {
}
