package org.sdaplanner.core.dominance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdaplanner.core.dominance.Fixture.lsoa;
import static org.sdaplanner.core.dominance.Fixture.pcn;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Hand-made fixtures; every expected number can be checked with pencil and paper. */
class DominanceEngineTest {
    private static final double EPS = 1e-12;

    @Test
    void clearWinner() {
        // L1: A 80, B 20 -> A 0.8, B 0.2
        DominanceResult r = new Fixture().pcn("A").pcn("B")
                .practice("a1", "A").practice("b1", "B")
                .lsoas("L1")
                .reg("a1", "L1", 80).reg("b1", "L1", 20)
                .compute(DominanceRule.PLURALITY);
        LsoaDominance l = lsoa(r, "L1");
        assertEquals(100, l.registeredPatients());
        assertEquals("A", l.dominantPcnCode());
        assertEquals("A", l.leaderPcnCode());
        assertEquals(0.8, l.dominantShare(), EPS);
        assertEquals("B", l.secondPcnCode());
        assertEquals(0.2, l.secondShare(), EPS);
        assertEquals(0.6, l.margin(), EPS);
        assertFalse(l.contested());
        assertFalse(l.tie());
        assertEquals(0, l.unallocatedPatients());
        assertEquals(Map.of("A", 0.8, "B", 0.2), l.shares().asMap());
        assertEquals(80, l.patients("A"));
        assertEquals(0.0, l.share("Z"));
        assertEquals(DominanceRule.PLURALITY, r.rule());
    }

    @Test
    void tieGoesToTheLowerPcnCodeAndIsFlagged() {
        // L1: P2 40, P1 40, U 20 -> tie, P1 wins although P2 is listed (and registered) first
        DominanceResult r = new Fixture().pcn("P2").pcn("P1")
                .practice("x", "P2").practice("y", "P1").practice("u", "U")
                .lsoas("L1", "L2")
                .reg("x", "L1", 40).reg("y", "L1", 40).reg("u", "L1", 20)
                // L2: P2 50, P1 50 -> a tie at exactly one half
                .reg("x", "L2", 50).reg("y", "L2", 50)
                .compute(DominanceRule.PLURALITY);
        LsoaDominance l1 = lsoa(r, "L1");
        assertEquals("P1", l1.dominantPcnCode());
        assertEquals(0.4, l1.dominantShare(), EPS);
        assertEquals("P2", l1.secondPcnCode());
        assertEquals(0.4, l1.secondShare(), EPS);
        assertEquals(0.0, l1.margin());
        assertTrue(l1.tie());
        assertTrue(l1.contested());

        LsoaDominance l2 = lsoa(r, "L2");
        assertEquals("P1", l2.dominantPcnCode());
        assertEquals(0.5, l2.dominantShare());
        assertTrue(l2.tie());
        assertFalse(l2.contested(), "one half exactly is not below one half");
        assertEquals(2, r.totals().tiedLsoas());
    }

    @Test
    void contestedLsoa45_35_20() {
        DominanceResult r = contested().compute(DominanceRule.PLURALITY);
        LsoaDominance l = lsoa(r, "L1");
        assertEquals("A", l.dominantPcnCode());
        assertEquals(0.45, l.dominantShare(), EPS);
        assertEquals("B", l.secondPcnCode());
        assertEquals(0.35, l.secondShare(), EPS);
        assertEquals(0.10, l.margin(), EPS);
        assertEquals(0.20, l.share("C"), EPS);
        assertTrue(l.contested());
        assertFalse(l.tie());
        assertEquals(1, r.totals().contestedLsoas());
    }

    @Test
    void majorityRuleGivesNoDominantBelowOneHalf() {
        DominanceResult r = contested().compute(DominanceRule.MAJORITY);
        LsoaDominance l = lsoa(r, "L1");
        assertNull(l.dominantPcnCode());
        assertFalse(l.hasDominant());
        assertEquals(0.0, l.dominantShare());
        // the ranking is still reported
        assertEquals("A", l.leaderPcnCode());
        assertEquals(0.45, l.leaderShare(), EPS);
        assertEquals("B", l.secondPcnCode());
        assertEquals(0.10, l.margin(), EPS);
        assertTrue(l.contested());
        assertEquals(0, r.totals().lsoasWithDominant());
        assertEquals(List.of(), pcn(r, "A").footprintLsoas());
        assertEquals(0.0, pcn(r, "A").capture());
        // and above one half it is dominant: 51 / 100
        DominanceResult r2 = new Fixture().pcn("A").pcn("B").practice("a", "A").practice("b", "B")
                .lsoas("L1").reg("a", "L1", 51).reg("b", "L1", 49).compute(DominanceRule.MAJORITY);
        assertEquals("A", lsoa(r2, "L1").dominantPcnCode());
        assertEquals(0.51, lsoa(r2, "L1").dominantShare(), EPS);
    }

