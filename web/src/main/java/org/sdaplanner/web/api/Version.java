package org.sdaplanner.web.api;

/** A saved version of a plan. */
public record Version(int version, String label, String createdAt, String createdBy) {
}
