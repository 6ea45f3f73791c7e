package org.sdaplanner.store;

import org.sdaplanner.core.cluster.Clusterer;
import org.sdaplanner.core.cluster.ClusteringCodec;

import java.util.Optional;

/**
 * What a search found, kept in the store ({@code search_snapshot}, {@link ClusteringCodec}) under a
 * key of everything it was made from (the blocks, the options, the code), so that building the same
 * plan again decodes it instead of searching. The search is deterministic, so the plan is the same
 * either way. Only a shortcut: a miss, damaged bytes or a failed write leave the caller to search.
 */
public final class SearchSnapshots {
    private final SnapshotTable table;

    public SearchSnapshots(SpatialStore store) {
        this.table = new SnapshotTable(store, SnapshotTable.Kind.SEARCH);
    }

    /** The clustering kept under {@code key}; empty when there is none, or it is of another format or damaged. */
    public Optional<Clusterer.Result> find(String key) {
        Optional<byte[]> data = table.find(key, ClusteringCodec.FORMAT);
        try {
            return data.map(ClusteringCodec::decode);
        } catch (IllegalArgumentException damaged) {
            return Optional.empty();
        }
    }

    /** Keeps {@code result} under {@code key}; false when it was not kept (the caller goes on with what it found). */
    public boolean save(String key, String geographyDigest, Clusterer.Result result) {
        return table.save(key, geographyDigest, ClusteringCodec.FORMAT, ClusteringCodec.encode(result));
    }
}
