package org.sdaplanner.web.api;

import java.util.List;

/** One edit of a plan's history ({@code GET /api/plans/{id}/audit}, and the edit an undo or redo replayed). */
public record AuditEntry(long seq, String at, String user, String kind, List<String> blocks, List<String> from,
        String to, boolean undone) {
}
