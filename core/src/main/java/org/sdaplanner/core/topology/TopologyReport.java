package org.sdaplanner.core.topology;

/**
 * What building a {@link Topology} found and did to its inputs.
 *
 * @param faces        faces of the noded partition
 * @param overlaps     faces that lay inside more than one input (given to the smallest)
 * @param overlapArea  their area, in square coordinate units
 * @param gapsFilled   faces inside no input that were given to a neighbour
 * @param gapArea      their area
 * @param holes        faces inside no input left open as holes (larger than the gap limit)
 * @param holeArea     their area
 */
public record TopologyReport(int faces, int overlaps, double overlapArea, int gapsFilled, double gapArea,
                             int holes, double holeArea) {
}
