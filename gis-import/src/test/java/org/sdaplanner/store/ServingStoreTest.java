package org.sdaplanner.store;

import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A server's store reuses its embedded sessions; a command's store opens its own each time. */
class ServingStoreTest {
    @TempDir
    Path dir;

    @Test
    void theServersStoreReusesSessionsAndACommandsDoesNot() throws SQLException {
        SpatialStore store = SpatialStore.open("jdbc:h2:file:" + dir.resolve("sda"));
        SpatialStore serving = store.forServing();
        try {
            assertNotSame(store, serving);
            assertSame(serving, serving.forServing(), "pooled already");
            assertSame(session(serving), session(serving), "the second request gets the first one's session back");
            assertNotSame(session(store), session(store), "a command's connections are its own");
            assertEquals(1, count(serving), "the same database through either");
            serving.close();
            assertEquals(1, count(serving), "closing lets go of the pool; the store can still be used");
        } finally {
            serving.close();
        }
    }

    /** The H2 session behind one connection, taken and given back. */
    private static JdbcConnection session(SpatialStore s) throws SQLException {
        try (Connection c = s.connect()) {
            return c.unwrap(JdbcConnection.class);
        }
    }

    private static int count(SpatialStore s) throws SQLException {
        try (Connection c = s.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM schema_version WHERE version = 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
