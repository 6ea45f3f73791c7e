package org.sdaplanner.importer.manifest;

import org.sdaplanner.core.profile.Indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An indicator as the region manifest declares it (see docs/user-guide.md, "Adding an
 * indicator"): adding one is a manifest change, not a code change.
 *
 * @param kind  count, proportion, weighted_mean, distribution, category_shares or age_bands
 * @param bands for age_bands: [[0,4],[5,9],…,[85,90]]
 */
public record IndicatorSpec(String id, String label, String kind, String dataset, List<String> fields,
                            List<String> denominator, List<List<Integer>> bands, String vintage, String source,
                            String licence) {

    public Indicator toIndicator(String manifest) {
        Indicator.Kind k;
        try {
            k = Indicator.Kind.valueOf(kind == null ? "" : kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new org.sdaplanner.importer.InputException(manifest, "indicator " + id, "kind",
                    "expected count, proportion, weighted_mean, distribution, category_shares or age_bands, found \""
                            + kind + "\"");
        }
        List<int[]> b = new ArrayList<>();
        if (bands != null) {
            for (List<Integer> band : bands) {
                if (band.size() != 2 || band.get(0) > band.get(1)) {
                    throw new org.sdaplanner.importer.InputException(manifest, "indicator " + id, "bands",
                            "each band must be [from, to] with from ≤ to, found " + band);
                }
                b.add(new int[]{band.get(0), band.get(1)});
            }
        }
        try {
            return new Indicator(id, label == null ? id : label, k, dataset, fields, denominator, b, vintage, source, licence);
        } catch (IllegalArgumentException e) {
            throw new org.sdaplanner.importer.InputException(manifest, "indicator " + id, null, e.getMessage());
        }
    }
}
