package org.sdaplanner.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A table of results kept in the store under a key of everything they were made from, so that a
 * command decodes one instead of making it again ({@code block_snapshot}: the building blocks;
 * {@code search_snapshot}: what a search found). Only a shortcut: a miss, a failed read or a failed
 * write leave the caller to make the result, and nothing else is lost.
 */
final class SnapshotTable {
    /** The tables, each kept apart so that one kind never pushes the other out. */
    enum Kind {
        BLOCKS("block_snapshot"), SEARCH("search_snapshot");

        final String table; // a constant, never from input: the only name put into the SQL below

        Kind(String table) {
            this.table = table;
        }
    }

    /** Results kept for one geography (e.g. default blocks, kept slivers, another rule); older ones go. */
    static final int KEPT = 4;

    private final Jdbc jdbc;
    private final Kind kind;

    SnapshotTable(SpatialStore store, Kind kind) {
        this.jdbc = new Jdbc(store);
        this.kind = kind;
    }

    /** The bytes kept under {@code key} in {@code format}; empty when there are none or they cannot be read. */
    Optional<byte[]> find(String key, int format) {
        try {
            return jdbc.read("cannot read the kept " + kind.table, c -> Jdbc.queryOne(c,
                    "SELECT data FROM " + kind.table + " WHERE snapshot_key = ? AND format = ?",
                    List.of(key, format), rs -> rs.getBytes(1)));
        } catch (StoreException e) {
            return Optional.empty(); // the caller makes the result, as without a snapshot
        }
    }

    /**
     * Keeps {@code data} under {@code key} in a transaction of its own, dropping the results of
     * other geographies and all but the newest few of this one.
     *
     * @return false when it was not kept (a read-only store, a concurrent writer of the same key, no
     *         permission): the caller goes on with what it made
     */
    boolean save(String key, String geographyDigest, int format, byte[] data) {
        try {
            jdbc.transaction("cannot keep the " + kind.table, c -> {
                Jdbc.update(c, "DELETE FROM " + kind.table + " WHERE geography_digest <> ? OR snapshot_key = ?",
                        geographyDigest, key);
                List<String> newest = Jdbc.query(c, "SELECT snapshot_key FROM " + kind.table
                        + " ORDER BY written_at DESC, snapshot_key", List.of(), rs -> rs.getString(1));
                for (String old : newest.subList(Math.min(newest.size(), KEPT - 1), newest.size())) {
                    Jdbc.update(c, "DELETE FROM " + kind.table + " WHERE snapshot_key = ?", old);
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + kind.table
                        + " (snapshot_key, geography_digest, format, written_at, data) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, key);
                    ps.setString(2, geographyDigest);
                    ps.setInt(3, format);
                    ps.setString(4, Jdbc.fixed(java.time.Instant.now()));
                    ps.setBytes(5, data);
                    ps.executeUpdate();
                }
                return null;
            });
            return true;
        } catch (RuntimeException e) {
            return false; // not kept: the next command makes the result again
        }
    }

    /** Drops every kept result of every kind: for writers that change the geography, in their transaction. */
    static void clearAll(Connection c) throws SQLException {
        for (Kind k : Kind.values()) {
            Jdbc.update(c, "DELETE FROM " + k.table);
        }
    }
}
