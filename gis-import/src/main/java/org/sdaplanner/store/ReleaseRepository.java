package org.sdaplanner.store;

import org.locationtech.jts.io.WKBWriter;
import org.sdaplanner.importer.ImportedRelease;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.sdaplanner.store.Jdbc.query;
import static org.sdaplanner.store.Jdbc.queryOne;
import static org.sdaplanner.store.Jdbc.update;

/**
 * The data releases of the store (registrations, practice → PCN map, populations), each kept whole under
 * its label; the current one is also in the tables the rest of the planner reads, so making another
 * release current is one copy in one transaction. Plans, boundaries and comments are never touched.
 * One code path and parameterised SQL for H2GIS and PostGIS.
 */
public final class ReleaseRepository {
    /** The roles a release brings; the other sources stay as the region's import left them. */
    static final List<String> ROLES = List.of("registrations", "practice_map", "lsoa_population", "practice_locations");
    /** Release tables, in the order they are emptied. */
    static final List<String> TABLES = List.of("release_source", "release_population", "release_unmatched",
            "release_registration", "release_practice", "release_pcn", "data_release");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    /** The label a region's first import gets when none is given. */
    public static final String INITIAL = "initial";

    /**
     * One release.
     *
     * @param practiceMap   the practice map's vintage as its manifest names it (e.g. "October 2025"), or null
     * @param registrations the registrations' vintage, or null
     * @param practices     the region's practices in the release
     * @param patients      registered patients living in the region's LSOAs
     */
    public record ReleaseInfo(String label, int position, String importedAt, boolean current, String practiceMap,
                              String registrations, int practices, int pcns, long patients) {
    }

    /** What a release must match: the region in the store, its LSOAs and the current release's practices. */
    public record StoreFacts(String regionId, String regionName, List<String> lsoaCodes, String currentRelease,
                             List<String> currentPractices) {
        /** What the importer checks a release against. */
        public org.sdaplanner.importer.RegionImporter.StoredRegion region() {
            return new org.sdaplanner.importer.RegionImporter.StoredRegion(regionId, regionName, lsoaCodes, currentPractices);
        }
    }

    private final SpatialStore store;
    private final Jdbc jdbc;

    public ReleaseRepository(SpatialStore store) {
        this.store = store;
        this.jdbc = new Jdbc(store);
    }

    /** A label as the command line and the page use it: letters, digits, '.', '-', '_'; 1 to 40 characters. */
    public static String checkLabel(String label) {
        if (label == null || !LABEL.matcher(label).matches()) {
            throw new IllegalArgumentException("a release label is 1 to 40 letters, digits, '.', '-' or '_', starting with a"
                    + " letter or digit (e.g. oct2025 or 2025-10), not " + (label == null ? "nothing" : "'"
                    + org.sdaplanner.core.text.TextRule.visible(label.length() > 60 ? label.substring(0, 60) + "…" : label) + "'"));
        }
        return label;
    }

    /** The releases, oldest first. */
    public List<ReleaseInfo> list() {
        return jdbc.read("cannot list the data releases", c -> query(c,
                "SELECT r.label, r.position, r.imported_at, r.is_current,"
                        + " (SELECT vintage FROM release_source s WHERE s.release_label = r.label AND s.role = 'practice_map'),"
                        + " (SELECT vintage FROM release_source s WHERE s.release_label = r.label AND s.role = 'registrations'),"
                        + " (SELECT COUNT(*) FROM release_practice p WHERE p.release_label = r.label AND p.in_region = TRUE),"
                        + " (SELECT COUNT(DISTINCT p.pcn_code) FROM release_practice p WHERE p.release_label = r.label"
                        + " AND p.in_region = TRUE AND p.pcn_code IS NOT NULL AND p.pcn_code <> 'U'),"
                        + " CASE WHEN r.is_current THEN (SELECT COALESCE(SUM(g.patients), 0) FROM registration g)"
                        + " ELSE (SELECT COALESCE(SUM(g.patients), 0) FROM release_registration g WHERE g.release_label = r.label) END"
                        + " FROM data_release r ORDER BY r.position", List.of(),
                rs -> new ReleaseInfo(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
                        rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getLong(9))));
    }

