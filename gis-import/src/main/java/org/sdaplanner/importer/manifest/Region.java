package org.sdaplanner.importer.manifest;

import java.util.List;

/**
 * What the region is: its districts (which also select the LSOAs that belong to it), which GP
 * practices are its own, and how many service delivery areas it wants by default.
 *
 * @param districts      the region's districts; when empty, every LSOA of the boundary file is in the region
 * @param practiceFilter which rows of the practice map are the region's practices; null keeps all
 * @param bridges        pairs of building-block codes to treat as neighbours although they share no
 *                       boundary (an island joined by a causeway or a ferry)
 */
public record Region(String id, String name, Integer areas, String lsoaVintage, List<DistrictRef> districts,
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

    public record DistrictRef(String code, String name) {
    }

    public record PracticeFilter(String column, List<String> values) {
        public PracticeFilter {
            values = copy(values);
        }
    }
}
