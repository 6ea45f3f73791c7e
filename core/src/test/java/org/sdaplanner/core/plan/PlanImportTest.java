package org.sdaplanner.core.plan;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.sdaplanner.core.blocks.BlockKind;
import org.sdaplanner.core.blocks.BlockPiece;
import org.sdaplanner.core.blocks.BuildingBlock;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdaplanner.core.plan.PlanFixtures.aff;
import static org.sdaplanner.core.plan.PlanFixtures.cell;
import static org.sdaplanner.core.plan.PlanFixtures.parish;
import static org.sdaplanner.core.plan.PlanFixtures.rect;

/**
 * Plans read from files, on four 1 km squares in a row, A B C D (west to east), 100 residents each:
 * what a block → area file, an LSOA → area file and area polygons give, and what they are refused for.
 */
class PlanImportTest {
    static final PlanningProblem P = PlanFixtures.problem(
            parish("A", "Ashby", "D1", 0, 0, aff("X", 100)),
            parish("B", "Barton", "D1", 1, 0, aff("X", 100)),
            parish("C", "Carlton", "D1", 2, 0, aff("Y", 100)),
            parish("D", "Denton", "D1", 3, 0, aff("Y", 100)));

    static PlanImport.Row row(long line, String code, String area, String name) {
        return new PlanImport.Row(line, code, area, name);
    }

    @Test
    void blockRowsGiveEveryBlockItsAreaWithTheAreasNamesInIdOrder() {
        PlanImport.Result r = PlanImport.ofBlocks(P, List.of(row(2, "A", "S2", "West"), row(3, "B", "S2", null),
                row(4, "C", "S1", "East"), row(5, "D", "S1", "East")));
        assertTrue(r.report().ok(), r.report().toString());
        assertEquals(List.of("S1", "S2"), r.areaIds());
        assertEquals(List.of("East", "West"), r.areaNames());
        assertArrayEquals(new int[]{1, 1, 0, 0}, r.assignment());
        assertEquals(2, r.report().areas());
        assertEquals(List.of(), r.report().warnings());
    }

    @Test
    void aMissingBlockOrOneGivenTwoAreasRefusesTheImportNamingThem() {
        PlanImport.Result missing = PlanImport.ofBlocks(P, List.of(row(2, "A", "S1", null), row(3, "B", "S1", null),
                row(4, "C", "S2", null)));
        assertFalse(missing.report().ok());
        assertNull(missing.assignment(), "nothing is guessed");
        assertEquals(List.of("Denton (D)"), missing.report().missingBlocks());
        assertTrue(missing.report().errors().get(0).contains("1 building block of the region has no area in the file"),
                missing.report().errors().toString());
        assertTrue(missing.report().errors().get(0).contains("Denton (D)"));

        PlanImport.Result twice = PlanImport.ofBlocks(P, List.of(row(2, "A", "S1", null), row(3, "B", "S1", null),
                row(4, "C", "S2", null), row(5, "D", "S2", null), row(6, "D", "S1", null)));
        assertFalse(twice.report().ok());
        assertTrue(twice.report().errors().get(0).contains("given two different areas: Denton (D)"), twice.report().errors().toString());
        assertEquals(List.of(new PlanImport.Duplicate("D", List.of("S2", "S1"))), twice.report().duplicates());
    }

    @Test
    void unknownAndRepeatedCodesAreWarningsOnly() {
        PlanImport.Result r = PlanImport.ofBlocks(P, List.of(row(2, "A", "S1", null), row(3, "B", "S1", null),
                row(4, "C", "S2", null), row(5, "D", "S2", null), row(6, "D", "S2", null), row(7, "Z", "S2", null)));
        assertTrue(r.report().ok(), r.report().toString());
        assertEquals(List.of("Z"), r.report().unknownCodes());
        assertEquals(2, r.report().warnings().size(), r.report().warnings().toString());
        assertTrue(r.report().warnings().stream().anyMatch(w -> w.contains("same area: D")));
    }

