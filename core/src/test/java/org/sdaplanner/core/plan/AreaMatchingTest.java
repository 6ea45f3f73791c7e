package org.sdaplanner.core.plan;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdaplanner.core.plan.PlanFixtures.aff;
import static org.sdaplanner.core.plan.PlanFixtures.parish;

/** Areas of two plans matched by the residents they share: four blocks of 100, 200, 300 and 400 residents in a row. */
class AreaMatchingTest {
    static final PlanningProblem P = PlanFixtures.problem(
            parish("A", "A", "D1", 0, 0, aff("X", 100)), parish("B", "B", "D1", 1, 0, aff("X", 200)),
            parish("C", "C", "D1", 2, 0, aff("X", 300)), parish("D", "D", "D1", 3, 0, aff("X", 400)));

    @Test
    void threeAreasAgainstTwoPairTheLargestSharesAndLeaveOneWithoutAPartner() {
        int[] a = {0, 1, 1, 2};   // {A} {B, C} {D}
        int[] b = {0, 0, 0, 1};   // {A, B, C} {D}
        AreaMatching m = AreaMatching.byResidents(P, a, 3, b, 2);
        assertArrayEquals(new int[]{-1, 0, 1}, m.aToB(), "D↔D (400), then {B,C}↔{A,B,C} (500 shared); {A} is left");
        assertArrayEquals(new int[]{1, 2}, m.bToA());
        assertArrayEquals(new double[]{0, 500, 400}, m.shared());
        assertTrue(m.changed(a, b, 0), "A's area has no partner: A counts as changed");
        assertFalse(m.changed(a, b, 1));
        assertFalse(m.changed(a, b, 3));
    }

    @Test
    void withinOnePlanAreasAreTheSameById() {
        int[] a = {0, 0, 1, 1};
        int[] b = {0, 1, 1, 1};
        AreaMatching m = AreaMatching.identity(2, P, a, b);
        assertTrue(m.changed(a, b, 1));
        assertEquals(3, java.util.stream.IntStream.range(0, 4).filter(i -> !m.changed(a, b, i)).count());
        assertArrayEquals(new double[]{100, 700}, m.shared());
    }
}
