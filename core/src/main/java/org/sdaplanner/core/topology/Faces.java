package org.sdaplanner.core.topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.algorithm.LineIntersector;
import org.locationtech.jts.algorithm.RobustLineIntersector;
import org.locationtech.jts.noding.MCIndexNoder;
import org.locationtech.jts.noding.NodedSegmentString;
import org.locationtech.jts.noding.SegmentIntersector;
import org.locationtech.jts.noding.SegmentString;
import org.locationtech.jts.noding.snapround.SnapRoundingNoder;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.polygonize.Polygonizer;

/**
 * The planar partition made by the boundaries of some polygons: every ring snap-rounded to the
 * grid and noded into edges that meet only at their ends, each edge kept once, and the faces those
 * edges enclose, with which face lies on either side of each edge. Immutable once built.
 */
final class Faces {

    /** No face: the unbounded outside of all the outlines. */
    static final int OUTSIDE = -1;

    final List<Polygon> faces;
    /** For each face, the faces across its edges ({@link #OUTSIDE} included), and the edge length shared with each. */
    final int[][] neighbours;
    final double[][] shared;

    /** Made by {@link #of}, or restored by {@link TopologyCodec}. */
    Faces(List<Polygon> faces, int[][] neighbours, double[][] shared) {
        this.faces = faces;
        this.neighbours = neighbours;
        this.shared = shared;
    }

    /** An edge between two grid points, ends in order, in grid units. */
    private record Edge(long x0, long y0, long x1, long y1) {
        static Edge of(Coordinate a, Coordinate b, double scale) {
            long ax = Math.round(a.x * scale);
            long ay = Math.round(a.y * scale);
            long bx = Math.round(b.x * scale);
            long by = Math.round(b.y * scale);
            return ax < bx || (ax == bx && ay <= by) ? new Edge(ax, ay, bx, by) : new Edge(bx, by, ax, ay);
        }

        boolean degenerate() {
            return x0 == x1 && y0 == y1;
        }

        Envelope envelope(double scale) {
            return new Envelope(x0 / scale, x1 / scale, y0 / scale, y1 / scale);
        }

        Coordinate[] coordinates(double scale) {
            return new Coordinate[] {new Coordinate(x0 / scale, y0 / scale), new Coordinate(x1 / scale, y1 / scale)};
        }
    }

    private static final Comparator<Edge> EDGE_ORDER = Comparator.comparingLong(Edge::x0).thenComparingLong(Edge::y0)
            .thenComparingLong(Edge::x1).thenComparingLong(Edge::y1);

    /** Faces sorted by envelope then area, so their order never depends on the noder's or polygonizer's internals. */
    private static final Comparator<Polygon> FACE_ORDER = Comparator
            .comparingDouble((Polygon p) -> p.getEnvelopeInternal().getMinX())
            .thenComparingDouble(p -> p.getEnvelopeInternal().getMinY())
            .thenComparingDouble(p -> p.getEnvelopeInternal().getMaxX())
            .thenComparingDouble(p -> p.getEnvelopeInternal().getMaxY())
            .thenComparingDouble(Polygon::getArea);

