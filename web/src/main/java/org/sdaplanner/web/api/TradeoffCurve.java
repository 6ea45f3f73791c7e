package org.sdaplanner.web.api;

import java.util.List;

/**
 * {@code GET /api/tradeoff}: what balance costs, for the build choices asked (as {@code sda build --tradeoff}):
 * the best plan's alignment and the proven bound at each largest deviation. Worked out once per region and
 * choices in the background; while it runs (202) the points found so far, then (200) all of them.
 *
 * @param status  "running" (some points still to come), "done", or "failed" ({@code error} says why)
 * @param done    points worked out so far
 * @param total   points in all
 * @param counts  the areas the plans have, in words ("28 in all", "28 areas of parishes + …")
 * @param points  the points so far, in the order of {@code max_deviation}, no bound last
 * @param error   why the curve could not be worked out, or null
 */
public record TradeoffCurve(String status, int done, int total, String counts, List<TradeoffPoint> points, String error) {
}