    @Test
    void rowsWithoutACodeOrAnAreaAreErrorsNamingTheRow() {
        PlanImport.Result r = PlanImport.ofBlocks(P, List.of(row(2, "A", "", null), row(3, "", "S1", null)));
        assertTrue(r.report().errors().contains("row 2 (A): the area_id is empty"), r.report().errors().toString());
        assertTrue(r.report().errors().contains("row 3: the block_code is empty"), r.report().errors().toString());
        assertFalse(PlanImport.ofBlocks(P, List.of()).report().ok(), "an empty file");
    }

    @Test
    void lsoaRowsSendEachBlockToTheAreaHoldingMostOfItsResidents() {
        // B has two LSOA pieces: 30 residents in LB and 70 in LX
        BuildingBlock b = PlanFixtures.block("B", "Barton", BlockKind.PARISH, "D1", 1, 0, 100, aff("X", 100),
                List.of(new BlockPiece("LB", 0.5, 30, 36), new BlockPiece("LX", 0.5, 70, 84)));
        PlanningProblem p = PlanFixtures.problem(parish("A", "Ashby", "D1", 0, 0, aff("X", 100)), b,
                parish("C", "Carlton", "D1", 2, 0, aff("Y", 100)));
        PlanImport.Result r = PlanImport.ofLsoas(p, List.of(row(2, "LA", "S1", null), row(3, "LB", "S1", null),
                row(4, "LX", "S2", null), row(5, "LC", "S2", null)));
        assertTrue(r.report().ok(), r.report().toString());
        assertArrayEquals(new int[]{0, 1, 1}, r.assignment(), "Barton follows the 70 residents of LX");
        PlanImport.Result missing = PlanImport.ofLsoas(p, List.of(row(2, "LA", "S1", null), row(3, "LB", "S1", null),
                row(5, "LC", "S2", null)));
        assertFalse(missing.report().ok());
        assertTrue(missing.report().errors().get(0).contains("1 LSOA of the region is not in the file"), missing.report().errors().toString());
        assertTrue(missing.report().errors().get(0).contains("LX"));
        assertEquals(List.of("Barton (B)"), missing.report().missingBlocks());
    }

    @Test
    void polygonsSendEachBlockToTheAreaHoldingTheLargestShareOfItsResidents() {
        // S1 covers A and 60% of B; S2 the rest of B, C and D
        double x0 = PlanFixtures.X0;
        double y0 = PlanFixtures.Y0;
        Geometry s1 = rect(x0, y0, x0 + 1600, y0 + 1000);
        Geometry s2 = rect(x0 + 1600, y0, x0 + 4000, y0 + 1000);
        PlanImport.Result r = PlanImport.ofPolygons(P, List.of(new PlanImport.Area(1, "S1", "West", s1),
                new PlanImport.Area(2, "S2", "East", s2)), Map.of());
        assertTrue(r.report().ok(), r.report().toString());
        assertArrayEquals(new int[]{0, 0, 1, 1}, r.assignment());
        assertTrue(r.report().warnings().get(0).contains("Barton (60% of its residents in S1)"), r.report().warnings().toString());

        // a block outside every polygon is missing: refused
        PlanImport.Result out = PlanImport.ofPolygons(P, List.of(new PlanImport.Area(1, "S1", null, s1),
                new PlanImport.Area(2, "S2", null, rect(x0 + 1600, y0, x0 + 3000, y0 + 1000))), Map.of());
        assertFalse(out.report().ok());
        assertEquals(List.of("Denton (D)"), out.report().missingBlocks());
        assertTrue(PlanImport.ofPolygons(P, List.of(new PlanImport.Area(1, null, null, cell(0, 0))), Map.of()).report().errors()
                .contains("feature 1 has no area_id (or id) property"));
    }
}