    public Optional<ReleaseInfo> find(String label) {
        return list().stream().filter(r -> r.label().equals(label)).findFirst();
    }

    /** The release, or a refusal that lists the releases there are. */
    public ReleaseInfo require(String label) {
        return find(label).orElseThrow(() -> new NotFoundException("no data release '" + label + "' in the store; the store has "
                + String.join(", ", list().stream().map(ReleaseInfo::label).toList()) + " (sda release list)"));
    }

    public Optional<ReleaseInfo> current() {
        return list().stream().filter(ReleaseInfo::current).findFirst();
    }

    /** @throws StoreException when nothing has been imported yet */
    public StoreFacts facts() {
        return jdbc.read("cannot read the store", c -> {
            var region = queryOne(c, "SELECT region_id, region_name FROM import_run", List.of(),
                    rs -> new String[] {rs.getString(1), rs.getString(2)})
                    .orElseThrow(() -> new StoreException("the store at " + store.displayUrl()
                            + " holds no import yet: run `sda import --data DIR` first (without --release)", null));
            List<String> lsoas = query(c, "SELECT code FROM lsoa ORDER BY code", List.of(), rs -> rs.getString(1));
            String current = queryOne(c, "SELECT label FROM data_release WHERE is_current = TRUE", List.of(),
                    rs -> rs.getString(1)).orElse(null);
            List<String> practices = query(c, "SELECT code FROM practice WHERE in_region = TRUE ORDER BY code", List.of(),
                    rs -> rs.getString(1));
            return new StoreFacts(region[0], region[1], lsoas, current, practices);
        });
    }

    /**
     * Adds a release (or, with {@code replace}, replaces the one under its label), in one transaction. A release
     * that gives no populations keeps the current release's.
     *
     * @throws StoreConflictException when the label is taken and {@code replace} is false
     */
    public ReleaseInfo add(String label, ImportedRelease r, boolean replace, boolean makeCurrent) {
        checkLabel(label);
        jdbc.transaction("cannot store the data release " + label, c -> {
            Optional<Boolean> wasCurrent = queryOne(c, "SELECT is_current FROM data_release WHERE label = ?", List.of(label),
                    rs -> rs.getBoolean(1));
            if (wasCurrent.isPresent() && !replace) {
                throw new StoreConflictException("the store already has a release '" + label + "': give --replace to import"
                        + " it again under this label, or choose another label (sda release list shows them)");
            }
            int position;
            if (wasCurrent.isPresent()) {
                position = queryOne(c, "SELECT position FROM data_release WHERE label = ?", List.of(label), rs -> rs.getInt(1))
                        .orElseThrow();
                delete(c, label);
            } else {
                position = queryOne(c, "SELECT COALESCE(MAX(position), 0) + 1 FROM data_release", List.of(),
                        rs -> rs.getInt(1)).orElseThrow();
            }
            update(c, "INSERT INTO data_release (label, position, imported_at, is_current, report_json) VALUES (?, ?, ?, ?, ?)",
                    label, position, Jdbc.now(), false, ImportWriter.toJson(r.report()));
            write(c, label, r);
            if (makeCurrent || wasCurrent.orElse(false)) {
                makeCurrent(c, label);
            }
            return null;
        });
        emptyPreviousRegistrations();
        return require(label);
    }

    /** Makes a release the current one: the planner's figures, new plans and the page then use it. */
    public ReleaseInfo makeCurrent(String label) {
        jdbc.transaction("cannot make " + label + " the current release", c -> {
            if (queryOne(c, "SELECT label FROM data_release WHERE label = ?", List.of(label), rs -> rs.getString(1)).isEmpty()) {
                throw new NotFoundException("no data release '" + label + "' in the store (sda release list)");
            }
            makeCurrent(c, label);
            return null;
        });
        emptyPreviousRegistrations();
        return require(label);
    }