    static Faces of(Collection<? extends Geometry> polygons, double scale, GeometryFactory factory) {
        // every vertex on the grid, every segment once: the edge two neighbours share comes in twice
        Set<Edge> input = new HashSet<>();
        for (Geometry g : polygons) {
            if (g == null) {
                continue;
            }
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (!(g.getGeometryN(i) instanceof Polygon p) || p.isEmpty()) {
                    continue;
                }
                for (int r = -1; r < p.getNumInteriorRing(); r++) {
                    Coordinate[] c = (r < 0 ? p.getExteriorRing() : p.getInteriorRingN(r)).getCoordinates();
                    for (int k = 1; k < c.length; k++) {
                        Edge e = Edge.of(c[k - 1], c[k], scale);
                        if (!e.degenerate()) {
                            input.add(e);
                        }
                    }
                }
            }
        }
        List<Edge> sortedInput = new ArrayList<>(input);
        sortedInput.sort(EDGE_ORDER);
        Set<Edge> unique = noded(sortedInput, scale);
        List<Edge> edges = new ArrayList<>(unique);
        edges.sort(EDGE_ORDER);
        List<LineString> lines = new ArrayList<>(edges.size());
        for (Edge e : edges) {
            lines.add(factory.createLineString(e.coordinates(scale)));
        }
        Polygonizer polygonizer = new Polygonizer();
        polygonizer.setCheckRingsValid(false); // snap-rounded, fully noded edges only make simple rings
        polygonizer.add(lines);
        @SuppressWarnings("unchecked")
        List<Polygon> faces = new ArrayList<>();
        for (Polygon p : (Collection<Polygon>) polygonizer.getPolygons()) {
            faces.add((Polygon) p.norm()); // each ring from its smallest vertex: nothing depends on how the faces were traced
        }
        faces.sort(FACE_ORDER);
        return withAdjacency(faces, scale);
    }

    /**
     * The segments noded so that they meet only at their ends, on the grid. Snap rounding (every
     * crossing made a vertex on the grid, every segment that passes a vertex's grid cell bent
     * through it, which is how nearly coincident boundaries come to share their edges) is robust
     * but costs. Outlines that already share their vertices (cleaned ones, reprojected or
     * simplified) have few edges it could change: then only those and their near neighbours are
     * snap-rounded, and the result checked; otherwise, or should the check find anything, all are.
     */
    private static Set<Edge> noded(List<Edge> edges, double scale) {
        // every edge snap rounding might move: crossing, or within a cell of a vertex (a grid cell's
        // corner is 0.71 cells from its centre)
        boolean[] involved = crossings(edges, scale, 1 / scale);
        addNeighbours(edges, involved, scale);
        List<Edge> subset = new ArrayList<>();
        Set<Edge> out = new HashSet<>(edges.size() * 2);
        for (int i = 0; i < edges.size(); i++) {
            if (involved[i]) {
                subset.add(edges.get(i));
            } else {
                out.add(edges.get(i));
            }
        }
        if (subset.isEmpty()) {
            return out;
        }
        if (subset.size() > edges.size() / SUBSET_SHARE) {
            return snapRound(edges, scale);
        }
        out.addAll(snapRound(subset, scale));
        List<Edge> check = new ArrayList<>(out);
        check.sort(EDGE_ORDER);
        // nothing may still cross, nor pass inside a vertex's cell (under half a cell away)
        for (boolean left : crossings(check, scale, 0.4 / scale)) {
            if (left) {
                return snapRound(edges, scale);
            }
        }
        return out;
    }

    /** Above one edge in this many to snap-round, doing them all is quicker than picking them out. */
    private static final int SUBSET_SHARE = 10;

    /** Marks the edges within two grid cells of a marked one: snap rounding may bend a marked edge through their vertices. */
    private static void addNeighbours(List<Edge> edges, boolean[] marked, double scale) {
        STRtree near = new STRtree();
        for (int i = 0; i < edges.size(); i++) {
            if (marked[i]) {
                Envelope env = edges.get(i).envelope(scale);
                env.expandBy(2 / scale);
                near.insert(env, i);
            }
        }
        if (near.size() == 0) {
            return;
        }
        boolean[] add = new boolean[edges.size()];
        for (int i = 0; i < edges.size(); i++) {
            if (!marked[i] && !near.query(edges.get(i).envelope(scale)).isEmpty()) {
                add[i] = true;
            }
        }
        for (int i = 0; i < edges.size(); i++) {
            marked[i] |= add[i];
        }
    }

    /** The edges snap-rounded: split where they cross or touch, on the grid, each once. */
    private static Set<Edge> snapRound(List<Edge> edges, double scale) {
        List<SegmentString> segments = new ArrayList<>(edges.size());
        for (Edge e : edges) {
            segments.add(new NodedSegmentString(e.coordinates(scale), null));
        }
        SnapRoundingNoder noder = new SnapRoundingNoder(new PrecisionModel(scale));
        noder.computeNodes(segments);
        Set<Edge> out = new HashSet<>();
        @SuppressWarnings("unchecked")
        Collection<SegmentString> noded = noder.getNodedSubstrings();
        for (SegmentString s : noded) {
            Coordinate[] c = s.getCoordinates();
            for (int i = 1; i < c.length; i++) {
                Edge e = Edge.of(c[i - 1], c[i], scale);
                if (!e.degenerate()) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /**
     * For each edge, whether snap rounding could change it: it crosses, overlaps or touches another
     * anywhere but at their ends, or passes within a grid cell of another's vertex (snap rounding
     * bends an edge through the cell of every vertex it passes: that is how nearly coincident
     * boundaries come to share their edges).
     */
    private static boolean[] crossings(List<Edge> edges, double scale, double reach) {
        List<SegmentString> strings = new ArrayList<>(edges.size());
        for (int i = 0; i < edges.size(); i++) {
            strings.add(new NodedSegmentString(edges.get(i).coordinates(scale), i));
        }
        boolean[] crossing = new boolean[edges.size()];
        LineIntersector li = new RobustLineIntersector();
        new MCIndexNoder(new SegmentIntersector() {
            @Override
            public void processIntersections(SegmentString a, int i, SegmentString b, int j) {
                if (a == b) {
                    return; // one segment per string
                }
                Coordinate[] ca = a.getCoordinates();
                Coordinate[] cb = b.getCoordinates();
                li.computeIntersection(ca[0], ca[1], cb[0], cb[1]);
                boolean changes = li.hasIntersection() && li.isInteriorIntersection();
                changes = changes || near(ca[0], cb) || near(ca[1], cb) || near(cb[0], ca) || near(cb[1], ca);
                if (changes) {
                    crossing[(Integer) a.getData()] = true;
                    crossing[(Integer) b.getData()] = true;
                }
            }

            /** A vertex close to the other segment but not one of its ends. */
            private boolean near(Coordinate p, Coordinate[] seg) {
                return !p.equals2D(seg[0]) && !p.equals2D(seg[1]) && Distance.pointToSegment(p, seg[0], seg[1]) <= reach;
            }

            @Override
            public boolean isDone() {
                return false;
            }
        }, reach).computeNodes(strings);
        return crossing;
    }

    /** Which face lies across each edge: an edge on two faces' rings joins them; on one only, it borders the outside. */
    private static Faces withAdjacency(List<Polygon> faces, double scale) {
        Map<Edge, Integer> firstFace = new HashMap<>();
        List<TreeMap<Integer, Double>> across = new ArrayList<>(faces.size());
        for (int f = 0; f < faces.size(); f++) {
            across.add(new TreeMap<>());
        }
        for (int f = 0; f < faces.size(); f++) {
            Polygon p = faces.get(f);
            for (int r = -1; r < p.getNumInteriorRing(); r++) {
                Coordinate[] c = (r < 0 ? p.getExteriorRing() : p.getInteriorRingN(r)).getCoordinates();
                for (int i = 1; i < c.length; i++) {
                    Edge e = Edge.of(c[i - 1], c[i], scale);
                    if (e.degenerate()) {
                        continue;
                    }
                    Integer other = firstFace.remove(e);
                    if (other == null) {
                        firstFace.put(e, f);
                    } else if (other != f) {
                        double len = c[i - 1].distance(c[i]);
                        across.get(f).merge(other, len, Double::sum);
                        across.get(other).merge(f, len, Double::sum);
                    }
                }
            }
        }
        // edges seen once lie between a face and the outside
        for (Map.Entry<Edge, Integer> e : firstFace.entrySet()) {
            Edge x = e.getKey();
            double len = Math.hypot((x.x1 - x.x0) / scale, (x.y1 - x.y0) / scale);
            across.get(e.getValue()).merge(OUTSIDE, len, Double::sum);
        }
        int[][] neighbours = new int[faces.size()][];
        double[][] shared = new double[faces.size()][];
        for (int f = 0; f < faces.size(); f++) {
            TreeMap<Integer, Double> m = across.get(f);
            neighbours[f] = new int[m.size()];
            shared[f] = new double[m.size()];
            int k = 0;
            for (Map.Entry<Integer, Double> e : m.entrySet()) {
                neighbours[f][k] = e.getKey();
                shared[f][k] = e.getValue();
                k++;
            }
        }
        return new Faces(List.copyOf(faces), neighbours, shared);
    }

    int size() {
        return faces.size();
    }

    Envelope envelope(int face) {
        return faces.get(face).getEnvelopeInternal();
    }
}
