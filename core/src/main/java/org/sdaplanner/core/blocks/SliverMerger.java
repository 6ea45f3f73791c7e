package org.sdaplanner.core.blocks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import org.sdaplanner.core.geography.Parish;
import org.sdaplanner.core.topology.Topology;
import org.sdaplanner.core.topology.TopologyOptions;

/**
 * Cleans a block set's outlines through one {@link Topology} and folds slivers into their
 * neighbours.
 *
 * <ol>
 *   <li>The raw outlines (parishes, LSOAs and LSOA remainders, which come from different
 *       sources and so overlap and gap by a few metres) are noded into one partition: every
 *       block's outline is then made of edges it shares exactly with its neighbours.</li>
 *   <li>The part of an LSOA outside every civil parish (in an LSOA that is partly parished) is a
 *       sliver when the {@link SliverRule} says so; then every connected part of it is. A
 *       remainder that is not a sliver keeps its largest part, and each of its other, detached,
 *       parts is judged by the same rule on its own (its land and residents as shares of the
 *       LSOA's): field edges cut off by a boundary wiggle are not a community either.</li>
 *   <li>Each sliver part joins the neighbouring block of the same district with which it shares
 *       the longest edge, sliver parts not counting as neighbours; a part that touches only other
 *       slivers follows them in a later round. A part with no neighbour in its district stays.</li>
 *   <li>A remainder's residents and registered patients are shared among its parts by the
 *       postcode points inside each (by land when it has none) and go with them; the last part
 *       of a sliver that is gone takes the remainder, so the totals do not change. The blocks
 *       joined take the people into their LSOA pieces and PCN affinity.</li>
 * </ol>
 */
public final class SliverMerger {

    private SliverMerger() {
    }

    /** A sliver part waiting for a block: which remainder it is of, and its share of that remainder's people. */
    private record Pending(Topology.Part part, double peopleShare) {
    }

    /**
     * The blocks of {@code raw} with clean outlines and without slivers.
     *
     * @param shares    the PCN shares the raw blocks' affinities were made with
     * @param postcodes postcode points (EPSG:27700) to share a remainder's people among its parts; may be empty
     */
    public static BlockSet merge(BlockSet raw, LsoaShares shares, SliverRule rule, TopologyOptions options,
                                 Collection<Point> postcodes) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(rule, "rule");
        LsoaShares sh = shares == null ? LsoaShares.NONE : shares;
        Map<String, Geometry> outlines = new HashMap<>();
        Map<String, BuildingBlock> byCode = new LinkedHashMap<>();
        for (BuildingBlock b : raw.blocks()) {
            outlines.put(b.code(), b.geometry());
            byCode.put(b.code(), b);
        }
        Topology topology = Topology.of(outlines, options);
        STRtree points = index(postcodes);

        List<Pending> pending = new ArrayList<>();
        for (String code : remainders(raw)) {
            BuildingBlock b = byCode.get(code);
            List<Topology.Part> parts = topology.parts(code);
            double[] people = peopleShares(topology, parts, points);
            double lsoaArea = raw.overlay().lsoa(code).geometry().getArea();
            double weight = b.pieces().get(0).weight();
            boolean whole = rule.isSliver(areaShare(raw.overlay(), code), weight);
            for (int i = 0; i < parts.size(); i++) {
                Topology.Part p = parts.get(i);
                if (whole || (i > 0 && rule.isSliver(p.area() / lsoaArea, weight * people[i]))) {
                    pending.add(new Pending(p, people[i]));
                }
            }
        }

