package org.sdaplanner.core.profile;

import java.util.List;

/**
 * One indicator of the catalogue.
 *
 * @param kind        how LSOA values combine (see {@link Kind})
 * @param dataset     the per-LSOA table it reads (an id of the manifest's tables, or {@code residents})
 * @param fields      COUNT: fields summed (empty: all); PROPORTION: numerator fields; WEIGHTED_MEAN and
 *                    DISTRIBUTION: the one field; CATEGORY_SHARES: categories shown (empty: all);
 *                    AGE_BANDS: unused
 * @param denominator PROPORTION: denominator fields (empty: all fields of the dataset)
 * @param bands       AGE_BANDS: inclusive age ranges, e.g. [0,4]; the last may end at 90 for "90+"
 */
public record Indicator(String id, String label, Kind kind, String dataset, List<String> fields,
                        List<String> denominator, List<int[]> bands, String vintage, String source, String licence) {

    public enum Kind {
        /** A number of people or households: summed. */
        COUNT,
        /** Σ numerator ÷ Σ denominator over the LSOAs. */
        PROPORTION,
        /** A rank or score: mean over LSOAs weighted by residents (e.g. IMD rank). */
        WEIGHTED_MEAN,
        /** The share of residents by the value of a field (e.g. IMD decile, rural-urban class). */
        DISTRIBUTION,
        /** The share of each category of a long table (e.g. ethnic groups, tenures), from summed counts. */
        CATEGORY_SHARES,
        /** Single-year-of-age counts gathered into bands: counts and shares. */
        AGE_BANDS
    }

    public Indicator {
        fields = fields == null ? List.of() : List.copyOf(fields);
        denominator = denominator == null ? List.of() : List.copyOf(denominator);
        bands = bands == null ? List.of() : List.copyOf(bands);
        if (id == null || kind == null || dataset == null) {
            throw new IllegalArgumentException("an indicator needs an id, a kind and a dataset");
        }
        if ((kind == Kind.WEIGHTED_MEAN || kind == Kind.DISTRIBUTION) && fields.size() != 1) {
            throw new IllegalArgumentException("indicator " + id + ": a " + kind + " reads exactly one field");
        }
        if (kind == Kind.PROPORTION && fields.isEmpty()) {
            throw new IllegalArgumentException("indicator " + id + ": a proportion needs numerator fields");
        }
        if (kind == Kind.AGE_BANDS && bands.isEmpty()) {
            throw new IllegalArgumentException("indicator " + id + ": age bands need bands");
        }
    }

    /** Whether the indicator's LSOA values add up across areas (and can be shared when LSOAs split). */
    public boolean additive() {
        return kind != Kind.WEIGHTED_MEAN && kind != Kind.DISTRIBUTION;
    }
}
