package org.sdaplanner.store;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the map server reads from the import besides the {@link org.sdaplanner.core.geography.Geography}. */
public final class MapDataReader {
    /** A PCN catchment polygon as the practices declare it (EPSG:27700). */
    public record Catchment(String pcnCode, String name, Geometry geometry) {
    }

    /** An imported file as its region manifest describes it: for reports' "data sources and dates". */
    public record Source(String role, String title, String vintage, String licence, String sourceUrl, long rows) {
    }

    private final SpatialStore store;

    public MapDataReader(SpatialStore store) {
        this.store = store;
    }

    /** Whether anything has been imported into the store. */
    public boolean hasImport() {
        return regionName().isPresent();
    }

    /** The imported region's name, or empty before the first import. */
    public Optional<String> regionName() {
        List<String> names = query("SELECT region_name FROM import_run", rs -> rs.getString(1));
        return names.isEmpty() ? Optional.empty() : Optional.of(names.get(0));
    }

    /** The distinct attribution texts of the imported files, in role order. */
    public List<String> attributions() {
        List<String> all = query("SELECT attribution FROM source_file WHERE attribution IS NOT NULL ORDER BY role",
                rs -> rs.getString(1));
        return all.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** The imported files, in role order. */
    public List<Source> sources() {
        return query("SELECT role, title, vintage, licence, source_url, row_count FROM source_file ORDER BY role",
                rs -> new Source(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6)));
    }

    /** When the data was imported (ISO-8601), or empty before the first import. */
    public Optional<String> importedAt() {
        List<String> at = query("SELECT imported_at FROM import_run", rs -> rs.getString(1));
        return at.isEmpty() ? Optional.empty() : Optional.of(at.get(0));
    }

    /** The PCN catchments of the import, by PCN code. */
    public List<Catchment> catchments() {
        WKBReader wkb = new WKBReader();
        return query("SELECT pcn_code, name, ST_AsBinary(geom) FROM pcn_catchment ORDER BY pcn_code", rs -> {
            try {
                Geometry g = wkb.read(rs.getBytes(3));
                g.setSRID(27700);
                return new Catchment(rs.getString(1), rs.getString(2), g);
            } catch (ParseException e) {
                throw new StoreException("a catchment geometry in the store cannot be decoded" + Jdbc.detail(e), e);
            }
        });
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper) {
        try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the store at " + store.displayUrl() + Jdbc.detail(e), e);
        }
    }
}
