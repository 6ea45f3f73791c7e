package org.sdaplanner.web.plans;

import java.util.Map;

/**
 * A plan as comments see it, read at one revision: the revision, the latest saved version (null
 * when none), each area's current name, and each block's current area.
 */
public record PlanSnapshot(long revision, Integer version, Map<String, String> areaNames, Map<String, String> blockArea) {
}
