package org.sdaplanner.web.api;

/**
 * {@code GET /api/plans/{id}/edit-state}: the plan's revision, the edits undo and redo would take back or make
 * again (null when there is none), and the latest entry of its history, so that a page can say whose change a
 * button undoes and notice that someone else changed the plan.
 */
public record EditState(long revision, AuditEntry undo, AuditEntry redo, AuditEntry latest) {
}
