package org.sdaplanner.core.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdaplanner.core.blocks.Fixtures.lsoa;
import static org.sdaplanner.core.blocks.Fixtures.parish;
import static org.sdaplanner.core.blocks.Fixtures.postcode;
import static org.sdaplanner.core.blocks.Fixtures.rect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.core.geography.Parish;
import org.sdaplanner.core.geography.PostcodePoint;
import org.sdaplanner.core.topology.TopologyOptions;

/**
 * Slivers on hand-made LSOAs and parishes (metres; residents apportioned by land unless postcodes
 * are given):
 * <pre>
 *   L1 [0,100]²: P1 [0,60]×[0,99], P2 [60,98]×[0,99]; the rest, an L of 298 m² (2.98 %) along
 *      the east and north edges, is a sliver. Around it: N [0,100]×[100,150] (100 m of shared
 *      edge), P9 [100,200]×[0,100] of another district (100 m), P2 (38 + 99 = 137 m), P1 (60 m).
 *   L3 [200,210]×[0,10]: a whole LSOA outside every parish, tiny, but a block of its own.
 * </pre>
 */
class SliverMergerTest {

    private static final Map<String, Long> RESIDENTS = new HashMap<>(Map.of("L1", 1000L, "L3", 30L));
    private static final Map<String, Double> REGISTERED = new HashMap<>(Map.of("L1", 1100.0, "L3", 40.0));
    private static final LsoaShares SHARES = LsoaShares.of(Map.of(
            "L1", Map.of("A", 0.75, "B", 0.25), "L3", Map.of("B", 1.0)));

    private static BlockSet raw(List<Lsoa> lsoas, List<Parish> parishes, List<PostcodePoint> postcodes) {
        OverlayResult ov = LsoaParishOverlay.of(lsoas, parishes);
        Apportionment app = postcodes.isEmpty() ? PopulationApportioner.byArea(ov) : PopulationApportioner.byPostcodes(ov, postcodes);
        return BlockBuilder.build(app, RESIDENTS, REGISTERED, SHARES);
    }

    private static BlockSet merge(BlockSet raw, List<PostcodePoint> postcodes) {
        List<Point> points = postcodes.stream().map(PostcodePoint::location).toList();
        return SliverMerger.merge(raw, SHARES, SliverRule.DEFAULTS, TopologyOptions.METRES, points);
    }

    private static List<Lsoa> basicLsoas() {
        return List.of(lsoa("L1", "D1", rect(0, 0, 100, 100)), lsoa("L3", "D2", rect(200, 0, 210, 10)));
    }

    private static List<Parish> basicParishes() {
        return List.of(parish("P1", "D1", rect(0, 0, 60, 99)), parish("P2", "D1", rect(60, 0, 98, 99)),
                parish("N", "D1", rect(0, 100, 100, 150)), parish("P9", "D2", rect(100, 0, 200, 100)));
    }

    @Test
    void aSliverJoinsTheBlockOfItsDistrictItSharesMostBoundaryWith() {
        BlockSet raw = raw(basicLsoas(), basicParishes(), List.of());
        assertNotNull(raw.block("L1"), "before the rule, the remainder is a block");
        BlockSet set = merge(raw, List.of());

        assertNull(set.block("L1"), "the sliver is no longer a block");
        assertEquals(List.of("L3", "N", "P1", "P2", "P9"), set.blocks().stream().map(BuildingBlock::code).toList());
        assertEquals("P2", set.blockOf("L1"));
        assertEquals(List.of(), set.keptSlivers());
        assertEquals(1, set.sliverMerges().size());
        SliverMerge m = set.sliverMerges().get(0);
        assertEquals("L1", m.sliverCode());
        assertEquals("P2", m.intoCode());
        assertEquals(298, m.area(), 1e-6);
        assertEquals(29.8, m.residents(), 1e-9);

        BuildingBlock p2 = set.block("P2");
        assertEquals(376.2 + 29.8, p2.residentPopulation(), 1e-9);
        assertEquals(1, p2.pieces().size(), "the sliver's share of L1 adds to P2's own piece of L1");
        assertEquals(0.3762 + 0.0298, p2.pieces().get(0).weight(), 1e-12);
        assertEquals(0.75 * (376.2 + 29.8), p2.pcnAffinity().get("A"), 1e-9);
        assertEquals(38 * 99 + 298, p2.geometry().getArea(), 1e-6, "P2's outline takes in the sliver's land");
        assertEquals(1, p2.geometry().getNumGeometries());

        // nothing lost: the same people in all, and the blocks tile the same ground exactly
        assertEquals(raw.totalResidentPopulation(), set.totalResidentPopulation(), 1e-9);
        assertEquals(raw.totalRegisteredPopulation(), set.totalRegisteredPopulation(), 1e-9);
        Geometry[] outlines = set.blocks().stream().map(BuildingBlock::geometry).toArray(Geometry[]::new);
        for (Geometry g : CoverageValidator.validate(outlines)) {
            assertNull(g, "the blocks form a clean coverage");
        }
        assertNotNull(set.block("L3"), "a whole LSOA outside every parish stays a block, however small");
    }

