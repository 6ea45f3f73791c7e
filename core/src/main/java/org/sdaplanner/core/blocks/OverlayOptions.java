package org.sdaplanner.core.blocks;

/**
 * Tolerances of {@link LsoaParishOverlay}.
 *
 * <p>A piece of an LSOA is a <em>sliver</em>, and is dropped, when its area is below
 * {@code sliverAreaM2} <em>or</em> below {@code sliverShare} × the LSOA's area. The remaining
 * pieces' area shares are renormalised so that each LSOA's shares sum to 1: the sliver's
 * population goes to the other pieces of its LSOA in proportion to their areas, so no
 * population is lost. An LSOA always keeps at least one piece (its largest), even when every
 * piece would count as a sliver.
 *
 * @param sliverAreaM2 absolute sliver tolerance in m² (default {@value #SLIVER_AREA_M2}); 0 turns it off
 * @param sliverShare relative sliver tolerance as a fraction of the LSOA's area (default
 *                    {@value #SLIVER_SHARE}, i.e. 0.1 %, about 1.5 residents of a typical LSOA);
 *                    0 turns it off
 * @param gridSize precision grid in metres for piece outlines (default {@value #GRID_SIZE_M}, 1 mm):
 *                 an outline, when asked for, is computed by {@code OverlayNG} with snap-rounding
 *                 to this grid, which is robust to nearly coincident edges; 0 means floating
 *                 precision with {@code OverlayNGRobust} (snapping heuristics, then snap-rounding as
 *                 a fallback). Piece areas, and so shares, are exact and do not depend on it.
 * @param parallel process LSOAs in parallel (the output order does not depend on it)
 */
public record OverlayOptions(double sliverAreaM2, double sliverShare, double gridSize, boolean parallel) {

    /** Default absolute sliver tolerance: pieces under 100 m² (a 10 m × 10 m square) are dropped. */
    public static final double SLIVER_AREA_M2 = 100.0;
    /** Default relative sliver tolerance: pieces under 0.1 % of their LSOA's area are dropped. */
    public static final double SLIVER_SHARE = 0.001;
    /** Default precision grid of piece outlines: 1 mm. */
    public static final double GRID_SIZE_M = 0.001;

    /** The defaults: 100 m², 0.1 %, 1 mm grid, parallel. */
    public static final OverlayOptions DEFAULTS =
            new OverlayOptions(SLIVER_AREA_M2, SLIVER_SHARE, GRID_SIZE_M, true);

    public OverlayOptions {
        if (!(sliverAreaM2 >= 0) || Double.isInfinite(sliverAreaM2)) {
            throw new IllegalArgumentException("sliverAreaM2 must be a finite number >= 0, was " + sliverAreaM2);
        }
        if (!(sliverShare >= 0 && sliverShare < 1)) {
            throw new IllegalArgumentException("sliverShare must be in [0, 1), was " + sliverShare);
        }
        if (!(gridSize >= 0) || Double.isInfinite(gridSize)) {
            throw new IllegalArgumentException("gridSize must be a finite number >= 0, was " + gridSize);
        }
    }

    public OverlayOptions withSliverAreaM2(double value) {
        return new OverlayOptions(value, sliverShare, gridSize, parallel);
    }

    public OverlayOptions withSliverShare(double value) {
        return new OverlayOptions(sliverAreaM2, value, gridSize, parallel);
    }

    public OverlayOptions withGridSize(double value) {
        return new OverlayOptions(sliverAreaM2, sliverShare, value, parallel);
    }

    public OverlayOptions withParallel(boolean value) {
        return new OverlayOptions(sliverAreaM2, sliverShare, gridSize, value);
    }

    /** The area under which a piece of an LSOA of {@code lsoaArea} m² is a sliver. */
    public double sliverThreshold(double lsoaArea) {
        return Math.max(sliverAreaM2, sliverShare * lsoaArea);
    }
}
