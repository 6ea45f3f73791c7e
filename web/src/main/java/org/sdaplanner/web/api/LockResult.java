package org.sdaplanner.web.api;

import java.util.List;

/** {@code POST /api/plans/{id}/locks}: the blocks now locked or unlocked, and the plan's revision. */
public record LockResult(List<String> blocks, boolean locked, long revision) {
}
