package org.sdaplanner.core.blocks;

import org.sdaplanner.core.dominance.DominanceResult;
import org.sdaplanner.core.dominance.LsoaDominance;
import org.locationtech.jts.geom.Point;
import org.sdaplanner.core.geography.Geography;
import org.sdaplanner.core.geography.PostcodePoint;
import org.sdaplanner.core.topology.TopologyOptions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The building blocks of a region with their PCN affinities and their adjacency graph, made
 * the one way the command line and the map server both use: LSOA shares and registered
 * patients from a dominance result, overlay and apportionment from the geography, outlines
 * cleaned through one topology with the slivers of the {@link SliverRule} folded into their
 * neighbours, declared bridges joining islands.
 *
 * @param outlines the blocks' outline topologies, made on first ask (or kept with a snapshot)
 */
public record BlockAnalysis(BlockSet blocks, BlockAdjacency adjacency, BlockOutlines outlines) {

    public BlockAnalysis {
        java.util.Objects.requireNonNull(outlines, "outlines");
    }

    /** With outline topologies made from the blocks when first asked for. */
    public BlockAnalysis(BlockSet blocks, BlockAdjacency adjacency) {
        this(blocks, adjacency, new BlockOutlines(blocks.blocks()));
    }

    public static BlockAnalysis of(Geography geography, DominanceResult dominance, Collection<Bridge> bridges,
                                   OverlayOptions overlay, AdjacencyOptions adjacency, SliverRule slivers) {
        Map<String, Map<String, Double>> shares = new HashMap<>();
        Map<String, Double> registered = new HashMap<>();
        for (LsoaDominance l : dominance.lsoas()) {
            shares.put(l.lsoaCode(), l.shares().asMap());
            registered.put(l.lsoaCode(), (double) l.registeredPatients());
        }
        LsoaShares lsoaShares = LsoaShares.of(shares);
        BlockSet raw = BlockBuilder.build(geography, registered, lsoaShares, overlay);
        List<Point> postcodes = geography.postcodes().stream().map(PostcodePoint::location).toList();
        BlockSet set = SliverMerger.merge(raw, lsoaShares, slivers, TopologyOptions.METRES, postcodes);
        BlockAdjacency graph = BlockAdjacency.of(set.blocks(), adjacency);
        if (!bridges.isEmpty()) {
            graph = graph.withBridges(onBlocks(bridges, set));
        }
        return new BlockAnalysis(set, graph);
    }

    public static BlockAnalysis of(Geography geography, DominanceResult dominance, Collection<Bridge> bridges) {
        return of(geography, dominance, bridges, OverlayOptions.DEFAULTS, AdjacencyOptions.DEFAULTS, SliverRule.DEFAULTS);
    }

    /** Bridges as declared, with a code of a sliver that was folded into a neighbour read as that neighbour. */
    private static List<Bridge> onBlocks(Collection<Bridge> bridges, BlockSet set) {
        List<Bridge> out = new ArrayList<>();
        for (Bridge b : bridges) {
            String a = set.blockOf(b.codeA());
            String c = set.blockOf(b.codeB());
            a = a == null ? b.codeA() : a;
            c = c == null ? b.codeB() : c;
            if (!a.equals(c) || b.codeA().equals(b.codeB())) { // both ends now in one block: nothing left to bridge
                out.add(new Bridge(a, c));
            }
        }
        return out;
    }
}
