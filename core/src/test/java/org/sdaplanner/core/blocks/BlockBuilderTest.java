package org.sdaplanner.core.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdaplanner.core.blocks.Fixtures.lsoa;
import static org.sdaplanner.core.blocks.Fixtures.parish;
import static org.sdaplanner.core.blocks.Fixtures.postcode;
import static org.sdaplanner.core.blocks.Fixtures.rect;
import static org.sdaplanner.core.blocks.Fixtures.unparishedArea;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sdaplanner.core.geography.Geography;
import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.core.geography.Parish;

class BlockBuilderTest {

    private static final double EPS = 1e-9;

    /**
     * <pre>
     *   L1 [0,100]²         split 30/70 between P1 (x &lt; 30) and P2
     *   L2 [100,200]×[0,100] wholly in P2
     *   L3 [200,300]×[0,100] half in P3 (x &lt; 250), half outside every parish
     *   L4 [300,400]×[0,100] wholly in the unparished area U1 ("Town, unparished area")
     *   L5 [400,500]×[0,100] 40 % in P4 (x &lt; 440), 60 % in U1
     * </pre>
     */
    private static final List<Lsoa> LSOAS = List.of(
            lsoa("L1", "D1", rect(0, 0, 100, 100)),
            lsoa("L2", "D1", rect(100, 0, 200, 100)),
            lsoa("L3", "D2", rect(200, 0, 300, 100)),
            lsoa("L4", "D3", rect(300, 0, 400, 100)),
            lsoa("L5", "D3", rect(400, 0, 500, 100)));
    private static final List<Parish> PARISHES = List.of(
            parish("P1", "D1", rect(-50, -50, 30, 150)),
            parish("P2", "D1", rect(30, -50, 200, 150)),
            parish("P3", "D2", rect(200, -50, 250, 150)),
            parish("P4", "D3", rect(400, -50, 440, 150)),
            unparishedArea("U1", rect(300, -50, 400, 150).union(rect(440, -50, 600, 150))));
    private static final Map<String, Long> RESIDENTS =
            Map.of("L1", 1000L, "L2", 500L, "L3", 800L, "L4", 1200L, "L5", 1500L);
    private static final Map<String, Double> REGISTERED =
            Map.of("L1", 1200.0, "L2", 550.0, "L3", 900.0, "L4", 1300.0, "L5", 1600.0);
    private static final LsoaShares SHARES = LsoaShares.of(Map.of(
            "L1", Map.of("A", 0.6, "B", 0.4),
            "L2", Map.of("B", 0.9, "C", 0.1),
            "L3", Map.of("W", 0.5, "X", 0.5),
            "L4", Map.of("C", 1.0)));

    private static BlockSet build() {
        OverlayResult ov = LsoaParishOverlay.of(LSOAS, PARISHES);
        return BlockBuilder.build(PopulationApportioner.byArea(ov), RESIDENTS, REGISTERED, SHARES);
    }

    @Test
    void blocksAreParishesAndUnparishedLsoasSortedByCode() {
        BlockSet set = build();
        assertEquals(List.of("L3", "L4", "L5", "P1", "P2", "P3", "P4"),
                set.blocks().stream().map(BuildingBlock::code).toList());
        assertNull(set.block("U1"), "an ONS unparished area is not a block");
        assertEquals(List.of(), set.unplacedLsoas());
    }

    @Test
    void lsoaSplit30To70GivesExactPopulations() {
        BlockSet set = build();
        BuildingBlock p1 = set.block("P1");
        assertEquals(BlockKind.PARISH, p1.kind());
        assertEquals("P1 parish", p1.name());
        assertEquals(300.0, p1.residentPopulation(), EPS);
        assertEquals(360.0, p1.registeredPopulation(), EPS);
        BuildingBlock p2 = set.block("P2");
        assertEquals(700.0 + 500.0, p2.residentPopulation(), EPS);
        assertEquals(840.0 + 550.0, p2.registeredPopulation(), EPS);
        assertEquals(2, p2.pieces().size());
        assertEquals("L1", p2.pieces().get(0).lsoaCode());
        assertEquals(0.7, p2.pieces().get(0).weight(), EPS);
        assertEquals(700.0, p2.pieces().get(0).residentPopulation(), EPS);
        assertEquals("L2", p2.pieces().get(1).lsoaCode());
        assertEquals(1.0, p2.pieces().get(1).weight(), EPS);
        assertSame(PARISHES.get(1).geometry(), p2.geometry(), "a parish block keeps the parish geometry");
    }

    @Test
    void partOfAnLsoaOutsideEveryParishIsAnUnparishedBlockWithTheLsoaCode() {
        BuildingBlock l3 = build().block("L3");
        assertEquals(BlockKind.UNPARISHED, l3.kind());
        assertEquals("L3 name", l3.name());
        assertEquals("D2", l3.districtCode());
        assertEquals(400.0, l3.residentPopulation(), EPS);
        assertEquals(450.0, l3.registeredPopulation(), EPS);
        assertEquals(5000.0, l3.geometry().getArea(), 1e-6);
        assertTrue(l3.geometry().equalsTopo(rect(250, 0, 300, 100)));
        assertEquals(400.0, build().block("P3").residentPopulation(), EPS);
    }

    @Test
    void lsoaWhollyInAnUnparishedAreaIsItsOwnBlock() {
        BuildingBlock l4 = build().block("L4");
        assertEquals(BlockKind.UNPARISHED, l4.kind());
        assertEquals("L4 name", l4.name());
        assertEquals("D3", l4.districtCode());
        assertSame(LSOAS.get(3).geometry(), l4.geometry());
        assertEquals(1200.0, l4.residentPopulation(), EPS);
        assertEquals(List.of(new BlockPiece("L4", 1.0, 1200.0, 1300.0)), l4.pieces());
    }

