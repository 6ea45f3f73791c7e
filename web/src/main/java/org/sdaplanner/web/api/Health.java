package org.sdaplanner.web.api;

/** {@code GET /api/health}: the server is up, and on which store (H2GIS or PostGIS). */
public record Health(String status, String store) {
}
