package org.sdaplanner.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JDBC plumbing the repositories share: a unit of work in one transaction (committed before
 * the caller gets its answer, rolled back on any failure), parameterised queries only, and
 * timestamps as ISO-8601 text (the same on H2GIS and PostGIS).
 */
final class Jdbc {
    private final SpatialStore store;

    Jdbc(SpatialStore store) {
        this.store = store;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Runs read-only work on its own connection. */
    <T> T read(String what, Work<T> work) {
        try (Connection c = store.connect()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(what + " (" + store.dialect().name() + ")" + detail(e), e);
        }
    }

    /**
     * Runs one small write on its own connection in auto-commit, with no disk sync after it: for
     * bookkeeping (rate limits, throttles) that must be shared by every process but may be lost in a
     * crash, and is written too often to pay a sync each time.
     */
    <T> T unsynced(String what, Work<T> work) {
        return read(what, work);
    }

    /** Runs read-only work in one transaction, so that it sees one consistent state of the store. */
    <T> T readConsistent(String what, Work<T> work) {
        try (Connection c = store.connect()) {
            c.setAutoCommit(false);
            try {
                return work.run(c);
            } finally {
                c.rollback(); // nothing was written: nothing to commit or to sync
            }
        } catch (SQLException e) {
            throw new StoreException(what + " (" + store.dialect().name() + ")" + detail(e), e);
        }
    }

    /** Runs work in one transaction: all of it is committed, or none; committed means on disk (the dialect's afterCommit). */
    <T> T transaction(String what, Work<T> work) {
        try (Connection c = store.connect()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                store.dialect().afterCommit(c); // on disk before the caller answers anyone
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(what + " (" + store.dialect().name() + ")" + detail(e), e);
        }
    }

    /** The database's reason, without its SQL, URLs or internal codes (messages can reach a browser or a terminal). */
    static String detail(Throwable e) {
        if (e instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            if (state.startsWith("23")) {
                java.util.regex.Matcher m = KEY_VALUE.matcher(String.valueOf(e.getMessage()));
                String value = m.find() ? " (" + (m.group(1) != null ? m.group(1) : m.group(2)) + ")" : "";
                return ": two records have the same key" + value + ", or a required value is missing";
            }
            if (state.equals("22001")) {
                return ": a value is longer than the store keeps";
            }
        }
        String s = org.sdaplanner.importer.InternalText.scrub(e.getMessage());
        return s.isEmpty() ? "" : ": " + s;
    }

    /** The duplicate value in H2's "VALUES ( /* 1 *\/ 'E01000001' )" or PostgreSQL's "Key (code)=(E01000001)". */
    private static final java.util.regex.Pattern KEY_VALUE = java.util.regex.Pattern.compile(
            "VALUES \\( /\\* \\d+ \\*/ '([^']{1,60})'|\\)=\\(([^)]{1,60})\\)");

    static <T> List<T> query(Connection c, String sql, List<?> params, RowMapper<T> mapper) throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
        }
        return out;
    }

    static <T> Optional<T> queryOne(Connection c, String sql, List<?> params, RowMapper<T> mapper) throws SQLException {
        List<T> rows = query(c, sql, params, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    /** Inserts one row and returns its generated {@code id}. */
    static long insert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            bind(ps, params);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no id was generated");
                }
                return keys.getLong(1);
            }
        }
    }

    static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (p instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (p instanceof Double d) {
                ps.setDouble(i + 1, d);
            } else if (p instanceof Boolean b) {
                ps.setBoolean(i + 1, b);
            } else if (p == null) {
                ps.setNull(i + 1, java.sql.Types.NULL); // untyped: PostgreSQL infers the column type
            } else {
                ps.setString(i + 1, p.toString());
            }
        }
    }

    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static final java.time.format.DateTimeFormatter FIXED =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    /** A timestamp of fixed width, so that text order is time order (for expiry comparisons in SQL). */
    static String fixed(Instant t) {
        return FIXED.format(t);
    }
}
