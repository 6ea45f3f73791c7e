package org.sdaplanner.web.api;

/**
 * A data release in the store: registrations and practice → PCN map (and populations) under one label.
 *
 * @param practiceMap   the practice map's vintage (e.g. "October 2025"), or null
 * @param registrations the registrations' vintage, or null
 * @param practices     the region's practices in it
 * @param patients      registered patients living in the region's LSOAs
 */
public record DataRelease(String label, int position, String importedAt, boolean current, String practiceMap,
                          String registrations, int practices, int pcns, long patients) {
}
