package org.sdaplanner.web.api;

import java.util.List;

/**
 * One edit of a plan's history ({@code GET /api/plans/{id}/audit}, and the edit an undo or redo replayed):
 * who made it ({@code user} the account, {@code user_name} the name it shows) and {@code text}, the edit in
 * plain words with names ("Alice Analyst moved Downham to SDA12 March").
 */
public record AuditEntry(long seq, String at, String user, String kind, List<String> blocks, List<String> from,
        String to, boolean undone, String userName, String text) {
}
