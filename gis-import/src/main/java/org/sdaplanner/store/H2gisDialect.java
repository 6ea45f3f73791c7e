package org.sdaplanner.store;

import org.h2gis.functions.factory.H2GISFunctions;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The embedded default store: H2 with the H2GIS spatial functions, in a file under ./sda-data/. */
final class H2gisDialect implements Dialect {
    @Override
    public String name() {
        return "H2GIS";
    }

    @Override
    public void prepare(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_NAME = 'ST_GEOMFROMWKB'")) {
            rs.next();
            if (rs.getInt(1) > 0) {
                return; // aliases persist in the database file: load them once
            }
        }
        H2GISFunctions.load(c);
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
        // a second process (e.g. 'sda user add' while 'sda serve' runs) goes through the first one's
        // local TCP server instead of failing on the file lock; the owner keeps its embedded speed
        if (url.startsWith("jdbc:h2:file:") && !url.toUpperCase(java.util.Locale.ROOT).contains("AUTO_SERVER")) {
            return url + ";AUTO_SERVER=TRUE";
        }
        return url;
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
