package org.sdaplanner.web.api;

/** The optional body of {@code POST /api/plans/{id}/versions}: a label (default "Version N"). */
public record VersionCreate(String label) {
}
