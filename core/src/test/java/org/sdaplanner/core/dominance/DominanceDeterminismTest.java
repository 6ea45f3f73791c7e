package org.sdaplanner.core.dominance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.sdaplanner.core.geography.Pcn;
import org.sdaplanner.core.geography.Practice;
import org.sdaplanner.core.geography.Registration;

/** Row order must not matter, and the fast engine must agree with a plain reference. */
class DominanceDeterminismTest {

    /** Small counts over few PCNs, so ties, U practices and out-of-region rows are frequent. */
    private static DominanceInput randomInput(long seed) {
        Random rnd = new Random(seed);
        List<Pcn> pcns = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
            pcns.add(new Pcn(String.format("P%02d", p), "PCN " + p));
        }
        List<Practice> practices = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            String pcn = k % 10 == 9 ? "U" : k % 10 == 8 ? null : k % 10 == 7 ? "X99" : pcns.get(k % 8).code();
            practices.add(new Practice(String.format("K%03d", k), "practice", null, pcn, true, null));
        }
        Set<String> region = new LinkedHashSet<>();
        for (int i = 0; i < 60; i++) {
            region.add(String.format("E01%06d", i));
        }
        List<Registration> rows = new ArrayList<>();
        for (int i = 0; i < 64; i++) { // four LSOA codes beyond the region
            String lsoa = String.format("E01%06d", i);
            if (i == 5) {
                continue; // one region LSOA with no rows at all
            }
            int n = 1 + rnd.nextInt(8);
            for (int j = 0; j < n; j++) {
                String practice = String.format("K%03d", rnd.nextInt(32)); // K030, K031 are unlisted
                rows.add(new Registration(practice, lsoa, rnd.nextInt(6)));
            }
        }
        return new DominanceInput(rows, practices, pcns, region);
    }

    private static DominanceInput shuffled(DominanceInput in, long seed) {
        Random rnd = new Random(seed);
        List<Registration> rows = new ArrayList<>(in.registrations());
        List<Practice> practices = new ArrayList<>(in.practices());
        List<Pcn> pcns = new ArrayList<>(in.pcns());
        List<String> region = new ArrayList<>(in.regionLsoaCodes());
        Collections.shuffle(rows, rnd);
        Collections.shuffle(practices, rnd);
        Collections.shuffle(pcns, rnd);
        Collections.shuffle(region, rnd);
        return new DominanceInput(rows, practices, pcns, new LinkedHashSet<>(region));
    }

    @Test
    void shuffledInputGivesAnEqualResult() {
        DominanceEngine engine = new DominanceEngine();
        for (DominanceRule rule : List.of(DominanceRule.PLURALITY, DominanceRule.MAJORITY,
                DominanceRule.minShare(0.25))) {
            DominanceInput in = randomInput(42);
            DominanceResult expected = engine.compute(in, rule);
            assertTrue(expected.totals().tiedLsoas() > 0, "the fixture should exercise ties");
            for (long seed = 1; seed <= 20; seed++) {
                DominanceResult actual = engine.compute(shuffled(in, seed), rule);
                assertEquals(expected, actual);
                assertEquals(expected.hashCode(), actual.hashCode());
            }
        }
        assertNotEquals(engine.compute(randomInput(42)), engine.compute(randomInput(43)));
    }

    @Test
    void agreesWithAPlainReferenceImplementation() {
        DominanceEngine engine = new DominanceEngine();
        for (long seed = 100; seed < 130; seed++) {
            DominanceInput in = randomInput(seed);
            for (DominanceRule rule : List.of(DominanceRule.PLURALITY, DominanceRule.MAJORITY,
                    DominanceRule.minShare(0.2), DominanceRule.minShare(0.5))) {
                DominanceResult result = engine.compute(in, rule);
                Map<String, Long> denominators = new HashMap<>();
                Map<String, TreeMap<String, Long>> byLsoa = reference(in, denominators);
                assertEquals(in.regionLsoaCodes().size(), result.lsoas().size());
                for (LsoaDominance l : result.lsoas()) {
                    long reg = denominators.getOrDefault(l.lsoaCode(), 0L);
                    TreeMap<String, Long> counts = byLsoa.getOrDefault(l.lsoaCode(), new TreeMap<>());
                    // rank eligible candidates: most patients first, then code ascending
                    List<Map.Entry<String, Long>> ranked = new ArrayList<>();
                    for (Map.Entry<String, Long> e : counts.entrySet()) {
                        if (e.getValue() > 0 && (double) e.getValue() / reg >= minShare(rule)) {
                            ranked.add(e);
                        }
                    }
                    ranked.sort(Map.Entry.<String, Long>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()));
                    String leader = ranked.isEmpty() ? null : ranked.get(0).getKey();
                    String second = ranked.size() < 2 ? null : ranked.get(1).getKey();
                    boolean accepted = leader != null
                            && (rule != DominanceRule.MAJORITY || 2 * ranked.get(0).getValue() > reg);
                    assertEquals(reg, l.registeredPatients(), l.lsoaCode());
                    assertEquals(leader, l.leaderPcnCode(), l.lsoaCode());
                    assertEquals(second, l.secondPcnCode(), l.lsoaCode());
                    assertEquals(accepted ? leader : null, l.dominantPcnCode(), l.lsoaCode());
                    assertEquals(second != null && ranked.get(0).getValue().equals(ranked.get(1).getValue()),
                            l.tie(), l.lsoaCode());
                    for (Map.Entry<String, Long> e : counts.entrySet()) {
                        assertEquals(e.getValue(), l.patients(e.getKey()));
                    }
                }
            }
        }
    }

    private static double minShare(DominanceRule rule) {
        return rule instanceof DominanceRule.MinShare m ? m.threshold() : 0.0;
    }

    /** Candidate patients per LSOA and PCN, and denominators, the obvious way. */
    private static Map<String, TreeMap<String, Long>> reference(DominanceInput in, Map<String, Long> denominators) {
        Map<String, String> pcnOf = new HashMap<>();
        for (Practice p : in.practices()) {
            pcnOf.put(p.code(), p.pcnCode());
        }
        Set<String> candidates = new java.util.HashSet<>();
        for (Pcn p : in.pcns()) {
            candidates.add(p.code());
        }
        Map<String, TreeMap<String, Long>> out = new HashMap<>();
        for (Registration r : in.registrations()) {
            if (!in.regionLsoaCodes().contains(r.lsoaCode())) {
                continue;
            }
            denominators.merge(r.lsoaCode(), r.patients(), Long::sum);
            String pcn = pcnOf.get(r.practiceCode());
            if (pcn != null && candidates.contains(pcn) && r.patients() > 0) {
                out.computeIfAbsent(r.lsoaCode(), k -> new TreeMap<>()).merge(pcn, r.patients(), Long::sum);
            }
        }
        return out;
    }
}
