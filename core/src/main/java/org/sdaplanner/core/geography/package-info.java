/**
 * The imported geography as immutable values: LSOAs, parishes, districts, GP practices,
 * PCNs, registrations and populations. Geometries are in British National Grid
 * (EPSG:27700), so areas and lengths are in square metres and metres.
 */
package org.sdaplanner.core.geography;
