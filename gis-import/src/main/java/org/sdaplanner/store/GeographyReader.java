package org.sdaplanner.store;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.sdaplanner.core.cluster.AreaCounts;
import org.sdaplanner.core.geography.District;
import org.sdaplanner.core.geography.Geography;
import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.core.geography.Parish;
import org.sdaplanner.core.geography.Pcn;
import org.sdaplanner.core.geography.PostcodePoint;
import org.sdaplanner.core.geography.Practice;
import org.sdaplanner.core.geography.Registration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the last import from the store as the in-memory {@link Geography} the engine works on: from
 * its snapshot ({@link GeographySnapshot}) when the store has one of this format, else from the tables.
 */
public final class GeographyReader {
    private final SpatialStore store;

    public GeographyReader(SpatialStore store) {
        this.store = store;
    }

    /**
     * What a command reads of the last import, through one connection.
     *
     * @param defaultAreas  the manifest's headline number of areas (e.g. 28), or null
     * @param defaultCounts the manifest's area counts in full, or null
     * @param geographyDigest SHA-256 (hex) of the geography snapshot it was read from, which changes with
     *                        every import and release made current; null when it was read from the tables
     */
    public record Stored(Geography geography, List<List<String>> bridges, Integer defaultAreas, AreaCounts defaultCounts,
                         String geographyDigest) {
    }

    /** @throws StoreException when nothing has been imported yet */
    public Stored readAll() {
        try (Connection c = store.connect()) {
            requireImport(c);
            Snapshot snap = snapshot(c);
            Geography g = snap == null ? null : snap.decode(true);
            Defaults d = defaults(c);
            return g == null ? new Stored(tables(c), bridges(c), d.areas(), d.counts(), null)
                    : new Stored(g, bridges(c), d.areas(), d.counts(), snap.digest());
        } catch (SQLException e) {
            throw new StoreException("cannot read the geography from " + store.displayUrl() + Jdbc.detail(e), e);
        }
    }

    /** @throws StoreException when nothing has been imported yet */
    public Geography read() {
        return read(true);
    }

    /**
     * The geography without boundaries or points (every shape null): all that dominance reads, at a
     * fraction of the cost of decoding the shapes.
     */
    public Geography readDominanceInput() {
        return read(false);
    }

    private Geography read(boolean withShapes) {
        try (Connection c = store.connect()) {
            return geography(c, withShapes);
        } catch (SQLException e) {
            throw new StoreException("cannot read the geography from " + store.displayUrl() + Jdbc.detail(e), e);
        }
    }

    /** The geography as the tables hold it, ignoring any snapshot (for checking one against the other). */
    Geography readTables() {
        try (Connection c = store.connect()) {
            requireImport(c);
            return tables(c);
        } catch (SQLException e) {
            throw new StoreException("cannot read the geography from " + store.displayUrl() + Jdbc.detail(e), e);
        }
    }

    private Geography geography(Connection c, boolean withShapes) throws SQLException {
        requireImport(c);
        Snapshot snap = snapshot(c);
        Geography g = snap == null ? null : snap.decode(withShapes);
        return g != null ? g : tables(c);
    }

    /** The stored snapshot's bytes and their digest (hashed here for a snapshot made before digests were kept). */
    private record Snapshot(byte[] data, String storedDigest) {
        /** The geography, or null when the bytes cannot be read: only a lost shortcut, the tables hold the same data. */
        Geography decode(boolean withShapes) {
            try {
                return GeographySnapshot.decode(data, withShapes);
            } catch (IllegalArgumentException damaged) {
                return null;
            }
        }

        String digest() {
            return storedDigest != null ? storedDigest : sha256(data);
        }
    }

