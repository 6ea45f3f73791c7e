package org.sdaplanner.cli;

import org.sdaplanner.core.blocks.AdjacencyOptions;
import org.sdaplanner.core.blocks.BlockAnalysisCodec;
import org.sdaplanner.core.blocks.Bridge;
import org.sdaplanner.core.blocks.OverlayOptions;
import org.sdaplanner.core.blocks.SliverRule;
import org.sdaplanner.core.dominance.DominanceRule;

import java.util.List;

/**
 * Everything a region's building blocks are made from, as the key their snapshot is kept under: the
 * geography (its snapshot's digest), the code that makes them, the rules, options and bridges. Any
 * change to one of them is another key, so a snapshot is never read for blocks it does not hold.
 *
 * @param code what identifies the code that makes the blocks ({@link CodeIdentity})
 */
record BlockSnapshotKey(String geographyDigest, String code, DominanceRule rule, SliverRule slivers,
                        OverlayOptions overlay, AdjacencyOptions adjacency, List<Bridge> bridges) {

    /** The canonical description: doubles as raw bits, so no two settings print alike. */
    String description() {
        StringBuilder s = new StringBuilder("sda block analysis, codec format ").append(BlockAnalysisCodec.FORMAT);
        s.append("\ngeography ").append(geographyDigest);
        s.append("\ncode ").append(code);
        s.append("\nrule ").append(rule(rule));
        s.append("\nslivers ").append(KeyText.bits(slivers.maxAreaShare())).append(' ').append(KeyText.bits(slivers.maxResidentShare()));
        s.append("\noverlay ").append(KeyText.bits(overlay.sliverAreaM2())).append(' ').append(KeyText.bits(overlay.sliverShare()))
                .append(' ').append(KeyText.bits(overlay.gridSize())).append(' ').append(overlay.parallel());
        s.append("\nadjacency ").append(KeyText.bits(adjacency.minSharedLength())).append(' ').append(KeyText.bits(adjacency.snapTolerance()))
                .append(' ').append(KeyText.bits(adjacency.maxAngleDegrees()));
        for (Bridge b : bridges) {
            s.append("\nbridge ").append(b.codeA()).append('\u0000').append(b.codeB());
        }
        return s.toString();
    }

    /** SHA-256 of the description, in hex. */
    String digest() {
        return KeyText.sha256(description());
    }

    private static String rule(DominanceRule r) {
        if (r instanceof DominanceRule.MinShare m) {
            return "min-share " + KeyText.bits(m.threshold());
        }
        return r instanceof DominanceRule.Majority ? "majority" : "plurality"; // a sealed interface of three
    }
}
