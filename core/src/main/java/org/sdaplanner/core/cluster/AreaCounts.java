package org.sdaplanner.core.cluster;

import java.util.Map;
import java.util.TreeMap;

/**
 * How many areas a plan has, in one of two readings of a count such as "28":
 * <ul>
 *   <li><b>in all</b> ({@link #inAll}): {@code areas} areas over the whole region, parished and
 *       unparished blocks alike;</li>
 *   <li><b>areas of parishes</b> ({@link #ofParishes}): {@code areas} areas made of parishes,
 *       plus areas of their own for the unparished parts (all of Cambridge, the core of
 *       Peterborough): {@code unparishedAreas} of them, or when null as many as give them the
 *       same mean size as the parish areas.</li>
 * </ul>
 * Counts per district may be fixed instead of shared out by population: {@code perDistrict}
 * (areas in all, or parish areas) and {@code unparishedPerDistrict}, by district code. A
 * district missing from a non-empty table is an error.
 */
public record AreaCounts(int areas, boolean partsOfTheirOwn, Integer unparishedAreas,
                         Map<String, Integer> perDistrict, Map<String, Integer> unparishedPerDistrict) {

    public AreaCounts {
        perDistrict = perDistrict == null ? Map.of() : Map.copyOf(new TreeMap<>(perDistrict));
        unparishedPerDistrict = unparishedPerDistrict == null ? Map.of() : Map.copyOf(new TreeMap<>(unparishedPerDistrict));
        if (!perDistrict.isEmpty()) {
            areas = perDistrict.values().stream().mapToInt(Integer::intValue).sum();
        }
        if (areas < 1) {
            throw new IllegalArgumentException("the number of areas must be at least 1, got " + areas);
        }
        if (unparishedAreas != null && unparishedAreas < 0) {
            throw new IllegalArgumentException("the number of unparished areas cannot be negative, got " + unparishedAreas);
        }
        if (!partsOfTheirOwn && (unparishedAreas != null || !unparishedPerDistrict.isEmpty())) {
            throw new IllegalArgumentException("unparished areas are counted apart only with areas of parishes");
        }
        if (!unparishedPerDistrict.isEmpty()) {
            unparishedAreas = unparishedPerDistrict.values().stream().mapToInt(Integer::intValue).sum();
        }
        for (Map.Entry<String, Integer> e : perDistrict.entrySet()) {
            if (e.getValue() == null || e.getValue() < 0) {
                throw new IllegalArgumentException("areas per district: " + e.getKey() + " needs a count of at least 0");
            }
        }
    }

    /** {@code n} areas over the whole region. */
    public static AreaCounts inAll(int n) {
        return new AreaCounts(n, false, null, Map.of(), Map.of());
    }

    /** Fixed counts per district code, in all. */
    public static AreaCounts inAll(Map<String, Integer> perDistrict) {
        return new AreaCounts(0, false, null, perDistrict, Map.of());
    }

    /** {@code parishAreas} areas of parishes, plus {@code unparishedAreas} (null: as many as give the same mean size). */
    public static AreaCounts ofParishes(int parishAreas, Integer unparishedAreas) {
        return new AreaCounts(parishAreas, true, unparishedAreas, Map.of(), Map.of());
    }

    /** Parish areas and unparished areas fixed per district code. */
    public static AreaCounts ofParishes(Map<String, Integer> parishAreas, Map<String, Integer> unparishedAreas) {
        return new AreaCounts(0, true, null, parishAreas, unparishedAreas);
    }

    /** "28 in all", "28 areas of parishes + unparished areas of the same mean size", … */
    public String describe() {
        if (!partsOfTheirOwn) {
            return areas + " in all" + (perDistrict.isEmpty() ? "" : ", fixed per district");
        }
        return areas + " areas of parishes + " + (unparishedAreas == null ? "unparished areas of the same mean size"
                : unparishedAreas + " unparished areas") + (perDistrict.isEmpty() ? "" : ", fixed per district");
    }
}
