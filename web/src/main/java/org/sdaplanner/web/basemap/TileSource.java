package org.sdaplanner.web.basemap;

import java.util.Optional;

/** A local file of map tiles the server serves itself (for sites with no internet): PMTiles or MBTiles. */
public interface TileSource extends AutoCloseable {
    /** The tile at zoom z, column x and row y (XYZ scheme, row 0 at the top), or empty when the file has none there. */
    Optional<byte[]> tile(int z, int x, int y);

    /** The tiles' format and zooms, from the file's header or metadata. */
    Info info();

    /** The tiles' format (png, jpg or webp) and the zooms the file holds. */
    record Info(String format, int minZoom, int maxZoom) {
    }

    @Override
    void close();

    /** The MIME type of a raster tile format. */
    static String contentType(String format) {
        return switch (format) {
            case "png" -> "image/png";
            case "jpg" -> "image/jpeg";
            case "webp" -> "image/webp";
            default -> throw new IllegalArgumentException("not a raster tile format: " + format);
        };
    }
}
