package org.sdaplanner.store;

import org.h2gis.api.Function;
import org.h2gis.functions.factory.H2GISFunctions;
import org.h2gis.functions.spatial.convert.ST_AsBinary;
import org.h2gis.functions.spatial.convert.ST_GeomFromWKB;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The embedded default store: H2 with the H2GIS spatial functions, in a file under ./sda-data/. */
final class H2gisDialect implements Dialect {
    @Override
    public String name() {
        return "H2GIS";
    }

    /**
     * The H2GIS functions the store's SQL uses (one SQL text for both stores, see {@link Dialect}). Only
     * these are registered: H2 loads every registered function's class each time it opens the file, and
     * the whole H2GIS set (361 of them) cost about 0.35 s of CPU on every command.
     */
    private static final List<Function> USED = List.of(new ST_GeomFromWKB(), new ST_AsBinary());

    @Override
    public void prepare(Connection c) throws SQLException {
        Set<String> used = new HashSet<>();
        for (Function f : USED) {
            used.add(f.getClass().getSimpleName().toUpperCase(Locale.ROOT));
        }
        Map<String, String> present = new HashMap<>(); // name -> FUNCTION or AGGREGATE
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT ROUTINE_NAME, ROUTINE_TYPE FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_SCHEMA = 'PUBLIC'")) {
            while (rs.next()) {
                present.put(rs.getString(1), rs.getString(2));
            }
        }
        if (present.keySet().equals(used)) {
            return; // aliases persist in the database file: registered once
        }
        try (Statement s = c.createStatement()) {
            // a store made when every H2GIS function was loaded: the ones the store's SQL never calls go
            for (Map.Entry<String, String> r : new TreeMap<>(present).entrySet()) {
                if (!used.contains(r.getKey()) && r.getKey().matches("[A-Z0-9_]+")) {
                    s.execute(("AGGREGATE".equals(r.getValue()) ? "DROP AGGREGATE IF EXISTS " : "DROP ALIAS IF EXISTS ") + r.getKey());
                }
            }
            for (Function f : USED) {
                if (!present.containsKey(f.getClass().getSimpleName().toUpperCase(Locale.ROOT))) {
                    H2GISFunctions.registerFunction(s, f, "");
                }
            }
        }
    }

    @Override
    public String rewrite(String statement) {
        return statement;
    }

    /** H2 has no COPY: batched INSERTs (measured for issue 18; see docs/benchmarks.md). */
    @Override
    public BulkLoad bulkLoad() {
        return new BatchInsert(5000);
    }

    @Override
    public String tune(String url) {
        if (!url.startsWith("jdbc:h2:file:")) {
            return url;
        }
        String upper = url.toUpperCase(Locale.ROOT);
        String tuned = url;
        // H2's page cache is 16 MB unless told otherwise. A national import's transaction (725,475
        // registration rows) outgrows it many times over (the cache counts pages as decoded objects):
        // pages written out and evicted mid-transaction are read back to commit and again to close,
        // about 90,000 reads that took 6-11 s of a 19-23 s import; with 1 GB about 3,400 reads
        // (docs/benchmarks.md, session 13). The cache only holds pages read or written, so a small
        // store never fills it.
        if (!upper.contains("CACHE_SIZE")) {
            tuned += ";CACHE_SIZE=" + cacheKilobytes(Runtime.getRuntime().maxMemory());
        }
        // a second process (e.g. 'sda user add' while 'sda serve' runs) goes through the first one's
        // local TCP server instead of failing on the file lock; the owner keeps its embedded speed
        if (!upper.contains("AUTO_SERVER")) {
            tuned += ";AUTO_SERVER=TRUE";
        }
        return tuned;
    }

    /** A quarter of the heap, between H2's own 16 MB and 1 GB, in the kilobytes CACHE_SIZE takes. */
    static long cacheKilobytes(long maxHeapBytes) {
        long quarter = maxHeapBytes / 4 / 1024;
        return Math.max(16 * 1024, Math.min(1024 * 1024, quarter));
    }

    /**
     * H2 answers a commit before writing it: its MVStore writes committed changes from a
     * background thread up to WRITE_DELAY (500 ms) later, so a server killed just after answering
     * "201 Created" lost the comment (KillRestartTest lost 12 of 12). CHECKPOINT SYNC writes what
     * is committed and fsyncs the file, as PostgreSQL does at every commit, so an answered write
     * survives kill -9 (and, with the fsync, a power cut). Cost on the development machine: about
     * 1.5 ms per write, under 1 ms when nothing changed. Not WRITE_DELAY=0 in the URL, which
     * also writes at commit but stops that background thread, which is also what frees old chunks:
     * the file then grows with every commit for as long as the server runs (a trial of 50 small
     * commits a second for 150 s: 270 MB and growing; with CHECKPOINT SYNC, level at about 95 MB
     * after the first minute).
     */
    @Override
    public void afterCommit(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        }
    }
}
