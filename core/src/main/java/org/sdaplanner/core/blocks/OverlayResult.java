package org.sdaplanner.core.blocks;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    private final Map<String, Lsoa> lsoaByCode;
    private final Map<String, Parish> parishByCode;
    private final Map<String, int[]> pieceRanges;
    private final List<String> repairedLsoas;
    private final List<String> repairedParishes;
    private final int droppedSlivers;
    private final double droppedSliverArea;
    private final OverlayOptions options;

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
        Map<String, Lsoa> lb = new HashMap<>();
        for (Lsoa l : this.lsoas) {
            lb.put(l.code(), l);
        }
        Map<String, Parish> pb = new HashMap<>();
        for (Parish p : this.parishes) {
            pb.put(p.code(), p);
        }
        this.lsoaByCode = Collections.unmodifiableMap(lb);
        this.parishByCode = Collections.unmodifiableMap(pb);
        Map<String, int[]> ranges = new HashMap<>();
        int start = 0;
        for (int i = 1; i <= this.pieces.size(); i++) {
            if (i == this.pieces.size() || !this.pieces.get(i).lsoaCode().equals(this.pieces.get(start).lsoaCode())) {
                ranges.put(this.pieces.get(start).lsoaCode(), new int[] {start, i});
                start = i;
            }
        }
        this.pieceRanges = ranges;
    }

    /** All pieces, sorted by {@link LsoaPiece#ORDER}; the pieces of one LSOA are consecutive. */
    public List<LsoaPiece> pieces() {
        return pieces;
    }

    /** The pieces of one LSOA (empty for an unknown code). */
    public List<LsoaPiece> piecesOf(String lsoaCode) {
        int[] r = pieceRanges.get(lsoaCode);
        return r == null ? List.of() : pieces.subList(r[0], r[1]);
    }

    /** Index range {@code [start, end)} of an LSOA's pieces in {@link #pieces()}, or null. */
    int[] pieceRange(String lsoaCode) {
        return pieceRanges.get(lsoaCode);
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
        return lsoaByCode.get(code);
    }

    /** The parish with this code, or {@code null}. */
    public Parish parish(String code) {
        return parishByCode.get(code);
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
