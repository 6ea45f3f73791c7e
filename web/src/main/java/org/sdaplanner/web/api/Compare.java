package org.sdaplanner.web.api;

import java.util.List;

/**
 * {@code GET /api/plans/{id}/compare}: two plans or versions side by side, also with different numbers of
 * areas: which area is which ({@code matches}), the blocks whose area changed with their residents, the
 * residents they hold, and both sides' figures.
 */
public record Compare(List<ChangedBlock> changedBlocks, double residentsMoved, List<AreaMatch> matches, CompareSide a,
        CompareSide b) {
}
