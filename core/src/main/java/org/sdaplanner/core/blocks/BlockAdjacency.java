package org.sdaplanner.core.blocks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Which blocks are neighbours: an immutable, undirected graph over block codes.
 *
 * <p>Two blocks are neighbours when the boundary they share is longer than
 * {@link AdjacencyOptions#minSharedLength()} (1 m by default), where boundary lines up to
 * {@link AdjacencyOptions#snapTolerance()} apart (2 m by default) and within
 * {@link AdjacencyOptions#maxAngleDegrees()} of parallel count as shared. Blocks touching at a
 * corner share no length; see {@code SharedBoundary} for the exact measure. Candidate pairs come
 * from an STR-tree of block envelopes expanded by the snap tolerance.
 *
 * <p>Beyond the graph: connected components (largest first), the islands (every block outside
 * the largest component, and every block without any neighbour), and declared
 * {@link Bridge}s, which link blocks that share no boundary and so join components.
 * All lists are sorted; the result does not depend on input order or thread scheduling.
 */
public final class BlockAdjacency {

    private final List<String> codes;
    private final Map<String, Integer> indexOf;
    private final List<List<Neighbour>> neighbours;
    private final List<Bridge> bridges;
    private final AdjacencyOptions options;
    private final List<List<String>> components;

    private BlockAdjacency(List<String> codes, List<List<Neighbour>> neighbours, List<Bridge> bridges,
                           AdjacencyOptions options) {
        this.codes = List.copyOf(codes);
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < this.codes.size(); i++) {
            idx.put(this.codes.get(i), i);
        }
        this.indexOf = Collections.unmodifiableMap(idx);
        List<List<Neighbour>> ns = new ArrayList<>(neighbours.size());
        for (List<Neighbour> l : neighbours) {
            List<Neighbour> sorted = new ArrayList<>(l);
            sorted.sort(Comparator.comparing(Neighbour::code));
            ns.add(List.copyOf(sorted));
        }
        this.neighbours = List.copyOf(ns);
        this.bridges = List.copyOf(bridges);
        this.options = options;
        this.components = computeComponents();
    }

    /** A graph exactly as an earlier one held it (for {@link BlockAnalysisCodec}): the lists as given, nothing measured. */
    static BlockAdjacency restored(List<String> codes, List<List<Neighbour>> neighbours, List<Bridge> bridges,
                                   AdjacencyOptions options) {
        return new BlockAdjacency(codes, neighbours, bridges, options);
    }

    /** The adjacency of building blocks with the default options. */
    public static BlockAdjacency of(Collection<BuildingBlock> blocks) {
        return of(blocks, AdjacencyOptions.DEFAULTS);
    }

    /** The adjacency of building blocks. */
    public static BlockAdjacency of(Collection<BuildingBlock> blocks, AdjacencyOptions options) {
        Map<String, Geometry> geometries = new LinkedHashMap<>();
        for (BuildingBlock b : blocks) {
            if (geometries.put(b.code(), b.geometry()) != null) {
                throw new IllegalArgumentException("Duplicate block code: " + b.code());
            }
        }
        return ofGeometries(geometries, options);
    }

    /**
     * The adjacency of any polygonal geometries keyed by code (blocks, areas, LSOAs).
     *
     * @param geometries code → polygonal geometry, EPSG:27700
     */
    public static BlockAdjacency ofGeometries(Map<String, ? extends Geometry> geometries, AdjacencyOptions options) {
        Objects.requireNonNull(geometries, "geometries");
        Objects.requireNonNull(options, "options");
        List<String> codes = new ArrayList<>(new TreeSet<>(geometries.keySet()));
        int n = codes.size();
        SharedBoundary.Segments[] segs = IntStream.range(0, n).parallel()
                .mapToObj(i -> {
                    Geometry g = geometries.get(codes.get(i));
                    return g == null || g.isEmpty() ? null : new SharedBoundary.Segments(g);
                })
                .toArray(SharedBoundary.Segments[]::new);
        double tol = options.snapTolerance();
        STRtree tree = new STRtree();
        for (int i = 0; i < n; i++) {
            if (segs[i] != null) {
                tree.insert(segs[i].envelope, i);
            }
        }
        tree.build();
        SharedBoundary measure = new SharedBoundary(tol, options.maxAngleDegrees());
        // for each i, neighbours j > i with their shared length
        List<double[][]> found = IntStream.range(0, n).parallel()
                .mapToObj(i -> {
                    if (segs[i] == null) {
                        return new double[0][];
                    }
                    Envelope e = new Envelope(segs[i].envelope);
                    e.expandBy(tol);
                    @SuppressWarnings("unchecked")
                    List<Integer> cands = new ArrayList<>((List<Integer>) tree.query(e));
                    cands.sort(null);
                    List<double[]> out = new ArrayList<>();
                    for (int j : cands) {
                        if (j <= i) {
                            continue;
                        }
                        double len = measure.length(segs[i], segs[j]);
                        if (len > options.minSharedLength()) {
                            out.add(new double[] {j, len});
                        }
                    }
                    return out.toArray(new double[0][]);
                })
                .toList();
        List<List<Neighbour>> adj = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            adj.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (double[] f : found.get(i)) {
                int j = (int) f[0];
                adj.get(i).add(new Neighbour(codes.get(j), f[1], false));
                adj.get(j).add(new Neighbour(codes.get(i), f[1], false));
            }
        }
        return new BlockAdjacency(codes, adj, List.of(), options);
    }

    /**
     * This graph plus declared bridges. A bridge between blocks that are already neighbours
     * marks the link as declared and keeps its shared length; otherwise it adds a link of length
     * 0. Bridges are given by code in any order; repeats are ignored.
     *
     * @throws IllegalArgumentException when a bridge names a code that is not a block, or links
     *                                  a block to itself; the message lists every such bridge
     */
    public BlockAdjacency withBridges(Collection<Bridge> declared) {
        Objects.requireNonNull(declared, "declared");
        List<String> problems = new ArrayList<>();
        for (Bridge b : declared) {
            List<String> unknown = new ArrayList<>();
            if (!indexOf.containsKey(b.codeA())) {
                unknown.add(b.codeA());
            }
            if (!indexOf.containsKey(b.codeB()) && !b.codeB().equals(b.codeA())) {
                unknown.add(b.codeB());
            }
            if (!unknown.isEmpty()) {
                problems.add("bridge " + b + " names unknown block code" + (unknown.size() > 1 ? "s " : " ")
                        + String.join(", ", unknown));
            } else if (b.codeA().equals(b.codeB())) {
                problems.add("bridge " + b + " links a block to itself");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid declared bridges: " + String.join("; ", problems));
        }
        List<Map<String, Neighbour>> adj = new ArrayList<>(codes.size());
        for (List<Neighbour> l : neighbours) {
            Map<String, Neighbour> m = new TreeMap<>();
            for (Neighbour nb : l) {
                m.put(nb.code(), nb);
            }
            adj.add(m);
        }
        TreeMap<String, Bridge> all = new TreeMap<>();
        for (Bridge b : bridges) {
            all.put(key(b), normal(b));
        }
        for (Bridge b : declared) {
            all.put(key(b), normal(b));
        }
        for (Bridge b : all.values()) {
            int i = indexOf.get(b.codeA());
            int j = indexOf.get(b.codeB());
            Neighbour existing = adj.get(i).get(b.codeB());
            double len = existing == null ? 0.0 : existing.sharedLength();
            adj.get(i).put(b.codeB(), new Neighbour(b.codeB(), len, true));
            adj.get(j).put(b.codeA(), new Neighbour(b.codeA(), len, true));
        }
        List<List<Neighbour>> lists = new ArrayList<>(adj.size());
        for (Map<String, Neighbour> m : adj) {
            lists.add(new ArrayList<>(m.values()));
        }
        return new BlockAdjacency(codes, lists, new ArrayList<>(all.values()), options);
    }

    private static Bridge normal(Bridge b) {
        return b.codeA().compareTo(b.codeB()) <= 0 ? b : new Bridge(b.codeB(), b.codeA());
    }

    private static String key(Bridge b) {
        Bridge n = normal(b);
        return n.codeA() + "\u0000" + n.codeB();
    }

    /** All block codes, sorted. */
    public List<String> codes() {
        return codes;
    }

    public AdjacencyOptions options() {
        return options;
    }

    /** The declared bridges, each with its codes in order, sorted. */
    public List<Bridge> bridges() {
        return bridges;
    }

    /** The neighbours of a block, sorted by code. */
    public List<Neighbour> neighbours(String code) {
        return neighbours.get(index(code));
    }

    /** The codes of a block's neighbours, sorted. */
    public List<String> neighbourCodes(String code) {
        List<String> out = new ArrayList<>();
        for (Neighbour nb : neighbours(code)) {
            out.add(nb.code());
        }
        return out;
    }

    /** True when the two blocks are neighbours (by boundary or by a bridge). */
    public boolean adjacent(String a, String b) {
        index(b);
        for (Neighbour nb : neighbours(a)) {
            if (nb.code().equals(b)) {
                return true;
            }
        }
        return false;
    }

    /** Shared boundary length of two blocks in metres, 0 when they are not neighbours. */
    public double sharedLength(String a, String b) {
        index(b);
        for (Neighbour nb : neighbours(a)) {
            if (nb.code().equals(b)) {
                return nb.sharedLength();
            }
        }
        return 0.0;
    }

    /** Number of links (each counted once). */
    public int edgeCount() {
        int s = 0;
        for (List<Neighbour> l : neighbours) {
            s += l.size();
        }
        return s / 2;
    }

    /**
     * Connected components, each sorted by code; the largest first, ties by first code.
     */
    public List<List<String>> components() {
        return components;
    }

    /** The largest component (empty when there are no blocks). */
    public List<String> mainComponent() {
        return components.isEmpty() ? List.of() : components.get(0);
    }

    /** The components other than the largest. */
    public List<List<String>> islandComponents() {
        return components.size() <= 1 ? List.of() : components.subList(1, components.size());
    }

    /** Blocks with no neighbour at all, sorted. */
    public List<String> isolated() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (neighbours.get(i).isEmpty()) {
                out.add(codes.get(i));
            }
        }
        return out;
    }

    /** The islands: blocks outside the largest component plus blocks with no neighbour, sorted. */
    public List<String> islands() {
        TreeSet<String> out = new TreeSet<>(isolated());
        for (List<String> c : islandComponents()) {
            out.addAll(c);
        }
        return List.copyOf(out);
    }

    /** True when every block is reachable from every other. */
    public boolean connected() {
        return components.size() <= 1;
    }

    private int index(String code) {
        Integer i = indexOf.get(code);
        if (i == null) {
            throw new IllegalArgumentException("Unknown block code: " + code);
        }
        return i;
    }

    private List<List<String>> computeComponents() {
        int n = codes.size();
        int[] comp = new int[n];
        Arrays.fill(comp, -1);
        List<List<String>> out = new ArrayList<>();
        int[] stack = new int[n];
        for (int s = 0; s < n; s++) {
            if (comp[s] >= 0) {
                continue;
            }
            int c = out.size();
            List<String> members = new ArrayList<>();
            int top = 0;
            stack[top++] = s;
            comp[s] = c;
            while (top > 0) {
                int v = stack[--top];
                members.add(codes.get(v));
                for (Neighbour nb : neighbours.get(v)) {
                    int w = indexOf.get(nb.code());
                    if (comp[w] < 0) {
                        comp[w] = c;
                        stack[top++] = w;
                    }
                }
            }
            Collections.sort(members);
            out.add(List.copyOf(members));
        }
        out.sort(Comparator.<List<String>>comparingInt(List::size).reversed()
                .thenComparing(l -> l.get(0)));
        return List.copyOf(out);
    }
}