    @Test
    void theRuleOffKeepsEveryRemainderAsABlockButStillCleansTheOutlines() {
        BlockSet raw = raw(basicLsoas(), basicParishes(), List.of());
        BlockSet set = SliverMerger.merge(raw, SHARES, SliverRule.OFF, TopologyOptions.METRES, List.of());
        assertNotNull(set.block("L1"));
        assertEquals(raw.size(), set.size());
        assertTrue(set.sliverMerges().isEmpty());
        assertNotNull(set.topology());
    }

    @Test
    void aSliverTouchingOnlyOtherSliversOfItsDistrictFollowsThem() {
        // L4 [0,100]x[100,150] in D1 lies in P8 of D2 but for its southern 1.5 m: that sliver touches
        // only L1's sliver (D1) and P8 (D2). L2 [0,100]x[150,250] in D1 lies in P7 of D2 but for a 3 m
        // strip touching only P8 and P7: nothing of its district.
        List<Lsoa> lsoas = new ArrayList<>(basicLsoas());
        lsoas.add(lsoa("L4", "D1", rect(0, 100, 100, 150)));
        lsoas.add(lsoa("L2", "D1", rect(0, 150, 100, 250)));
        List<Parish> parishes = List.of(parish("P1", "D1", rect(0, 0, 60, 99)),
                parish("P2", "D1", rect(60, 0, 98, 99)), parish("P9", "D2", rect(100, 0, 200, 100)),
                parish("P8", "D2", rect(0, 101.5, 100, 150)), parish("P7", "D2", rect(0, 153, 100, 250)));
        RESIDENTS.put("L2", 500L);
        RESIDENTS.put("L4", 200L);
        try {
            BlockSet raw = raw(lsoas, parishes, List.of());
            BlockSet set = merge(raw, List.of());
            // first round: L1's sliver joins P2; second: L4's, now touching P2, follows it
            assertNull(set.block("L1"));
            assertNull(set.block("L4"));
            assertEquals("P2", set.blockOf("L1"));
            assertEquals("P2", set.blockOf("L4"));
            assertNotNull(set.block("L2"), "no block of its district touches it: it stays");
            assertEquals(List.of("L2"), set.keptSlivers());
            assertEquals(raw.totalResidentPopulation(), set.totalResidentPopulation(), 1e-9);
            assertEquals(raw.totalRegisteredPopulation(), set.totalRegisteredPopulation(), 1e-9);
        } finally {
            RESIDENTS.remove("L2");
            RESIDENTS.remove("L4");
        }
    }

    @Test
    void aSliverWithNoNeighbourInItsDistrictStaysABlock() {
        // L5 in D3 lies in P10 and P11 of D2 but for a 2 m strip: nothing of D3 around it
        List<Lsoa> lsoas = List.of(lsoa("L5", "D3", rect(0, 0, 100, 100)));
        List<Parish> parishes = List.of(parish("P10", "D2", rect(0, 0, 50, 100)), parish("P11", "D2", rect(50, 0, 98, 100)));
        RESIDENTS.put("L5", 800L);
        try {
            BlockSet set = merge(raw(lsoas, parishes, List.of()), List.of());
            assertNotNull(set.block("L5"));
            assertEquals(List.of("L5"), set.keptSlivers());
            assertTrue(set.sliverMerges().isEmpty());
        } finally {
            RESIDENTS.remove("L5");
        }
    }

