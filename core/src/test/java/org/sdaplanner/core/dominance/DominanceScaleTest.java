package org.sdaplanner.core.dominance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sdaplanner.core.geography.Pcn;
import org.sdaplanner.core.geography.Practice;
import org.sdaplanner.core.geography.Registration;

/**
 * National scale in memory, shaped like the synthetic benchmark (735,091 rows, 33,755 LSOAs,
 * 6,300 practices, 1,250 PCNs): checks that every patient is accounted for at that scale.
 * Speed is measured by the benchmark harness (docs/benchmarks.md), not here.
 */
class DominanceScaleTest {

    @Test
    void nationalScale() {
        Random rnd = new Random(6300);
        int nLsoa = 33_755;
        int nPractice = 6_300;
        int nPcn = 1_250;
        List<Pcn> pcns = new ArrayList<>();
        for (int p = 0; p < nPcn; p++) {
            pcns.add(new Pcn(String.format("ZU%05d", p), "SYNTH PCN " + p));
        }
        List<Practice> practices = new ArrayList<>();
        String[] practiceCodes = new String[nPractice];
        for (int k = 0; k < nPractice; k++) {
            // neighbouring practices share a PCN, as k-means clusters would
            String pcn = k % 500 == 499 ? "U" : pcns.get(k * nPcn / nPractice).code();
            practiceCodes[k] = String.format("Z%05d", k);
            practices.add(new Practice(practiceCodes[k], "SYNTH", null, pcn, true, null));
        }
        Set<String> region = new HashSet<>();
        String[] lsoaCodes = new String[nLsoa];
        for (int i = 0; i < nLsoa; i++) {
            lsoaCodes[i] = String.format("E01%06d", i);
            region.add(lsoaCodes[i]);
        }
        List<Registration> rows = new ArrayList<>(735_091);
        long total = 0;
        for (int r = 0; r < 735_091; r++) {
            int lsoa = r % nLsoa;
            int home = (int) ((long) lsoa * nPractice / nLsoa);
            int k = Math.floorMod(home + (int) Math.round(rnd.nextGaussian() * 8), nPractice);
            // fresh String instances, as a CSV reader would make (no cached hash codes)
            String code = r % 200 == 0 ? "CLOSED" : new String(lsoaCodes[lsoa]);
            long n = 1 + rnd.nextInt(160);
            total += n;
            rows.add(new Registration(new String(practiceCodes[k]), code, n));
        }
        // as in the real file: rows sorted by practice
        rows.sort((a, b) -> a.practiceCode().compareTo(b.practiceCode()));
        DominanceInput input = new DominanceInput(rows, practices, pcns, region);

        DominanceEngine engine = new DominanceEngine();
        DominanceResult result = engine.compute(input, DominanceRule.PLURALITY);

        assertEquals(nLsoa, result.lsoas().size());
        assertEquals(nPcn, result.pcns().size());
        long considered = result.lsoas().stream().mapToLong(LsoaDominance::registeredPatients).sum();
        assertEquals(total, considered + result.totals().outsideRegionPatients());
        long byPcn = result.pcns().stream().mapToLong(PcnFootprint::regionPatients).sum();
        assertEquals(considered, byPcn + result.totals().unallocatedPatients() + result.totals().otherPcnPatients());
        long footprints = result.pcns().stream().mapToLong(f -> f.footprintLsoas().size()).sum();
        assertEquals(result.totals().lsoasWithDominant(), footprints);
    }
}
