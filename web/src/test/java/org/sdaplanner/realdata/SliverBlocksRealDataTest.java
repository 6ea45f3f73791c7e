package org.sdaplanner.realdata;

import org.junit.jupiter.api.Test;
import org.sdaplanner.cli.RegionAnalysis;
import org.sdaplanner.core.blocks.AdjacencyOptions;
import org.sdaplanner.core.blocks.BlockAnalysis;
import org.sdaplanner.core.blocks.BlockKind;
import org.sdaplanner.core.blocks.BlockSet;
import org.sdaplanner.core.blocks.BuildingBlock;
import org.sdaplanner.core.blocks.LsoaPiece;
import org.sdaplanner.core.blocks.OverlayOptions;
import org.sdaplanner.core.blocks.OverlayResult;
import org.sdaplanner.core.blocks.SliverMerge;
import org.sdaplanner.core.blocks.SliverRule;
import org.sdaplanner.core.dominance.LsoaDominance;
import org.sdaplanner.core.geography.Parish;
import org.sdaplanner.core.plan.PlanEditor;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.store.GeographyReader;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sliver rule on the real C&P data: what is left are blocks a person would recognise, and no one is lost. */
class SliverBlocksRealDataTest {
    private static final String LITTLEPORT = "M04000041";
    private static final String SOHAM = "M04000046";
    /** The empty LSOA pieces along Littleport that the issue found in the way of moving it. */
    private static final List<String> LITTLEPORT_SLIVERS = List.of("E01018024", "E01018044", "E01018045");

    @Test
    void noBlockIsAnLsoaSliverBelowTheThreshold() {
        BlockSet set = RealRegion.analysis().blocks().blocks();
        OverlayResult overlay = set.overlay();
        int remainders = 0;
        for (BuildingBlock b : set.blocks()) {
            if (b.kind() != BlockKind.UNPARISHED) {
                continue;
            }
            boolean partlyParished = false;
            double land = 0;
            for (LsoaPiece p : overlay.piecesOf(b.code())) {
                Parish parish = p.parishCode() == null ? null : overlay.parish(p.parishCode());
                if (parish != null && !parish.unparished()) {
                    partlyParished = true;
                } else {
                    land += p.areaShare();
                }
            }
            double residents = b.pieces().stream().filter(p -> p.lsoaCode().equals(b.code())).mapToDouble(p -> p.weight()).sum();
            if (partlyParished) {
                remainders++;
                assertTrue(!SliverRule.DEFAULTS.isSliver(land, residents), b.code() + " is a sliver: " + land + " of the land, "
                        + residents + " of the residents");
            }
        }
        assertTrue(remainders > 10, "real remainders (the edge of Peterborough's core) stay blocks: " + remainders);
        Set<String> merged = new TreeSet<>();
        for (SliverMerge m : set.sliverMerges()) {
            if (set.block(m.sliverCode()) == null) {
                merged.add(m.sliverCode());
            }
        }
        assertEquals(85, merged.size(), "the empty or near-empty LSOA pieces found in the issue (81 with no resident) and four more");
        assertEquals(498 - 85, set.size());
        for (String code : LITTLEPORT_SLIVERS) {
            assertNull(set.block(code), code + " is no block of its own");
            assertEquals(LITTLEPORT, set.blockOf(code), code + " joined Littleport, along which it lies");
        }
        assertTrue(set.keptSlivers().isEmpty(), "every sliver touches a block of its district: " + set.keptSlivers());
    }

    @Test
    void populationAndPatientsAddUpToTheRegionsExactly() {
        RegionAnalysis a = RealRegion.analysis();
        BlockSet set = a.blocks().blocks();
        double residents = a.geography().residents().values().stream().mapToLong(Long::longValue).sum();
        double registered = a.dominance().lsoas().stream().mapToLong(LsoaDominance::registeredPatients).sum();
        assertEquals(894_516, residents);
        assertEquals(residents, set.totalResidentPopulation(), 1e-6);
        assertEquals(registered, set.totalRegisteredPopulation(), 1e-6);
        double moved = set.sliverMerges().stream().mapToDouble(SliverMerge::residents).sum();
        assertTrue(moved > 0 && moved < 500, "the slivers' few residents went with them: " + moved);
    }

    /**
     * Moving Littleport (9,708 residents) next door was refused because three empty slivers along it
     * "would be cut off". Judged on real blocks, the same move goes through. Two areas, so that the
     * answer depends on the blocks only: Soham's on its own, everything else in the other.
     */
    @Test
    void movingLittleportIsJudgedOnRealBlocksOnly() {
        RegionAnalysis a = RealRegion.analysis();
        PlanEditor.MoveOutcome withRule = moveLittleport(a.blocks(), a);
        assertTrue(withRule.accepted(), "Littleport can join Soham's area: " + withRule.reason());
        assertTrue(withRule.cutOff().isEmpty());

        var geography = new GeographyReader(RealRegion.store()).read();
        BlockAnalysis withSlivers = BlockAnalysis.of(geography, a.dominance(), List.of(), OverlayOptions.DEFAULTS,
                AdjacencyOptions.DEFAULTS, SliverRule.OFF);
        PlanEditor.MoveOutcome before = moveLittleport(withSlivers, a);
        assertTrue(!before.accepted(), "with the slivers as blocks the move is refused");
        assertTrue(!before.cutOff().isEmpty() && LITTLEPORT_SLIVERS.containsAll(before.cutOff()),
                "because empty slivers along Littleport would be cut off: " + before.reason());
    }

    private static PlanEditor.MoveOutcome moveLittleport(BlockAnalysis blocks, RegionAnalysis a) {
        PlanningProblem p = PlanningProblem.of(blocks, a.dominance());
        int[] assignment = new int[p.blockCount()];
        assignment[p.indexOf(SOHAM)] = 1;
        PlanEditor editor = new PlanEditor(new PlanState(p, assignment, 2, null), List.of("REST", "SOHAM"), false);
        return editor.preview(List.of(LITTLEPORT), "SOHAM");
    }
}