    /**
     * After a release was made current: the slot its predecessor's registrations were left in is emptied
     * ({@link TableGenerations#tidy}). A failure leaves it for the next writer, which empties it itself.
     */
    private void emptyPreviousRegistrations() {
        try {
            jdbc.read("cannot empty the previous registrations", TableGenerations::tidyOrLeave);
        } catch (StoreException e) {
            // no connection: the release is current either way, and the next writer empties the slot
        }
    }

    /** Registered patients per practice × LSOA, the practices and the PCNs of one release: what its dominance is computed from. */
    public record ReleaseData(List<org.sdaplanner.core.geography.Pcn> pcns, List<org.sdaplanner.core.geography.Practice> practices,
                              List<org.sdaplanner.core.geography.Registration> registrations, Map<String, Long> residents) {
    }

    public ReleaseData read(String label) {
        return jdbc.readConsistent("cannot read the data release " + label, c -> {
            Optional<Boolean> current = queryOne(c, "SELECT is_current FROM data_release WHERE label = ?", List.of(label),
                    rs -> rs.getBoolean(1));
            if (current.isEmpty()) {
                throw new NotFoundException("no data release '" + label + "' in the store; the store has "
                        + String.join(", ", query(c, "SELECT label FROM data_release ORDER BY position", List.of(),
                        rs -> rs.getString(1))) + " (sda release list)");
            }
            var pcns = query(c, "SELECT code, name FROM release_pcn WHERE release_label = ? ORDER BY code", List.of(label),
                    rs -> new org.sdaplanner.core.geography.Pcn(rs.getString(1), rs.getString(2)));
            var practices = query(c, "SELECT code, name, postcode, pcn_code, in_region FROM release_practice"
                    + " WHERE release_label = ? ORDER BY code", List.of(label),
                    rs -> new org.sdaplanner.core.geography.Practice(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getBoolean(5), null));
            var regs = query(c, current.get()
                            ? "SELECT practice_code, lsoa_code, patients FROM registration ORDER BY practice_code, lsoa_code"
                            : "SELECT practice_code, lsoa_code, patients FROM release_registration WHERE release_label = ?"
                            + " ORDER BY practice_code, lsoa_code", current.get() ? List.of() : List.of(label),
                    rs -> new org.sdaplanner.core.geography.Registration(rs.getString(1), rs.getString(2), rs.getLong(3)));
            Map<String, Long> residents = new TreeMap<>();
            query(c, "SELECT lsoa_code, residents FROM release_population WHERE release_label = ?", List.of(label),
                    rs -> residents.put(rs.getString(1), rs.getLong(2)));
            return new ReleaseData(pcns, practices, regs, residents);
        });
    }

    // ---- SQL shared with the region's import -------------------------------------------------

    /** Empties every release table (a region's new import starts its releases again). */
    static void clear(Connection c) throws SQLException {
        for (String t : TABLES) {
            update(c, "DELETE FROM " + t);
        }
    }

    /** Keeps what the region's import just wrote to the live tables as the release {@code label}, current. */
    static void keepLiveAs(Connection c, String label, String reportJson) throws SQLException {
        update(c, "INSERT INTO data_release (label, position, imported_at, is_current, report_json) VALUES (?, 1, ?, TRUE, ?)",
                label, Jdbc.now(), reportJson);
        update(c, "INSERT INTO release_pcn (release_label, code, name) SELECT ?, code, name FROM pcn", label);
        update(c, "INSERT INTO release_practice (release_label, code, name, postcode, pcn_code, in_region, geom)"
                + " SELECT ?, code, name, postcode, pcn_code, in_region, geom FROM practice", label);
        // not the registrations: the current release's are only in the live table (see makeCurrent)
        update(c, "INSERT INTO release_unmatched (release_label, source_row, practice_code, lsoa_code, patients, reason)"
                + " SELECT ?, source_row, practice_code, lsoa_code, patients, reason FROM unmatched_registration", label);
        update(c, "INSERT INTO release_population (release_label, lsoa_code, residents)"
                + " SELECT ?, lsoa_code, residents FROM lsoa_population", label);
        update(c, "INSERT INTO release_source (release_label, role, path, format, vintage, title, source_url, licence,"
                + " attribution, row_count) SELECT ?, role, path, format, vintage, title, source_url, licence, attribution,"
                + " row_count FROM source_file WHERE role IN " + roles(), label);
    }