    /**
     * L6 [0,100]x[300,400]: P4 [0,40]x[300,400] but for a 5 × 20 m notch at its west edge; the
     * remainder is [40,100]x[300,400] (60 %) and the notch, detached from it. West of L6: PW.
     */
    private static List<Parish> notched() {
        Geometry p4 = rect(0, 300, 40, 400).difference(rect(0, 350, 5, 370));
        return List.of(parish("P4", "D1", p4), parish("PW", "D1", rect(-50, 300, 0, 400)));
    }

    @Test
    void aDetachedFieldEdgeOfARealRemainderJoinsItsNeighbour() {
        RESIDENTS.put("L6", 1000L);
        try {
            BlockSet raw = raw(List.of(lsoa("L6", "D1", rect(0, 300, 100, 400))), notched(), List.of());
            assertEquals(2, raw.block("L6").geometry().getNumGeometries());
            BlockSet set = merge(raw, List.of());
            BuildingBlock l6 = set.block("L6");
            assertNotNull(l6, "60 % of the LSOA is no sliver");
            assertEquals(1, l6.geometry().getNumGeometries(), "the notch has gone");
            assertEquals(6000, l6.geometry().getArea(), 1e-6);
            // the notch (100 m²) shares 5 + 20 + 5 m with P4 and 20 m with PW: it joins P4, with its share of the people
            SliverMerge m = set.sliverMerges().get(0);
            assertEquals("P4", m.intoCode());
            assertEquals(100, m.area(), 1e-6);
            assertEquals(610.0 * 100 / 6100, m.residents(), 1e-9);
            assertEquals(610.0 - m.residents(), l6.residentPopulation(), 1e-9);
            assertEquals(raw.totalResidentPopulation(), set.totalResidentPopulation(), 1e-9);
            assertEquals("L6", set.blockOf("L6"));
        } finally {
            RESIDENTS.remove("L6");
        }
    }

    /** With the rule off ('sda --slivers keep') not even a detached field edge joins: the remainder stays whole, in its parts. */
    @Test
    void theRuleOffKeepsDetachedPartsTooAndTheSetKnowsItsRule() {
        RESIDENTS.put("L6", 1000L);
        try {
            BlockSet raw = raw(List.of(lsoa("L6", "D1", rect(0, 300, 100, 400))), notched(), List.of());
            BlockSet off = SliverMerger.merge(raw, SHARES, SliverRule.OFF, TopologyOptions.METRES, List.of());
            assertEquals(2, off.block("L6").geometry().getNumGeometries(), "the notch stays with its remainder");
            assertTrue(off.sliverMerges().isEmpty());
            assertEquals(raw.totalResidentPopulation(), off.totalResidentPopulation(), 1e-9);
            assertEquals(SliverRule.OFF, off.sliverRule());
            assertTrue(SliverRule.OFF.off() && !SliverRule.DEFAULTS.off());
            assertEquals(SliverRule.DEFAULTS, merge(raw, List.of()).sliverRule());
            assertEquals(null, raw.sliverRule(), "a raw set was judged by no rule");
        } finally {
            RESIDENTS.remove("L6");
        }
    }

    @Test
    void aDetachedPartWithHomesInItStays() {
        RESIDENTS.put("L6", 1000L);
        try {
            // one postcode in P4, one in the main remainder, one in the notch: a third of the remainder's people live there
            List<PostcodePoint> pcs = List.of(postcode("A1", 20, 320), postcode("A2", 70, 320), postcode("A3", 2, 360));
            BlockSet raw = raw(List.of(lsoa("L6", "D1", rect(0, 300, 100, 400))), notched(), pcs);
            BlockSet set = merge(raw, pcs);
            assertEquals(2, set.block("L6").geometry().getNumGeometries(), "the notch is a home, not a sliver");
            assertTrue(set.sliverMerges().isEmpty());
        } finally {
            RESIDENTS.remove("L6");
        }
    }

    @Test
    void slivertestsLookAtBothLandAndResidents() {
        SliverRule r = SliverRule.DEFAULTS;
        assertTrue(r.isSliver(0.099, 0.049));
        assertTrue(!r.isSliver(0.10, 0.0), "a tenth of the land is enough to stay");
        assertTrue(!r.isSliver(0.01, 0.05), "so are 5 % of the residents");
        assertTrue(!SliverRule.OFF.isSliver(0, 0));
        Set<String> codes = new TreeSet<>(SliverMerger.remainders(raw(basicLsoas(), basicParishes(), List.of())));
        assertEquals(Set.of("L1"), codes, "only remainders of partly parished LSOAs can be slivers");
    }
}
