package org.sdaplanner.web.api;

/** The body of hiding or restoring a comment: the reason (audited) and the comment's revision when given. */
public record Moderation(String reason, Long revision) {
}
