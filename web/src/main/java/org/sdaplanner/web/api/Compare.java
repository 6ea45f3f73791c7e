package org.sdaplanner.web.api;

import java.util.List;

/**
 * {@code GET /api/plans/{id}/compare}: the blocks whose area differs between two states of a plan, and both
 * states' figures.
 */
public record Compare(List<ChangedBlock> changedBlocks, CompareSide a, CompareSide b) {
}
