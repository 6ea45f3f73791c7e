package org.sdaplanner.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The multi-user store: PostgreSQL with PostGIS. */
final class PostgisDialect implements Dialect {
    private static final Pattern SPATIAL_INDEX =
            Pattern.compile("(?is)CREATE\\s+SPATIAL\\s+INDEX\\s+(\\w+)\\s+ON\\s+(\\w+)\\s*\\((\\w+)\\)");

    @Override
    public String name() {
        return "PostGIS";
    }

    @Override
    public void prepare(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS postgis");
        }
    }

    @Override
    public String rewrite(String statement) {
        Matcher m = SPATIAL_INDEX.matcher(statement);
        return m.find() ? m.replaceFirst("CREATE INDEX $1 ON $2 USING GIST ($3)") : statement;
    }

    @Override
    public BulkLoad bulkLoad() {
        return new PostgresCopy();
    }

    @Override
    public String tune(String url) {
        return url.contains("reWriteBatchedInserts") ? url
                : url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }
}