    private static String roles() {
        return "('" + String.join("', '", ROLES) + "')";
    }

    private static void delete(Connection c, String label) throws SQLException {
        for (String t : TABLES) {
            update(c, "DELETE FROM " + t + " WHERE " + ("data_release".equals(t) ? "label" : "release_label") + " = ?", label);
        }
    }

    private static void write(Connection c, String label, ImportedRelease r) throws SQLException {
        WKBWriter wkb = new WKBWriter();
        ImportWriter.batch(c, "INSERT INTO release_pcn (release_label, code, name) VALUES (?, ?, ?)", r.pcns(), (ps, x) -> {
            ps.setString(1, label);
            ps.setString(2, x.code());
            ps.setString(3, x.name());
        });
        ImportWriter.batch(c, "INSERT INTO release_practice (release_label, code, name, postcode, pcn_code, in_region, geom)"
                + " VALUES (?, ?, ?, ?, ?, ?, ST_GeomFromWKB(?, 27700))", r.practices(), (ps, x) -> {
            ps.setString(1, label);
            ps.setString(2, x.code());
            ps.setString(3, x.name());
            ps.setString(4, x.postcode());
            ps.setString(5, x.pcnCode());
            ps.setBoolean(6, x.inRegion());
            if (x.location() == null) {
                ps.setNull(7, Types.BINARY);
            } else {
                ps.setBytes(7, wkb.write(x.location()));
            }
        });
        ImportWriter.batch(c, "INSERT INTO release_registration (release_label, practice_code, lsoa_code, patients)"
                + " VALUES (?, ?, ?, ?)", r.registrations(), (ps, x) -> {
            ps.setString(1, label);
            ps.setString(2, x.practiceCode());
            ps.setString(3, x.lsoaCode());
            ps.setLong(4, x.patients());
        });
        ImportWriter.batch(c, "INSERT INTO release_unmatched (release_label, source_row, practice_code, lsoa_code, patients,"
                + " reason) VALUES (?, ?, ?, ?, ?, ?)", r.unmatched(), (ps, x) -> {
            ps.setString(1, label);
            ps.setLong(2, x.row());
            ps.setString(3, x.practiceCode());
            ps.setString(4, x.lsoaCode());
            ps.setLong(5, x.patients());
            ps.setString(6, x.reason());
        });
        if (r.residents().isEmpty()) {
            update(c, "INSERT INTO release_population (release_label, lsoa_code, residents)"
                    + " SELECT ?, lsoa_code, residents FROM lsoa_population", label);
        } else {
            ImportWriter.batch(c, "INSERT INTO release_population (release_label, lsoa_code, residents) VALUES (?, ?, ?)",
                    new ArrayList<>(new TreeMap<>(r.residents()).entrySet()), (ps, e) -> {
                        ps.setString(1, label);
                        ps.setString(2, e.getKey());
                        ps.setLong(3, e.getValue());
                    });
        }
        List<String> given = new ArrayList<>();
        ImportWriter.batch(c, "INSERT INTO release_source (release_label, role, path, format, vintage, title, source_url,"
                + " licence, attribution, row_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.sources().stream().filter(s -> ROLES.contains(s.role())).toList(), (ps, s) -> {
                    given.add(s.role());
                    ps.setString(1, label);
                    ps.setString(2, s.role());
                    ps.setString(3, s.path());
                    ps.setString(4, s.format());
                    ps.setString(5, s.vintage());
                    ps.setString(6, s.title());
                    ps.setString(7, s.sourceUrl());
                    ps.setString(8, s.licence());
                    ps.setString(9, s.attribution());
                    ps.setLong(10, s.rows());
                });
        if (!given.contains("lsoa_population")) {
            update(c, "INSERT INTO release_source (release_label, role, path, format, vintage, title, source_url, licence,"
                    + " attribution, row_count) SELECT ?, role, path, format, vintage, title, source_url, licence, attribution,"
                    + " row_count FROM source_file WHERE role = 'lsoa_population'", label);
        }
    }

    /**
     * Copies a release into the live tables and marks it current. The current release's registrations are
     * kept in the live table only: a copy of them under the release's label doubled the largest table of an
     * import (735,091 rows nationally; 7.7 s and much of the commit on H2). They go back under their label
     * when another release is made current. Stores from before this keep a copy too, which is then replaced.
     */
    private static void makeCurrent(Connection c, String label) throws SQLException {
        String was = queryOne(c, "SELECT label FROM data_release WHERE is_current = TRUE", List.of(), rs -> rs.getString(1))
                .orElse(null);
        boolean newRegistrations = queryOne(c, "SELECT COUNT(*) FROM release_registration WHERE release_label = ?",
                List.of(label), rs -> rs.getLong(1)).orElse(0L) > 0;
        if (was != null && !was.equals(label)) {
            update(c, "DELETE FROM release_registration WHERE release_label = ?", was);
            update(c, "INSERT INTO release_registration (release_label, practice_code, lsoa_code, patients)"
                    + " SELECT ?, practice_code, lsoa_code, patients FROM registration", was);
        }
        boolean replaceRegistrations = newRegistrations || was == null || !was.equals(label);
        for (String t : List.of("unmatched_registration", "practice", "pcn", "lsoa_population")) {
            update(c, "DELETE FROM " + t);
        }
        update(c, "INSERT INTO pcn (code, name) SELECT code, name FROM release_pcn WHERE release_label = ?", label);
        update(c, "INSERT INTO practice (code, name, postcode, pcn_code, in_region, geom)"
                + " SELECT code, name, postcode, pcn_code, in_region, geom FROM release_practice WHERE release_label = ?", label);
        if (replaceRegistrations) {
            // into a fresh slot, made current: the previous registrations are emptied after the commit (tidy)
            TableGenerations.Slot slot = TableGenerations.claim(c, "registration");
            update(c, "INSERT INTO " + slot.physical() + " (practice_code, lsoa_code, patients)"
                    + " SELECT practice_code, lsoa_code, patients FROM release_registration WHERE release_label = ?", label);
            TableGenerations.makeCurrent(c, slot);
            update(c, "DELETE FROM release_registration WHERE release_label = ?", label);
        }
        update(c, "INSERT INTO unmatched_registration (source_row, practice_code, lsoa_code, patients, reason)"
                + " SELECT source_row, practice_code, lsoa_code, patients, reason FROM release_unmatched WHERE release_label = ?",
                label);
        update(c, "INSERT INTO lsoa_population (lsoa_code, residents)"
                + " SELECT lsoa_code, residents FROM release_population WHERE release_label = ?", label);
        update(c, "DELETE FROM source_file WHERE role IN (SELECT role FROM release_source WHERE release_label = ?)", label);
        update(c, "INSERT INTO source_file (role, path, format, vintage, title, source_url, licence, attribution, row_count)"
                + " SELECT role, path, format, vintage, title, source_url, licence, attribution, row_count FROM release_source"
                + " WHERE release_label = ?", label);
        update(c, "UPDATE data_release SET is_current = (label = ?)", label);
        GeographyReader.remakeSnapshot(c); // the snapshot holds the registrations and practices just replaced
        SnapshotTable.clearAll(c); // blocks and searches of the previous release's registrations
    }
}
