package org.sdaplanner.core.dominance;

/**
 * The dominant-PCN result for one LSOA under one {@link DominanceRule}.
 *
 * <p>The <em>leader</em> is the eligible candidate with the most patients (ties: lower PCN code);
 * the rule then decides whether the leader is <em>dominant</em>. Under plurality and min-share
 * the leader, when there is one, is always dominant; under majority it is dominant only above
 * one half, which is why both are reported.
 *
 * @param lsoaCode            the LSOA
 * @param registeredPatients  the denominator: every patient living in the LSOA in the registrations,
 *                            whatever their practice
 * @param leaderPcnCode       the top eligible candidate, {@code null} when there is none
 * @param leaderShare         its share, 0 when none
 * @param dominantPcnCode     the leader if the rule accepts it, else {@code null}
 * @param dominantShare       its share, 0 when there is no dominant PCN
 * @param secondPcnCode       the runner-up among eligible candidates, {@code null} when none
 * @param secondShare         its share, 0 when none
 * @param margin              {@code leaderShare − secondShare}; this is "dominant − second" whenever
 *                            there is a dominant PCN
 * @param contested           no dominant PCN, or a dominant share below one half
 * @param tie                 the leader and the runner-up have the same number of patients (the
 *                            lower code was chosen)
 * @param unallocatedPatients patients at practices whose PCN is {@code U} or unknown (unmapped)
 * @param otherPcnPatients    patients at practices of PCNs that are not candidates (not in the
 *                            input PCN list, e.g. another region's)
 * @param shares              every candidate PCN's patients and share in the LSOA
 */
public record LsoaDominance(String lsoaCode,
                            long registeredPatients,
                            String leaderPcnCode,
                            double leaderShare,
                            String dominantPcnCode,
                            double dominantShare,
                            String secondPcnCode,
                            double secondShare,
                            double margin,
                            boolean contested,
                            boolean tie,
                            long unallocatedPatients,
                            long otherPcnPatients,
                            ShareVector shares) {

    /** Whether the rule gave this LSOA a dominant PCN. */
    public boolean hasDominant() {
        return dominantPcnCode != null;
    }

    /** Share of {@code pcnCode} in this LSOA, 0 when it has no patients here. */
    public double share(String pcnCode) {
        return shares.share(pcnCode);
    }

    /** Patients of {@code pcnCode} living in this LSOA. */
    public long patients(String pcnCode) {
        return shares.patients(pcnCode);
    }
}
