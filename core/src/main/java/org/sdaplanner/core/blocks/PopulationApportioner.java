package org.sdaplanner.core.blocks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.core.geography.Parish;
import org.sdaplanner.core.geography.PostcodePoint;

/**
 * Decides how each LSOA's population is split between its {@link LsoaPiece}s.
 *
 * <ul>
 *   <li><b>By area</b> ({@link #byArea}): a piece gets its {@link LsoaPiece#areaShare()}.</li>
 *   <li><b>By postcode points</b> ({@link #byPostcodes}): a piece gets the share of its LSOA's
 *       postcode points that fall in it. People live where postcodes are, not evenly over
 *       fields, so this is better where the points are available. A point is in a piece when
 *       it is in the LSOA and in the parish (or, for the part outside every parish, in no
 *       parish), so the pieces' outlines are never needed. A point on the boundary between two
 *       pieces of an LSOA counts for the first of them in piece order; a point counts at most
 *       once per LSOA; points outside every kept piece (e.g. in a dropped sliver) are not
 *       counted. <b>Fallback:</b> an LSOA with no postcode point in any of its pieces is
 *       weighted by area, and is listed in {@link Apportionment#areaWeightedLsoas()}.</li>
 * </ul>
 * Either way the weights of an LSOA sum to 1, so apportioned populations are conserved.
 */
public final class PopulationApportioner {

    private PopulationApportioner() {
    }

    /** Weights by area share. */
    public static Apportionment byArea(OverlayResult overlay) {
        Objects.requireNonNull(overlay, "overlay");
        List<LsoaPiece> pieces = overlay.pieces();
        double[] w = new double[pieces.size()];
        TreeMap<String, Apportionment.Basis> basis = new TreeMap<>();
        for (int i = 0; i < pieces.size(); i++) {
            w[i] = pieces.get(i).areaShare();
            basis.put(pieces.get(i).lsoaCode(), Apportionment.Basis.AREA);
        }
        return new Apportionment(overlay, w, new int[pieces.size()], basis);
    }

    /**
     * Weights by postcode points where an LSOA has any, by area otherwise. With {@code null} or
     * no points this is {@link #byArea}.
     */
    public static Apportionment byPostcodes(OverlayResult overlay, Collection<PostcodePoint> postcodes) {
        Objects.requireNonNull(overlay, "overlay");
        if (postcodes == null || postcodes.isEmpty()) {
            return byArea(overlay);
        }
        List<LsoaPiece> pieces = overlay.pieces();
        // a point is in a piece when it is in the LSOA and in the parish: no piece outline is needed
        PointIndex lsoas = new PointIndex(overlay.lsoas().stream().map(Lsoa::geometry).toList());
        PointIndex parishes = new PointIndex(overlay.parishes().stream().map(Parish::geometry).toList());
        List<PostcodePoint> points = new ArrayList<>(postcodes);
        int[][] hits = IntStream.range(0, points.size()).parallel()
                .mapToObj(k -> locate(points.get(k), overlay, lsoas, parishes))
                .toArray(int[][]::new);
        int[] counts = new int[pieces.size()];
        for (int[] h : hits) {
            for (int i : h) {
                counts[i]++;
            }
        }
        double[] w = new double[pieces.size()];
        TreeMap<String, Apportionment.Basis> basis = new TreeMap<>();
        int start = 0;
        while (start < pieces.size()) {
            String code = pieces.get(start).lsoaCode();
            int end = start;
            long total = 0;
            while (end < pieces.size() && pieces.get(end).lsoaCode().equals(code)) {
                total += counts[end];
                end++;
            }
            for (int i = start; i < end; i++) {
                w[i] = total > 0 ? (double) counts[i] / total : pieces.get(i).areaShare();
            }
            basis.put(code, total > 0 ? Apportionment.Basis.POSTCODES : Apportionment.Basis.AREA);
            start = end;
        }
        return new Apportionment(overlay, w, counts, basis);
    }

    /**
     * Indices of the pieces a point counts for: in each LSOA that covers it, the first piece in
     * order whose parish covers it, or the LSOA's outside-every-parish piece when no parish does.
     */
    private static int[] locate(PostcodePoint pc, OverlayResult overlay, PointIndex lsoas, PointIndex parishes) {
        if (pc == null || pc.location() == null || pc.location().isEmpty()) {
            return new int[0];
        }
        Point pt = pc.location();
        int[] inLsoas = lsoas.covering(pt);
        if (inLsoas.length == 0) {
            return new int[0];
        }
        Set<String> inParishes = new HashSet<>();
        for (int p : parishes.covering(pt)) {
            inParishes.add(overlay.parishes().get(p).code());
        }
        List<LsoaPiece> pieces = overlay.pieces();
        int[] found = new int[inLsoas.length];
        int n = 0;
        for (int l : inLsoas) {
            int[] range = overlay.pieceRange(overlay.lsoas().get(l).code());
            if (range == null) {
                continue; // (every LSOA the overlay made has a piece; a hand-made result may not)
            }
            for (int i = range[0]; i < range[1]; i++) {
                String parish = pieces.get(i).parishCode();
                if (parish == null ? inParishes.isEmpty() : inParishes.contains(parish)) {
                    found[n++] = i;
                    break;
                }
            }
        }
        return Arrays.copyOf(found, n);
    }

    /** Polygons indexed for "which of them cover this point". */
    private static final class PointIndex {
        private final STRtree tree = new STRtree();
        private final PreparedGeometry[] prepared;

        PointIndex(List<Geometry> geometries) {
            prepared = new PreparedGeometry[geometries.size()];
            for (int i = 0; i < geometries.size(); i++) {
                Geometry g = geometries.get(i);
                if (!g.isEmpty()) {
                    prepared[i] = PreparedGeometryFactory.prepare(g);
                    tree.insert(g.getEnvelopeInternal(), i);
                }
            }
            tree.build();
        }

        /** Indices of the polygons covering the point, ascending. */
        int[] covering(Point pt) {
            @SuppressWarnings("unchecked")
            List<Integer> candidates = tree.query(pt.getEnvelopeInternal());
            return candidates.stream().mapToInt(Integer::intValue).filter(i -> prepared[i].covers(pt)).sorted().toArray();
        }
    }
}
