package org.sdaplanner.core.blocks;

/**
 * When the part of an LSOA outside every civil parish is too small to be a community of its own,
 * and so is not a building block: it is a <em>sliver</em> when it holds under
 * {@code maxAreaShare} of its LSOA's land <em>and</em> under {@code maxResidentShare} of its
 * LSOA's residents (as apportioned, by postcode points where there are any). Only LSOAs that lie
 * partly in civil parishes have slivers: an LSOA wholly in an unparished place (all of Cambridge,
 * the core of Peterborough) is always a block, however small.
 *
 * <p>The defaults come from the C&amp;P data (docs/methodology.md §5): every LSOA remainder under
 * them is a strip of field edge or road verge left between differently drawn boundaries (85
 * pieces, 80 without a single resident, at most 75 residents), and the smallest real remainders
 * above them hold 96 residents or a tenth of their LSOA's land.
 *
 * @param maxAreaShare     share of the LSOA's land below which a remainder may be a sliver (default 10 %)
 * @param maxResidentShare share of the LSOA's residents below which it may be one (default 5 %)
 */
public record SliverRule(double maxAreaShare, double maxResidentShare) {

    public static final double MAX_AREA_SHARE = 0.10;
    public static final double MAX_RESIDENT_SHARE = 0.05;

    /** Under 10 % of the land and under 5 % of the residents of its LSOA. */
    public static final SliverRule DEFAULTS = new SliverRule(MAX_AREA_SHARE, MAX_RESIDENT_SHARE);

    /** No remainder is a sliver: every one stays a block (as before the rule). */
    public static final SliverRule OFF = new SliverRule(0, 0);

    public SliverRule {
        if (!(maxAreaShare >= 0 && maxAreaShare <= 1)) {
            throw new IllegalArgumentException("maxAreaShare must be in [0, 1], was " + maxAreaShare);
        }
        if (!(maxResidentShare >= 0 && maxResidentShare <= 1)) {
            throw new IllegalArgumentException("maxResidentShare must be in [0, 1], was " + maxResidentShare);
        }
    }

    /**
     * Whether no remainder can ever be a sliver (a threshold of 0: no share is under it). Then
     * nothing joins a neighbour, not even a detached part of a remainder: every LSOA remainder
     * stays one block, all its parts with it, as before the rule.
     */
    public boolean off() {
        return maxAreaShare == 0 || maxResidentShare == 0;
    }

    /** Whether a remainder with these shares of its LSOA's land and residents is a sliver. */
    public boolean isSliver(double areaShare, double residentShare) {
        return areaShare < maxAreaShare && residentShare < maxResidentShare;
    }
}
