package org.sdaplanner.core.profile;

import java.util.List;
import java.util.Map;

/**
 * The profile of one unit: an area, a district or the whole region.
 *
 * @param kind "area", "district" or "region"
 */
public record Profile(String kind, String id, String name, List<String> lsoas, Map<String, IndicatorValue> values) {
}
