package org.sdaplanner.web.api;

/**
 * The background map of {@code GET /api/site}: a tile URL template ({z}, {x}, {y}; the server's own
 * {@code /api/basemap/…} for a local file), the credit to show with it, the tiles' format and zooms.
 */
public record BasemapInfo(String url, String attribution, String format, int minZoom, int maxZoom) {
}
