package org.sdaplanner.core.dominance;

import java.util.List;

/**
 * A PCN's footprint: the region LSOAs it dominates under one rule, and how well that footprint
 * covers its own patients.
 *
 * <p><b>Capture</b> is measured against the PCN's patients living <em>in the region</em>
 * ({@link #regionPatients()}), not its whole list: patients living outside the region could
 * never be in any footprint, so counting them would penalise border PCNs for geography rather
 * than for alignment. The whole-list figure is {@link #captureOfTotal()}.
 *
 * @param pcnCode                     the PCN
 * @param pcnName                     its name from the input PCN list
 * @param footprintLsoas              the LSOAs it dominates, sorted by code
 * @param footprintRegisteredPatients Σ registeredPatients of those LSOAs (all practices)
 * @param capturedPatients            its own patients living in those LSOAs
 * @param regionPatients              its own patients living in any region LSOA
 * @param totalPatients               its own patients over every LSOA code in the input,
 *                                    including outside the region and odd codes ({@code EMPTY}…)
 * @param capture                     capturedPatients ÷ regionPatients (0 when it has none)
 */
public record PcnFootprint(String pcnCode,
                           String pcnName,
                           List<String> footprintLsoas,
                           long footprintRegisteredPatients,
                           long capturedPatients,
                           long regionPatients,
                           long totalPatients,
                           double capture) {
    public PcnFootprint {
        footprintLsoas = List.copyOf(footprintLsoas);
    }

    /** capturedPatients ÷ totalPatients: the share of its whole list living in its footprint. */
    public double captureOfTotal() {
        return totalPatients == 0 ? 0.0 : (double) capturedPatients / totalPatients;
    }

    /** capturedPatients ÷ footprintRegisteredPatients: how much of its footprint it serves. */
    public double shareOfFootprint() {
        return footprintRegisteredPatients == 0 ? 0.0 : (double) capturedPatients / footprintRegisteredPatients;
    }
}
