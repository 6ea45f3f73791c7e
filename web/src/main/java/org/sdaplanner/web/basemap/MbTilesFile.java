package org.sdaplanner.web.basemap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An MBTiles file: SQLite with a {@code tiles} table (rows counted from the bottom, TMS) and a
 * {@code metadata} table. Read through xerial's sqlite-jdbc driver, which is on the classpath already
 * for GeoPackage (NGA's library); opened read-only, one connection, so reads are serialised.
 */
public final class MbTilesFile implements TileSource {
    private final Path path;
    private final Connection db;
    private final PreparedStatement select;
    private final Info info;

    private MbTilesFile(Path path, Connection db) throws SQLException {
        this.path = path;
        this.db = db;
        Map<String, String> meta = new HashMap<>();
        try (var st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT name, value FROM metadata")) {
            while (rs.next()) {
                meta.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
            }
        }
        String f = meta.getOrDefault("format", "png").toLowerCase(Locale.ROOT);
        String format = switch (f) {
            case "png", "webp" -> f;
            case "jpg", "jpeg" -> "jpg";
            case "pbf", "mvt" -> throw new IllegalArgumentException(path + " holds vector tiles (" + f + "): this version draws"
                    + " raster basemaps only (PNG, JPEG or WebP tiles); make a raster MBTiles or PMTiles file, or give an XYZ raster URL");
            default -> throw new IllegalArgumentException(path + ": unknown tile format '" + f + "' in its metadata (expected png, jpg or webp)");
        };
        int lo = 0;
        int hi = 22;
        try (var st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles")) {
            if (rs.next() && rs.getObject(1) != null) {
                lo = rs.getInt(1);
                hi = rs.getInt(2);
            }
        }
        this.info = new Info(format, lo, hi);
        this.select = db.prepareStatement("SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?");
    }

    /** Opens the file read-only; a file that is not MBTiles is refused with a message naming it. */
    public static MbTilesFile open(Path path) {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new IllegalArgumentException("the basemap file " + path + " does not exist or cannot be read");
        }
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:file:" + path.toAbsolutePath() + "?mode=ro");
            return new MbTilesFile(path, c);
        } catch (SQLException e) {
            close(c);
            throw new IllegalArgumentException(path + " is not an MBTiles file (SQLite with tiles and metadata tables): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(c);
            throw e;
        }
    }

    @Override
    public synchronized Optional<byte[]> tile(int z, int x, int y) {
        if (z < 0 || z > 30 || x < 0 || y < 0 || x >= 1 << z || y >= 1 << z) {
            return Optional.empty();
        }
        try {
            select.setInt(1, z);
            select.setInt(2, x);
            select.setInt(3, (1 << z) - 1 - y);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the basemap file " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Info info() {
        return info;
    }

    @Override
    public synchronized void close() {
        close(db);
    }

    private static void close(Connection c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (SQLException ignored) {
            // read-only: nothing to lose
        }
    }
}
