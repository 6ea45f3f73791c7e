package org.sdaplanner.web.api;

import java.util.List;

/** The store's data releases, oldest first, and which one the planner's figures use (null when none). */
public record DataReleases(String current, List<DataRelease> releases) {
}
