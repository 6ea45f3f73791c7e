package org.sdaplanner.web.api;

/** A 409 for a stale revision: the message and the revision now stored (send it with the next edit). */
public record ConflictError(String error, long revision) {
}
