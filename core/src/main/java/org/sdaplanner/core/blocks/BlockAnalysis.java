package org.sdaplanner.core.blocks;

import org.sdaplanner.core.dominance.DominanceResult;
import org.sdaplanner.core.dominance.LsoaDominance;
import org.sdaplanner.core.geography.Geography;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The building blocks of a region with their PCN affinities and their adjacency graph, made
 * the one way the command line and the map server both use: LSOA shares and registered
 * patients from a dominance result, overlay and apportionment from the geography, declared
 * bridges joining islands.
 */
public record BlockAnalysis(BlockSet blocks, BlockAdjacency adjacency) {

    public static BlockAnalysis of(Geography geography, DominanceResult dominance, Collection<Bridge> bridges,
                                   OverlayOptions overlay, AdjacencyOptions adjacency) {
        Map<String, Map<String, Double>> shares = new HashMap<>();
        Map<String, Double> registered = new HashMap<>();
        for (LsoaDominance l : dominance.lsoas()) {
            shares.put(l.lsoaCode(), l.shares().asMap());
            registered.put(l.lsoaCode(), (double) l.registeredPatients());
        }
        BlockSet set = BlockBuilder.build(geography, registered, LsoaShares.of(shares), overlay);
        BlockAdjacency graph = BlockAdjacency.of(set.blocks(), adjacency);
        if (!bridges.isEmpty()) {
            graph = graph.withBridges(bridges);
        }
        return new BlockAnalysis(set, graph);
    }

    public static BlockAnalysis of(Geography geography, DominanceResult dominance, Collection<Bridge> bridges) {
        return of(geography, dominance, bridges, OverlayOptions.DEFAULTS, AdjacencyOptions.DEFAULTS);
    }
}