    static String sha256(byte[] data) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private void requireImport(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM import_run");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getInt(1) == 0) {
                throw new StoreException("the store at " + store.displayUrl() + " holds no import yet: run `sda import --data DIR` first", null);
            }
        }
    }

    private static Snapshot snapshot(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT data, digest FROM geography_snapshot WHERE id = 1 AND format = ?")) {
            ps.setInt(1, GeographySnapshot.FORMAT);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Snapshot(rs.getBytes(1), rs.getString(2)) : null;
            }
        }
    }

    /** Drops the snapshot: for writers that change the tables it is made from, in their transaction. */
    static void clearSnapshot(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM geography_snapshot")) {
            ps.executeUpdate();
        }
    }

    /** A geography as the snapshot keeps it: its bytes and their SHA-256. */
    record Encoded(byte[] data, String digest) {
    }

    /** The snapshot's bytes of {@code g}: pure work, no store, so it can be made while the tables are written. */
    static Encoded encode(Geography g) {
        byte[] data = GeographySnapshot.encode(GeographySnapshot.sorted(g));
        return new Encoded(data, sha256(data));
    }

    /** Keeps {@code g} (what the tables hold now, in this transaction) as the store's snapshot. */
    static void replace(Connection c, Geography g) throws SQLException {
        replace(c, encode(g));
    }

    /** Keeps {@code snapshot} (of what the tables hold now, in this transaction) as the store's snapshot. */
    static void replace(Connection c, Encoded snapshot) throws SQLException {
        clearSnapshot(c);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO geography_snapshot (id, format, data, digest) VALUES (1, ?, ?, ?)")) {
            ps.setInt(1, GeographySnapshot.FORMAT);
            ps.setBytes(2, snapshot.data());
            ps.setString(3, snapshot.digest());
            ps.executeUpdate();
        }
    }

    /** Makes the snapshot again from the tables, in the caller's transaction (after a release is made current, or an upgrade). */
    static void remakeSnapshot(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM import_run"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getInt(1) == 0) {
                clearSnapshot(c);
                return;
            }
        }
        replace(c, tables(c));
    }

    private static Geography tables(Connection c) throws SQLException {
        WKBReader wkb = new WKBReader();
        List<Lsoa> lsoas = query(c, "SELECT code, name, district_code, ST_AsBinary(geom) FROM lsoa ORDER BY code",
                rs -> new Lsoa(rs.getString(1), rs.getString(2), rs.getString(3), geom(wkb, rs.getBytes(4))));
        List<Parish> parishes = query(c, "SELECT code, name, district_code, unparished, ST_AsBinary(geom) FROM parish ORDER BY code",
                rs -> new Parish(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), geom(wkb, rs.getBytes(5))));
        List<District> districts = query(c, "SELECT code, name, ST_AsBinary(geom) FROM district ORDER BY code",
                rs -> new District(rs.getString(1), rs.getString(2), geom(wkb, rs.getBytes(3))));
        List<Pcn> pcns = query(c, "SELECT code, name FROM pcn ORDER BY code", rs -> new Pcn(rs.getString(1), rs.getString(2)));
        List<Practice> practices = query(c, "SELECT code, name, postcode, pcn_code, in_region, ST_AsBinary(geom) FROM practice ORDER BY code",
                rs -> new Practice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                        (Point) geom(wkb, rs.getBytes(6))));
        List<Registration> regs = query(c, "SELECT practice_code, lsoa_code, patients FROM registration ORDER BY practice_code, lsoa_code",
                rs -> new Registration(rs.getString(1), rs.getString(2), rs.getLong(3)));
        Map<String, Long> residents = new HashMap<>();
        query(c, "SELECT lsoa_code, residents FROM lsoa_population", rs -> residents.put(rs.getString(1), rs.getLong(2)));
        List<PostcodePoint> postcodes = query(c, "SELECT postcode, ST_AsBinary(geom) FROM postcode ORDER BY postcode",
                rs -> new PostcodePoint(rs.getString(1), (Point) geom(wkb, rs.getBytes(2))));
        return new Geography(lsoas, parishes, districts, pcns, practices, regs, residents, postcodes);
    }

    /** The bridges the region declares between blocks that share no boundary, as code pairs. */
    public List<List<String>> bridges() {
        try (Connection c = store.connect()) {
            return bridges(c);
        } catch (SQLException e) {
            throw new StoreException("cannot read the store" + Jdbc.detail(e), e);
        }
    }

    private static List<List<String>> bridges(Connection c) throws SQLException {
        return query(c, "SELECT code_a, code_b FROM block_bridge ORDER BY code_a, code_b",
                rs -> List.of(rs.getString(1), rs.getString(2)));
    }

    /** The region's default number of areas from its manifest, or null. */
    public Integer defaultAreas() {
        try (Connection c = store.connect()) {
            return defaults(c).areas();
        } catch (SQLException e) {
            throw new StoreException("cannot read the store" + Jdbc.detail(e), e);
        }
    }

    /**
     * The region's default area counts from its manifest (in all, or areas of parishes plus
     * unparished areas, with any per-district table), or null when it gives none. A store
     * imported before the counts were kept gives its default number in all.
     */
    public AreaCounts defaultCounts() {
        try (Connection c = store.connect()) {
            return defaults(c).counts();
        } catch (SQLException e) {
            throw new StoreException("cannot read the store: " + e.getMessage(), e);
        }
    }

    /** The manifest's headline number of areas and its counts in full; either may be null. */
    private record Defaults(Integer areas, AreaCounts counts) {
    }

    private static Defaults defaults(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT default_areas, area_counts FROM import_run");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return new Defaults(null, null);
            }
            Integer areas = (Integer) rs.getObject(1);
            String json = rs.getString(2);
            if (json != null) {
                return new Defaults(areas, org.sdaplanner.importer.manifest.AreasSpec.fromJson(json));
            }
            return new Defaults(areas, areas == null ? null : AreaCounts.inAll(areas));
        }
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper) throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
        }
        return out;
    }

    private static Geometry geom(WKBReader wkb, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            Geometry g = wkb.read(bytes);
            g.setSRID(27700);
            return g;
        } catch (ParseException e) {
            throw new StoreException("a geometry in the store cannot be decoded" + Jdbc.detail(e), e);
        }
    }
}
