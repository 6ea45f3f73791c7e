package org.sdaplanner.core.plan;

import java.util.List;
import java.util.Map;

/**
 * One area's figures.
 *
 * @param deviation    residents ÷ the mean area's residents − 1 (0.1 = 10% above the mean)
 * @param pcnMix       share of the area's residents by the PCN they are registered with (shares ≥ 1%, largest first)
 * @param alignment    share of residents registered with the main PCN
 * @param compactness  Polsby–Popper, 4πA/P² (1 = circle)
 * @param pieces       connected pieces (1 = contiguous)
 */
public record AreaMetrics(String id, String name, List<String> districtCodes, int blocks, int parishes,
                          double residents, double registered, double deviation, String mainPcn,
                          Map<String, Double> pcnMix, double alignment, double compactness, int pieces) {
    public AreaMetrics {
        districtCodes = List.copyOf(districtCodes);
        pcnMix = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pcnMix));
    }

    public boolean contiguous() {
        return pieces <= 1;
    }
}
