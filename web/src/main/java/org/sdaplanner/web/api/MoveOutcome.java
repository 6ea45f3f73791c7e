package org.sdaplanner.web.api;

import java.util.List;

/**
 * A move or its preview: accepted or not (and why), the blocks and their areas before, the areas touched, and
 * the plan's revision after.
 */
public record MoveOutcome(boolean accepted, boolean preview, String reason, List<String> cutOff, List<String> blocks,
        List<String> from, String to, List<AreaChange> areas, double alignmentBefore, double alignmentAfter,
        long revision) {
}
