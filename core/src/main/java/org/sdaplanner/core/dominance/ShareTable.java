package org.sdaplanner.core.dominance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The aggregated registrations of a region: per LSOA, the patients of every candidate PCN and the
 * denominator. Built once by {@link DominanceEngine#tabulate(DominanceInput)} (the expensive part),
 * then {@link #apply(DominanceRule)} ranks it under any number of rules cheaply. Immutable and
 * safe to share between threads.
 */
public final class ShareTable {
    // LSOAs, sorted by code; per-LSOA entries are the slice entryStart[i] .. entryStart[i+1]
    // of entryPcn/entryCount, in ascending PCN id (= PCN code) order.
    private final String[] lsoaCodes;
    private final long[] registered;
    private final long[] unallocated;
    private final long[] other;
    private final int[] entryStart;
    private final int[] entryPcn;
    private final long[] entryCount;
    private final ShareVector[] vectors;
    // PCNs, sorted by code; id = index
    private final String[] pcnCodes;
    private final String[] pcnNames;
    private final long[] pcnRegionPatients;
    private final long[] pcnTotalPatients;
    private final List<String> lsoasWithoutRegistrations;
    private final List<UnallocatedPractice> unallocatedPractices;
    private final long registrationRows;
    private final long regionRows;
    private final long outsideRegionPatients;

    ShareTable(String[] lsoaCodes, long[] registered, long[] unallocated, long[] other,
               int[] entryStart, int[] entryPcn, long[] entryCount, ShareVector[] vectors,
               String[] pcnCodes, String[] pcnNames, long[] pcnRegionPatients, long[] pcnTotalPatients,
               List<String> lsoasWithoutRegistrations, List<UnallocatedPractice> unallocatedPractices,
               long registrationRows, long regionRows, long outsideRegionPatients) {
        this.lsoaCodes = lsoaCodes;
        this.registered = registered;
        this.unallocated = unallocated;
        this.other = other;
        this.entryStart = entryStart;
        this.entryPcn = entryPcn;
        this.entryCount = entryCount;
        this.vectors = vectors;
        this.pcnCodes = pcnCodes;
        this.pcnNames = pcnNames;
        this.pcnRegionPatients = pcnRegionPatients;
        this.pcnTotalPatients = pcnTotalPatients;
        this.lsoasWithoutRegistrations = List.copyOf(lsoasWithoutRegistrations);
        this.unallocatedPractices = List.copyOf(unallocatedPractices);
        this.registrationRows = registrationRows;
        this.regionRows = regionRows;
        this.outsideRegionPatients = outsideRegionPatients;
    }

    /** Number of region LSOAs. */
    public int lsoaCount() {
        return lsoaCodes.length;
    }

    /** Number of candidate PCNs. */
    public int pcnCount() {
        return pcnCodes.length;
    }

    /** Ranks every LSOA under {@code rule} and derives the PCN footprints. */
    public DominanceResult apply(DominanceRule rule) {
        Objects.requireNonNull(rule, "rule");
        int nLsoa = lsoaCodes.length;
        int nPcn = pcnCodes.length;
        List<LsoaDominance> results = new ArrayList<>(nLsoa);
        long[] fpRegistered = new long[nPcn];
        long[] fpCaptured = new long[nPcn];
        int[] fpCount = new int[nPcn];
        int[] dominantOf = new int[nLsoa];
        int withDominant = 0;
        int contestedCount = 0;
        int tiedCount = 0;
        long regionPatients = 0;
        long unallocatedTotal = 0;
        long otherTotal = 0;

        for (int i = 0; i < nLsoa; i++) {
            long reg = registered[i];
            regionPatients += reg;
            unallocatedTotal += unallocated[i];
            otherTotal += other[i];
            // Top two eligible entries. Entries run in ascending PCN code order and only a strictly
            // larger count displaces, so on equal counts the lower code stays ahead.
            int lead = -1;
            int second = -1;
            long leadCount = 0;
            long secondCount = 0;
            for (int k = entryStart[i], end = entryStart[i + 1]; k < end; k++) {
                long c = entryCount[k];
                if (!rule.eligible(c, reg)) {
                    continue;
                }
                if (lead < 0 || c > leadCount) {
                    second = lead;
                    secondCount = leadCount;
                    lead = k;
                    leadCount = c;
                } else if (second < 0 || c > secondCount) {
                    second = k;
                    secondCount = c;
                }
            }
            boolean dominant = lead >= 0 && rule.accepts(leadCount, reg);
            double leadShare = lead < 0 ? 0.0 : (double) leadCount / reg;
            double secondShare = second < 0 ? 0.0 : (double) secondCount / reg;
            boolean contested = !dominant || 2 * leadCount < reg;
            boolean tie = second >= 0 && secondCount == leadCount;
            String leadCode = lead < 0 ? null : pcnCodes[entryPcn[lead]];
            results.add(new LsoaDominance(lsoaCodes[i], reg,
                    leadCode, leadShare,
                    dominant ? leadCode : null, dominant ? leadShare : 0.0,
                    second < 0 ? null : pcnCodes[entryPcn[second]], secondShare,
                    leadShare - secondShare, contested, tie,
                    unallocated[i], other[i], vectors[i]));
            if (dominant) {
                int p = entryPcn[lead];
                dominantOf[i] = p;
                fpRegistered[p] += reg;
                fpCaptured[p] += leadCount;
                fpCount[p]++;
                withDominant++;
            } else {
                dominantOf[i] = -1;
            }
            if (contested) {
                contestedCount++;
            }
            if (tie) {
                tiedCount++;
            }
        }

        // footprint LSOA lists: one pass in LSOA order keeps each list sorted
        String[][] fpLsoas = new String[nPcn][];
        int[] fill = new int[nPcn];
        for (int p = 0; p < nPcn; p++) {
            fpLsoas[p] = new String[fpCount[p]];
        }
        for (int i = 0; i < nLsoa; i++) {
            int p = dominantOf[i];
            if (p >= 0) {
                fpLsoas[p][fill[p]++] = lsoaCodes[i];
            }
        }
        List<PcnFootprint> footprints = new ArrayList<>(nPcn);
        for (int p = 0; p < nPcn; p++) {
            long regionP = pcnRegionPatients[p];
            footprints.add(new PcnFootprint(pcnCodes[p], pcnNames[p], List.of(fpLsoas[p]),
                    fpRegistered[p], fpCaptured[p], regionP, pcnTotalPatients[p],
                    regionP == 0 ? 0.0 : (double) fpCaptured[p] / regionP));
        }
        DominanceResult.Totals totals = new DominanceResult.Totals(registrationRows, regionRows, regionPatients,
                outsideRegionPatients, unallocatedTotal, otherTotal, nLsoa, withDominant, contestedCount, tiedCount);
        return new DominanceResult(rule, results, footprints, lsoasWithoutRegistrations, unallocatedPractices, totals);
    }
}
