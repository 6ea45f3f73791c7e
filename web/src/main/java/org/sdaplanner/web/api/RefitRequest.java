package org.sdaplanner.web.api;

/**
 * POST /api/plans/{id}/refit: re-optimise the areas a release change touches, under release {@code to}.
 *
 * @param from     the release the plan was made under (null: the current one)
 * @param to       the new release
 * @param revision the plan revision the analyst looked at (optimistic concurrency; null: the latest)
 */
public record RefitRequest(String from, String to, Long revision) {
}