    @Test
    void minShareIgnoresSmallPcns() {
        Fixture f = new Fixture().pcn("A").pcn("B").practice("a", "A").practice("b", "B").practice("u", "U")
                .lsoas("L1", "L2", "L3")
                // L1: A 3, B 2, U 95 -> A leads with 0.03 under plurality; nobody reaches 0.05
                .reg("a", "L1", 3).reg("b", "L1", 2).reg("u", "L1", 95)
                // L2: A 96, B 4 -> runner-up B (0.04) under plurality, none under min-share 0.05
                .reg("a", "L2", 96).reg("b", "L2", 4)
                // L3: A 95, B 5 -> B is exactly at the threshold and stays runner-up
                .reg("a", "L3", 95).reg("b", "L3", 5);
        DominanceResult plurality = f.compute(DominanceRule.PLURALITY);
        DominanceResult minShare = f.compute(DominanceRule.parse("min-share=0.05"));

        assertEquals("A", lsoa(plurality, "L1").dominantPcnCode());
        assertEquals(0.03, lsoa(plurality, "L1").dominantShare(), EPS);
        assertNull(lsoa(minShare, "L1").dominantPcnCode());
        assertNull(lsoa(minShare, "L1").leaderPcnCode());
        assertNull(lsoa(minShare, "L1").secondPcnCode());
        assertTrue(lsoa(minShare, "L1").contested());
        assertEquals(0.02, lsoa(minShare, "L1").share("B"), EPS, "the share vector keeps ignored PCNs");
        assertEquals(100, lsoa(minShare, "L1").registeredPatients(), "and so does the denominator");

        LsoaDominance p2 = lsoa(plurality, "L2");
        assertEquals("B", p2.secondPcnCode());
        assertEquals(0.04, p2.secondShare(), EPS);
        assertEquals(0.92, p2.margin(), EPS);
        LsoaDominance m2 = lsoa(minShare, "L2");
        assertEquals("A", m2.dominantPcnCode());
        assertEquals(0.96, m2.dominantShare(), EPS);
        assertNull(m2.secondPcnCode());
        assertEquals(0.0, m2.secondShare());
        assertEquals(0.96, m2.margin(), EPS);

        LsoaDominance m3 = lsoa(minShare, "L3");
        assertEquals("B", m3.secondPcnCode());
        assertEquals(0.05, m3.secondShare(), EPS);

        RuleComparison cmp = RuleComparison.of(plurality, minShare);
        assertEquals(3, cmp.lsoasCompared());
        assertEquals(List.of(new RuleComparison.Change("L1", "A", null)), cmp.changes());
        assertEquals(DominanceRule.minShare(0.05), cmp.ruleB());
    }

    @Test
    void outsideAndUnallocatedPracticesCountInTheDenominatorOnly() {
        DominanceResult r = new Fixture().pcn("A").pcn("B")
                .practice("a", "A").practice("b", "B").practice("u", "U").practice("n", null)
                .outsidePractice("x", "Q99")
                .lsoas("L1", "L2")
                // L1: A 40, B 10, outside practice (PCN Q99) 30, U 15, unmapped in list 5 -> 100
                .reg("a", "L1", 40).reg("b", "L1", 10).reg("x", "L1", 30).reg("u", "L1", 15).reg("n", "L1", 5)
                // L2: A 10, practice "z" missing from the practice list 30 -> 40
                .reg("a", "L2", 10).reg("z", "L2", 30)
                .reg("u", "E01999999", 7) // outside the region: total only
                .compute(DominanceRule.PLURALITY);
        LsoaDominance l1 = lsoa(r, "L1");
        assertEquals(100, l1.registeredPatients());
        assertEquals("A", l1.dominantPcnCode());
        assertEquals(0.4, l1.dominantShare(), EPS);
        assertEquals(0.1, l1.secondShare(), EPS);
        assertEquals(20, l1.unallocatedPatients());
        assertEquals(30, l1.otherPcnPatients());
        assertTrue(l1.contested());
        assertEquals(2, l1.shares().size(), "only candidate PCNs are in the vector");
        assertEquals(0.0, l1.share("Q99"));
        assertEquals(0.0, l1.share("U"));

        LsoaDominance l2 = lsoa(r, "L2");
        assertEquals(40, l2.registeredPatients());
        assertEquals("A", l2.dominantPcnCode());
        assertEquals(0.25, l2.dominantShare(), EPS);
        assertNull(l2.secondPcnCode());
        assertEquals(30, l2.unallocatedPatients());

        assertEquals(List.of(
                new UnallocatedPractice("n", null, true, 5, 5),
                new UnallocatedPractice("u", "U", true, 15, 22),
                new UnallocatedPractice("z", null, false, 30, 30)), r.unallocatedPractices());
        assertEquals(new DominanceResult.Totals(8, 7, 140, 7, 50, 30, 2, 2, 2, 0), r.totals());
        assertTrue(r.pcn("Q99").isEmpty(), "a non-candidate PCN has no footprint");
    }

