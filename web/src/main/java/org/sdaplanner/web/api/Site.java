package org.sdaplanner.web.api;

/** {@code GET /api/site}: how this server is set up for the page; {@code basemap} is null when none is configured. */
public record Site(BasemapInfo basemap) {
}
