package org.sdaplanner.core.blocks;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The building blocks of a region, sorted by code, with the inputs they came from. Immutable. */
public final class BlockSet {

    private final List<BuildingBlock> blocks;
    private final Map<String, BuildingBlock> byCode;
    private final Apportionment apportionment;
    private final List<String> unplacedLsoas;

    BlockSet(List<BuildingBlock> blocks, Apportionment apportionment, List<String> unplacedLsoas) {
        this.blocks = List.copyOf(blocks);
        Map<String, BuildingBlock> m = new HashMap<>();
        for (BuildingBlock b : this.blocks) {
            m.put(b.code(), b);
        }
        this.byCode = Collections.unmodifiableMap(m);
        this.apportionment = apportionment;
        this.unplacedLsoas = List.copyOf(unplacedLsoas);
    }

    /** All blocks sorted by code. */
    public List<BuildingBlock> blocks() {
        return blocks;
    }

    /** The block with this code, or {@code null}. */
    public BuildingBlock block(String code) {
        return byCode.get(code);
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
