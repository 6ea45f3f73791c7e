package org.sdaplanner.web.api;

/** One line of the security audit log. */
public record AuditEvent(long id, String at, String actor, String action, String target, String detail, String remote) {
}
