package org.sdaplanner.web.basemap;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The optional background map under the areas ({@code sda serve --basemap URL|FILE --basemap-attribution TEXT}):
 * either an XYZ raster tile source on another server (a URL template with {z}, {x} and {y}; the page
 * fetches its tiles, and the Content-Security-Policy allows that one origin for images), or a local
 * PMTiles or MBTiles file that the map server serves itself at {@code /api/basemap/{z}/{x}/{y}}, for
 * sites without internet. Without one, nothing is fetched from anywhere else.
 *
 * @param url       the tile URL template the page uses ({z}, {x}, {y})
 * @param origin    the scheme, host and port of a remote source (null for a local file)
 * @param local     the local file (null for a remote source)
 */
public record Basemap(String url, String attribution, String origin, TileSource local, String format, int minZoom, int maxZoom) {
    /** Where the map server serves a local file's tiles. */
    public static final String LOCAL_URL = "/api/basemap/{z}/{x}/{y}";

    /** From the command line's values: an http(s) URL template, or the path of a .pmtiles or .mbtiles file. */
    public static Basemap of(String source, String attribution) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("--basemap needs a tile URL (https://…/{z}/{x}/{y}.png) or a .pmtiles or .mbtiles file");
        }
        if (attribution == null || attribution.isBlank()) {
            throw new IllegalArgumentException("--basemap-attribution is needed with --basemap: the basemap's licence asks for"
                    + " its credit on the map (e.g. \"© OpenStreetMap contributors\")");
        }
        String s = source.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return remote(s, attribution.strip());
        }
        Path file = Path.of(s);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--basemap " + s + ": no such file (give an http(s) tile URL, or a .pmtiles or .mbtiles file)");
        }
        TileSource tiles;
        if (lower.endsWith(".pmtiles")) {
            tiles = PmTilesFile.open(file);
        } else if (lower.endsWith(".mbtiles")) {
            tiles = MbTilesFile.open(file);
        } else {
            throw new IllegalArgumentException("--basemap " + s + ": a local basemap is a .pmtiles or .mbtiles file");
        }
        TileSource.Info info = tiles.info();
        return new Basemap(LOCAL_URL, attribution.strip(), null, tiles, info.format(), info.minZoom(), info.maxZoom());
    }

    private static Basemap remote(String template, String attribution) {
        if (!template.contains("{z}") || !template.contains("{x}") || !template.contains("{y}")) {
            throw new IllegalArgumentException("--basemap " + template + ": a tile URL template needs {z}, {x} and {y}");
        }
        String path = template.replaceAll("[?#].*$", "").toLowerCase(Locale.ROOT);
        if (path.endsWith(".pbf") || path.endsWith(".mvt")) {
            throw new IllegalArgumentException("--basemap " + template + " is a vector tile source: this version draws raster"
                    + " basemaps only (PNG, JPEG or WebP tiles)");
        }
        URI uri;
        try {
            uri = URI.create(template.replace("{z}", "0").replace("{x}", "0").replace("{y}", "0").replace("{s}", "a").replace("{r}", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--basemap " + template + " is not a URL: " + e.getMessage(), e);
        }
        if (uri.getHost() == null || uri.getHost().contains("'") || uri.getHost().contains(";")) {
            throw new IllegalArgumentException("--basemap " + template + " has no host name");
        }
        if (template.contains("{s}")) {
            throw new IllegalArgumentException("--basemap " + template + ": give one host (no {s} subdomains), so that the"
                    + " Content-Security-Policy can allow exactly that origin");
        }
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
        String format = path.endsWith(".jpg") || path.endsWith(".jpeg") ? "jpg" : path.endsWith(".webp") ? "webp" : "png";
        return new Basemap(template, attribution, origin, null, format, 0, 19);
    }

    /** Whether the server serves the tiles itself. */
    public boolean isLocal() {
        return local != null;
    }
}
