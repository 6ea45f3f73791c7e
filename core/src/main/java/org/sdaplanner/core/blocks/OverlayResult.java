package org.sdaplanner.core.blocks;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.core.geography.Parish;

/**
 * The result of {@link LsoaParishOverlay#overlay}: the pieces, the (repaired) inputs and what
 * was done to them. Immutable.
 */
public final class OverlayResult {

    private final List<LsoaPiece> pieces;
    private final List<Lsoa> lsoas;
    private final List<Parish> parishes;
    /** Pieces of {@code lsoas.get(i)} are {@code pieces[pieceStarts[i], pieceStarts[i + 1])}. */
    private final int[] pieceStarts;
    private final List<String> repairedLsoas;
    private final List<String> repairedParishes;
    private final int droppedSlivers;
    private final double droppedSliverArea;
    private final OverlayOptions options;

    /**
     * @param pieces in {@link LsoaPiece#ORDER}
     * @param lsoas sorted by code, every piece's LSOA among them
     * @param parishes sorted by code
     */
    OverlayResult(List<LsoaPiece> pieces, List<Lsoa> lsoas, List<Parish> parishes,
                  List<String> repairedLsoas, List<String> repairedParishes,
                  int droppedSlivers, double droppedSliverArea, OverlayOptions options) {
        this.pieces = List.copyOf(pieces);
        this.lsoas = List.copyOf(lsoas);
        this.parishes = List.copyOf(parishes);
        this.repairedLsoas = List.copyOf(repairedLsoas);
        this.repairedParishes = List.copyOf(repairedParishes);
        this.droppedSlivers = droppedSlivers;
        this.droppedSliverArea = droppedSliverArea;
        this.options = Objects.requireNonNull(options);
        // both lists are in LSOA code order, so one walk finds every LSOA's pieces (no hash maps
        // of 33,000 codes: lookups are binary searches in the sorted lists)
        this.pieceStarts = new int[this.lsoas.size() + 1];
        int p = 0;
        for (int i = 0; i < this.lsoas.size(); i++) {
            pieceStarts[i] = p;
            String code = this.lsoas.get(i).code();
            while (p < this.pieces.size() && this.pieces.get(p).lsoaCode().equals(code)) {
                p++;
            }
        }
        pieceStarts[this.lsoas.size()] = p;
        if (p != this.pieces.size()) {
            throw new IllegalArgumentException("pieces not in LSOA order, or of an unknown LSOA: "
                    + this.pieces.get(p).lsoaCode());
        }
    }

    /** All pieces, sorted by {@link LsoaPiece#ORDER}; the pieces of one LSOA are consecutive. */
    public List<LsoaPiece> pieces() {
        return pieces;
    }

    /** The pieces of one LSOA (empty for an unknown code). */
    public List<LsoaPiece> piecesOf(String lsoaCode) {
        int[] r = pieceRange(lsoaCode);
        return r == null ? List.of() : pieces.subList(r[0], r[1]);
    }

    /** Index range {@code [start, end)} of an LSOA's pieces in {@link #pieces()}, or null. */
    int[] pieceRange(String lsoaCode) {
        int i = indexOf(lsoas, Lsoa::code, lsoaCode);
        if (i < 0 || pieceStarts[i] == pieceStarts[i + 1]) {
            return null;
        }
        return new int[] {pieceStarts[i], pieceStarts[i + 1]};
    }

    /** The input LSOAs sorted by code, with repaired geometries. */
    public List<Lsoa> lsoas() {
        return lsoas;
    }

    /** The input parishes sorted by code, with repaired geometries. */
    public List<Parish> parishes() {
        return parishes;
    }

    /** The LSOA with this code, or {@code null}. */
    public Lsoa lsoa(String code) {
        int i = indexOf(lsoas, Lsoa::code, code);
        return i < 0 ? null : lsoas.get(i);
    }

    /** The parish with this code, or {@code null}. */
    public Parish parish(String code) {
        int i = indexOf(parishes, Parish::code, code);
        return i < 0 ? null : parishes.get(i);
    }

    /** Position of {@code code} in a list sorted by code, or -1 (also for a null code). */
    static <T> int indexOf(List<T> sorted, Function<T, String> codeOf, String code) {
        if (code == null) {
            return -1;
        }
        int lo = 0;
        int hi = sorted.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = codeOf.apply(sorted.get(mid)).compareTo(code);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Codes of LSOAs whose geometry was invalid or not polygonal and was repaired, sorted. */
    public List<String> repairedLsoas() {
        return repairedLsoas;
    }

    /** Codes of parishes whose geometry was invalid or not polygonal and was repaired, sorted. */
    public List<String> repairedParishes() {
        return repairedParishes;
    }

    /** Number of repaired input geometries (LSOAs and parishes). */
    public int repairCount() {
        return repairedLsoas.size() + repairedParishes.size();
    }

    /** Number of pieces dropped as slivers. */
    public int droppedSlivers() {
        return droppedSlivers;
    }

    /** Total area of the dropped slivers, m². */
    public double droppedSliverArea() {
        return droppedSliverArea;
    }

    public OverlayOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return "OverlayResult[lsoas=" + lsoas.size() + ", parishes=" + parishes.size() + ", pieces=" + pieces.size()
                + ", repaired=" + repairCount() + ", droppedSlivers=" + droppedSlivers + "]";
    }
}
