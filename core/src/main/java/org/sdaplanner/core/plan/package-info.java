/**
 * A plan: every building block assigned to one service delivery area, with metrics kept up to
 * date move by move (population, PCN alignment, compactness, contiguity), the LSOA best fit and
 * the "why" of a block.
 */
package org.sdaplanner.core.plan;
