package org.sdaplanner.core.blocks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.core.geography.Parish;

/**
 * Cuts LSOAs by parishes: for every LSOA, one {@link LsoaPiece} per parish it overlaps, plus
 * one piece for its part outside every parish.
 *
 * <p>Method:
 * <ol>
 *   <li>Inputs that are invalid or not polygonal are repaired with {@code GeometryFixer}
 *       (a bow-tie becomes two triangles; nothing is dropped) and counted in
 *       {@link OverlayResult#repairedLsoas()} / {@link OverlayResult#repairedParishes()}. A
 *       {@code null} geometry is read as empty (not counted as a repair): an empty parish has no
 *       pieces, an empty LSOA one empty piece.</li>
 *   <li>Parishes go into an STR-tree; for each LSOA only the parishes whose envelope meets the
 *       LSOA's are tried. The area of each LSOA ∩ parish is computed exactly without building
 *       the intersection ({@link IntersectionArea}); an area within 1e-12 of the whole LSOA (or
 *       parish) is taken as the whole, and one under 1e-12 of the LSOA as none. A piece's
 *       outline is built only when asked for ({@link LsoaPiece#geometry()}): the LSOA itself
 *       when it lies in the parish, the parish when it lies in the LSOA, otherwise an
 *       {@code OverlayNG} intersection snap-rounded to {@link OverlayOptions#gridSize()} (1 mm
 *       by default).</li>
 *   <li>The part of the LSOA outside every parish gets the area the parish pieces leave
 *       uncovered, and is a piece only when that is at least the sliver tolerance. Its outline,
 *       when asked for, is the LSOA minus each overlapping parish in turn. (Overlapping parishes
 *       would count their overlap twice in that area; real parish layers are a partition, and
 *       overlaps in generalised layers are a few m².)</li>
 *   <li>Pieces under the sliver tolerance ({@link OverlayOptions}) are dropped and the area
 *       shares of the LSOA's other pieces renormalised to sum to 1, so population is conserved.
 *       Every LSOA keeps at least one piece; an LSOA with an empty geometry gets one empty piece
 *       outside every parish with share 1.</li>
 * </ol>
 * LSOAs are processed in parallel when {@link OverlayOptions#parallel()} is set; the output is
 * sorted by LSOA code then parish code, so it does not depend on thread scheduling.
 */
public final class LsoaParishOverlay {

    private final OverlayOptions options;

    public LsoaParishOverlay() {
        this(OverlayOptions.DEFAULTS);
    }

