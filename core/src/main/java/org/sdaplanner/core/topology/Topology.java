package org.sdaplanner.core.topology;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.locationtech.jts.coverage.CoverageSimplifier;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.PolygonExtracter;

/**
 * Polygons keyed by code (blocks, LSOAs) turned into one planar partition, so that every outline
 * drawn from it fits its neighbours exactly.
 *
 * <p>All input rings are snap-rounded to the {@link TopologyOptions#scale() grid} and noded into
 * one set of shared edges; the faces they enclose are given to the inputs ({@link Ownership}):
 * where inputs overlap, the smallest keeps the overlap; where they leave a gap, the neighbour
 * sharing most of its edge fills it. The outline of a code, or of a group of codes (an area, a
 * district), is the union of its faces: neighbours share the very same edges, a contiguous
 * group dissolves into one polygon, and the only holes are other codes' faces (enclaves) or
 * gaps larger than {@link TopologyOptions#maxGapArea()}. Every outline is valid (OGC rules).
 *
 * <p>{@link #simplified} simplifies each shared edge once for all the faces on either side (the
 * TopoJSON idea), so simplified neighbours never gap or overlap. Immutable and deterministic:
 * the same inputs give the same faces, in the same order, and the same outlines.
 */
public final class Topology {

    private final List<String> codes;
    private final Faces faces;
    /** Index into {@link #codes} per face, or {@link Ownership#NONE} for a hole. */
    private final int[] owner;
    /** Faces per code, in face order. */
    private final int[][] facesOf;
    private final Map<String, Integer> indexOf;
    private final TopologyOptions options;
    private final TopologyReport report;
    private final GeometryFactory factory;

