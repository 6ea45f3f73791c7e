package org.sdaplanner.core.blocks;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sdaplanner.core.topology.TopologyReport;

/**
 * The building blocks of a region, sorted by code, with the inputs they came from and, once
 * cleaned by {@link SliverMerger}, the slivers folded into them. Immutable.
 */
public final class BlockSet {

    private final List<BuildingBlock> blocks;
    private final Map<String, BuildingBlock> byCode;
    private final Apportionment apportionment;
    private final List<String> unplacedLsoas;
    private final List<SliverMerge> sliverMerges;
    private final List<String> keptSlivers;
    private final TopologyReport topology;
    private final SliverRule sliverRule;
    private final Map<String, String> mergedInto;

    BlockSet(List<BuildingBlock> blocks, Apportionment apportionment, List<String> unplacedLsoas) {
        this(blocks, apportionment, unplacedLsoas, List.of(), List.of(), null, null);
    }

    BlockSet(List<BuildingBlock> blocks, Apportionment apportionment, List<String> unplacedLsoas,
             List<SliverMerge> sliverMerges, List<String> keptSlivers, TopologyReport topology, SliverRule sliverRule) {
        this.blocks = List.copyOf(blocks);
        Map<String, BuildingBlock> m = new HashMap<>();
        for (BuildingBlock b : this.blocks) {
            m.put(b.code(), b);
        }
        this.byCode = Collections.unmodifiableMap(m);
        this.apportionment = apportionment;
        this.unplacedLsoas = List.copyOf(unplacedLsoas);
        this.sliverMerges = List.copyOf(sliverMerges);
        this.keptSlivers = List.copyOf(keptSlivers);
        this.topology = topology;
        this.sliverRule = sliverRule;
        // a sliver that is no longer a block is found in the block that took most of its land
        Map<String, SliverMerge> largest = new TreeMap<>();
        for (SliverMerge sm : this.sliverMerges) {
            if (!m.containsKey(sm.sliverCode())) {
                largest.merge(sm.sliverCode(), sm, (a, b) -> b.area() > a.area() ? b : a);
            }
        }
        Map<String, String> into = new HashMap<>();
        largest.forEach((code, sm) -> into.put(code, sm.intoCode()));
        this.mergedInto = Collections.unmodifiableMap(into);
    }

    /** All blocks sorted by code. */
    public List<BuildingBlock> blocks() {
        return blocks;
    }

    /** The block with this code, or {@code null}. */
    public BuildingBlock block(String code) {
        return byCode.get(code);
    }

    /**
     * The block a code now belongs to: the block itself, or for a sliver folded into its
     * neighbours the one that took most of its land; {@code null} for a code that was never a block.
     */
    public String blockOf(String code) {
        return byCode.containsKey(code) ? code : mergedInto.get(code);
    }

    /**
     * The slivers that joined a neighbouring block, one entry per sliver and block joined,
     * by sliver code then block code (empty for a raw block set).
     */
    public List<SliverMerge> sliverMerges() {
        return sliverMerges;
    }

    /** Codes of slivers that stayed blocks because no part of them touches a block of their district. */
    public List<String> keptSlivers() {
        return keptSlivers;
    }

    /** How cleaning the outlines went (gaps filled, overlaps resolved); {@code null} for a raw block set. */
    public TopologyReport topology() {
        return topology;
    }

    /**
     * The rule the slivers were judged by when the outlines were cleaned ({@link SliverRule#OFF}:
     * none was), so that what is reported says which blocks these are; {@code null} for a raw block set.
     */
    public SliverRule sliverRule() {
        return sliverRule;
    }

    public int size() {
        return blocks.size();
    }

    public Apportionment apportionment() {
        return apportionment;
    }

    public OverlayResult overlay() {
        return apportionment.overlay();
    }

    /**
     * LSOA codes that have residents or registered patients in the inputs but are not in the
     * overlay, so their people are in no block (sorted). Empty when every LSOA was overlaid.
     */
    public List<String> unplacedLsoas() {
        return unplacedLsoas;
    }

    /** Σ of the blocks' resident populations. */
    public double totalResidentPopulation() {
        double s = 0;
        for (BuildingBlock b : blocks) {
            s += b.residentPopulation();
        }
        return s;
    }

    /** Σ of the blocks' registered populations. */
    public double totalRegisteredPopulation() {
        double s = 0;
        for (BuildingBlock b : blocks) {
            s += b.registeredPopulation();
        }
        return s;
    }
}
