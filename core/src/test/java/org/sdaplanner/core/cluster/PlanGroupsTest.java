package org.sdaplanner.core.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdaplanner.core.plan.PlanFixtures.aff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sdaplanner.core.blocks.BlockKind;
import org.sdaplanner.core.blocks.BuildingBlock;
import org.sdaplanner.core.plan.PlanFixtures;
import org.sdaplanner.core.plan.PlanningProblem;

/**
 * Both readings of a count, and counts per district. The region, 1,000 residents a block:
 * <pre>
 *   row 2:  s
 *   row 1:  p p p p | u u u u
 *   row 0:  p p p p | u u u u
 * </pre>
 * D1 is 8 parishes (p, PCN X) and an unparished LSOA remainder s of 200 residents among them,
 * too small to be an area; D2 is a town of 8 unparished LSOAs (u, PCN Y), 8,000 residents.
 */
class PlanGroupsTest {

    private static PlanningProblem region() {
        List<BuildingBlock> blocks = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            for (int row = 0; row < 2; row++) {
                boolean town = c >= 4;
                String code = (town ? "U" : "P") + c + row;
                blocks.add(PlanFixtures.block(code, (town ? "LSOA " : "Parish ") + code,
                        town ? BlockKind.UNPARISHED : BlockKind.PARISH, town ? "D2" : "D1", c, row,
                        aff(town ? "Y" : "X", 1000)));
            }
        }
        // a remainder outside every parish, among D1's parishes (column 0, row 2): too small to be an area
        blocks.add(PlanFixtures.block("S01", "LSOA remainder", BlockKind.UNPARISHED, "D1", 0, 2, aff("X", 200)));
        return PlanFixtures.problem(blocks);
    }

    private static ClusterOptions options(AreaCounts c) {
        return ClusterOptions.of(2, 1).withCounts(c).withMaxDeviation(null);
    }

    @Test
    void inAllTheCountIsSharedByDistrict() {
        PlanningProblem p = region();
        List<PlanGroups.Group> g = PlanGroups.of(p, options(AreaCounts.inAll(4)));
        assertEquals(2, g.size());
        assertEquals(PlanGroups.Side.ALL, g.get(0).side());
        assertEquals(2, g.get(0).areas());
        assertEquals(2, g.get(1).areas());
    }

    /** Areas of parishes: 4 of them over the parished sides; the town gets areas of its own, as many as give the same mean size. */
    @Test
    void areasOfParishesGiveTheTownAreasOfItsOwn() {
        PlanningProblem p = region();
        List<PlanGroups.Group> g = PlanGroups.of(p, options(AreaCounts.ofParishes(4, null)));
        assertEquals(2, g.size());
        PlanGroups.Group parished = g.get(0);
        PlanGroups.Group town = g.get(1);
        assertEquals(PlanGroups.Side.PARISHED, parished.side());
        assertEquals("district D1 (parished side)", parished.label());
        assertEquals(4, parished.areas());
        assertEquals(9, parished.blocks().length, "8 parishes and the small remainder");
        assertEquals(PlanGroups.Side.UNPARISHED, town.side());
        assertEquals("district D2 (unparished part)", town.label());
        // mean parish area 8,200 / 4 = 2,050; the town's 8,000 / 2,050 = 3.9 → 4
        assertEquals(4, town.areas());
        // a fixed number instead
        assertEquals(2, PlanGroups.of(p, options(AreaCounts.ofParishes(4, 2))).get(1).areas());
    }

    @Test
    void theClustererKeepsParishesAndTheTownApart() {
        PlanningProblem p = region();
        ClusterOptions o = options(AreaCounts.ofParishes(2, 2));
        Clusterer.Result r = new Clusterer().cluster(p, o);
        ClusterChecks.assertValid(p, o, r);
        assertEquals(4, r.areaCount());
        for (int b = 0; b < p.blockCount(); b++) {
            for (int c = 0; c < p.blockCount(); c++) {
                boolean townB = p.block(b).code().startsWith("U");
                boolean townC = p.block(c).code().startsWith("U");
                if (townB != townC) {
                    assertTrue(r.assignment()[b] != r.assignment()[c], p.block(b).code() + " and " + p.block(c).code());
                }
            }
        }
        assertEquals(List.of("parished", "unparished"), r.groups().stream().map(Clusterer.GroupResult::side).toList());
    }

    @Test
    void countsPerDistrictFixEachSide() {
        PlanningProblem p = region();
        List<PlanGroups.Group> g = PlanGroups.of(p, options(AreaCounts.ofParishes(Map.of("D1", 3, "D2", 0),
                Map.of("D1", 0, "D2", 5))));
        assertArrayEquals(new int[] {3, 5}, g.stream().mapToInt(PlanGroups.Group::areas).toArray());
        List<PlanGroups.Group> inAll = PlanGroups.of(p, options(AreaCounts.inAll(Map.of("D1", 1, "D2", 3))));
        assertArrayEquals(new int[] {1, 3}, inAll.stream().mapToInt(PlanGroups.Group::areas).toArray());
    }

    @Test
    void aTableThatLeavesASideWithoutAreasIsRejected() {
        PlanningProblem p = region();
        IllegalArgumentException noTown = assertThrows(IllegalArgumentException.class, () -> PlanGroups.of(p,
                options(AreaCounts.ofParishes(Map.of("D1", 3, "D2", 0), Map.of("D1", 0, "D2", 0)))));
        assertEquals("district D2 (unparished part) (U40 …) gets no area: give it at least 1", noTown.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> PlanGroups.of(p,
                options(AreaCounts.ofParishes(Map.of("D2", 1), Map.of("D2", 4)))));
        assertEquals("areas of parishes per district: district D1 needs a count", missing.getMessage());
    }
}