    @Test
    void rowsForLsoasOutsideTheRegionAreIgnored() {
        Fixture f = new Fixture().pcn("A").pcn("B").practice("a", "A").practice("b", "B")
                .lsoas("L1")
                .reg("a", "L1", 60).reg("b", "L1", 40);
        DominanceResult before = f.compute(DominanceRule.PLURALITY);
        f.reg("b", "E01999999", 500).reg("b", "W01000001", 1).reg("b", "CLOSED", 2).reg("b", "EMPTY", 3)
                .reg("b", null, 4);
        DominanceResult after = f.compute(DominanceRule.PLURALITY);

        assertEquals(before.lsoas(), after.lsoas());
        assertEquals(List.of("L1"), after.lsoas().stream().map(LsoaDominance::lsoaCode).toList());
        assertEquals(510, after.totals().outsideRegionPatients());
        assertEquals(100, after.totals().regionPatients());
        assertEquals(2, after.totals().regionRows());
        assertEquals(7, after.totals().registrationRows());
        assertEquals(40, pcn(after, "B").regionPatients());
        assertEquals(550, pcn(after, "B").totalPatients());
    }

    /**
     * Two PCNs, three LSOAs, 100 patients each:
     * L1 A 60 B 30 U 10; L2 A 20 B 70 other 10; L3 A 45 B 40 U 15;
     * outside the region A 25 (E01999999) and B 10 (CLOSED).
     */
    private static Fixture footprintFixture() {
        return new Fixture().pcn("B").pcn("A")
                .practice("a", "A").practice("b", "B").practice("u", "U").outsidePractice("x", "Q99")
                .lsoas("L3", "L1", "L2")
                .reg("a", "L1", 60).reg("b", "L1", 30).reg("u", "L1", 10)
                .reg("a", "L2", 20).reg("b", "L2", 70).reg("x", "L2", 10)
                .reg("a", "L3", 45).reg("b", "L3", 40).reg("u", "L3", 15)
                .reg("a", "E01999999", 25).reg("b", "CLOSED", 10);
    }

    @Test
    void footprintAndCaptureByHand() {
        DominanceResult r = footprintFixture().compute(DominanceRule.PLURALITY);
        assertEquals(List.of("L1", "L2", "L3"), r.lsoas().stream().map(LsoaDominance::lsoaCode).toList());
        assertEquals(List.of("A", "B"), r.pcns().stream().map(PcnFootprint::pcnCode).toList());

        // A dominates L1 (60) and L3 (45); its region patients are 60 + 20 + 45 = 125, its list 150
        PcnFootprint a = pcn(r, "A");
        assertEquals("PCN A", a.pcnName());
        assertEquals(List.of("L1", "L3"), a.footprintLsoas());
        assertEquals(200, a.footprintRegisteredPatients());
        assertEquals(105, a.capturedPatients());
        assertEquals(125, a.regionPatients());
        assertEquals(150, a.totalPatients());
        assertEquals(0.84, a.capture(), EPS);
        assertEquals(0.7, a.captureOfTotal(), EPS);
        assertEquals(0.525, a.shareOfFootprint(), EPS);

        // B dominates L2 (70); region patients 30 + 70 + 40 = 140, list 150
        PcnFootprint b = pcn(r, "B");
        assertEquals(List.of("L2"), b.footprintLsoas());
        assertEquals(100, b.footprintRegisteredPatients());
        assertEquals(70, b.capturedPatients());
        assertEquals(140, b.regionPatients());
        assertEquals(150, b.totalPatients());
        assertEquals(0.5, b.capture(), EPS);
        assertEquals(70.0 / 150, b.captureOfTotal(), EPS);
        assertEquals(0.7, b.shareOfFootprint(), EPS);

        // under majority L3 (A 0.45) loses its dominant PCN
        DominanceResult m = footprintFixture().compute(DominanceRule.MAJORITY);
        assertEquals(List.of("L1"), pcn(m, "A").footprintLsoas());
        assertEquals(60, pcn(m, "A").capturedPatients());
        assertEquals(0.48, pcn(m, "A").capture(), EPS);
        assertEquals(pcn(r, "B"), pcn(m, "B"));
        assertEquals(List.of(new RuleComparison.Change("L3", "A", null)), RuleComparison.of(r, m).changes());
        assertEquals(List.of(), RuleComparison.of(r, r).changes());
    }

