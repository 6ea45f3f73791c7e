package org.sdaplanner.web.api;

import java.util.List;

/**
 * A re-fit: the areas searched again under the new release, how many blocks moved, the plan's alignment
 * under that release before and after, the two versions saved (the plan before, and the re-fit, which the
 * plan now is: compare them, or undo), the edit and the plan's revision.
 *
 * @param accepted false when the search found no better areas: nothing was changed or saved
 */
public record RefitOutcome(long planId, String from, String to, boolean accepted, List<String> areas, int blocksMoved,
                           double alignmentBefore, double alignmentAfter, Integer versionBefore, Integer versionAfter,
                           List<String> warnings, AuditEntry edit, long revision) {
}
