package org.sdaplanner.importer.manifest;

import java.util.List;

/**
 * What the region is: its districts (which also select the LSOAs that belong to it), which GP
 * practices are its own, and how many service delivery areas it wants by default.
 *
 * @param districts      the region's districts; when empty, every LSOA of the boundary file is in the region
 * @param practiceFilter which rows of the practice map are the region's practices; null keeps all
 */
public record Region(String id, String name, Integer areas, String lsoaVintage, List<DistrictRef> districts,
                     PracticeFilter practiceFilter) {
    public Region {
        districts = districts == null ? List.of() : List.copyOf(districts);
        lsoaVintage = lsoaVintage == null ? "2021" : lsoaVintage;
    }

    public record DistrictRef(String code, String name) {
    }

    public record PracticeFilter(String column, List<String> values) {
        public PracticeFilter {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }
}
