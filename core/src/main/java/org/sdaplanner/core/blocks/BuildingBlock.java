package org.sdaplanner.core.blocks;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.locationtech.jts.geom.Geometry;

/**
 * The unit the clusterer assigns to areas: a civil parish, or in unparished areas an LSOA or
 * the part of an LSOA outside every civil parish.
 *
 * @param code parish code for {@link BlockKind#PARISH}, LSOA code for {@link BlockKind#UNPARISHED}
 * @param name parish name, or LSOA name
 * @param kind what the block is
 * @param districtCode the parish's district, or for an unparished block the LSOA's district
 * @param geometry the parish geometry (repaired); for an unparished block the LSOA, or the
 *                 union of the LSOA's unparished pieces when part of it lies in civil parishes
 * @param residentPopulation Σ of the LSOA residents apportioned to the block
 * @param registeredPopulation Σ of the LSOA registered patients apportioned to the block
 * @param pcnAffinity PCN code → Σ over the block's LSOA pieces of (piece residents × share of
 *                    the LSOA registered at the PCN); only positive values, sorted by PCN code
 * @param pieces the block's LSOA pieces, one per LSOA, sorted by LSOA code
 */
public record BuildingBlock(String code, String name, BlockKind kind, String districtCode, Geometry geometry,
                            double residentPopulation, double registeredPopulation,
                            SortedMap<String, Double> pcnAffinity, List<BlockPiece> pieces) {

    public BuildingBlock {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(geometry, "geometry");
        pcnAffinity = Collections.unmodifiableSortedMap(new TreeMap<>(pcnAffinity == null ? Map.of() : pcnAffinity));
        pieces = List.copyOf(pieces == null ? List.of() : pieces);
    }

    /**
     * The PCN with the largest affinity (ties: the smallest PCN code), or {@code null} when the
     * affinity vector is empty.
     */
    public String dominantPcn() {
        return dominantOf(pcnAffinity);
    }

    /** Argmax of a PCN → value map; ties by PCN code ascending; {@code null} when empty. */
    public static String dominantOf(Map<String, Double> affinity) {
        String best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, Double> e : new TreeMap<>(affinity).entrySet()) {
            if (e.getValue() > bestValue) {
                best = e.getKey();
                bestValue = e.getValue();
            }
        }
        return best;
    }

    /** Total affinity (Σ over PCNs); equals the resident population when the shares sum to 1. */
    public double totalAffinity() {
        double s = 0;
        for (double v : pcnAffinity.values()) {
            s += v;
        }
        return s;
    }

    /** The affinity of the dominant PCN divided by the total affinity, or 0 when empty. */
    public double dominantShare() {
        String d = dominantPcn();
        double total = totalAffinity();
        return d == null || total <= 0 ? 0.0 : pcnAffinity.get(d) / total;
    }
}
