/**
 * The dominant-PCN engine: for every LSOA of a region, which Primary Care Network holds the
 * largest share of the LSOA's registered patients, and, for every PCN, which LSOAs it
 * dominates (its <em>footprint</em>) and how much of its own list lives there.
 *
 * <p>Definitions used throughout:
 * <ul>
 *   <li>share(l, p) = patients living in LSOA l registered at practices of PCN p
 *       ÷ all patients living in l in the registrations. The denominator includes patients of
 *       practices whose PCN is not a candidate: unallocated ({@code U}) or unmapped practices,
 *       and practices of PCNs that are not in the input PCN list (e.g. neighbouring regions).</li>
 *   <li>The candidates are exactly the PCNs of the input PCN list (minus {@code U}); ties are
 *       broken by PCN code, the lower code wins.</li>
 *   <li>A {@link org.sdaplanner.core.dominance.DominanceRule} decides whether the leading
 *       candidate is dominant (plurality, majority, or a minimum share).</li>
 * </ul>
 *
 * <p>Entry point: {@link org.sdaplanner.core.dominance.DominanceEngine}. All types are
 * immutable and free of I/O; results do not depend on input row order.
 */
package org.sdaplanner.core.dominance;