    public LsoaParishOverlay(OverlayOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public OverlayOptions options() {
        return options;
    }

    /** Overlay with the default options. */
    public static OverlayResult of(Collection<Lsoa> lsoas, Collection<Parish> parishes) {
        return new LsoaParishOverlay().overlay(lsoas, parishes);
    }

    /**
     * Cuts the LSOAs by the parishes.
     *
     * @throws IllegalArgumentException when two LSOAs or two parishes share a code
     */
    public OverlayResult overlay(Collection<Lsoa> lsoas, Collection<Parish> parishes) {
        Objects.requireNonNull(lsoas, "lsoas");
        Objects.requireNonNull(parishes, "parishes");
        List<Lsoa> sortedLsoas = new ArrayList<>(lsoas);
        sortedLsoas.sort(Comparator.comparing(Lsoa::code));
        checkUnique(sortedLsoas.stream().map(Lsoa::code).toList(), "LSOA");
        List<Parish> sortedParishes = new ArrayList<>(parishes);
        sortedParishes.sort(Comparator.comparing(Parish::code));
        checkUnique(sortedParishes.stream().map(Parish::code).toList(), "parish");

        // 1. repair
        List<Lsoa> fixedLsoas = stream(sortedLsoas.size())
                .mapToObj(i -> {
                    Lsoa l = sortedLsoas.get(i);
                    Geometry g = Geometries.repair(l.geometry());
                    return g == l.geometry() ? l : new Lsoa(l.code(), l.name(), l.districtCode(), g);
                }).toList();
        List<Parish> fixedParishes = stream(sortedParishes.size())
                .mapToObj(i -> {
                    Parish p = sortedParishes.get(i);
                    Geometry g = Geometries.repair(p.geometry());
                    return g == p.geometry() ? p
                            : new Parish(p.code(), p.name(), p.districtCode(), p.unparished(), g);
                }).toList();
        List<String> repairedLsoas = new ArrayList<>();
        for (int i = 0; i < fixedLsoas.size(); i++) {
            if (fixedLsoas.get(i) != sortedLsoas.get(i) && sortedLsoas.get(i).geometry() != null) {
                repairedLsoas.add(fixedLsoas.get(i).code());
            }
        }
        List<String> repairedParishes = new ArrayList<>();
        for (int i = 0; i < fixedParishes.size(); i++) {
            if (fixedParishes.get(i) != sortedParishes.get(i) && sortedParishes.get(i).geometry() != null) {
                repairedParishes.add(fixedParishes.get(i).code());
            }
        }

        // 2. index the parishes
        STRtree tree = new STRtree();
        IntersectionArea.Shape[] shapes = stream(fixedParishes.size())
                .mapToObj(i -> IntersectionArea.Shape.of(fixedParishes.get(i).geometry()))
                .toArray(IntersectionArea.Shape[]::new);
        double[] parishAreas = new double[fixedParishes.size()];
        for (int i = 0; i < fixedParishes.size(); i++) {
            Geometry g = fixedParishes.get(i).geometry();
            if (!g.isEmpty()) {
                parishAreas[i] = g.getArea();
                tree.insert(g.getEnvelopeInternal(), i);
            }
        }
        tree.build();

        // 3. cut every LSOA
        PrecisionModel pm = grid(options);
        Parishes index = new Parishes(fixedParishes, shapes, parishAreas, tree);
        List<LsoaCut> cuts = stream(fixedLsoas.size())
                .mapToObj(i -> cut(fixedLsoas.get(i), index, pm))
                .toList();

        List<LsoaPiece> pieces = new ArrayList<>();
        int dropped = 0;
        double droppedArea = 0;
        for (LsoaCut c : cuts) {
            pieces.addAll(c.pieces);
            dropped += c.dropped;
            droppedArea += c.droppedArea;
        }
        return new OverlayResult(pieces, fixedLsoas, fixedParishes, repairedLsoas, repairedParishes,
                dropped, droppedArea, options);
    }

    /** The snap-rounding grid of the piece outlines, or null for none. */
    static PrecisionModel grid(OverlayOptions options) {
        return options.gridSize() > 0 ? new PrecisionModel(1.0 / options.gridSize()) : null;
    }

    /**
     * The outline of an LSOA's piece in a parish that neither holds the LSOA nor lies in it, made
     * when first asked for: here, and by a decoded snapshot ({@link BlockAnalysisCodec}), which
     * keeps only the outlines made before it was encoded.
     */
    static LazyGeometry intersection(Geometry lsoa, Geometry parish, PrecisionModel pm) {
        return new LazyGeometry(() -> Geometries.overlay(lsoa, parish, OverlayNG.INTERSECTION, pm));
    }

    /**
     * The part of an LSOA outside the parishes it overlaps (including the slivers about to be
     * dropped): the LSOA less each parish in turn. Each difference clips the parish to what is
     * left of the LSOA, so no LSOA ∩ parish piece has to be built first.
     */
    private static Geometry outside(Geometry lsoa, List<Geometry> parishes, PrecisionModel pm) {
        Geometry rest = lsoa;
        for (Geometry p : parishes) {
            if (rest.isEmpty()) {
                break;
            }
            if (rest.getEnvelopeInternal().intersects(p.getEnvelopeInternal())) {
                rest = Geometries.overlay(rest, p, OverlayNG.DIFFERENCE, pm);
            }
        }
        return rest;
    }

    private IntStream stream(int n) {
        IntStream s = IntStream.range(0, n);
        return options.parallel() ? s.parallel() : s;
    }

    private static void checkUnique(List<String> sortedCodes, String what) {
        for (int i = 0; i < sortedCodes.size(); i++) {
            if (sortedCodes.get(i) == null) {
                throw new IllegalArgumentException("A " + what + " has a null code");
            }
            if (i > 0 && sortedCodes.get(i).equals(sortedCodes.get(i - 1))) {
                throw new IllegalArgumentException("Duplicate " + what + " code: " + sortedCodes.get(i));
            }
        }
    }

    /** The indexed parishes: outlines for the lazy piece geometry, rings for the areas. */
    private record Parishes(List<Parish> parishes, IntersectionArea.Shape[] shapes, double[] areas, STRtree tree) {
    }

    /** A candidate piece: the parish (null for the part outside every parish), its outline when made, its area. */
    private record RawPiece(String parishCode, Geometry parish, LazyGeometry geometry, double area) {
    }

    private record LsoaCut(List<LsoaPiece> pieces, int dropped, double droppedArea) {
    }

    /**
     * Areas within this fraction of the whole LSOA (or parish) are taken as the whole: the exact
     * area can miss the whole by rounding (about 1e-14 of it) when the two share edges.
     */
    private static final double WHOLE = 1e-12;

    /**
     * Areas under this fraction of the LSOA are rounding noise (outlines that only touch can
     * come out at ±1e-12 m²), not pieces: 1e-12 of a 1 km² LSOA is a 1 mm square.
     */
    private static final double NOISE = 1e-12;

    private LsoaCut cut(Lsoa lsoa, Parishes index, PrecisionModel pm) {
        Geometry lg = lsoa.geometry();
        if (lg.isEmpty()) {
            return new LsoaCut(List.of(new LsoaPiece(lsoa.code(), null, lg, 0.0, 1.0)), 0, 0.0);
        }
        double lsoaArea = lg.getArea();
        double threshold = options.sliverThreshold(lsoaArea);
        @SuppressWarnings("unchecked")
        List<Integer> candidates = new ArrayList<>((List<Integer>) index.tree().query(lg.getEnvelopeInternal()));
        candidates.sort(null);

        // areas only: the outline of a piece is made if and when someone asks for it
        IntersectionArea.Shape shape = IntersectionArea.Shape.of(lg);
        List<RawPiece> raw = new ArrayList<>(candidates.size() + 1);
        boolean wholeLsoaInOneParish = false;
        for (int idx : candidates) {
            double a = IntersectionArea.of(shape, index.shapes()[idx]);
            if (!(a > lsoaArea * NOISE)) {
                continue;
            }
            Parish parish = index.parishes().get(idx);
            Geometry pg = parish.geometry();
            LazyGeometry geometry;
            if (a >= lsoaArea * (1 - WHOLE)) {
                // the LSOA lies in the parish
                a = lsoaArea;
                geometry = LazyGeometry.of(lg);
                wholeLsoaInOneParish = true;
            } else if (Math.abs(a - index.areas()[idx]) <= index.areas()[idx] * WHOLE) {
                // the parish lies in the LSOA
                a = index.areas()[idx];
                geometry = LazyGeometry.of(pg);
            } else {
                geometry = intersection(lg, pg, pm);
            }
            raw.add(new RawPiece(parish.code(), pg, geometry, a));
        }

        if (!wholeLsoaInOneParish) {
            double covered = 0;
            for (RawPiece r : raw) {
                covered += r.area;
            }
            if (raw.isEmpty()) {
                raw.add(new RawPiece(null, null, LazyGeometry.of(lg), lsoaArea));
            } else if (lsoaArea - covered >= threshold && lsoaArea - covered > lsoaArea * WHOLE) {
                // parish layers are partitions, so the rest of the LSOA is its area less its parish pieces
                List<Geometry> overlapping = new ArrayList<>(raw.size());
                for (RawPiece r : raw) {
                    overlapping.add(r.parish());
                }
                raw.add(new RawPiece(null, null, new LazyGeometry(() -> outside(lg, overlapping, pm)), lsoaArea - covered));
            }
        }

        // drop slivers, keep at least the largest piece
        List<RawPiece> kept = new ArrayList<>(raw.size());
        int dropped = 0;
        double droppedArea = 0;
        RawPiece largest = null;
        for (RawPiece r : raw) {
            if (largest == null || r.area > largest.area) {
                largest = r;
            }
            if (r.area >= threshold) {
                kept.add(r);
            } else {
                dropped++;
                droppedArea += r.area;
            }
        }
        if (kept.isEmpty() && largest != null) {
            kept.add(largest);
            dropped--;
            droppedArea -= largest.area;
        }
        double total = 0;
        for (RawPiece r : kept) {
            total += r.area; // parishes come once each from the index, so one piece per parish
        }
        List<LsoaPiece> out = new ArrayList<>(kept.size());
        for (RawPiece r : kept) {
            double share = total > 0 ? r.area / total : 1.0 / kept.size();
            out.add(new LsoaPiece(lsoa.code(), r.parishCode, r.geometry, r.area, share));
        }
        out.sort(LsoaPiece.ORDER);
        return new LsoaCut(out, dropped, droppedArea);
    }
}