    private Topology(List<String> codes, Faces faces, int[] owner, TopologyOptions options, TopologyReport report,
                     GeometryFactory factory) {
        this.codes = codes;
        this.faces = faces;
        this.owner = owner;
        this.options = options;
        this.report = report;
        this.factory = factory;
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            idx.put(codes.get(i), i);
        }
        this.indexOf = idx;
        int[] count = new int[codes.size()];
        for (int o : owner) {
            if (o >= 0) {
                count[o]++;
            }
        }
        facesOf = new int[codes.size()][];
        for (int i = 0; i < codes.size(); i++) {
            facesOf[i] = new int[count[i]];
        }
        int[] k = new int[codes.size()];
        for (int f = 0; f < owner.length; f++) {
            if (owner[f] >= 0) {
                facesOf[owner[f]][k[owner[f]]++] = f;
            }
        }
    }

    /**
     * The topology of polygons keyed by code.
     *
     * @param polygons code → polygonal geometry (a null or empty one owns nothing)
     * @throws IllegalArgumentException for a geometry that is not polygonal
     */
    public static Topology of(Map<String, ? extends Geometry> polygons, TopologyOptions options) {
        Objects.requireNonNull(polygons, "polygons");
        Objects.requireNonNull(options, "options");
        TreeMap<String, Geometry> sorted = new TreeMap<>(java.util.Comparator.naturalOrder()); // whatever order the map had
        sorted.putAll(polygons);
        List<String> codes = new ArrayList<>(sorted.keySet());
        List<Geometry> inputs = new ArrayList<>(codes.size());
        GeometryFactory factory = null;
        for (String c : codes) {
            Geometry g = polygons.get(c);
            if (g != null && !(g instanceof Polygonal)) {
                throw new IllegalArgumentException(c + " is a " + g.getGeometryType() + ", not a polygon");
            }
            if (g != null && factory == null) {
                factory = g.getFactory();
            }
            inputs.add(g);
        }
        factory = factory == null ? new GeometryFactory() : factory;
        Faces faces = Faces.of(inputs, options.scale(), factory);
        Ownership.Result r = Ownership.resolve(faces, inputs, options);
        Ownership.Counts c = r.counts();
        TopologyReport report = new TopologyReport(faces.size(), c.overlaps(), c.overlapArea(), c.gapsFilled(),
                c.gapArea(), c.holes(), c.holeArea());
        return new Topology(List.copyOf(codes), faces, r.owner(), options, report, factory);
    }

    /** A topology as {@link TopologyCodec} decoded it: the very parts an encoded one had. */
    static Topology restored(List<String> codes, Faces faces, int[] owner, TopologyOptions options, TopologyReport report,
                             GeometryFactory factory) {
        if (owner.length != faces.size()) {
            throw new IllegalArgumentException(owner.length + " owners for " + faces.size() + " faces");
        }
        for (int o : owner) {
            if (o != Ownership.NONE && (o < 0 || o >= codes.size())) {
                throw new IllegalArgumentException("owner " + o);
            }
        }
        return new Topology(List.copyOf(codes), faces, owner, options, report, factory);
    }

    /** For {@link TopologyCodec}: all codes (owning faces or not), in index order. */
    List<String> allCodes() {
        return codes;
    }

    Faces faces() {
        return faces;
    }

    int[] owner() {
        return owner;
    }

    GeometryFactory factory() {
        return factory;
    }

    public TopologyOptions options() {
        return options;
    }

    /** What was found and done while building the partition. */
    public TopologyReport report() {
        return report;
    }

    /** The codes that own at least one face, sorted. */
    public List<String> codes() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (facesOf[i].length > 0) {
                out.add(codes.get(i));
            }
        }
        return out;
    }

    /** The outline of one code: a Polygon or MultiPolygon, empty when the code owns no face (or is unknown). */
    public Geometry outline(String code) {
        Integer i = indexOf.get(code);
        return i == null ? factory.createPolygon() : union(facesOf[i]);
    }

    /** Every code's outline, by code. */
    public SortedMap<String, Geometry> outlines() {
        return dissolve(Function.identity());
    }

    /**
     * The outlines of groups of codes (areas of a plan, districts): each the union of its codes'
     * faces, so groups share exactly the same edges. Codes mapped to {@code null} are left out.
     *
     * @return group → Polygon or MultiPolygon, by group
     */
    public SortedMap<String, Geometry> dissolve(Function<String, String> groupOf) {
        Map<String, List<Integer>> byGroup = new TreeMap<>();
        for (int f = 0; f < owner.length; f++) {
            if (owner[f] >= 0) {
                String g = groupOf.apply(codes.get(owner[f]));
                if (g != null) {
                    byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(f);
                }
            }
        }
        List<String> groups = new ArrayList<>(byGroup.keySet());
        Geometry[] out = new Geometry[groups.size()];
        IntStream.range(0, groups.size()).parallel().forEach(i ->
                out[i] = union(byGroup.get(groups.get(i)).stream().mapToInt(Integer::intValue).toArray()));
        TreeMap<String, Geometry> result = new TreeMap<>();
        for (int i = 0; i < groups.size(); i++) {
            result.put(groups.get(i), out[i]);
        }
        return Collections.unmodifiableSortedMap(result);
    }

    /**
     * The connected parts of a code's outline: groups of its faces joined by shared edges (parts
     * touching at a corner only are separate). Largest first, ties in face order.
     */
    public List<Part> parts(String code) {
        Integer c = indexOf.get(code);
        if (c == null) {
            return List.of();
        }
        List<Part> out = new ArrayList<>();
        boolean[] seen = new boolean[owner.length];
        for (int start : facesOf[c]) {
            if (seen[start]) {
                continue;
            }
            List<Integer> members = new ArrayList<>();
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(start);
            seen[start] = true;
            double area = 0;
            while (!queue.isEmpty()) {
                int f = queue.poll();
                members.add(f);
                area += faces.faces.get(f).getArea();
                for (int g : faces.neighbours[f]) {
                    if (g >= 0 && !seen[g] && owner[g] == c) {
                        seen[g] = true;
                        queue.add(g);
                    }
                }
            }
            Collections.sort(members);
            out.add(new Part(code, members.stream().mapToInt(Integer::intValue).toArray(), area));
        }
        out.sort((a, b) -> a.area() != b.area() ? Double.compare(b.area(), a.area())
                : Integer.compare(a.faces[0], b.faces[0]));
        return List.copyOf(out);
    }

    /** The codes a part borders, with the length of edge it shares with each, by code. */
    public SortedMap<String, Double> neighbours(Part part) {
        return neighbours(part, List.of());
    }

    /**
     * The codes a part borders, with the length of edge it shares with each, by code, not
     * counting edges shared with the {@code ignoring} parts (nor with the part's own code).
     */
    public SortedMap<String, Double> neighbours(Part part, Collection<Part> ignoring) {
        int own = check(part);
        boolean[] skip = new boolean[owner.length];
        for (Part q : ignoring) {
            check(q);
            for (int f : q.faces) {
                skip[f] = true;
            }
        }
        TreeMap<String, Double> out = new TreeMap<>();
        for (int f : part.faces) {
            int[] across = faces.neighbours[f];
            for (int k = 0; k < across.length; k++) {
                int g = across[k];
                if (g >= 0 && owner[g] >= 0 && owner[g] != own && !skip[g]) {
                    out.merge(codes.get(owner[g]), faces.shared[f][k], Double::sum);
                }
            }
        }
        return Collections.unmodifiableSortedMap(out);
    }

    /** The outline of one part. */
    public Geometry outline(Part part) {
        check(part);
        return union(part.faces);
    }

    /**
     * The same faces with some parts given to other codes (which must be codes of this topology).
     *
     * @throws IllegalArgumentException for a part of another topology or an unknown target code
     */
    public Topology reassign(Map<Part, String> moves) {
        int[] next = owner.clone();
        for (Map.Entry<Part, String> m : moves.entrySet()) {
            check(m.getKey());
            Integer to = indexOf.get(m.getValue());
            if (to == null) {
                throw new IllegalArgumentException("unknown code " + m.getValue());
            }
            for (int f : m.getKey().faces) {
                next[f] = to;
            }
        }
        return new Topology(codes, faces, next, options, report, factory);
    }

    /**
     * This partition with every shared edge simplified once, by {@code tolerance} (in coordinate
     * units; area-based, so wiggles narrower than about the tolerance go), then noded again on the
     * grid. No code disappears: every ring keeps at least a triangle.
     */
    public Topology simplified(double tolerance) {
        if (!(tolerance > 0)) {
            return this;
        }
        List<String> cs = codes();
        Geometry[] in = new Geometry[cs.size()];
        for (int i = 0; i < cs.size(); i++) {
            in[i] = outline(cs.get(i));
        }
        CoverageSimplifier simplifier = new CoverageSimplifier(in);
        simplifier.setRemovableRingSizeFactor(0);
        Geometry[] out = simplifier.simplify(tolerance);
        Map<String, Geometry> m = new HashMap<>();
        for (int i = 0; i < cs.size(); i++) {
            m.put(cs.get(i), polygonal(out[i]));
        }
        return of(m, options);
    }

    /**
     * This partition's outlines mapped through {@code transform} (a reprojection, say) and noded
     * again on the grid of {@code target}: the images of shared edges are shared again, and
     * whatever the new grid collapses is cleaned as any gap or overlap.
     */
    public Topology transformed(UnaryOperator<Geometry> transform, TopologyOptions target) {
        SortedMap<String, Geometry> outlines = outlines();
        Map<String, Geometry> m = new HashMap<>();
        outlines.forEach((code, g) -> m.put(code, transform.apply(g)));
        return of(m, target);
    }

    private int check(Part part) {
        Integer c = indexOf.get(part.code());
        int[] fs = part.faces;
        if (c == null || fs.length == 0 || fs[fs.length - 1] >= owner.length || owner[fs[0]] != c) {
            throw new IllegalArgumentException("not a part of this topology: " + part);
        }
        return c;
    }

    private Geometry union(int[] fs) {
        if (fs.length == 0) {
            return factory.createPolygon();
        }
        if (fs.length == 1) {
            return faces.faces.get(fs[0]);
        }
        Geometry[] parts = new Geometry[fs.length];
        for (int i = 0; i < fs.length; i++) {
            parts[i] = faces.faces.get(fs[i]);
        }
        return polygonal(CoverageUnion.union(parts).norm()); // normal form: the same outline, the same coordinates
    }

    /** The polygons of {@code g}: itself when polygonal, else a Polygon or MultiPolygon of its polygons. */
    private Geometry polygonal(Geometry g) {
        if (g instanceof Polygonal) {
            return g;
        }
        @SuppressWarnings("unchecked")
        List<Polygon> ps = PolygonExtracter.getPolygons(g);
        if (ps.isEmpty()) {
            return factory.createPolygon();
        }
        return ps.size() == 1 ? ps.get(0) : factory.createMultiPolygon(ps.toArray(new Polygon[0]));
    }

    /** For tests: the number of faces and how many each code owns. */
    int faceCount() {
        return owner.length;
    }

    /** A connected part of a code's outline: its faces (sorted) and area. */
    public record Part(String code, int[] faces, double area) {
        public Part {
            Objects.requireNonNull(code, "code");
            faces = faces.clone();
        }

        @Override
        public int[] faces() {
            return faces.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Part p && code.equals(p.code) && Arrays.equals(faces, p.faces);
        }

        @Override
        public int hashCode() {
            return 31 * code.hashCode() + Arrays.hashCode(faces);
        }

        @Override
        public String toString() {
            return "Part[" + code + ", " + faces.length + " faces, area " + area + "]";
        }
    }
}
