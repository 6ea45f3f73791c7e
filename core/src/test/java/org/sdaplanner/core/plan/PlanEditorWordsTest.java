package org.sdaplanner.core.plan;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.sdaplanner.core.plan.PlanFixtures.aff;
import static org.sdaplanner.core.plan.PlanFixtures.parish;

/**
 * Refused moves in words, with names: three squares in a row, Ashby and Barton in district D1 (area S1 "West"),
 * Carlton in D2 (area S2 "East"), and a fourth, Denton, above Ashby in S1.
 */
class PlanEditorWordsTest {
    static final PlanningProblem P = PlanFixtures.problem(
            parish("A", "Ashby", "D1", 0, 0, aff("X", 100)), parish("B", "Barton", "D1", 1, 0, aff("X", 100)),
            parish("C", "Carlton", "D2", 2, 0, aff("Y", 100)), parish("D", "Denton", "D1", 0, 1, aff("X", 100)));

    private static PlanEditor editor(int[] assignment, boolean nesting) {
        PlanState s = new PlanState(P, assignment, 3, null);
        return new PlanEditor(s, List.of("S1", "S2", "S3"), nesting)
                .withNames(List.of("West", "East", "S3"), Map.of("D1", "Dunham", "D2", "Eastbury"));
    }

    @Test
    void refusalsNameBlocksAreasAndDistricts() {
        PlanEditor e = editor(new int[]{0, 0, 1, 2}, true);
        PlanEditor.MoveOutcome district = e.preview(List.of("B"), "S2");
        assertEquals("Barton is in Dunham and S2 East is not: each area stays within one district", district.reason());
        PlanEditor.MoveOutcome cut = editor(new int[]{0, 0, 1, 0}, false).preview(List.of("A"), "S2");
        assertEquals("the move would cut S1 West in two: Denton would be cut off from the rest of it", cut.reason());
        assertEquals(List.of("D"), cut.cutOff());
        assertEquals("Denton does not touch S2 East: the area would be in 2 pieces",
                editor(new int[]{0, 0, 1, 2}, false).preview(List.of("D"), "S2").reason());
        assertEquals("the move would leave S3 empty", editor(new int[]{0, 0, 1, 2}, false).preview(List.of("D"), "S1").reason());
    }

    @Test
    void aRefusedMovesFiguresSayWhatItWouldHaveDoneLikeAPreviews() {
        PlanEditor.MoveOutcome cut = editor(new int[]{0, 0, 1, 0}, false).preview(List.of("A"), "S2");
        assertFalse(cut.accepted());
        double afterFromTheAreas = cut.areas().stream().mapToDouble(PlanEditor.AreaChange::alignmentAfter).sum();
        assertFalse(cut.areas().isEmpty());
        assertFalse(Double.isNaN(afterFromTheAreas));
        // the plan's figure after is the one the areas' figures make, not the one before
        assertEquals(new PlanState(P, new int[]{1, 0, 1, 0}, 3, null).alignment(), cut.alignmentAfter(), 1e-12);
    }
}
