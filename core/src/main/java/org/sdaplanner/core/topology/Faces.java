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
import org.locationtech.jts.noding.NodedSegmentString;
import org.locationtech.jts.noding.SegmentString;
import org.locationtech.jts.noding.snapround.SnapRoundingNoder;
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

    private Faces(List<Polygon> faces, int[][] neighbours, double[][] shared) {
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
        List<SegmentString> segments = new ArrayList<>(sortedInput.size());
        for (Edge e : sortedInput) {
            segments.add(new NodedSegmentString(e.coordinates(scale), null));
        }
        // snap rounding: every vertex on the grid, every crossing a vertex, so edges meet only at their ends
        SnapRoundingNoder noder = new SnapRoundingNoder(new PrecisionModel(scale));
        noder.computeNodes(segments);
        Set<Edge> unique = new HashSet<>();
        @SuppressWarnings("unchecked")
        Collection<SegmentString> noded = noder.getNodedSubstrings();
        for (SegmentString s : noded) {
            Coordinate[] c = s.getCoordinates();
            for (int i = 1; i < c.length; i++) {
                Edge e = Edge.of(c[i - 1], c[i], scale);
                if (!e.degenerate()) {
                    unique.add(e);
                }
            }
        }
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
