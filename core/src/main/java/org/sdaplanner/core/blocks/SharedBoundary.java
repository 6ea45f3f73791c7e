package org.sdaplanner.core.blocks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.util.LinearComponentExtracter;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Length of the boundary two polygons share, allowing for small gaps and misalignments.
 *
 * <p>A point of B's boundary is on the shared boundary with A when some segment r of A's
 * boundary (i) runs within {@code maxAngle} of the direction of B's segment at that point,
 * (ii) lies within {@code tolerance} of the point, measured perpendicular to r, and
 * (iii) has the point's perpendicular foot inside r (not beyond its ends). Condition (iii)
 * is what makes two squares meeting at a corner share nothing: B's edges leaving the corner are
 * near A's edges only beyond their ends. Condition (i) excludes boundaries that cross. For
 * each segment of B the set of such points is a union of intervals, computed exactly (each
 * condition is linear along the segment). The shared length is the smaller of the length so
 * found along B and the length found the other way round along A, so the measure is symmetric.
 *
 * <p>This works on boundary segments only: no buffering and no overlay, so it is fast and
 * does not care whether the polygons are valid.
 */
final class SharedBoundary {

    /** Boundary segments of one geometry: x0, y0, x1, y1 per segment. */
    static final class Segments {
        final double[] xy;
        final int count;
        final Envelope envelope;

        Segments(Geometry g) {
            List<?> lines = LinearComponentExtracter.getLines(g);
            int n = 0;
            for (Object o : lines) {
                n += Math.max(0, ((LineString) o).getNumPoints() - 1);
            }
            double[] a = new double[4 * n];
            int k = 0;
            for (Object o : lines) {
                Coordinate[] cs = ((LineString) o).getCoordinates();
                for (int i = 1; i < cs.length; i++) {
                    if (cs[i - 1].x == cs[i].x && cs[i - 1].y == cs[i].y) {
                        continue;
                    }
                    a[k++] = cs[i - 1].x;
                    a[k++] = cs[i - 1].y;
                    a[k++] = cs[i].x;
                    a[k++] = cs[i].y;
                }
            }
            this.xy = k == a.length ? a : Arrays.copyOf(a, k);
            this.count = k / 4;
            this.envelope = g.getEnvelopeInternal();
        }

        boolean meets(int i, Envelope window) {
            double x0 = xy[4 * i];
            double y0 = xy[4 * i + 1];
            double x1 = xy[4 * i + 2];
            double y1 = xy[4 * i + 3];
            return Math.max(x0, x1) >= window.getMinX() && Math.min(x0, x1) <= window.getMaxX()
                    && Math.max(y0, y1) >= window.getMinY() && Math.min(y0, y1) <= window.getMaxY();
        }

        int[] within(Envelope window) {
            int[] out = new int[count];
            int n = 0;
            for (int i = 0; i < count; i++) {
                if (meets(i, window)) {
                    out[n++] = i;
                }
            }
            return Arrays.copyOf(out, n);
        }

        Envelope envelope(int i, double expand) {
            Envelope e = new Envelope(xy[4 * i], xy[4 * i + 2], xy[4 * i + 1], xy[4 * i + 3]);
            e.expandBy(expand);
            return e;
        }
    }

    private final double tolerance;
    private final double maxSin;

    SharedBoundary(double tolerance, double maxAngleDegrees) {
        this.tolerance = tolerance;
        this.maxSin = Math.sin(Math.toRadians(maxAngleDegrees));
    }

    /** Shared boundary length of A and B in metres (symmetric). */
    double length(Segments a, Segments b) {
        Envelope window = a.envelope.intersection(b.envelope);
        if (window.isNull()) {
            Envelope ea = new Envelope(a.envelope);
            ea.expandBy(tolerance);
            if (!ea.intersects(b.envelope)) {
                return 0.0;
            }
            window = ea.intersection(b.envelope);
        }
        window = new Envelope(window);
        window.expandBy(tolerance);
        int[] sa = a.within(window);
        int[] sb = b.within(window);
        if (sa.length == 0 || sb.length == 0) {
            return 0.0;
        }
        double alongB = along(b, sb, a, sa);
        if (alongB == 0.0) {
            return 0.0;
        }
        double alongA = along(a, sa, b, sb);
        return Math.min(alongA, alongB);
    }

