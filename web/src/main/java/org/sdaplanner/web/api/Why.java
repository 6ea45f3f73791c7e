package org.sdaplanner.web.api;

import java.util.List;

/**
 * {@code GET /api/plans/{id}/blocks/{code}/why}: why a block is in its area, and what moving it to a
 * neighbouring area would do.
 */
public record Why(String blockCode, String blockName, String areaId, String areaName, String areaMainPcn,
        boolean locked, String text, List<Leaning> leanings, List<Alternative> alternatives) {
}
