package org.sdaplanner.web.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of {@code POST /api/session/password}: the current password and the new one (JSON {@code new}). */
public record PasswordChange(String current, @JsonProperty("new") String next) {
}