    @Test
    void lsoaWithoutRegistrationsIsReported() {
        DominanceResult r = footprintFixture().lsoas("L4", "L0").compute(DominanceRule.PLURALITY);
        assertEquals(List.of("L0", "L4"), r.lsoasWithoutRegistrations());
        LsoaDominance l4 = lsoa(r, "L4");
        assertEquals(0, l4.registeredPatients());
        assertNull(l4.dominantPcnCode());
        assertNull(l4.leaderPcnCode());
        assertNull(l4.secondPcnCode());
        assertEquals(0.0, l4.margin());
        assertTrue(l4.contested());
        assertFalse(l4.tie());
        assertEquals(0, l4.shares().size());
        assertEquals(5, r.totals().regionLsoas());
        assertEquals(3, r.totals().lsoasWithDominant());
        assertEquals(List.of("L0", "L1", "L2", "L3", "L4"),
                r.lsoas().stream().map(LsoaDominance::lsoaCode).toList());
    }

    @Test
    void patientTotalsAreConserved() {
        Fixture f = footprintFixture().lsoas("L4");
        DominanceResult r = f.compute(DominanceRule.PLURALITY);
        long inRegion = f.rows.stream().filter(x -> f.region.contains(x.lsoaCode())).mapToLong(x -> x.patients()).sum();
        long all = f.rows.stream().mapToLong(x -> x.patients()).sum();
        assertEquals(300, inRegion);
        assertEquals(inRegion, r.lsoas().stream().mapToLong(LsoaDominance::registeredPatients).sum());
        assertEquals(inRegion, r.totals().regionPatients());
        assertEquals(all, r.totals().regionPatients() + r.totals().outsideRegionPatients());
        long candidates = r.pcns().stream().mapToLong(PcnFootprint::regionPatients).sum();
        assertEquals(inRegion, candidates + r.totals().unallocatedPatients() + r.totals().otherPcnPatients());
        assertEquals(25, r.totals().unallocatedPatients());
        assertEquals(10, r.totals().otherPcnPatients());
    }

    @Test
    void repeatedRowsForOnePracticeAndLsoaAreAddedUp() {
        // e.g. a file split by sex: a 30 + 30 against b 50
        DominanceResult r = new Fixture().pcn("A").pcn("B").practice("a", "A").practice("b", "B")
                .lsoas("L1").reg("a", "L1", 30).reg("b", "L1", 50).reg("a", "L1", 30).reg("b", "L1", 0)
                .compute(DominanceRule.PLURALITY);
        assertEquals("A", lsoa(r, "L1").dominantPcnCode());
        assertEquals(60.0 / 110, lsoa(r, "L1").dominantShare(), EPS);
    }

    @Test
    void rejectsBadInput() {
        Fixture negative = new Fixture().pcn("A").practice("a", "A").lsoas("L1").reg("a", "L1", -1);
        assertThrows(IllegalArgumentException.class, () -> negative.compute(DominanceRule.PLURALITY));
        Fixture twice = new Fixture().pcn("A").pcn("B").practice("a", "A").practice("a", "B").lsoas("L1");
        assertThrows(IllegalArgumentException.class, () -> twice.compute(DominanceRule.PLURALITY));
        Fixture noPractice = new Fixture().pcn("A").lsoas("L1").reg(null, "L1", 1);
        assertThrows(IllegalArgumentException.class, () -> noPractice.compute(DominanceRule.PLURALITY));
    }

    @Test
    void oneTableServesSeveralRules() {
        ShareTable table = new DominanceEngine().tabulate(footprintFixture().input());
        assertEquals(3, table.lsoaCount());
        assertEquals(2, table.pcnCount());
        assertEquals(footprintFixture().compute(DominanceRule.MAJORITY), table.apply(DominanceRule.MAJORITY));
        assertEquals(footprintFixture().compute(DominanceRule.PLURALITY), table.apply(DominanceRule.PLURALITY));
    }

    private static Fixture contested() {
        // L1: A 45, B 35, C 20
        return new Fixture().pcn("A").pcn("B").pcn("C")
                .practice("a", "A").practice("b", "B").practice("c", "C")
                .lsoas("L1")
                .reg("a", "L1", 45).reg("b", "L1", 35).reg("c", "L1", 20);
    }
}