    @Test
    void lsoaPartlyInAnUnparishedAreaGivesTheUnparishedPartAsABlock() {
        BlockSet set = build();
        BuildingBlock l5 = set.block("L5");
        assertEquals(BlockKind.UNPARISHED, l5.kind());
        assertEquals(900.0, l5.residentPopulation(), EPS);
        assertTrue(l5.geometry().equalsTopo(rect(440, 0, 500, 100)));
        assertEquals(600.0, set.block("P4").residentPopulation(), EPS);
    }

    @Test
    void populationIsConserved() {
        BlockSet set = build();
        double residents = RESIDENTS.values().stream().mapToLong(Long::longValue).sum();
        double registered = REGISTERED.values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(5000.0, residents, 0.0);
        assertEquals(residents, set.totalResidentPopulation(), 1e-9);
        assertEquals(registered, set.totalRegisteredPopulation(), 1e-9);
    }

    @Test
    void affinityVectorAndDominantPcnByHand() {
        BlockSet set = build();
        // P1: 300 people of L1 × (A 0.6, B 0.4)
        assertEquals(Map.of("A", 180.0, "B", 120.0), rounded(set.block("P1").pcnAffinity()));
        assertEquals("A", set.block("P1").dominantPcn());
        // P2: 700 of L1 → A 420, B 280; 500 of L2 → B 450, C 50
        assertEquals(Map.of("A", 420.0, "B", 730.0, "C", 50.0), rounded(set.block("P2").pcnAffinity()));
        assertEquals(List.of("A", "B", "C"), List.copyOf(set.block("P2").pcnAffinity().keySet()));
        assertEquals("B", set.block("P2").dominantPcn());
        assertEquals(730.0 / 1200.0, set.block("P2").dominantShare(), EPS);
        // L3 half: 400 × (W 0.5, X 0.5): a tie, broken by code
        assertEquals("W", set.block("L3").dominantPcn());
        // L5 has no shares: empty vector, no dominant PCN
        assertTrue(set.block("L5").pcnAffinity().isEmpty());
        assertNull(set.block("L5").dominantPcn());
        assertEquals(0.0, set.block("L5").dominantShare(), 0.0);
    }

    @Test
    void postcodeWeightingFlowsIntoBlocks() {
        OverlayResult ov = LsoaParishOverlay.of(LSOAS, PARISHES);
        Apportionment app = PopulationApportioner.byPostcodes(ov, List.of(
                postcode("A", 10, 10), postcode("B", 20, 20), postcode("C", 25, 80), postcode("D", 90, 50)));
        BlockSet set = BlockBuilder.build(app, RESIDENTS, REGISTERED, SHARES);
        assertEquals(750.0, set.block("P1").residentPopulation(), EPS);
        assertEquals(250.0 + 500.0, set.block("P2").residentPopulation(), EPS);
        assertEquals(5000.0, set.totalResidentPopulation(), 1e-9);
    }

    @Test
    void buildFromAGeography() {
        Geography g = new Geography(LSOAS, PARISHES, List.of(), List.of(), List.of(), List.of(), RESIDENTS,
                List.of(postcode("A", 10, 10), postcode("D", 90, 50)));
        BlockSet set = BlockBuilder.build(g, REGISTERED, SHARES, OverlayOptions.DEFAULTS);
        assertEquals(500.0, set.block("P1").residentPopulation(), EPS);
        assertEquals(5000.0, set.totalResidentPopulation(), 1e-9);
        assertEquals(7, set.size());
    }

    @Test
    void parishWithoutPiecesIsABlockWithNoPeople() {
        OverlayResult ov = LsoaParishOverlay.of(LSOAS.subList(0, 1),
                List.of(parish("P1", rect(-50, -50, 150, 150)), parish("FAR", rect(1000, 1000, 1100, 1100))));
        BlockSet set = BlockBuilder.build(PopulationApportioner.byArea(ov), Map.of("L1", 10L, "L9", 5L), null, null);
        assertEquals(0.0, set.block("FAR").residentPopulation(), 0.0);
        assertTrue(set.block("FAR").pieces().isEmpty());
        assertEquals(10.0, set.block("P1").residentPopulation(), EPS);
        assertEquals(List.of("L9"), set.unplacedLsoas());
    }

    @Test
    void parishCodeEqualToAnUnparishedLsoaCodeIsRejected() {
        OverlayResult ov = LsoaParishOverlay.of(List.of(lsoa("X1", rect(0, 0, 100, 100))),
                List.of(parish("X1", rect(0, 0, 50, 100))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BlockBuilder.build(PopulationApportioner.byArea(ov), Map.of(), Map.of(), LsoaShares.NONE));
        assertTrue(e.getMessage().contains("X1"));
    }

    @Test
    void sameInputsGiveIdenticalBlocks() {
        BlockSet a = build();
        BlockSet b = build();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            BuildingBlock x = a.blocks().get(i);
            BuildingBlock y = b.blocks().get(i);
            assertEquals(x.code(), y.code());
            assertEquals(x.residentPopulation(), y.residentPopulation(), 0.0);
            assertEquals(x.pcnAffinity(), y.pcnAffinity());
            assertEquals(x.pieces(), y.pieces());
            assertTrue(x.geometry().equalsExact(y.geometry()));
        }
    }

    private static Map<String, Double> rounded(Map<String, Double> m) {
        TreeMap<String, Double> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, Math.round(v * 1e6) / 1e6));
        return out;
    }
}
