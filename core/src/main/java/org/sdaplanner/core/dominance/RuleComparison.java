package org.sdaplanner.core.dominance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rule sensitivity: the LSOAs whose dominant PCN differs between two results of the same data
 * (e.g. plurality against majority or min-share). An LSOA that has a dominant PCN under one rule
 * and none under the other counts as a change.
 *
 * @param ruleA         the first result's rule
 * @param ruleB         the second result's rule
 * @param lsoasCompared number of LSOAs compared
 * @param changes       the LSOAs whose dominant PCN differs, sorted by LSOA code
 */
public record RuleComparison(DominanceRule ruleA, DominanceRule ruleB, int lsoasCompared, List<Change> changes) {
    public RuleComparison {
        changes = List.copyOf(changes);
    }

    /** One LSOA whose dominant PCN differs; either code may be {@code null} (no dominant PCN). */
    public record Change(String lsoaCode, String dominantA, String dominantB) {
    }

    /**
     * Compares two results LSOA by LSOA.
     *
     * @throws IllegalArgumentException when the results do not cover the same LSOAs
     */
    public static RuleComparison of(DominanceResult a, DominanceResult b) {
        List<LsoaDominance> la = a.lsoas();
        List<LsoaDominance> lb = b.lsoas();
        if (la.size() != lb.size()) {
            throw new IllegalArgumentException("results cover different regions: "
                    + la.size() + " and " + lb.size() + " LSOAs");
        }
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < la.size(); i++) {
            LsoaDominance x = la.get(i);
            LsoaDominance y = lb.get(i);
            if (!x.lsoaCode().equals(y.lsoaCode())) {
                throw new IllegalArgumentException("results cover different regions: "
                        + x.lsoaCode() + " against " + y.lsoaCode());
            }
            if (!Objects.equals(x.dominantPcnCode(), y.dominantPcnCode())) {
                changes.add(new Change(x.lsoaCode(), x.dominantPcnCode(), y.dominantPcnCode()));
            }
        }
        return new RuleComparison(a.rule(), b.rule(), la.size(), changes);
    }
}
