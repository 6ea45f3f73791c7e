package org.sdaplanner.web.api;

import java.util.List;

/** The body of {@code POST /api/plans/{id}/locks}. */
public record LockRequest(List<String> blocks, boolean locked, Long revision) {
}
