package org.sdaplanner.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned schema migrations: {@code V<n>__<what>.sql} resources applied in order, each
 * recorded in {@code schema_version}. A store is never changed by hand.
 */
final class Migrations {
    /** The migrations of this release, oldest first. */
    static final List<String> SCRIPTS = List.of("V1__import_schema.sql", "V2__block_bridges.sql", "V3__plans.sql",
            "V4__profile_catalogue.sql", "V5__accounts_comments.sql", "V6__text_limits_and_shared_throttles.sql",
            "V7__area_counts.sql", "V8__data_releases.sql", "V9__geography_snapshot.sql", "V10__block_snapshot.sql",
            "V11__registration_without_key.sql", "V12__search_snapshot.sql", "V13__table_generations.sql");
    /**
     * The last version whose script changes the geography snapshot table (V9 made it, V10 added its
     * digest): a store imported before it gets its snapshot, with its digest, then.
     */
    private static final int SNAPSHOT_VERSION = 10;

    private final Dialect dialect;

    Migrations(Dialect dialect) {
        this.dialect = dialect;
    }

    void apply(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, script VARCHAR(200) NOT NULL,"
                    + " applied_at VARCHAR(40) NOT NULL)");
        }
        int current = 0;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            current = rs.getInt(1);
        }
        if (current > SCRIPTS.size()) {
            throw new StoreException("the store has schema version " + current + ", newer than this release ("
                    + SCRIPTS.size() + "): use a newer sda", null);
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (int v = current + 1; v <= SCRIPTS.size(); v++) {
                String script = SCRIPTS.get(v - 1);
                try (Statement s = c.createStatement()) {
                    for (String stmt : statements(script)) {
                        s.execute(dialect.rewrite(stmt));
                    }
                }
                if (v == SNAPSHOT_VERSION) {
                    GeographyReader.remakeSnapshot(c); // an upgraded store reads as fast as a new import at once
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
                    ps.setInt(1, v);
                    ps.setString(2, script);
                    ps.setString(3, Instant.now().toString());
                    ps.executeUpdate();
                }
                c.commit();
            }
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    static List<String> statements(String script) {
        String text;
        try (InputStream in = Migrations.class.getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalStateException("migration " + script + " is missing from the jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("migration " + script + " cannot be read", e);
        }
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.startsWith("--") || t.isEmpty()) {
                continue;
            }
            cur.append(line).append('\n');
            if (t.endsWith(";")) {
                String stmt = cur.toString().strip();
                out.add(stmt.substring(0, stmt.length() - 1));
                cur.setLength(0);
            }
        }
        return out;
    }
}
