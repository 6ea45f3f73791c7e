package org.sdaplanner.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Writes many rows into one table on the caller's connection and transaction, the fastest way the
 * database has; the caller commits or rolls back, so an import stays all-or-nothing.
 */
interface BulkLoad {
    void load(Connection c, BulkTable t) throws SQLException;
}
