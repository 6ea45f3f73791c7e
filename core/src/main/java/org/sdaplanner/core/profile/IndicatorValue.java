package org.sdaplanner.core.profile;

import java.util.Map;

/**
 * An indicator for one unit (area, district or region).
 *
 * @param value       COUNT: the total; PROPORTION: numerator ÷ denominator; WEIGHTED_MEAN: the mean;
 *                    others: null
 * @param numerator   PROPORTION and COUNT: the summed numerator; WEIGHTED_MEAN: Σ value × weight
 * @param denominator PROPORTION: the summed denominator; WEIGHTED_MEAN: Σ weight; COUNT: null
 * @param parts       DISTRIBUTION, CATEGORY_SHARES, AGE_BANDS: the count (or residents) per category or band, in order
 * @param shares      the same as shares of their total
 * @param lsoas       LSOAs with data that went into it
 */
public record IndicatorValue(String indicatorId, Double value, Double numerator, Double denominator,
                             Map<String, Double> parts, Map<String, Double> shares, int lsoas) {
}
