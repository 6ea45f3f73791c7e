package org.sdaplanner.web.api;

/**
 * The body of {@code POST /api/plans/{id}/comments}: the text and exactly one of {@code area}, {@code block},
 * {@code lon} with {@code lat} (WGS84), or {@code parent} (a reply).
 */
public record CommentCreate(String text, String area, String block, Double lon, Double lat, Long parent) {
}
