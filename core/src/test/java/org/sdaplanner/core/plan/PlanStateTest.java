package org.sdaplanner.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdaplanner.core.plan.PlanFixtures.aff;
import static org.sdaplanner.core.plan.PlanFixtures.parish;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The running totals of {@link PlanState} against a full recomputation, and its figures on a
 * small strip checked by hand.
 */
class PlanStateTest {

    private static final double EPS = 1e-6;

    /**
     * Strip of four 1 km squares, one district:
     * <pre>
     *   P (X 1000) | Q (Y 700, X 300) | R (Y 1000) | S (Y 1000)
     * </pre>
     */
    private static PlanningProblem strip() {
        return PlanFixtures.problem(
                parish("P", "Ashby", "D1", 0, 0, aff("X", 1000)),
                parish("Q", "Brampton", "D1", 1, 0, aff("X", 300, "Y", 700)),
                parish("R", "Catworth", "D1", 2, 0, aff("Y", 1000)),
                parish("S", "Denton", "D1", 3, 0, aff("Y", 1000)));
    }

    @Test
    void figuresOfAStripByHand() {
        PlanningProblem p = strip();
        assertProblemFacts(p);
        PlanState s = new PlanState(p, new int[] {0, 0, 1, 1}, 2, null);
        // area 0 = P+Q: residents 2000, X 1300, Y 700 → main X, alignment 0.65
        assertEquals(2, s.blocksIn(0));
        assertEquals(2000, s.residents(0), EPS);
        assertEquals(2400, s.registered(0), EPS);
        assertEquals(2e6, s.landArea(0), EPS);
        assertEquals(6000, s.perimeter(0), EPS, "2 km × 1 km rectangle");
        assertEquals(0, s.mainPcn(0), "X is PCN index 0");
        assertEquals(1300, s.affinity(0, 0), EPS);
        assertEquals(700, s.affinity(0, 1), EPS);
        assertEquals(0.65, s.alignment(0), 1e-12);
        assertEquals(1.0, s.alignment(1), 1e-12);
        assertEquals(3300.0 / 4000, s.alignment(), 1e-12);
        assertEquals(4 * Math.PI * 2e6 / (6000.0 * 6000.0), s.compactness(0), 1e-12);
        // moving Q to area 1: X 1000 + Y 2700 = 3700 aligned, +400
        assertEquals(400, s.alignedDelta(1, 1), EPS);
        // moving P to area 1 (it does not touch it, alignedDelta does not care): Y 2700 only
        assertEquals(2700 - 3300, s.alignedDelta(0, 1), EPS);
        assertTrue(s.touches(1, 1));
        assertFalse(s.touches(0, 1));
        assertTrue(s.removable(0));
        assertTrue(s.removable(1));
        s.move(1, 1);
        assertEquals(3700.0 / 4000, s.alignment(), 1e-12);
        assertEquals(1, s.mainPcn(1));
        assertFalse(s.removable(0), "P is alone in area 0: moving it would empty the area");
        assertFalse(s.removable(2), "R holds Q and S together");
        assertEquals(8000, s.perimeter(1), EPS, "3 km × 1 km rectangle");
        s.move(2, 0); // area 0 = P + R, area 1 = Q + S: both in two pieces
        assertEquals(2, s.piecesOf(0));
        assertEquals(2, s.piecesOf(1));
        assertFalse(s.contiguous(1));
        assertTrue(s.removable(3), "S is a detached piece of its area: taking it out can only help");
    }

    private static void assertProblemFacts(PlanningProblem p) {
        assertEquals(java.util.List.of("X", "Y"), p.pcnCodes());
        assertEquals(java.util.List.of("D1"), p.districtCodes());
        assertEquals(4000, p.totalResidents(), EPS);
        assertEquals(2, p.neighbours(1).length);
        assertEquals(1000, p.sharedLengths(1)[0], 1e-6);
    }

    @Test
    void rejectsAnAssignmentOfTheWrongShape() {
        PlanningProblem p = strip();
        IllegalArgumentException len = assertThrows(IllegalArgumentException.class,
                () -> new PlanState(p, new int[] {0, 0, 1}, 2, null));
        assertTrue(len.getMessage().contains("3 blocks"), len.getMessage());
        IllegalArgumentException out = assertThrows(IllegalArgumentException.class,
                () -> new PlanState(p, new int[] {0, 0, 1, 2}, 2, null));
        assertTrue(out.getMessage().contains("S"), out.getMessage());
    }

