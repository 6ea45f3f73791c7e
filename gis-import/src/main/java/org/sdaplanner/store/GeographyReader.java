package org.sdaplanner.store;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
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

/** Loads the last import from the store as the in-memory {@link Geography} the engine works on. */
public final class GeographyReader {
    private final SpatialStore store;

    public GeographyReader(SpatialStore store) {
        this.store = store;
    }

    /** @throws StoreException when nothing has been imported yet */
    public Geography read() {
        try (Connection c = store.connect()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM import_run");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    throw new StoreException("the store at " + store.displayUrl() + " holds no import yet: run `sda import --data DIR` first", null);
                }
            }
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
        } catch (SQLException e) {
            throw new StoreException("cannot read the geography from " + store.displayUrl() + Jdbc.detail(e), e);
        }
    }

    /** The bridges the region declares between blocks that share no boundary, as code pairs. */
    public List<List<String>> bridges() {
        try (Connection c = store.connect()) {
            return query(c, "SELECT code_a, code_b FROM block_bridge ORDER BY code_a, code_b",
                    rs -> List.of(rs.getString(1), rs.getString(2)));
        } catch (SQLException e) {
            throw new StoreException("cannot read the store" + Jdbc.detail(e), e);
        }
    }

    /** The region's default number of areas from its manifest, or null. */
    public Integer defaultAreas() {
        try (Connection c = store.connect();
             PreparedStatement ps = c.prepareStatement("SELECT default_areas FROM import_run");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? (Integer) rs.getObject(1) : null;
        } catch (SQLException e) {
            throw new StoreException("cannot read the store" + Jdbc.detail(e), e);
        }
    }

    /**
     * The region's default area counts from its manifest (in all, or areas of parishes plus
     * unparished areas, with any per-district table), or null when it gives none. A store
     * imported before the counts were kept gives its default number in all.
     */
    public org.sdaplanner.core.cluster.AreaCounts defaultCounts() {
        try (Connection c = store.connect();
             PreparedStatement ps = c.prepareStatement("SELECT default_areas, area_counts FROM import_run");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            String json = rs.getString(2);
            if (json != null) {
                return org.sdaplanner.importer.manifest.AreasSpec.fromJson(json);
            }
            Integer n = (Integer) rs.getObject(1);
            return n == null ? null : org.sdaplanner.core.cluster.AreaCounts.inAll(n);
        } catch (SQLException e) {
            throw new StoreException("cannot read the store: " + e.getMessage(), e);
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
