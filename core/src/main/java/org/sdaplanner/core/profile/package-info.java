/**
 * Area profiles: indicators declared in the region manifest, aggregated from LSOAs to areas,
 * districts and the region. Counts are summed; proportions are recomputed from summed numerators
 * and denominators, never averaged; ranks are averaged weighted by residents; classes and
 * deciles become distributions of residents.
 */
package org.sdaplanner.core.profile;
