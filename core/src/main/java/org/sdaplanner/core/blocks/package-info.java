/**
 * Building blocks for service delivery areas: the parish × LSOA overlay, population
 * apportionment, unparished pieces, PCN affinity and block adjacency.
 *
 * <p>The pipeline, each step a small class with no I/O:
 * <ol>
 *   <li>{@link org.sdaplanner.core.blocks.LsoaParishOverlay} cuts every LSOA by the parishes
 *       into {@link org.sdaplanner.core.blocks.LsoaPiece}s (invalid input repaired, slivers
 *       dropped, area shares renormalised to sum to 1 per LSOA);</li>
 *   <li>{@link org.sdaplanner.core.blocks.PopulationApportioner} turns the pieces into an
 *       {@link org.sdaplanner.core.blocks.Apportionment}: the fraction of each LSOA's people in
 *       each piece, by area or by postcode points;</li>
 *   <li>{@link org.sdaplanner.core.blocks.BlockBuilder} groups the pieces into
 *       {@link org.sdaplanner.core.blocks.BuildingBlock}s (parishes, and LSOAs or LSOA
 *       remainders in unparished areas) with populations and a PCN affinity vector;</li>
 *   <li>{@link org.sdaplanner.core.blocks.BlockAdjacency} finds which blocks share a boundary,
 *       the connected components, the islands, and joins them with declared bridges.</li>
 * </ol>
 * All geometry is British National Grid (EPSG:27700): areas in m², lengths in m. Every output
 * is sorted by code, so the same input gives the same output.
 */
package org.sdaplanner.core.blocks;
