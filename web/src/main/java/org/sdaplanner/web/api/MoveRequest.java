package org.sdaplanner.web.api;

import java.util.List;

/**
 * The body of {@code POST /api/plans/{id}/moves}: the blocks, their new area, whether only to score the move,
 * and the revision it was made on (optional).
 */
public record MoveRequest(List<String> blocks, String to, Boolean preview, Long revision) {
}