        // rounds: every sliver part with a neighbour of its district that is not a sliver joins the one it shares most edge with
        Map<String, Map<String, Double>> moved = new TreeMap<>(); // remainder → block joined → share of the remainder's people
        Map<String, Map<String, Double>> movedArea = new TreeMap<>();
        Topology t = topology;
        while (!pending.isEmpty()) {
            List<Topology.Part> waiting = pending.stream().map(Pending::part).toList();
            Map<Topology.Part, String> moves = new LinkedHashMap<>();
            List<Pending> placed = new ArrayList<>();
            for (Pending x : pending) {
                String code = x.part().code();
                String district = byCode.get(code).districtCode();
                String best = null;
                double bestLength = 0;
                for (Map.Entry<String, Double> n : t.neighbours(x.part(), waiting).entrySet()) {
                    if (Objects.equals(byCode.get(n.getKey()).districtCode(), district) && n.getValue() > bestLength) {
                        best = n.getKey();
                        bestLength = n.getValue();
                    }
                }
                if (best != null) {
                    moves.put(x.part(), best);
                    placed.add(x);
                    moved.computeIfAbsent(code, k -> new TreeMap<>()).merge(best, x.peopleShare(), Double::sum);
                    movedArea.computeIfAbsent(code, k -> new TreeMap<>()).merge(best, x.part().area(), Double::sum);
                }
            }
            if (moves.isEmpty()) {
                break;
            }
            t = t.reassign(moves);
            pending.removeAll(placed);
            // a detached part that a joined sliver now links to its own block is simply whole again
            Topology now = t;
            pending.removeIf(x -> !now.parts(x.part().code()).contains(x.part()));
        }
        Set<String> kept = new TreeSet<>();
        for (Pending x : pending) {
            kept.add(x.part().code());
        }
        return rebuild(raw, byCode, t, moved, movedArea, kept, sh, rule);
    }

    /** The unparished blocks of LSOAs that lie partly in civil parishes: the only blocks that can have slivers. */
    static Set<String> remainders(BlockSet raw) {
        OverlayResult overlay = raw.overlay();
        Set<String> out = new TreeSet<>();
        for (BuildingBlock b : raw.blocks()) {
            if (b.kind() != BlockKind.UNPARISHED || b.pieces().size() != 1) {
                continue;
            }
            for (LsoaPiece p : overlay.piecesOf(b.code())) {
                Parish parish = p.parishCode() == null ? null : overlay.parish(p.parishCode());
                if (parish != null && !parish.unparished()) {
                    out.add(b.code());
                    break;
                }
            }
        }
        return out;
    }

    /** The remainder's share of its LSOA's land: its pieces outside the civil parishes. */
    private static double areaShare(OverlayResult overlay, String lsoaCode) {
        double s = 0;
        for (LsoaPiece p : overlay.piecesOf(lsoaCode)) {
            Parish parish = p.parishCode() == null ? null : overlay.parish(p.parishCode());
            if (parish == null || parish.unparished()) {
                s += p.areaShare();
            }
        }
        return s;
    }

    private static STRtree index(Collection<Point> points) {
        STRtree tree = new STRtree();
        if (points != null) {
            for (Point p : points) {
                if (p != null && !p.isEmpty()) {
                    tree.insert(p.getEnvelopeInternal(), p.getCoordinate());
                }
            }
        }
        tree.build();
        return tree;
    }

    /** Each part's share of its remainder's people: by the postcode points inside, by land when there are none. */
    private static double[] peopleShares(Topology t, List<Topology.Part> parts, STRtree points) {
        double[] share = new double[parts.size()];
        if (parts.size() == 1) {
            share[0] = 1;
            return share;
        }
        int[] count = new int[parts.size()];
        int total = 0;
        double land = 0;
        for (int i = 0; i < parts.size(); i++) {
            Geometry g = t.outline(parts.get(i));
            IndexedPointInAreaLocator in = new IndexedPointInAreaLocator(g);
            @SuppressWarnings("unchecked")
            List<Coordinate> near = points.query(g.getEnvelopeInternal());
            for (Coordinate c : near) {
                if (in.locate(c) != Location.EXTERIOR) {
                    count[i]++;
                }
            }
            total += count[i];
            land += parts.get(i).area();
        }
        for (int i = 0; i < parts.size(); i++) {
            share[i] = total > 0 ? (double) count[i] / total : land > 0 ? parts.get(i).area() / land : 1.0 / parts.size();
        }
        return share;
    }

    private static BlockSet rebuild(BlockSet raw, Map<String, BuildingBlock> byCode, Topology t,
                                    Map<String, Map<String, Double>> moved, Map<String, Map<String, Double>> movedArea,
                                    Set<String> kept, LsoaShares shares, SliverRule rule) {
        Map<String, List<BlockPiece>> incoming = new HashMap<>();
        Map<String, BlockPiece> left = new HashMap<>();
        List<SliverMerge> merges = new ArrayList<>();
        Set<String> gone = new HashSet<>();
        for (Map.Entry<String, Map<String, Double>> e : moved.entrySet()) {
            String code = e.getKey();
            BuildingBlock from = byCode.get(code);
            BlockPiece piece = from.pieces().get(0);
            boolean allGone = t.parts(code).isEmpty();
            List<String> targets = new ArrayList<>(e.getValue().keySet());
            double w = piece.weight();
            double r = piece.residentPopulation();
            double g = piece.registeredPopulation();
            for (int i = 0; i < targets.size(); i++) {
                String target = targets.get(i);
                double share = e.getValue().get(target);
                // whoever takes the last part of a remainder that is gone takes what is left, so nothing is lost
                BlockPiece part = allGone && i == targets.size() - 1 ? new BlockPiece(piece.lsoaCode(), w, r, g)
                        : new BlockPiece(piece.lsoaCode(), piece.weight() * share, piece.residentPopulation() * share,
                        piece.registeredPopulation() * share);
                w -= part.weight();
                r -= part.residentPopulation();
                g -= part.registeredPopulation();
                incoming.computeIfAbsent(target, k -> new ArrayList<>()).add(part);
                merges.add(new SliverMerge(code, from.districtCode(), target, byCode.get(target).name(),
                        movedArea.get(code).get(target), part.residentPopulation(), part.registeredPopulation(), allGone));
            }
            if (allGone) {
                gone.add(code);
            } else {
                left.put(code, new BlockPiece(piece.lsoaCode(), w, r, g));
            }
        }
        List<BuildingBlock> blocks = new ArrayList<>();
        for (BuildingBlock b : raw.blocks()) {
            if (gone.contains(b.code())) {
                continue;
            }
            Geometry outline = t.outline(b.code());
            if (outline.isEmpty()) {
                outline = b.geometry(); // all it had lay under others' overlaps: keep what it was drawn as
            }
            List<BlockPiece> pieces = left.containsKey(b.code()) ? List.of(left.get(b.code())) : b.pieces();
            if (incoming.containsKey(b.code())) {
                pieces = mergePieces(pieces, incoming.get(b.code()));
            }
            if (pieces == b.pieces()) {
                blocks.add(new BuildingBlock(b.code(), b.name(), b.kind(), b.districtCode(), outline,
                        b.residentPopulation(), b.registeredPopulation(), b.pcnAffinity(), b.pieces()));
                continue;
            }
            double res = 0;
            double reg = 0;
            for (BlockPiece p : pieces) {
                res += p.residentPopulation();
                reg += p.registeredPopulation();
            }
            blocks.add(new BuildingBlock(b.code(), b.name(), b.kind(), b.districtCode(), outline, res, reg,
                    BlockBuilder.affinity(pieces, shares), pieces));
        }
        return new BlockSet(blocks, raw.apportionment(), raw.unplacedLsoas(), merges, List.copyOf(kept), t.report(), rule);
    }

    /** The block's pieces with others added: one piece per LSOA (weights and people summed), by LSOA code. */
    private static List<BlockPiece> mergePieces(List<BlockPiece> own, List<BlockPiece> added) {
        TreeMap<String, BlockPiece> m = new TreeMap<>();
        for (BlockPiece p : own) {
            m.put(p.lsoaCode(), p);
        }
        for (BlockPiece p : added) {
            m.merge(p.lsoaCode(), p, (a, b) -> new BlockPiece(a.lsoaCode(), a.weight() + b.weight(),
                    a.residentPopulation() + b.residentPopulation(), a.registeredPopulation() + b.registeredPopulation()));
        }
        return List.copyOf(m.values());
    }
}