    /** Length of {@code target}'s segments {@code ts} lying along {@code ref}'s segments {@code rs}. */
    private double along(Segments target, int[] ts, Segments ref, int[] rs) {
        STRtree index = null;
        if (rs.length > 16) {
            index = new STRtree();
            for (int r : rs) {
                index.insert(ref.envelope(r, 0), r);
            }
        }
        double total = 0;
        List<double[]> intervals = new ArrayList<>();
        for (int s : ts) {
            intervals.clear();
            if (index != null) {
                for (Object o : index.query(target.envelope(s, tolerance))) {
                    addInterval(target.xy, s, ref.xy, (Integer) o, intervals);
                }
            } else {
                for (int r : rs) {
                    addInterval(target.xy, s, ref.xy, r, intervals);
                }
            }
            if (!intervals.isEmpty()) {
                double sx = target.xy[4 * s + 2] - target.xy[4 * s];
                double sy = target.xy[4 * s + 3] - target.xy[4 * s + 1];
                total += covered(intervals) * Math.sqrt(sx * sx + sy * sy);
            }
        }
        return total;
    }

    /** Adds the parameter interval of segment s (of {@code t}) that lies along segment r (of {@code q}). */
    private void addInterval(double[] t, int s, double[] q, int r, List<double[]> out) {
        double s0x = t[4 * s];
        double s0y = t[4 * s + 1];
        double sx = t[4 * s + 2] - s0x;
        double sy = t[4 * s + 3] - s0y;
        double r0x = q[4 * r];
        double r0y = q[4 * r + 1];
        double rx = q[4 * r + 2] - r0x;
        double ry = q[4 * r + 3] - r0y;
        double sLen2 = sx * sx + sy * sy;
        double rLen2 = rx * rx + ry * ry;
        if (sLen2 == 0 || rLen2 == 0) {
            return;
        }
        double cross = sx * ry - sy * rx;
        if (Math.abs(cross) > maxSin * Math.sqrt(sLen2 * rLen2)) {
            return;
        }
        double rLen = Math.sqrt(rLen2);
        double dx = s0x - r0x;
        double dy = s0y - r0y;
        // position of the foot along r, in r's length units: u(t) = u0 + t du, need 0 <= u <= 1
        double u0 = (dx * rx + dy * ry) / rLen2;
        double du = (sx * rx + sy * ry) / rLen2;
        // signed distance from r's line: d(t) = d0 + t dd, need |d| <= tolerance
        double d0 = (dx * ry - dy * rx) / rLen;
        double dd = cross / rLen;
        double lo = 0;
        double hi = 1;
        double[] iu = solve(u0, du, 0, 1);
        if (iu == null) {
            return;
        }
        lo = Math.max(lo, iu[0]);
        hi = Math.min(hi, iu[1]);
        double[] id = solve(d0, dd, -tolerance, tolerance);
        if (id == null) {
            return;
        }
        lo = Math.max(lo, id[0]);
        hi = Math.min(hi, id[1]);
        if (hi > lo) {
            out.add(new double[] {lo, hi});
        }
    }

    /** {t : lo <= a + b t <= hi}, or null when empty. */
    private static double[] solve(double a, double b, double lo, double hi) {
        if (b == 0) {
            return a >= lo && a <= hi ? new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY} : null;
        }
        double t1 = (lo - a) / b;
        double t2 = (hi - a) / b;
        return t1 <= t2 ? new double[] {t1, t2} : new double[] {t2, t1};
    }

    /** Total length of the union of intervals within [0, 1]. */
    private static double covered(List<double[]> intervals) {
        intervals.sort((x, y) -> Double.compare(x[0], y[0]));
        double total = 0;
        double curLo = intervals.get(0)[0];
        double curHi = intervals.get(0)[1];
        for (int i = 1; i < intervals.size(); i++) {
            double[] iv = intervals.get(i);
            if (iv[0] > curHi) {
                total += curHi - curLo;
                curLo = iv[0];
                curHi = iv[1];
            } else if (iv[1] > curHi) {
                curHi = iv[1];
            }
        }
        return total + (curHi - curLo);
    }
}
