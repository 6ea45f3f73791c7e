package org.sdaplanner.web.api;

import java.util.List;

/** An undo or redo: the edit reversed or replayed, the areas touched, and the plan's revision after. */
public record ReplayOutcome(String kind, boolean accepted, AuditEntry edit, List<String> blocks, List<AreaChange> areas,
        double alignmentBefore, double alignmentAfter, long revision) {
}
