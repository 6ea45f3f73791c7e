package org.sdaplanner.store;

import org.sdaplanner.core.blocks.BlockAnalysis;
import org.sdaplanner.core.blocks.BlockAnalysisCodec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The building blocks kept in the store ({@code block_snapshot}, {@link BlockAnalysisCodec}) under a
 * key of everything they were made from, so that a command decodes them instead of making them
 * again. Only a shortcut: a miss, damaged bytes or a failed write leave the caller to make them.
 */
public final class BlockSnapshots {
    /** Snapshots kept for one geography (e.g. default blocks, kept slivers, another rule); older ones go. */
    static final int KEPT = 4;

    private final Jdbc jdbc;

    public BlockSnapshots(SpatialStore store) {
        this.jdbc = new Jdbc(store);
    }

    /** The analysis kept under {@code key}; empty when there is none, or it is of another format or damaged. */
    public Optional<BlockAnalysis> find(String key) {
        Optional<byte[]> data;
        try {
            data = jdbc.read("cannot read the block snapshot", c -> Jdbc.queryOne(c,
                    "SELECT data FROM block_snapshot WHERE snapshot_key = ? AND format = ?",
                    List.of(key, BlockAnalysisCodec.FORMAT), rs -> rs.getBytes(1)));
        } catch (StoreException e) {
            return Optional.empty(); // the caller makes the blocks, as without a snapshot
        }
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
        try {
            jdbc.transaction("cannot keep the block snapshot", c -> {
                Jdbc.update(c, "DELETE FROM block_snapshot WHERE geography_digest <> ? OR snapshot_key = ?", geographyDigest, key);
                List<String> newest = Jdbc.query(c, "SELECT snapshot_key FROM block_snapshot ORDER BY written_at DESC, snapshot_key",
                        List.of(), rs -> rs.getString(1));
                for (String old : newest.subList(Math.min(newest.size(), KEPT - 1), newest.size())) {
                    Jdbc.update(c, "DELETE FROM block_snapshot WHERE snapshot_key = ?", old);
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO block_snapshot"
                        + " (snapshot_key, geography_digest, format, written_at, data) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, key);
                    ps.setString(2, geographyDigest);
                    ps.setInt(3, BlockAnalysisCodec.FORMAT);
                    ps.setString(4, Jdbc.fixed(java.time.Instant.now()));
                    ps.setBytes(5, data);
                    ps.executeUpdate();
                }
                return null;
            });
            return true;
        } catch (RuntimeException e) {
            return false; // not kept: the next command makes the blocks again, nothing else is lost
        }
    }

    /** Drops every snapshot: for writers that change the geography, in their transaction. */
    static void clear(Connection c) throws SQLException {
        Jdbc.update(c, "DELETE FROM block_snapshot");
    }
}
