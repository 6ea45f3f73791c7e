package org.sdaplanner.web.api;

/** The body of {@code PATCH /api/plans/{id}/versions/{version}}: the version's new label. */
public record VersionLabel(String label) {
}
