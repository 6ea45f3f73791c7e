package org.sdaplanner.core.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdaplanner.core.plan.PlanFixtures.aff;
import static org.sdaplanner.core.plan.PlanFixtures.parish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sdaplanner.core.blocks.BuildingBlock;
import org.sdaplanner.core.plan.PlanFixtures;
import org.sdaplanner.core.plan.PlanningProblem;

/**
 * Areas per district, directly and through the clusterer. The grid, 1000 residents a block:
 * <pre>
 *   row 1:  D1 D1 D1 D2 D3
 *   row 0:  D1 D1 D1 D2 D2
 * </pre>
 * D1 6000, D2 3000, D3 1000 residents; 6, 3 and 1 blocks. One area each, then one at a time to
 * the district with the most residents per area by the Sainte-Laguë divisor r / (2q + 1), never
 * beyond a district's block count. Priorities after (1, 1, 1): 2000, 1000, 333 → D1; then 1200,
 * 1000, 333 → D1; then 857, 1000, 333 → D2; then 857, 600, 333 → D1 …
 * So 4 areas (2, 1, 1), 5 areas (3, 1, 1), 6 areas (3, 2, 1), 7 areas (4, 2, 1).
 */
class DistrictQuotaTest {

    private static PlanningProblem grid() {
        List<BuildingBlock> blocks = new ArrayList<>();
        String[][] district = {{"D1", "D1", "D1", "D2", "D2"}, {"D1", "D1", "D1", "D2", "D3"}};
        for (int row = 0; row < 2; row++) {
            for (int col = 0; col < 5; col++) {
                String pcn = (col + row) % 3 == 0 ? "X" : (col % 2 == 0 ? "Y" : "Z");
                blocks.add(parish("B" + col + row, "Parish " + col + row, district[row][col], col, row,
                        aff(pcn, 800, "X".equals(pcn) ? "Y" : "X", 200)));
            }
        }
        return PlanFixtures.problem(blocks);
    }

    private static int[] areasPerDistrict(Clusterer.Result r, int districts) {
        int[] count = new int[districts];
        for (int d : r.districtOf()) {
            count[d]++;
        }
        return count;
    }

    @Test
    void quotasFollowPopulationBySainteLague() {
        PlanningProblem p = grid();
        assertEquals(List.of("D1", "D2", "D3"), p.districtCodes());
        assertArrayEquals(new int[] {1, 1, 1}, DistrictQuota.allocate(p, ClusterOptions.of(3, 1)));
        assertArrayEquals(new int[] {2, 1, 1}, DistrictQuota.allocate(p, ClusterOptions.of(4, 1)));
        assertArrayEquals(new int[] {3, 1, 1}, DistrictQuota.allocate(p, ClusterOptions.of(5, 1)));
        assertArrayEquals(new int[] {3, 2, 1}, DistrictQuota.allocate(p, ClusterOptions.of(6, 1)));
        assertArrayEquals(new int[] {4, 2, 1}, DistrictQuota.allocate(p, ClusterOptions.of(7, 1)));
        // 10 areas, as many as blocks: every block its own area
        assertArrayEquals(new int[] {6, 3, 1}, DistrictQuota.allocate(p, ClusterOptions.of(10, 1)));
        // 12 areas: no district can take more, 10 it is
        assertArrayEquals(new int[] {6, 3, 1}, DistrictQuota.allocate(p, ClusterOptions.of(12, 1)));
    }

    @Test
    void theClustererMakesTheAreasAskedForWithTheQuotaOfEachDistrict() {
        PlanningProblem p = grid();
        for (long seed = 1; seed <= 3; seed++) {
            // no population limits: 1,000-resident blocks cannot make 6 areas within ±30 % here
            ClusterOptions o = ClusterOptions.of(6, seed).withMaxDeviation(null).withEffort(0.2);
            Clusterer.Result r = new Clusterer().cluster(p, o);
            ClusterChecks.assertValid(p, o, r);
            assertEquals(6, r.areaCount());
            assertArrayEquals(new int[] {3, 2, 1}, areasPerDistrict(r, 3));
            assertEquals(List.of(), r.warnings());
        }
    }

    @Test
    void fixedCountsPerDistrictOverridePopulation() {
        PlanningProblem p = grid();
        ClusterOptions o = ClusterOptions.of(6, 1).withAreasPerDistrict(Map.of("D1", 1, "D2", 2, "D3", 1))
                .withMaxDeviation(null);
        assertEquals(4, o.areas(), "the total of the fixed counts");
        Clusterer.Result r = new Clusterer().cluster(p, o);
        ClusterChecks.assertValid(p, o, r);
        assertEquals(4, r.areaCount());
        assertArrayEquals(new int[] {1, 2, 1}, areasPerDistrict(r, 3));
    }

    @Test
    void aFixedCountMissingForADistrictIsRejected() {
        PlanningProblem p = grid();
        ClusterOptions o = ClusterOptions.of(6, 1).withAreasPerDistrict(Map.of("D1", 3, "D2", 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Clusterer().cluster(p, o));
        assertEquals("areas per district: district D3 needs a count of at least 1", e.getMessage());
    }

    @Test
    void fewerAreasThanDistrictsCannotNest() {
        PlanningProblem p = grid();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Clusterer().cluster(p, ClusterOptions.of(2, 1)));
        assertEquals("2 areas cannot nest in 3 districts: ask for at least 3 or switch district nesting off",
                e.getMessage());
        ClusterOptions loose = ClusterOptions.of(2, 1).withDistrictNesting(false).withMaxDeviation(null);
        Clusterer.Result r = new Clusterer().cluster(p, loose);
        ClusterChecks.assertValid(p, loose, r);
        assertEquals(2, r.areaCount());
    }

    @Test
    void aDistrictNeverGetsMoreAreasThanBlocks() {
        PlanningProblem p = grid();
        // D3 has one block: 10 areas by population would give it 1 + floor(0.7) = 1 anyway; ask for 9 fixed
        ClusterOptions o = ClusterOptions.of(9, 1).withAreasPerDistrict(Map.of("D1", 5, "D2", 1, "D3", 3))
                .withMaxDeviation(null);
        assertArrayEquals(new int[] {5, 1, 1}, DistrictQuota.allocate(p, o));
        Clusterer.Result r = new Clusterer().cluster(p, o);
        ClusterChecks.assertValid(p, o, r);
        assertEquals(7, r.areaCount());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("7 areas instead of the 9")), r.warnings().toString());
    }

    /**
     * One populous district with a single block and a small district of four blocks: 4 areas.
     * By population D1 would take more, but it has only one block, so it gets 1 and the three
     * others all go to D2, which has the blocks for them: (1, 3), 4 areas as asked. (Regression:
     * the former largest-remainder share capped D1 after handing out the remainders and lost an
     * area: (1, 2).)
     */
    @Test
    void areasADistrictCannotHoldGoToTheOthers() {
        List<BuildingBlock> blocks = new ArrayList<>();
        blocks.add(parish("A", "Big Town", "D1", 0, 0, aff("X", 9000)));
        for (int i = 0; i < 4; i++) {
            blocks.add(parish("B" + i, "Village " + i, "D2", 1 + i, 0, aff("Y", 250)));
        }
        PlanningProblem p = PlanFixtures.problem(blocks);
        int[] quota = DistrictQuota.allocate(p, ClusterOptions.of(4, 1));
        assertEquals(4, quota[0] + quota[1], "areas handed out: " + java.util.Arrays.toString(quota));
        assertArrayEquals(new int[] {1, 3}, quota);
    }
}
