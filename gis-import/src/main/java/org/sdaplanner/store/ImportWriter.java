package org.sdaplanner.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.sdaplanner.core.geography.Geography;
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
    /** Data tables, children first, in the order they are emptied. */
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
        try (Connection c = store.connect()) {
            c.setAutoCommit(false);
            try {
                ReleaseRepository.clear(c);
                try (Statement s = c.createStatement()) {
                    for (String t : TABLES) {
                        s.executeUpdate("DELETE FROM " + t);
                    }
                }
                writeAll(c, d);
                ReleaseRepository.keepLiveAs(c, release, toJson(d.report()));
                progress.step("Keeping a snapshot of the geography for fast reading");
                GeographyReader.replace(c, geography(d));
                progress.stepDone("done");
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("the import could not be written to the store (" + store.dialect().name()
                    + "); the previous import is unchanged" + Jdbc.detail(e), e);
        }
    }

    /** What the engine reads of the import: the snapshot's content, equal to what the tables give back. */
    private static Geography geography(ImportedData d) {
        return new Geography(d.lsoas(), d.parishes(), d.districts(), d.pcns(), d.practices(), d.registrations(),
                d.residents(), d.postcodes());
    }

    private void writeAll(Connection c, ImportedData d) throws SQLException {
        WKBWriter wkb = new WKBWriter();
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
        batch(c, "INSERT INTO source_file (role, path, format, vintage, title, source_url, licence, attribution, row_count)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", d.sources(), (ps, s) -> {
            ps.setString(1, s.role());
            ps.setString(2, s.path());
            ps.setString(3, s.format());
            ps.setString(4, s.vintage());
            ps.setString(5, s.title());
            ps.setString(6, s.sourceUrl());
            ps.setString(7, s.licence());
            ps.setString(8, s.attribution());
            ps.setLong(9, s.rows());
        });
        batch(c, "INSERT INTO district (code, name, geom) VALUES (?, ?, ST_GeomFromWKB(?, 27700))", d.districts(), (ps, x) -> {
            ps.setString(1, x.code());
            ps.setString(2, x.name());
            geometry(ps, 3, x.geometry(), wkb);
        });
        batch(c, "INSERT INTO lsoa (code, name, district_code, geom) VALUES (?, ?, ?, ST_GeomFromWKB(?, 27700))", d.lsoas(),
                (ps, x) -> {
                    ps.setString(1, x.code());
                    ps.setString(2, x.name());
                    ps.setString(3, x.districtCode());
                    geometry(ps, 4, x.geometry(), wkb);
                });
        batch(c, "INSERT INTO parish (code, name, district_code, unparished, geom) VALUES (?, ?, ?, ?, ST_GeomFromWKB(?, 27700))",
                d.parishes(), (ps, x) -> {
                    ps.setString(1, x.code());
                    ps.setString(2, x.name());
                    ps.setString(3, x.districtCode());
                    ps.setBoolean(4, x.unparished());
                    geometry(ps, 5, x.geometry(), wkb);
                });
        batch(c, "INSERT INTO pcn (code, name) VALUES (?, ?)", d.pcns(), (ps, x) -> {
            ps.setString(1, x.code());
            ps.setString(2, x.name());
        });
        batch(c, "INSERT INTO practice (code, name, postcode, pcn_code, in_region, geom) VALUES (?, ?, ?, ?, ?, ST_GeomFromWKB(?, 27700))",
                d.practices(), (ps, x) -> {
                    ps.setString(1, x.code());
                    ps.setString(2, x.name());
                    ps.setString(3, x.postcode());
                    ps.setString(4, x.pcnCode());
                    ps.setBoolean(5, x.inRegion());
                    geometry(ps, 6, x.location(), wkb);
                });
        progress.step("Writing " + d.registrations().size() + " registration cells to the store");
        batch(c, "INSERT INTO registration (practice_code, lsoa_code, patients) VALUES (?, ?, ?)", d.registrations(), (ps, x) -> {
            ps.setString(1, x.practiceCode());
            ps.setString(2, x.lsoaCode());
            ps.setLong(3, x.patients());
        });
        progress.stepDone("done");
        batch(c, "INSERT INTO unmatched_registration (source_row, practice_code, lsoa_code, patients, reason) VALUES (?, ?, ?, ?, ?)",
                d.unmatched(), (ps, x) -> {
                    ps.setLong(1, x.row());
                    ps.setString(2, x.practiceCode());
                    ps.setString(3, x.lsoaCode());
                    ps.setLong(4, x.patients());
                    ps.setString(5, x.reason());
                });
        batch(c, "INSERT INTO lsoa_population (lsoa_code, residents) VALUES (?, ?)",
                d.residents().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).toList(), (ps, x) -> {
                    ps.setString(1, x.getKey());
                    ps.setLong(2, x.getValue());
                });
        batch(c, "INSERT INTO lsoa_lookup (lsoa11_code, lsoa21_code, change_code, district_code) VALUES (?, ?, ?, ?)", d.lookup(),
                (ps, x) -> {
                    ps.setString(1, x.lsoa11Code());
                    ps.setString(2, x.lsoa21Code());
                    ps.setString(3, x.change());
                    ps.setString(4, x.districtCode());
                });
        batch(c, "INSERT INTO pcn_catchment (pcn_code, name, geom) VALUES (?, ?, ST_GeomFromWKB(?, 27700))", d.catchments(),
                (ps, x) -> {
                    ps.setString(1, x.pcnCode());
                    ps.setString(2, x.name());
                    geometry(ps, 3, x.geometry(), wkb);
                });
        batch(c, "INSERT INTO postcode (postcode, geom) VALUES (?, ST_GeomFromWKB(?, 27700))", d.postcodes(), (ps, x) -> {
            ps.setString(1, x.postcode());
            geometry(ps, 2, x.location(), wkb);
        });
        bridges(c, d.bridges());
        List<Integer> positions = new java.util.ArrayList<>();
        for (int i = 0; i < d.indicators().size(); i++) {
            positions.add(i);
        }
        batch(c, "INSERT INTO indicator (position, id, spec_json) VALUES (?, ?, ?)", positions, (ps, i) -> {
            ps.setInt(1, i);
            ps.setString(2, d.indicators().get(i).id());
            ps.setString(3, toJson(d.indicators().get(i)));
        });
        batch(c, "INSERT INTO dataset_info (dataset, lsoa_vintage) VALUES (?, ?)",
                new java.util.ArrayList<>(new java.util.TreeMap<>(d.datasetVintages()).entrySet()), (ps, e) -> {
                    ps.setString(1, e.getKey());
                    ps.setString(2, e.getValue());
                });
        batch(c, "INSERT INTO lsoa_value (dataset, lsoa_code, field, num_value, text_value) VALUES (?, ?, ?, ?, ?)", d.values(),
                (ps, x) -> {
                    ps.setString(1, x.dataset());
                    ps.setString(2, x.lsoaCode());
                    ps.setString(3, x.field());
                    if (x.number() == null) {
                        ps.setNull(4, Types.DOUBLE);
                    } else {
                        ps.setDouble(4, x.number());
                    }
                    ps.setString(5, x.text());
                });
    }

    private static void bridges(Connection c, List<List<String>> bridges) throws SQLException {
        batch(c, "INSERT INTO block_bridge (code_a, code_b) VALUES (?, ?)", bridges, (ps, b) -> {
            ps.setString(1, b.get(0));
            ps.setString(2, b.get(1));
        });
    }

    private static void geometry(PreparedStatement ps, int i, Geometry g, WKBWriter wkb) throws SQLException {
        if (g == null) {
            ps.setNull(i, Types.BINARY);
        } else {
            ps.setBytes(i, wkb.write(g));
        }
    }

    @FunctionalInterface
    interface Binder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

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
