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
        List<Bridge> bridges = stored.bridges().stream().map(b -> new Bridge(b.get(0), b.get(1))).toList();
        String code = CodeIdentity.current();
        String key = stored.geographyDigest() == null || code == null ? null
                : new BlockSnapshotKey(stored.geographyDigest(), code, rule, slivers, OverlayOptions.DEFAULTS,
                AdjacencyOptions.DEFAULTS, bridges).digest();
        return new RegionAnalysis(g, dominance, blocks(store, stored, key, slivers, dominance, bridges),
                stored.defaultAreas(), stored.defaultCounts(), key, key == null ? null : stored.geographyDigest());
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
        BlockAnalysis made = BlockAnalysis.of(stored.geography(), dominance, bridges, OverlayOptions.DEFAULTS,
                AdjacencyOptions.DEFAULTS, slivers);
        if (key != null) {
            Outlines.makeBoth(made.outlines()); // made now, so that the snapshot keeps them
            snapshots.save(key, stored.geographyDigest(), made);
        }
        return made;
    }
}
