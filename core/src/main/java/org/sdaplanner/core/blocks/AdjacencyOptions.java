package org.sdaplanner.core.blocks;

/**
 * Tolerances of {@link BlockAdjacency}.
 *
 * @param minSharedLength two blocks are neighbours when their shared boundary is longer than
 *                        this, in metres (default {@value #MIN_SHARED_LENGTH_M} m): blocks
 *                        touching at a point, or along a few centimetres, are not neighbours
 * @param snapTolerance how far apart, in metres, two boundary lines may run and still count as
 *                      shared (default {@value #SNAP_TOLERANCE_M} m). Generalised boundaries
 *                      of neighbouring areas rarely coincide exactly: they leave thin gaps and
 *                      overlaps that this absorbs
 * @param maxAngleDegrees two boundary segments count as running together only when the angle
 *                        between them is at most this (default {@value #MAX_ANGLE_DEGREES}°),
 *                        so that boundaries that merely cross or meet at a corner share nothing
 */
public record AdjacencyOptions(double minSharedLength, double snapTolerance, double maxAngleDegrees) {

    /** Default minimum shared boundary: 1 m. */
    public static final double MIN_SHARED_LENGTH_M = 1.0;
    /** Default snapping tolerance between boundaries: 2 m. */
    public static final double SNAP_TOLERANCE_M = 2.0;
    /** Default largest angle between boundary segments running together: 30°. */
    public static final double MAX_ANGLE_DEGREES = 30.0;

    public static final AdjacencyOptions DEFAULTS =
            new AdjacencyOptions(MIN_SHARED_LENGTH_M, SNAP_TOLERANCE_M, MAX_ANGLE_DEGREES);

    public AdjacencyOptions {
        if (!(minSharedLength >= 0) || Double.isInfinite(minSharedLength)) {
            throw new IllegalArgumentException("minSharedLength must be a finite number >= 0, was " + minSharedLength);
        }
        if (!(snapTolerance >= 0) || Double.isInfinite(snapTolerance)) {
            throw new IllegalArgumentException("snapTolerance must be a finite number >= 0, was " + snapTolerance);
        }
        if (!(maxAngleDegrees >= 0 && maxAngleDegrees <= 90)) {
            throw new IllegalArgumentException("maxAngleDegrees must be in [0, 90], was " + maxAngleDegrees);
        }
    }

    public AdjacencyOptions withMinSharedLength(double value) {
        return new AdjacencyOptions(value, snapTolerance, maxAngleDegrees);
    }

    public AdjacencyOptions withSnapTolerance(double value) {
        return new AdjacencyOptions(minSharedLength, value, maxAngleDegrees);
    }

    public AdjacencyOptions withMaxAngleDegrees(double value) {
        return new AdjacencyOptions(minSharedLength, snapTolerance, value);
    }
}
