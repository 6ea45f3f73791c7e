package org.sdaplanner.core.blocks;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;

/**
 * A quick sufficient test of polygon validity for the small polygons of generalised
 * boundaries. JTS's {@code isValid} indexes the edges of every polygon, and on tens of
 * thousands of polygons of a dozen vertices that costs more than the whole overlay; comparing
 * every pair of edges is cheaper there.
 *
 * <p>{@link #certainlyValid} answers {@code true} only when the polygonal geometry is valid:
 * every coordinate finite, every ring with at least three distinct points and simple (no two
 * edges meet except consecutive ones at their shared vertex), no two rings touching, every
 * hole inside its own shell and outside its other holes, and no shell inside another shell.
 * Anything else (including valid polygons whose rings touch at a point, or larger ones) gets
 * {@code false}, meaning "ask JTS".
 */
final class QuickValidity {

    /** Above this many edges in all, pairwise comparison stops being cheap: leave it to JTS. */
    static final int MAX_EDGES = 400;

    private QuickValidity() {
    }

    static boolean certainlyValid(Geometry g) {
        if (!(g instanceof Polygonal) || g.isEmpty()) {
            return false;
        }
        if (g instanceof Polygon p && p.getNumInteriorRing() == 0) {
            // the common case, kept apart so that it stays small for the JIT
            Coordinate[] shell = distinct(p.getExteriorRing().getCoordinates());
            return shell != null && shell.length - 1 <= MAX_EDGES && isSimple(shell);
        }
        return ringsValid(g);
    }

    private static boolean ringsValid(Geometry g) {
        List<Coordinate[]> rings = new ArrayList<>();
        List<Integer> shellOf = new ArrayList<>(); // for each ring, the index of its polygon's shell ring
        int edges = 0;
        for (int k = 0; k < g.getNumGeometries(); k++) {
            Polygon p = (Polygon) g.getGeometryN(k);
            if (p.isEmpty()) {
                return false;
            }
            int shell = rings.size();
            for (int r = -1; r < p.getNumInteriorRing(); r++) {
                Coordinate[] c = distinct(r < 0 ? p.getExteriorRing().getCoordinates()
                        : p.getInteriorRingN(r).getCoordinates());
                if (c == null) {
                    return false;
                }
                edges += c.length - 1;
                if (edges > MAX_EDGES) {
                    return false;
                }
                rings.add(c);
                shellOf.add(shell);
            }
        }
        for (int i = 0; i < rings.size(); i++) {
            if (!isSimple(rings.get(i))) {
                return false;
            }
            for (int j = i + 1; j < rings.size(); j++) {
                if (touch(rings.get(i), rings.get(j))) {
                    return false;
                }
            }
        }
        // no ring touches another, so one vertex tells whether a ring lies inside another
        for (int i = 0; i < rings.size(); i++) {
            boolean hole = shellOf.get(i) != i;
            for (int j = 0; j < rings.size(); j++) {
                if (i == j) {
                    continue;
                }
                boolean inside = RayCrossingCounter.locatePointInRing(rings.get(i)[0], rings.get(j)) == Location.INTERIOR;
                boolean ownShell = j == shellOf.get(i);
                if (hole && ownShell && !inside) {
                    return false; // a hole outside its shell
                }
                if (inside && !(hole && ownShell)) {
                    return false; // nested holes or shells (possibly valid, e.g. an island in a lake: ask JTS)
                }
            }
        }
        return true;
    }

    /** The ring without consecutive repeated points, or null when not closed, not finite or too short. */
    private static Coordinate[] distinct(Coordinate[] c) {
        if (c.length < 4 || !c[0].equals2D(c[c.length - 1])) {
            return null;
        }
        List<Coordinate> out = new ArrayList<>(c.length);
        for (Coordinate p : c) {
            if (!Double.isFinite(p.x) || !Double.isFinite(p.y)) {
                return null;
            }
            if (out.isEmpty() || !out.get(out.size() - 1).equals2D(p)) {
                out.add(p);
            }
        }
        return out.size() < 4 ? null : out.toArray(new Coordinate[0]);
    }

    /** No two edges meet except consecutive ones at their shared vertex (and those do not fold back). */
    private static boolean isSimple(Coordinate[] c) {
        int n = c.length - 1; // edges
        for (int i = 0; i < n; i++) {
            // consecutive edges (i, i + 1) share c[i + 1]: they overlap only if they fold back
            Coordinate a = c[i];
            Coordinate v = c[i + 1];
            Coordinate b = i + 2 <= n ? c[i + 2] : c[1];
            // a fold-back turns by more than a right angle, so test that cheaply first
            if ((v.x - a.x) * (b.x - v.x) + (v.y - a.y) * (b.y - v.y) <= 0
                    && CGAlgorithmsDD.orientationIndex(a.x, a.y, v.x, v.y, b.x, b.y) == 0) {
                return false;
            }
            for (int j = i + 2; j < n; j++) {
                if (i == 0 && j == n - 1) {
                    continue; // the last edge and the first are consecutive
                }
                if (segmentsMeet(c[i], c[i + 1], c[j], c[j + 1])) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean touch(Coordinate[] r, Coordinate[] s) {
        for (int i = 0; i + 1 < r.length; i++) {
            for (int j = 0; j + 1 < s.length; j++) {
                if (segmentsMeet(r[i], r[i + 1], s[j], s[j + 1])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Do the closed segments p–q and r–s have any point in common (exact)? */
    static boolean segmentsMeet(Coordinate p, Coordinate q, Coordinate r, Coordinate s) {
        if (Math.max(p.x, q.x) < Math.min(r.x, s.x) || Math.max(r.x, s.x) < Math.min(p.x, q.x)
                || Math.max(p.y, q.y) < Math.min(r.y, s.y) || Math.max(r.y, s.y) < Math.min(p.y, q.y)) {
            return false;
        }
        int o1 = CGAlgorithmsDD.orientationIndex(p.x, p.y, q.x, q.y, r.x, r.y);
        int o2 = CGAlgorithmsDD.orientationIndex(p.x, p.y, q.x, q.y, s.x, s.y);
        if (o1 != 0 && o1 == o2) {
            return false;
        }
        int o3 = CGAlgorithmsDD.orientationIndex(r.x, r.y, s.x, s.y, p.x, p.y);
        int o4 = CGAlgorithmsDD.orientationIndex(r.x, r.y, s.x, s.y, q.x, q.y);
        if (o3 != 0 && o3 == o4) {
            return false;
        }
        // either a proper or touching crossing, or collinear with overlapping envelopes
        return true;
    }
}
