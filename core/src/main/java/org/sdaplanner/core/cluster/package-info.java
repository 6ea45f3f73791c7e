/**
 * Automatic clustering of building blocks into service delivery areas: contiguous, nested in
 * districts, respecting analysts' locks, maximising PCN alignment with population balance and
 * compactness as secondary terms. Deterministic for a given seed.
 */
package org.sdaplanner.core.cluster;
