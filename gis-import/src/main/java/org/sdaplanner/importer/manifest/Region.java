package org.sdaplanner.importer.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import org.sdaplanner.core.cluster.AreaCounts;

import java.util.List;

/**
 * What the region is: its districts (which also select the LSOAs that belong to it), which GP
 * practices are its own, and how many service delivery areas it wants by default.
 *
 * @param districts      the region's districts; when empty, every LSOA of the boundary file is in the region
 * @param practiceFilter which rows of the practice map are the region's practices; null keeps all
 * @param areas          the default number of areas: a number (in all) or {"parished": N, "unparished": M
 *                       or "auto"}; see {@link AreasSpec}
 * @param bridges        pairs of building-block codes to treat as neighbours although they share no
 *                       boundary (an island joined by a causeway or a ferry)
 */
public record Region(String id, String name, JsonNode areas, String lsoaVintage, List<DistrictRef> districts,
                     PracticeFilter practiceFilter, List<List<String>> bridges) {
    public Region {
        districts = copy(districts);
        bridges = copy(bridges);
        lsoaVintage = lsoaVintage == null ? "2021" : lsoaVintage;
    }

    /** An unmodifiable copy that keeps null elements, so that the manifest check can name them (List.copyOf would throw). */
    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
    }

    /** The default area counts, or null when the manifest gives none; checked by {@link RegionManifest#load}. */
    public AreaCounts areaCounts() {
        return AreasSpec.of(areas, districts);
    }

    /**
     * @param areas optional fixed count for the district: a number, or {"parished": N, "unparished": M}
     */
    public record DistrictRef(String code, String name, JsonNode areas) {
        public DistrictRef(String code, String name) {
            this(code, name, null);
        }
    }

    public record PracticeFilter(String column, List<String> values) {
        public PracticeFilter {
            values = copy(values);
        }
    }
}
