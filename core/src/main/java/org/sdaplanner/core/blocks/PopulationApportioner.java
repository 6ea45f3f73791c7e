package org.sdaplanner.core.blocks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.sdaplanner.core.geography.PostcodePoint;

/**
 * Decides how each LSOA's population is split between its {@link LsoaPiece}s.
 *
 * <ul>
 *   <li><b>By area</b> ({@link #byArea}): a piece gets its {@link LsoaPiece#areaShare()}.</li>
 *   <li><b>By postcode points</b> ({@link #byPostcodes}): a piece gets the share of its LSOA's
 *       postcode points that fall in it. People live where postcodes are, not evenly over
 *       fields, so this is better where the points are available. A point on the boundary
 *       between two pieces of an LSOA counts for the first of them in piece order; a point
 *       counts at most once per LSOA; points outside every kept piece (e.g. in a dropped sliver)
 *       are not counted. <b>Fallback:</b> an LSOA with no postcode point in any of its pieces is
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
        STRtree tree = new STRtree();
        PreparedGeometry[] prepared = new PreparedGeometry[pieces.size()];
        for (int i = 0; i < pieces.size(); i++) {
            LsoaPiece p = pieces.get(i);
            if (!p.geometry().isEmpty()) {
                prepared[i] = PreparedGeometryFactory.prepare(p.geometry());
                tree.insert(p.geometry().getEnvelopeInternal(), i);
            }
        }
        tree.build();
        List<PostcodePoint> points = new ArrayList<>(postcodes);
        int[][] hits = IntStream.range(0, points.size()).parallel()
                .mapToObj(k -> locate(points.get(k), tree, prepared, pieces))
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

    /** Indices of the pieces a point counts for: at most one per LSOA, the first in order. */
    private static int[] locate(PostcodePoint pc, STRtree tree, PreparedGeometry[] prepared, List<LsoaPiece> pieces) {
        if (pc == null || pc.location() == null || pc.location().isEmpty()) {
            return new int[0];
        }
        Point pt = pc.location();
        @SuppressWarnings("unchecked")
        List<Integer> candidates = new ArrayList<>((List<Integer>) tree.query(pt.getEnvelopeInternal()));
        if (candidates.isEmpty()) {
            return new int[0];
        }
        candidates.sort(null);
        List<Integer> found = new ArrayList<>(1);
        String lastLsoa = null;
        for (int i : candidates) {
            String lsoa = pieces.get(i).lsoaCode();
            if (lsoa.equals(lastLsoa)) {
                continue;
            }
            if (prepared[i].covers(pt)) {
                found.add(i);
                lastLsoa = lsoa;
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }
}
