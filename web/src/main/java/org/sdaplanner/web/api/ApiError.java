package org.sdaplanner.web.api;

/**
 * An error answer: {@code {"error": message}} with a 4xx status (or 500 for a fault, with a reference to the
 * server log).
 */
public record ApiError(String error) {
}
