package org.sdaplanner.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The few places where H2GIS and PostGIS differ. Everything else (schema, inserts, queries)
 * is one SQL text for both, using the ISO/OGC functions they share (ST_GeomFromWKB, ST_AsBinary, …).
 */
public interface Dialect {
    String name();

    /** Makes the spatial functions available (loads H2GIS's aliases; creates the PostGIS extension). */
    void prepare(Connection c) throws SQLException;

    /** Rewrites a migration statement where the two databases spell it differently. */
    String rewrite(String statement);

    /** A connection URL with the settings this tool relies on (e.g. batched inserts on PostgreSQL). */
    String tune(String url);

    /** The fastest way this database takes many rows into a table, inside the caller's transaction. */
    BulkLoad bulkLoad();

    /**
     * Called after each committed unit of work ({@link Jdbc#transaction}), before the caller is
     * answered: whatever the database needs so that the commit survives the process being killed.
     * PostgreSQL needs nothing (its commit waits for the write-ahead log to reach the disk).
     */
    default void afterCommit(Connection c) throws SQLException {
    }
}
