package org.sdaplanner.web.api;

/** The body of {@code PATCH /api/comments/{cid}}. */
public record CommentEdit(String text, Long revision) {
}