    /**
     * 10 × 10 random grid, 3 districts, 5 PCNs, 6 areas; 400 random moves (to a touching area
     * seven times in ten, anywhere otherwise; never where it already is), half of them undone at once. After every step all
     * running totals equal a fresh state's, alignedDelta equals the real change both ways, and
     * removable agrees with the pieces the area falls into once the block has left.
     */
    @Test
    void runningTotalsMatchAFullRecomputationAfterEveryMove() {
        PlanningProblem p = PlanFixtures.problem(PlanFixtures.randomGrid(10, 10, 3, 5, 20240917L));
        assertEquals(5, p.pcnCodes().size());
        assertEquals(3, p.districtCodes().size());
        int areas = 6;
        Random r = new Random(7);
        int n = p.blockCount();
        int[] start = new int[n];
        for (int b = 0; b < n; b++) {
            start[b] = b * areas / n; // columns in bands, then scrambled by the moves
        }
        PlanState s = new PlanState(p, start, areas, null);
        assertSameAsFresh(s);
        double total = p.totalResidents();
        for (int step = 0; step < 400; step++) {
            int b = r.nextInt(n);
            int from = s.areaOf(b);
            int to;
            int[] ns = p.neighbours(b);
            if (r.nextDouble() < 0.7 && ns.length > 0) {
                to = s.areaOf(ns[r.nextInt(ns.length)]);
            } else {
                to = r.nextInt(areas);
            }
            if (to == from) {
                to = (from + 1 + r.nextInt(areas - 1)) % areas;
            }
            boolean removable = s.removable(b);
            int blocksBefore = s.blocksIn(from);
            boolean hadSameAreaNeighbour = false;
            for (int nb : ns) {
                hadSameAreaNeighbour |= s.areaOf(nb) == from;
            }
            double before = s.alignment() * total;
            double predicted = s.alignedDelta(b, to);
            s.move(b, to);
            double after = s.alignment() * total;
            assertEquals(predicted, after - before, EPS, "alignedDelta at step " + step);
            assertSameAsFresh(s);
            boolean expected = blocksBefore > 1 && (!hadSameAreaNeighbour || s.piecesOf(from) == 1);
            assertEquals(expected, removable, "removable at step " + step);
            if (r.nextBoolean()) {
                double back = s.alignedDelta(b, from);
                assertEquals(-predicted, back, EPS, "moving back undoes the change");
                s.move(b, from);
                assertEquals(before, s.alignment() * total, EPS);
                assertSameAsFresh(s);
            }
        }
    }

    /**
     * 6 × 6 grid in two areas: area 0 is a U one block wide (column 0, row 0, column 5), a path of
     * 16 blocks whose only removable blocks are its two tips (0,5) and (5,5); area 1 is the
     * 4 × 5 rectangle inside, with no block that cuts it. removable(b) must say exactly whether
     * the area stays in one piece once b has left.
     */
    @Test
    void removableMatchesPiecesOnAContiguousPlan() {
        PlanningProblem p = PlanFixtures.problem(PlanFixtures.randomGrid(6, 6, 1, 3, 11L));
        int n = p.blockCount();
        int[] a = new int[n];
        for (int col = 0; col < 6; col++) {
            for (int row = 0; row < 6; row++) {
                boolean u = col == 0 || col == 5 || row == 0;
                a[p.indexOf(String.format("B%02d%02d", col, row))] = u ? 0 : 1;
            }
        }
        PlanState s = new PlanState(p, a, 2, null);
        assertEquals(16, s.blocksIn(0));
        assertEquals(1, s.piecesOf(0));
        assertEquals(1, s.piecesOf(1));
        java.util.List<String> removableInU = new java.util.ArrayList<>();
        int removableInRectangle = 0;
        for (int b = 0; b < n; b++) {
            int from = s.areaOf(b);
            boolean removable = s.removable(b);
            if (removable && from == 0) {
                removableInU.add(p.block(b).code());
            } else if (removable) {
                removableInRectangle++;
            }
            s.move(b, 1 - from);
            assertEquals(s.piecesOf(from) == 1, removable, "block " + p.block(b).code());
            s.move(b, from);
        }
        assertEquals(java.util.List.of("B0005", "B0505"), removableInU);
        assertEquals(20, removableInRectangle);
    }

    private static void assertSameAsFresh(PlanState s) {
        PlanningProblem p = s.problem();
        PlanState f = new PlanState(p, s.assignment(), s.areaCount(), null);
        double sum = 0;
        for (int a = 0; a < s.areaCount(); a++) {
            assertEquals(f.blocksIn(a), s.blocksIn(a), "blocks in " + a);
            assertEquals(f.residents(a), s.residents(a), EPS, "residents " + a);
            assertEquals(f.registered(a), s.registered(a), EPS, "registered " + a);
            assertEquals(f.landArea(a), s.landArea(a), EPS, "land area " + a);
            assertEquals(f.perimeter(a), s.perimeter(a), EPS, "perimeter " + a);
            for (int q = 0; q < p.pcnCodes().size(); q++) {
                assertEquals(f.affinity(a, q), s.affinity(a, q), EPS, "affinity " + a + "/" + q);
                assertEquals(f.patients(a, q), s.patients(a, q), EPS, "patients " + a + "/" + q);
            }
            assertEquals(f.mainPcn(a), s.mainPcn(a), "main PCN " + a);
            assertEquals(f.alignment(a), s.alignment(a), EPS, "alignment " + a);
            assertEquals(f.compactness(a), s.compactness(a), EPS, "compactness " + a);
            assertEquals(f.piecesOf(a), s.piecesOf(a), "pieces " + a);
            sum += s.alignment(a) * s.residents(a);
        }
        assertEquals(f.alignment(), s.alignment(), EPS, "plan alignment");
        assertEquals(sum / p.totalResidents(), s.alignment(), EPS, "plan alignment = Σ area alignment × residents");
    }
}
