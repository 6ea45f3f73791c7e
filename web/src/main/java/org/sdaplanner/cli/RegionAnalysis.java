package org.sdaplanner.cli;

import org.sdaplanner.core.blocks.AdjacencyOptions;
import org.sdaplanner.core.blocks.BlockAnalysis;
import org.sdaplanner.core.blocks.Bridge;
import org.sdaplanner.core.blocks.OverlayOptions;
import org.sdaplanner.core.blocks.SliverRule;
import org.sdaplanner.core.cluster.AreaCounts;
import org.sdaplanner.core.dominance.DominanceEngine;
import org.sdaplanner.core.dominance.DominanceInput;
import org.sdaplanner.core.dominance.DominanceResult;
import org.sdaplanner.core.dominance.DominanceRule;
import org.sdaplanner.core.geography.Geography;
import org.sdaplanner.export.Outlines;
import org.sdaplanner.store.BlockSnapshots;
import org.sdaplanner.store.GeographyReader;
import org.sdaplanner.store.SpatialStore;

import java.util.List;
import java.util.Optional;

/**
 * The last import read from the store, with its dominant PCNs and building blocks: what blocks and build start from.
 *
 * @param defaultAreas  the manifest's headline number of areas (e.g. 28), or null
 * @param defaultCounts the manifest's area counts in full (in all, or areas of parishes plus
 *                      unparished areas, any per-district table), or null
 * @param blocksKey     the key the blocks are kept under ({@link BlockSnapshotKey#digest}), or null when
 *                      nothing can be kept for them (a store without a geography digest, code of unknown identity)
 * @param geographyDigest the digest of the geography snapshot they were made from, or null
 */
public record RegionAnalysis(Geography geography, DominanceResult dominance, BlockAnalysis blocks, Integer defaultAreas,
                             AreaCounts defaultCounts, String blocksKey, String geographyDigest) {

    /** The region on the default blocks ({@link SliverRule#DEFAULTS}): the ones the map server and stored plans use. */
    public static RegionAnalysis load(SpatialStore store, DominanceRule rule) {
        return load(store, rule, SliverRule.DEFAULTS);
    }

    /** The region with its slivers judged by {@code slivers} ({@link SliverRule#OFF}: every LSOA remainder a block). */
    public static RegionAnalysis load(SpatialStore store, DominanceRule rule, SliverRule slivers) {
        GeographyReader.Stored stored = new GeographyReader(store).readAll();
        Geography g = stored.geography();
        DominanceResult dominance = new DominanceEngine().compute(DominanceInput.of(g), rule);
        List<Bridge> bridges = bridges(stored);
        String key = key(stored, rule, slivers, bridges);
        return new RegionAnalysis(g, dominance, blocks(store, stored, key, slivers, dominance, bridges),
                stored.defaultAreas(), stored.defaultCounts(), key, key == null ? null : stored.geographyDigest());
    }

    /**
     * The default blocks (plurality rule, default slivers: what the map server, stored plans and the
     * commands' defaults use) of a geography about to be imported, made and keyed exactly as {@link
     * #load} would make and keep them: for the import to make them while it writes. Empty when they
     * cannot be keyed or kept; a failure to make them is left to the first command that needs them.
     */
    public static java.util.Optional<BlockSnapshots.Prepared> defaultBlocks(GeographyReader.Stored stored) {
        List<Bridge> bridges = bridges(stored);
        String key = key(stored, DominanceRule.PLURALITY, SliverRule.DEFAULTS, bridges);
        if (key == null) {
            return java.util.Optional.empty();
        }
        DominanceResult dominance = new DominanceEngine().compute(DominanceInput.of(stored.geography()), DominanceRule.PLURALITY);
        return BlockSnapshots.prepare(key, make(stored, SliverRule.DEFAULTS, dominance, bridges));
    }

    private static List<Bridge> bridges(GeographyReader.Stored stored) {
        return stored.bridges().stream().map(b -> new Bridge(b.get(0), b.get(1))).toList();
    }

    /** The key the blocks are kept under, or null when it cannot be told (then nothing is kept or read). */
    private static String key(GeographyReader.Stored stored, DominanceRule rule, SliverRule slivers, List<Bridge> bridges) {
        String code = CodeIdentity.current();
        return stored.geographyDigest() == null || code == null ? null
                : new BlockSnapshotKey(stored.geographyDigest(), code, rule, slivers, OverlayOptions.DEFAULTS,
                AdjacencyOptions.DEFAULTS, bridges).digest();
    }

    /**
     * The blocks from the store's snapshot of them when it holds one made from all the same inputs,
     * else made here and kept for the next command (a write that fails only loses that shortcut).
     */
    private static BlockAnalysis blocks(SpatialStore store, GeographyReader.Stored stored, String key,
                                        SliverRule slivers, DominanceResult dominance, List<Bridge> bridges) {
        BlockSnapshots snapshots = new BlockSnapshots(store);
        if (key != null) {
            Optional<BlockAnalysis> kept = snapshots.find(key);
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        BlockAnalysis made = make(stored, slivers, dominance, bridges);
        if (key != null) {
            snapshots.save(key, stored.geographyDigest(), made);
        }
        return made;
    }

    /** The blocks made from the geography, with both outline topologies made, so that a snapshot keeps them. */
    private static BlockAnalysis make(GeographyReader.Stored stored, SliverRule slivers, DominanceResult dominance,
                                      List<Bridge> bridges) {
        BlockAnalysis made = BlockAnalysis.of(stored.geography(), dominance, bridges, OverlayOptions.DEFAULTS,
                AdjacencyOptions.DEFAULTS, slivers);
        Outlines.lonLat(made.outlines()); // made now, so that the snapshot keeps it (the BNG one the codec makes)
        return made;
    }
}
