/**
 * What changed between two data releases (registrations, practice → PCN map) and what it does to a plan:
 * LSOAs whose dominant PCN, contested flag or dominant share moved ({@link LsoaChange}), PCNs new, gone or
 * renamed and practices that moved between PCNs ({@link PcnChange}), and each area's alignment before and
 * after ({@link AreaImpact}); {@link ReleaseDiff} puts them together. Pure: no I/O.
 */
package org.sdaplanner.core.release;
