package org.sdaplanner.web.api;

/** The body of {@code PATCH /api/plans/{id}} (schema {@code Name}). */
public record PlanRename(String name) {
}
