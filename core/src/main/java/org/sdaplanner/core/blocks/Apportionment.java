package org.sdaplanner.core.blocks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How each LSOA's people are split between its pieces: one weight per piece of an
 * {@link OverlayResult}, the weights of an LSOA summing to 1. Made by
 * {@link PopulationApportioner}; immutable.
 *
 * <p>The arrays returned by the {@code apportion} methods are aligned with
 * {@link #pieces()}: element {@code i} belongs to piece {@code i}.
 */
public final class Apportionment {

    /** What the weights of an LSOA are based on. */
    public enum Basis {
        /** The pieces' area shares. */
        AREA,
        /** The shares of the LSOA's postcode points lying in each piece. */
        POSTCODES
    }

    private final OverlayResult overlay;
    private final double[] weights;
    private final int[] postcodeCounts;
    private final SortedMap<String, Basis> basis;

    Apportionment(OverlayResult overlay, double[] weights, int[] postcodeCounts, SortedMap<String, Basis> basis) {
        this.overlay = Objects.requireNonNull(overlay);
        this.weights = weights.clone();
        this.postcodeCounts = postcodeCounts.clone();
        this.basis = Collections.unmodifiableSortedMap(new TreeMap<>(basis));
    }

    public OverlayResult overlay() {
        return overlay;
    }

    /** The pieces, as in {@link OverlayResult#pieces()}. */
    public List<LsoaPiece> pieces() {
        return overlay.pieces();
    }

    /** The fraction of its LSOA's people in piece {@code i}. */
    public double weight(int i) {
        return weights[i];
    }

    /** Number of postcode points counted in piece {@code i} (0 when weighting by area). */
    public int postcodeCount(int i) {
        return postcodeCounts[i];
    }

    /** The basis of each LSOA's weights, by LSOA code. */
    public SortedMap<String, Basis> basis() {
        return basis;
    }

    /** The basis of one LSOA's weights, or {@code null} for an LSOA not in the overlay. */
    public Basis basis(String lsoaCode) {
        return basis.get(lsoaCode);
    }

    /** LSOAs weighted by area (with postcode weighting: those with no postcode point inside), sorted. */
    public List<String> areaWeightedLsoas() {
        List<String> out = new ArrayList<>();
        basis.forEach((code, b) -> {
            if (b == Basis.AREA) {
                out.add(code);
            }
        });
        return out;
    }

    /**
     * Splits a per-LSOA quantity between the pieces: {@code value(lsoa) × weight(piece)}. An LSOA
     * missing from the map (or mapped to null) counts as 0. The sum over an LSOA's pieces equals
     * the LSOA's value up to floating rounding: the piece with the largest weight takes the
     * remainder {@code value − Σ other pieces}. Values for LSOAs that are not in the overlay are
     * not placed (see {@link #unplaced}).
     *
     * @return a new array aligned with {@link #pieces()}
     */
    public double[] apportion(Map<String, ? extends Number> perLsoa) {
        Objects.requireNonNull(perLsoa, "perLsoa");
        List<LsoaPiece> pieces = pieces();
        double[] out = new double[pieces.size()];
        int start = 0;
        while (start < pieces.size()) {
            int end = endOfLsoa(pieces, start);
            Number v = perLsoa.get(pieces.get(start).lsoaCode());
            double total = v == null ? 0.0 : v.doubleValue();
            int largest = start;
            for (int i = start; i < end; i++) {
                out[i] = total * weights[i];
                if (weights[i] > weights[largest]) {
                    largest = i;
                }
            }
            double others = 0;
            for (int i = start; i < end; i++) {
                if (i != largest) {
                    others += out[i];
                }
            }
            out[largest] = total - others;
            start = end;
        }
        return out;
    }

    /**
     * Splits a per-LSOA count between the pieces in whole numbers by the largest remainder
     * method: each piece gets {@code floor(value × weight)}, and the units still missing go to
     * the pieces with the largest fractional parts (ties: the earlier piece in
     * {@link #pieces()} order). The pieces of an LSOA sum exactly to its value.
     *
     * @return a new array aligned with {@link #pieces()}
     * @throws IllegalArgumentException for a negative count
     */
    public long[] apportionRounded(Map<String, ? extends Number> perLsoa) {
        Objects.requireNonNull(perLsoa, "perLsoa");
        List<LsoaPiece> pieces = pieces();
        long[] out = new long[pieces.size()];
        int start = 0;
        while (start < pieces.size()) {
            int end = endOfLsoa(pieces, start);
            String code = pieces.get(start).lsoaCode();
            Number v = perLsoa.get(code);
            long total = v == null ? 0L : v.longValue();
            if (total < 0) {
                throw new IllegalArgumentException("Negative count " + total + " for LSOA " + code);
            }
            largestRemainder(total, start, end, out);
            start = end;
        }
        return out;
    }

    private void largestRemainder(long total, int start, int end, long[] out) {
        int n = end - start;
        double[] frac = new double[n];
        long assigned = 0;
        for (int i = 0; i < n; i++) {
            double quota = total * weights[start + i];
            long base = (long) Math.floor(quota);
            out[start + i] = base;
            frac[i] = quota - base;
            assigned += base;
        }
        long missing = total - assigned;
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        if (missing > 0) {
            order.sort((a, b) -> {
                int c = Double.compare(frac[b], frac[a]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            for (int k = 0; missing > 0; k = (k + 1) % n) {
                out[start + order.get(k)]++;
                missing--;
            }
        } else if (missing < 0) {
            // only possible through floating rounding of weights summing to slightly above 1
            order.sort((a, b) -> {
                int c = Double.compare(frac[a], frac[b]);
                return c != 0 ? c : Integer.compare(b, a);
            });
            for (int k = 0; missing < 0; k = (k + 1) % n) {
                if (out[start + order.get(k)] > 0) {
                    out[start + order.get(k)]--;
                    missing++;
                }
            }
        }
    }

    /** Codes in {@code perLsoa} with a non-zero value but no piece in the overlay, sorted. */
    public List<String> unplaced(Map<String, ? extends Number> perLsoa) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, ? extends Number> e : perLsoa.entrySet()) {
            if (overlay.pieceRange(e.getKey()) == null && e.getValue() != null && e.getValue().doubleValue() != 0) {
                out.add(e.getKey());
            }
        }
        Collections.sort(out);
        return out;
    }

    private static int endOfLsoa(List<LsoaPiece> pieces, int start) {
        String code = pieces.get(start).lsoaCode();
        int end = start + 1;
        while (end < pieces.size() && pieces.get(end).lsoaCode().equals(code)) {
            end++;
        }
        return end;
    }
}
