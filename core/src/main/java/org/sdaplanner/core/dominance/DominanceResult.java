package org.sdaplanner.core.dominance;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The dominant-PCN analysis of a region under one rule. Immutable; two results computed from the
 * same data and rule are {@code equals}, whatever the order of the input rows.
 *
 * @param rule                     the rule applied
 * @param lsoas                    one entry per region LSOA (including those without registrations),
 *                                 sorted by LSOA code
 * @param pcns                     one footprint per candidate PCN (including PCNs that dominate
 *                                 nothing), sorted by PCN code
 * @param lsoasWithoutRegistrations region LSOAs with no registered patients at all, sorted
 * @param unallocatedPractices     practices with a {@code U} or unknown PCN that appear in the
 *                                 registrations, sorted by practice code
 * @param totals                   patient and LSOA counts
 */
public record DominanceResult(DominanceRule rule,
                              List<LsoaDominance> lsoas,
                              List<PcnFootprint> pcns,
                              List<String> lsoasWithoutRegistrations,
                              List<UnallocatedPractice> unallocatedPractices,
                              Totals totals) {
    public DominanceResult {
        Objects.requireNonNull(rule, "rule");
        lsoas = List.copyOf(lsoas);
        pcns = List.copyOf(pcns);
        lsoasWithoutRegistrations = List.copyOf(lsoasWithoutRegistrations);
        unallocatedPractices = List.copyOf(unallocatedPractices);
        Objects.requireNonNull(totals, "totals");
    }

    /**
     * Counts over the input.
     *
     * @param registrationRows      rows in the input
     * @param regionRows            rows whose LSOA is in the region
     * @param regionPatients        patients living in region LSOAs: the patients considered, equal to
     *                              Σ {@link LsoaDominance#registeredPatients()}
     * @param outsideRegionPatients patients in rows for other LSOA codes (ignored for shares)
     * @param unallocatedPatients   region patients at {@code U} or unmapped practices
     * @param otherPcnPatients      region patients at practices of non-candidate PCNs
     * @param regionLsoas           LSOAs in the region
     * @param lsoasWithDominant     LSOAs the rule gave a dominant PCN
     * @param contestedLsoas        LSOAs flagged {@link LsoaDominance#contested()}
     * @param tiedLsoas             LSOAs flagged {@link LsoaDominance#tie()}
     */
    public record Totals(long registrationRows, long regionRows, long regionPatients, long outsideRegionPatients,
                         long unallocatedPatients, long otherPcnPatients,
                         int regionLsoas, int lsoasWithDominant, int contestedLsoas, int tiedLsoas) {
    }

    /** The result for one LSOA code, if it is in the region. */
    public Optional<LsoaDominance> lsoa(String lsoaCode) {
        int lo = 0;
        int hi = lsoas.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = lsoas.get(mid).lsoaCode().compareTo(lsoaCode);
            if (c == 0) {
                return Optional.of(lsoas.get(mid));
            } else if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return Optional.empty();
    }

    /** The footprint of one PCN code, if it is a candidate. */
    public Optional<PcnFootprint> pcn(String pcnCode) {
        int lo = 0;
        int hi = pcns.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = pcns.get(mid).pcnCode().compareTo(pcnCode);
            if (c == 0) {
                return Optional.of(pcns.get(mid));
            } else if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return Optional.empty();
    }
}
