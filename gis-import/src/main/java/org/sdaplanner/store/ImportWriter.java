package org.sdaplanner.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.sdaplanner.core.geography.Geography;
import org.sdaplanner.core.work.Background;
import org.sdaplanner.importer.ImportedData;
import org.sdaplanner.importer.Progress;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * Replaces the imported data in the store with a new import, in one transaction: a failure
 * part-way leaves the previous import exactly as it was.
 */
public final class ImportWriter {
    /**
     * Data tables, children first, in the order they are emptied; registration and lsoa_value are
     * not emptied but given a fresh slot ({@link TableGenerations}).
     */
    static final List<String> TABLES = List.of("indicator", "dataset_info", "block_bridge", "lsoa_value", "postcode", "pcn_catchment", "lsoa_lookup", "lsoa_population",
            "unmatched_registration", "registration", "practice", "pcn", "parish", "lsoa", "district", "source_file",
            "import_run");
    private static final int BATCH = 5000;
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private final SpatialStore store;
    private final Progress progress;

    public ImportWriter(SpatialStore store, Progress progress) {
        this.store = store;
        this.progress = progress;
    }

    public void write(ImportedData d) {
        write(d, ReleaseRepository.INITIAL);
    }

    /**
     * Writes the import; its registrations, practice map and populations become the store's one data
     * release, {@code release}, current (releases already there go with the import they came with).
     */
    public void write(ImportedData d, String release) {
        ReleaseRepository.checkLabel(release);
        // the snapshot's bytes are made on a thread of their own while H2 or PostgreSQL takes the rows
        // (one core's work each; 0.9-1.2 s of a national import when made after them)
        Background<GeographyReader.Encoded> snapshot = Background.start("geography-snapshot", () -> GeographyReader.encode(geography(d)));
        boolean committed = false;
        try (Connection c = store.connect()) {
            c.setAutoCommit(false);
            try {
                progress.step("Removing the previous import");
                ReleaseRepository.clear(c);
                try (Statement s = c.createStatement()) {
                    for (String t : TABLES) {
                        if (!TableGenerations.holds(t)) {
                            s.executeUpdate("DELETE FROM " + t);
                        }
                    }
                }
                progress.stepDone("");
                writeAll(c, d);
                progress.step("Keeping the registrations as release " + release);
                ReleaseRepository.keepLiveAs(c, release, toJson(d.report()));
                progress.stepDone("");
                progress.step("Keeping a snapshot of the geography for fast reading");
                GeographyReader.replace(c, snapshot.get());
                SnapshotTable.clearAll(c); // blocks and searches of the previous geography: their keys would miss anyway
                progress.stepDone("");
                progress.step("Committing");
                c.commit();
                committed = true;
                progress.stepDone("");
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            emptyPreviousRows(c);
            // a line of its own: closing the embedded store's last connection tidies its file (up to
            // 0.6 s after a national import), time the lines did not account for before
            progress.step("Closing the store");
        } catch (SQLException e) {
            throw new StoreException(committed
                    ? "the import was committed, but the store (" + store.dialect().name() + ") did not close cleanly"
                    + Jdbc.detail(e)
                    : "the import could not be written to the store (" + store.dialect().name()
                    + "); the previous import is unchanged" + Jdbc.detail(e), e);
        }
        progress.stepDone("");
    }

    /** What the engine reads of the import: the snapshot's content, equal to what the tables give back. */
    private static Geography geography(ImportedData d) {
        return new Geography(d.lsoas(), d.parishes(), d.districts(), d.pcns(), d.practices(), d.registrations(),
                d.residents(), d.postcodes());
    }

    private void writeAll(Connection c, ImportedData d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_run (id, region_id, region_name, default_areas,"
                + " imported_at, report_json, area_counts) VALUES (1, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, d.regionId());
            ps.setString(2, d.regionName());
            if (d.defaultAreas() == null) {
                ps.setNull(3, Types.INTEGER);
            } else {
                ps.setInt(3, d.defaultAreas());
            }
            ps.setString(4, Instant.now().toString());
            ps.setString(5, toJson(d.report()));
            ps.setString(6, d.areaCounts() == null ? null : org.sdaplanner.importer.manifest.AreasSpec.toJson(d.areaCounts()));
            ps.executeUpdate();
        }
        BulkLoad bulk = store.dialect().bulkLoad();
        for (BulkTable t : ImportTables.of(d)) {
            TableGenerations.Slot slot = TableGenerations.holds(t.table()) ? TableGenerations.claim(c, t.table()) : null;
            if (!t.rows().isEmpty()) { // an empty table gets no line
                progress.step("Writing " + org.sdaplanner.importer.plausible.CountBounds.number(t.rows().size()) + " " + t.table() + " rows");
                bulk.load(c, slot == null ? t : t.into(slot.physical()));
                progress.stepDone("");
            }
            if (slot != null) {
                TableGenerations.makeCurrent(c, slot); // even when empty: the previous import's rows go
            }
        }
    }

    /**
     * After the commit: the slots the previous import's rows were left in are emptied. A failure here
     * leaves them for the next import to empty, and the import stands.
     */
    private void emptyPreviousRows(Connection c) {
        progress.step("Emptying the previous import's registration and value rows");
        progress.stepDone(TableGenerations.tidyOrLeave(c) ? "" : "left for the next import");
    }

    @FunctionalInterface
    interface Binder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    /** Batched inserts for the release tables (ReleaseRepository); the import's own tables go through {@link BulkLoad}. */
    static <T> void batch(Connection c, String sql, List<T> rows, Binder<T> binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = 0;
            for (T row : rows) {
                binder.bind(ps, row);
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            if (n % BATCH != 0) {
                ps.executeBatch();
            }
        }
    }

    static String toJson(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
