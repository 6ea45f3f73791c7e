package org.sdaplanner.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sdaplanner.core.plan.PlanFixtures.aff;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sdaplanner.core.blocks.BlockKind;

class AreaNamesTest {

    @Test
    void idsArePaddedToTwoDigitsOrMore() {
        assertEquals(List.of("SDA01", "SDA02", "SDA03"), AreaNames.ids(3));
        assertEquals("SDA28", AreaNames.ids(28).get(27));
        assertEquals("SDA001", AreaNames.ids(120).get(0));
        assertEquals("SDA120", AreaNames.ids(120).get(119));
    }

    /**
     * <pre>
     *   row 1:  Cambridge 013B (U, 1200) | Cambridge 014C (U, 1600) | Histon (P, 3000) | Cambridge 015A (U, 900)
     *   row 0:  Cambridge 012A (U, 1500) | Girton (P, 400)          | Milton (P, 900)  | Waterbeach (P, 2500)
     * </pre>
     * area 0 = Cambridge 012A, 013B: unparished only → "Cambridge";
     * area 1 = Girton, Cambridge 014C: the parish wins over the bigger unparished block → "Girton";
     * area 2 = Milton, Histon, Waterbeach, Cambridge 015A: the most populous parish → "Histon";
     * area 3 = nothing → "Area 4"; area 4 = Cambridge 016D only → "Cambridge 2".
     */
    @Test
    void namesComeFromTheMostPopulousParishOrTheLsoaNameWithoutItsSuffix() {
        PlanningProblem p = PlanFixtures.problem(
                PlanFixtures.block("E01000012", "Cambridge 012A", BlockKind.UNPARISHED, "E07000008", 0, 0, aff("X", 1500)),
                PlanFixtures.block("E01000013", "Cambridge 013B", BlockKind.UNPARISHED, "E07000008", 0, 1, aff("X", 1200)),
                PlanFixtures.block("E01000014", "Cambridge 014C", BlockKind.UNPARISHED, "E07000008", 1, 1, aff("X", 1600)),
                PlanFixtures.block("E01000015", "Cambridge 015A", BlockKind.UNPARISHED, "E07000008", 3, 1, aff("X", 900)),
                PlanFixtures.block("E01000016", "Cambridge 016D", BlockKind.UNPARISHED, "E07000008", 4, 1, aff("X", 800)),
                PlanFixtures.parish("E04001001", "Girton", "E07000012", 1, 0, aff("X", 400)),
                PlanFixtures.parish("E04001002", "Histon", "E07000012", 2, 1, aff("Y", 3000)),
                PlanFixtures.parish("E04001003", "Milton", "E07000012", 2, 0, aff("Y", 900)),
                PlanFixtures.parish("E04001004", "Waterbeach", "E07000012", 3, 0, aff("Y", 2500)));
        int[] a = new int[p.blockCount()];
        a[p.indexOf("E01000012")] = 0;
        a[p.indexOf("E01000013")] = 0;
        a[p.indexOf("E01000014")] = 1;
        a[p.indexOf("E04001001")] = 1;
        a[p.indexOf("E04001002")] = 2;
        a[p.indexOf("E04001003")] = 2;
        a[p.indexOf("E04001004")] = 2;
        a[p.indexOf("E01000015")] = 2;
        a[p.indexOf("E01000016")] = 4;
        assertEquals(List.of("Cambridge", "Girton", "Histon", "Area 4", "Cambridge 2"), AreaNames.names(p, a, 5));
    }

    @Test
    void repeatedNamesAreNumberedInIdOrder() {
        PlanningProblem p = PlanFixtures.problem(
                PlanFixtures.parish("A", "Over", "D1", 0, 0, aff("X", 100)),
                PlanFixtures.parish("B", "Over", "D1", 1, 0, aff("X", 200)),
                PlanFixtures.parish("C", "Over", "D1", 2, 0, aff("X", 300)),
                PlanFixtures.parish("D", "Swavesey", "D1", 3, 0, aff("X", 300)));
        assertEquals(List.of("Over", "Over 2", "Swavesey", "Over 3"), AreaNames.names(p, new int[] {0, 1, 3, 2}, 4));
    }
}
