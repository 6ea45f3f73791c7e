package org.sdaplanner.core.topology;

/**
 * How a {@link Topology} is noded and cleaned.
 *
 * @param scale       the precision grid: every vertex is snap-rounded to a multiple of
 *                    {@code 1 / scale} (1000 in metres: 1 mm; 1e6 in degrees: about 0.1 m). Snap
 *                    rounding moves no vertex by more than half a cell, and the shared edges
 *                    it gives cross only at their ends, so every outline built from them is valid
 * @param maxGapArea  a piece of ground inside the outlines that no input covers (a gap between
 *                    boundaries drawn from different sources) is given to the neighbour sharing
 *                    most of its edge when its area is at most this (in the square units of the
 *                    coordinates); a larger one is taken as a real hole and left open
 */
public record TopologyOptions(double scale, double maxGapArea) {

    /** For British National Grid metres: 1 mm grid; gaps up to 1 km² are filled. */
    public static final TopologyOptions METRES = new TopologyOptions(1000, 1_000_000);

    /**
     * For longitude/latitude in degrees as written to GeoJSON: a 10⁻⁶° grid (the 6 decimals the
     * outputs carry); gaps up to 10⁻⁴ square degrees (about 0.75 km² in England) are filled.
     */
    public static final TopologyOptions DEGREES = new TopologyOptions(1e6, 1e-4);

    public TopologyOptions {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be a finite number > 0, was " + scale);
        }
        if (!(maxGapArea >= 0) || Double.isInfinite(maxGapArea)) {
            throw new IllegalArgumentException("maxGapArea must be a finite number >= 0, was " + maxGapArea);
        }
    }
}
