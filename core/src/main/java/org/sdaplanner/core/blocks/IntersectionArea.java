package org.sdaplanner.core.blocks;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * The area of the intersection of two polygonal geometries, computed without building the
 * intersection: the overlay only needs piece areas, and building piece outlines by
 * snap-rounding was most of its time.
 *
 * <p>The area of a region is ½ ∮ p × dp over its boundary. The boundary of A ∩ B is made of
 * the stretches of A's edges inside B and of B's edges inside A, so the area is a sum over
 * the edges of both, each edge contributing for the stretches of it inside the other
 * polygon. Those stretches are delimited by the edge's own end points and by the points
 * where it crosses the other polygon's boundary; for a stretch [P, Q] of an edge starting at
 * e0, P × Q = e0 × Q − e0 × P, so every crossing and every end point contributes a term
 * on its own, with no need to sort or link anything (this is W. R. Franklin's observation,
 * also behind the JTS lab's {@code OverlayArea}).
 *
 * <p>Robustness: every decision (does an edge cross another, which way, is a vertex inside)
 * is an exact orientation predicate ({@link CGAlgorithmsDD}) on the input coordinates, and
 * B is taken as moved by an infinitesimal (ε, ε²) ("simulation of simplicity"). So there are
 * no degenerate cases: a vertex on the other's edge, shared vertices, shared (collinear)
 * edges and touching polygons are all decided consistently, and since the area is continuous
 * in that move the result is the area of A ∩ B itself. Only crossing-point coordinates are
 * rounded, and a crossing point off by d moves the area by about d × the distance between
 * the two edges there, which is tiny exactly when the rounding is large (nearly parallel
 * edges). Sums are taken relative to a local origin so that national-grid coordinates in the
 * hundreds of kilometres do not eat the precision.
 *
 * <p>Inputs must be valid polygonal geometries (rings simple, holes inside shells, no
 * overlaps); {@link Geometries#repair} makes them so.
 */
final class IntersectionArea {

    private IntersectionArea() {
    }

    /** A polygonal geometry as flat closed rings, each turned so that the interior is on its left. */
    static final class Shape {
        final double[][] xs;
        final double[][] ys;
        /** Envelope of each ring: minX, minY, maxX, maxY. */
        final double[][] envs;
        final double minX;
        final double minY;
        final double maxX;
        final double maxY;

        private Shape(List<double[]> xs, List<double[]> ys) {
            this.xs = xs.toArray(new double[0][]);
            this.ys = ys.toArray(new double[0][]);
            this.envs = new double[this.xs.length][];
            double x0 = Double.POSITIVE_INFINITY;
            double y0 = Double.POSITIVE_INFINITY;
            double x1 = Double.NEGATIVE_INFINITY;
            double y1 = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < this.xs.length; r++) {
                double[] e = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
                for (int i = 0; i < this.xs[r].length; i++) {
                    e[0] = Math.min(e[0], this.xs[r][i]);
                    e[1] = Math.min(e[1], this.ys[r][i]);
                    e[2] = Math.max(e[2], this.xs[r][i]);
                    e[3] = Math.max(e[3], this.ys[r][i]);
                }
                envs[r] = e;
                x0 = Math.min(x0, e[0]);
                y0 = Math.min(y0, e[1]);
                x1 = Math.max(x1, e[2]);
                y1 = Math.max(y1, e[3]);
            }
            minX = x0;
            minY = y0;
            maxX = x1;
            maxY = y1;
        }

        /** The rings of a valid polygonal geometry (any non-polygonal part is ignored). */
        static Shape of(Geometry polygonal) {
            List<double[]> xs = new ArrayList<>();
            List<double[]> ys = new ArrayList<>();
            for (int k = 0; k < polygonal.getNumGeometries(); k++) {
                if (polygonal.getGeometryN(k) instanceof Polygon p && !p.isEmpty()) {
                    addRing(p.getExteriorRing(), true, xs, ys);
                    for (int h = 0; h < p.getNumInteriorRing(); h++) {
                        addRing(p.getInteriorRingN(h), false, xs, ys);
                    }
                }
            }
            return new Shape(xs, ys);
        }

        private static void addRing(LinearRing ring, boolean shell, List<double[]> xs, List<double[]> ys) {
            Coordinate[] c = ring.getCoordinates();
            if (c.length < 4) {
                return;
            }
            // shells counter-clockwise, holes clockwise: the interior is on the left of every edge
            boolean reverse = Orientation.isCCW(c) != shell;
            double[] x = new double[c.length];
            double[] y = new double[c.length];
            for (int i = 0; i < c.length; i++) {
                Coordinate p = c[reverse ? c.length - 1 - i : i];
                x[i] = p.x;
                y[i] = p.y;
            }
            xs.add(x);
            ys.add(y);
        }

        boolean isEmpty() {
            return xs.length == 0;
        }

        /** True when the envelopes overlap with a positive area (otherwise the intersection area is 0). */
        boolean envelopeOverlaps(Shape o) {
            return minX < o.maxX && o.minX < maxX && minY < o.maxY && o.minY < maxY;
        }
    }

    /** Area of {@code a ∩ b}, in the square units of the coordinates. */
    static double of(Shape a, Shape b) {
        if (a.isEmpty() || b.isEmpty() || !a.envelopeOverlaps(b)) {
            return 0.0;
        }
        // local origin: the middle of a's envelope
        double ox = 0.5 * (a.minX + a.maxX);
        double oy = 0.5 * (a.minY + a.maxY);
        boolean[][] flipA = new boolean[a.xs.length][];
        boolean[][] flipB = new boolean[b.xs.length][];
        for (int r = 0; r < a.xs.length; r++) {
            flipA[r] = new boolean[a.xs[r].length];
        }
        for (int r = 0; r < b.xs.length; r++) {
            flipB[r] = new boolean[b.xs[r].length];
        }
        double area2 = crossings(a, b, ox, oy, flipA, flipB);
        area2 += insideVertices(a, b, ox, oy, flipA, true);
        area2 += insideVertices(b, a, ox, oy, flipB, false);
        return 0.5 * area2;
    }

    /**
     * Terms of the crossing points, and marks in {@code flipA} / {@code flipB} the edges crossed
     * an odd number of times.
     */
    private static double crossings(Shape a, Shape b, double ox, double oy, boolean[][] flipA, boolean[][] flipB) {
        double sum = 0;
        for (int ra = 0; ra < a.xs.length; ra++) {
            double[] ea = a.envs[ra];
            if (ea[2] < b.minX || ea[0] > b.maxX || ea[3] < b.minY || ea[1] > b.maxY) {
                continue;
            }
            double[] axs = a.xs[ra];
            double[] ays = a.ys[ra];
            for (int i = 0; i + 1 < axs.length; i++) {
                double a0x = axs[i];
                double a0y = ays[i];
                double a1x = axs[i + 1];
                double a1y = ays[i + 1];
                double aMinX = Math.min(a0x, a1x);
                double aMaxX = Math.max(a0x, a1x);
                double aMinY = Math.min(a0y, a1y);
                double aMaxY = Math.max(a0y, a1y);
                if ((a0x == a1x && a0y == a1y)
                        || aMaxX < b.minX || aMinX > b.maxX || aMaxY < b.minY || aMinY > b.maxY) {
                    continue;
                }
                for (int rb = 0; rb < b.xs.length; rb++) {
                    double[] eb = b.envs[rb];
                    if (aMaxX < eb[0] || aMinX > eb[2] || aMaxY < eb[1] || aMinY > eb[3]) {
                        continue;
                    }
                    double[] bxs = b.xs[rb];
                    double[] bys = b.ys[rb];
                    for (int j = 0; j + 1 < bxs.length; j++) {
                        double b0x = bxs[j];
                        double b0y = bys[j];
                        double b1x = bxs[j + 1];
                        double b1y = bys[j + 1];
                        if ((b0x < aMinX && b1x < aMinX) || (b0x > aMaxX && b1x > aMaxX)
                                || (b0y < aMinY && b1y < aMinY) || (b0y > aMaxY && b1y > aMaxY)
                                || (b0x == b1x && b0y == b1y)) {
                            continue;
                        }
                        // sides of a's ends against b moved by (ε, ε²), and of b's ends (moved) against a
                        int oa0 = CGAlgorithmsDD.orientationIndex(b0x, b0y, b1x, b1y, a0x, a0y);
                        int oa1 = CGAlgorithmsDD.orientationIndex(b0x, b0y, b1x, b1y, a1x, a1y);
                        int tieB = tieOfBEdge(b0x, b0y, b1x, b1y);
                        int sa0 = oa0 != 0 ? oa0 : tieB;
                        int sa1 = oa1 != 0 ? oa1 : tieB;
                        if (sa0 == sa1) {
                            continue;
                        }
                        int ob0 = CGAlgorithmsDD.orientationIndex(a0x, a0y, a1x, a1y, b0x, b0y);
                        int ob1 = CGAlgorithmsDD.orientationIndex(a0x, a0y, a1x, a1y, b1x, b1y);
                        int tieA = -tieOfBEdge(a0x, a0y, a1x, a1y);
                        int sb0 = ob0 != 0 ? ob0 : tieA;
                        int sb1 = ob1 != 0 ? ob1 : tieA;
                        if (sb0 == sb1) {
                            continue;
                        }
                        // the crossing point, relative to the origin; a vertex when one lies on the other edge
                        double px;
                        double py;
                        if (oa0 == 0) {
                            px = a0x - ox;
                            py = a0y - oy;
                        } else if (oa1 == 0) {
                            px = a1x - ox;
                            py = a1y - oy;
                        } else if (ob0 == 0) {
                            px = b0x - ox;
                            py = b0y - oy;
                        } else if (ob1 == 0) {
                            px = b1x - ox;
                            py = b1y - oy;
                        } else {
                            double ux = a1x - a0x;
                            double uy = a1y - a0y;
                            double vx = b1x - b0x;
                            double vy = b1y - b0y;
                            double t = ((b0x - a0x) * vy - (b0y - a0y) * vx) / (ux * vy - uy * vx);
                            t = t < 0 ? 0 : t > 1 ? 1 : t;
                            px = (a0x - ox) + t * ux;
                            py = (a0y - oy) + t * uy;
                        }
                        // a enters b where a0 is on b's right (outside), and b enters a likewise
                        double ta = (a0x - ox) * py - (a0y - oy) * px;
                        double tb = (b0x - ox) * py - (b0y - oy) * px;
                        sum += sa0 < 0 ? -ta : ta;
                        sum += sb0 < 0 ? -tb : tb;
                        flipA[ra][i] = !flipA[ra][i];
                        flipB[rb][j] = !flipB[rb][j];
                    }
                }
            }
        }
        return sum;
    }

    /**
     * Terms of the edges of {@code s} whose end vertex is inside {@code other}: each vertex's
     * side is that of the previous one, changed by every crossing of the edge in between, so
     * only the first vertex of each ring needs a point-in-polygon test.
     *
     * @param sIsA whether {@code s} is the unmoved polygon A (its points are tested against B
     *             moved by +(ε, ε²)), or B (its points, moved, against A)
     */
    private static double insideVertices(Shape s, Shape other, double ox, double oy, boolean[][] flip, boolean sIsA) {
        double sum = 0;
        for (int r = 0; r < s.xs.length; r++) {
            double[] e = s.envs[r];
            if (e[2] < other.minX || e[0] > other.maxX || e[3] < other.minY || e[1] > other.maxY) {
                continue; // the whole ring is outside
            }
            double[] xs = s.xs[r];
            double[] ys = s.ys[r];
            boolean inside = sIsA ? insideMovedB(xs[0], ys[0], other) : insideA(xs[0], ys[0], other);
            for (int i = 0; i + 1 < xs.length; i++) {
                if (flip[r][i]) {
                    inside = !inside;
                }
                if (inside) {
                    sum += (xs[i] - ox) * (ys[i + 1] - oy) - (ys[i] - oy) * (xs[i + 1] - ox);
                }
            }
        }
        return sum;
    }

    /** Is the point (a vertex of A) inside B moved by +(ε, ε²), i.e. is (x, y) − (ε, ε²) inside B? */
    private static boolean insideMovedB(double x, double y, Shape b) {
        boolean inside = false;
        for (int r = 0; r < b.xs.length; r++) {
            double[] e = b.envs[r];
            if (e[3] < y || e[1] >= y || e[2] < x) {
                continue;
            }
            double[] xs = b.xs[r];
            double[] ys = b.ys[r];
            for (int i = 0; i + 1 < xs.length; i++) {
                double px = xs[i];
                double py = ys[i];
                double qx = xs[i + 1];
                double qy = ys[i + 1];
                boolean pAbove = py >= y; // above y − ε²
                boolean qAbove = qy >= y;
                if (pAbove == qAbove || (px < x && qx < x)) {
                    continue;
                }
                if (px >= x && qx >= x) {
                    inside = !inside;
                    continue;
                }
                int o = CGAlgorithmsDD.orientationIndex(px, py, qx, qy, x, y);
                int side = o != 0 ? o : tieOfBEdge(px, py, qx, qy);
                if (qAbove ? side > 0 : side < 0) {
                    inside = !inside;
                }
            }
        }
        return inside;
    }

    /** Is the point (a vertex of B) moved by +(ε, ε²) inside A? */
    private static boolean insideA(double x, double y, Shape a) {
        boolean inside = false;
        for (int r = 0; r < a.xs.length; r++) {
            double[] e = a.envs[r];
            if (e[3] <= y || e[1] > y || e[2] <= x) {
                continue;
            }
            double[] xs = a.xs[r];
            double[] ys = a.ys[r];
            for (int i = 0; i + 1 < xs.length; i++) {
                double px = xs[i];
                double py = ys[i];
                double qx = xs[i + 1];
                double qy = ys[i + 1];
                boolean pAbove = py > y; // above y + ε²
                boolean qAbove = qy > y;
                if (pAbove == qAbove || (px <= x && qx <= x)) {
                    continue;
                }
                if (px > x && qx > x) {
                    inside = !inside;
                    continue;
                }
                int o = CGAlgorithmsDD.orientationIndex(px, py, qx, qy, x, y);
                int side = o != 0 ? o : -tieOfBEdge(px, py, qx, qy);
                if (qAbove ? side > 0 : side < 0) {
                    inside = !inside;
                }
            }
        }
        return inside;
    }

    /**
     * Side (1 left, −1 right) of the edge p → q on which a point lying exactly on the edge's
     * line falls once the edge is moved by +(ε, ε²): the cross product of (q − p) with the
     * move is dy·ε − dx·ε² with the signs of the point's side. The opposite for a point moved
     * by +(ε, ε²) against an unmoved edge.
     */
    private static int tieOfBEdge(double px, double py, double qx, double qy) {
        double dy = qy - py;
        if (dy != 0) {
            return dy > 0 ? 1 : -1;
        }
        return qx - px > 0 ? -1 : 1;
    }
}
