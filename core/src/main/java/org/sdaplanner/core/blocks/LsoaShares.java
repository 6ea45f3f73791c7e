package org.sdaplanner.core.blocks;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where an LSOA's registered residents are registered: PCN code → share of the LSOA's
 * registered residents (the dominance engine's {@code share(l, p)}). Kept as a function so
 * that this package does not depend on how the shares are computed.
 */
@FunctionalInterface
public interface LsoaShares {

    /** No shares for any LSOA: every block's affinity vector is empty. */
    LsoaShares NONE = lsoaCode -> Map.of();

    /**
     * The shares of one LSOA by PCN code, or an empty map (or {@code null}) when unknown.
     * Shares normally sum to 1 (or less, when some patients are at practices outside the region).
     */
    Map<String, Double> sharesOf(String lsoaCode);

    /** Shares from a map lsoaCode → (pcnCode → share). The map is copied. */
    static LsoaShares of(Map<String, ? extends Map<String, Double>> shares) {
        TreeMap<String, Map<String, Double>> copy = new TreeMap<>();
        shares.forEach((lsoa, byPcn) -> copy.put(lsoa, Map.copyOf(byPcn)));
        return lsoaCode -> copy.getOrDefault(lsoaCode, Map.of());
    }
}
