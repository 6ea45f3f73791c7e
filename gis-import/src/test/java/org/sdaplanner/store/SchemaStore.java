package org.sdaplanner.store;

import org.sdaplanner.testsupport.TestEnvironment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

/** A store in a schema of its own in the test PostGIS database, dropped on close. */
public final class SchemaStore implements AutoCloseable {
    private final String baseUrl;
    private final String schema;
    public final SpatialStore store;

    private SchemaStore(String baseUrl, String schema, SpatialStore store) {
        this.baseUrl = baseUrl;
        this.schema = schema;
        this.store = store;
    }

    public static SchemaStore create(String prefix) throws Exception {
        String baseUrl = TestEnvironment.postgisUrl();
        String schema = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return new SchemaStore(baseUrl, schema,
                SpatialStore.open(baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public"));
    }

    @Override
    public void close() throws Exception {
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
