package org.sdaplanner.store;

import org.sdaplanner.core.blocks.BlockAnalysis;
import org.sdaplanner.core.blocks.BlockAnalysisCodec;

import java.util.Optional;

/**
 * The building blocks kept in the store ({@code block_snapshot}, {@link BlockAnalysisCodec}) under a
 * key of everything they were made from, so that a command decodes them instead of making them
 * again. Only a shortcut: a miss, damaged bytes or a failed write leave the caller to make them.
 */
public final class BlockSnapshots {
    private final SnapshotTable table;

    public BlockSnapshots(SpatialStore store) {
        this.table = new SnapshotTable(store, SnapshotTable.Kind.BLOCKS);
    }

    /** The analysis kept under {@code key}; empty when there is none, or it is of another format or damaged. */
    public Optional<BlockAnalysis> find(String key) {
        Optional<byte[]> data = table.find(key, BlockAnalysisCodec.FORMAT);
        try {
            return data.map(BlockAnalysisCodec::decode);
        } catch (IllegalArgumentException damaged) {
            return Optional.empty();
        }
    }

    /**
     * Keeps {@code analysis} under {@code key} in a transaction of its own, dropping snapshots of
     * other geographies and all but the newest few of this one.
     *
     * @return false when it was not kept (a read-only store, a concurrent writer of the same key, no
     *         permission, or a shape the codec cannot keep exactly): the caller goes on with what it made
     */
    public boolean save(String key, String geographyDigest, BlockAnalysis analysis) {
        byte[] data;
        try {
            data = BlockAnalysisCodec.encode(analysis);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return table.save(key, geographyDigest, BlockAnalysisCodec.FORMAT, data);
    }
}
