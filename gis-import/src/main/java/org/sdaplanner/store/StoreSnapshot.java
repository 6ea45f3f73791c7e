package org.sdaplanner.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fingerprint of the imported data (row count and SHA-256 per table, in a row order of its own,
 * geometries as WKB), to check that re-importing gives the same store, that a failed import
 * changed nothing, and that H2GIS and PostGIS hold the same thing. The import time is left out.
 */
public record StoreSnapshot(Map<String, String> tables) {

    public static StoreSnapshot of(SpatialStore store) {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = store.connect(); Statement s = c.createStatement()) {
            for (String table : ImportWriter.TABLES) {
                List<String> cols = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
                    ResultSetMetaData md = rs.getMetaData();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        String name = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
                        if (name.equals("imported_at")) {
                            continue;
                        }
                        boolean geom = md.getColumnTypeName(i).toLowerCase(Locale.ROOT).startsWith("geometry");
                        cols.add(geom ? "ST_AsBinary(" + name + ")" : name);
                    }
                }
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT " + String.join(", ", cols) + " FROM " + table)) {
                    while (rs.next()) {
                        StringBuilder sb = new StringBuilder();
                        for (int i = 1; i <= cols.size(); i++) {
                            Object v = rs.getObject(i);
                            sb.append(v instanceof byte[] b ? canonicalWkb(b) : normalise(v)).append('\u001f');
                        }
                        rows.add(sb.toString());
                    }
                }
                rows.sort(String::compareTo);
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                rows.forEach(r -> md.update(r.getBytes(StandardCharsets.UTF_8)));
                out.put(table, rows.size() + " rows " + HexFormat.of().formatHex(md.digest()));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the store" + Jdbc.detail(e), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new StoreSnapshot(out);
    }

    /** H2GIS and PostGIS write WKB with different byte orders: compare the geometry, not the bytes. */
    private static String canonicalWkb(byte[] b) {
        try {
            return HexFormat.of().formatHex(new org.locationtech.jts.io.WKBWriter().write(new org.locationtech.jts.io.WKBReader().read(b)));
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new StoreException("a geometry in the store cannot be decoded" + Jdbc.detail(e), e);
        }
    }

    /** Numbers print the same whichever driver returned them (Integer vs Long, Double vs BigDecimal). */
    private static String normalise(Object v) {
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
        return String.valueOf(v);
    }
}
