package org.sdaplanner.web.api;

/** The body of {@code PATCH /api/plans/{id}/areas/{areaId}}: the new name, made on {@code revision} when given. */
public record AreaRename(String name, Long revision) {
}
