package org.sdaplanner.core.blocks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.locationtech.jts.geom.Geometry;
import org.sdaplanner.core.geography.Geography;
import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.core.geography.Parish;

/**
 * Groups {@link LsoaPiece}s into {@link BuildingBlock}s.
 *
 * <ul>
 *   <li>Every civil parish (not {@link Parish#unparished()}) is a {@link BlockKind#PARISH} block
 *       with the parish's own geometry, name and district, holding its LSOA pieces. A parish
 *       without any piece (outside the overlaid LSOAs, or only slivers) is still a block, with
 *       zero population.</li>
 *   <li>ONS non-civil parished areas ("Cambridge, unparished area") are not blocks. Each LSOA's
 *       pieces that lie in such areas or outside every parish form one
 *       {@link BlockKind#UNPARISHED} block with the LSOA's code, name and district. Its geometry
 *       is the LSOA itself when the LSOA has no civil-parish piece, otherwise the union of those
 *       pieces.</li>
 * </ul>
 * Populations come from the {@link Apportionment}; the PCN affinity of a block is
 * Σ over its LSOA pieces of (piece residents × share(lsoa, pcn)).
 */
public final class BlockBuilder {

    private BlockBuilder() {
    }

    /**
     * Builds the blocks of a geography: overlay of its LSOAs and parishes with {@code options},
     * apportionment by its postcode points when it has any (by area otherwise), its residents.
     *
     * @param registered registered patients per LSOA code (may be empty)
     * @param shares PCN shares per LSOA
     */
    public static BlockSet build(Geography geography, Map<String, Double> registered, LsoaShares shares,
                                 OverlayOptions options) {
        OverlayResult overlay = new LsoaParishOverlay(options).overlay(geography.lsoas(), geography.parishes());
        Apportionment app = PopulationApportioner.byPostcodes(overlay, geography.postcodes());
        return build(app, geography.residents(), registered, shares);
    }

    /**
     * Builds the blocks from an apportionment (which carries its overlay).
     *
     * @param residents usual residents per LSOA code
     * @param registered registered patients per LSOA code; {@code null} or empty gives 0
     * @param shares PCN shares per LSOA; {@code null} gives empty affinity vectors
     * @throws IllegalArgumentException when a civil parish has the same code as an LSOA that
     *                                  forms an unparished block
     */
    public static BlockSet build(Apportionment apportionment, Map<String, ? extends Number> residents,
                                 Map<String, ? extends Number> registered, LsoaShares shares) {
        Objects.requireNonNull(apportionment, "apportionment");
        Objects.requireNonNull(residents, "residents");
        Map<String, ? extends Number> reg = registered == null ? Map.of() : registered;
        LsoaShares sh = shares == null ? LsoaShares.NONE : shares;
        OverlayResult overlay = apportionment.overlay();
        List<LsoaPiece> pieces = overlay.pieces();
        double[] res = apportionment.apportion(residents);
        double[] regs = apportionment.apportion(reg);

        TreeMap<String, List<Integer>> parishPieces = new TreeMap<>();
        TreeMap<String, List<Integer>> unparishedPieces = new TreeMap<>();
        for (int i = 0; i < pieces.size(); i++) {
            LsoaPiece p = pieces.get(i);
            Parish parish = p.parishCode() == null ? null : overlay.parish(p.parishCode());
            if (parish != null && !parish.unparished()) {
                parishPieces.computeIfAbsent(parish.code(), k -> new ArrayList<>()).add(i);
            } else {
                unparishedPieces.computeIfAbsent(p.lsoaCode(), k -> new ArrayList<>()).add(i);
            }
        }

        List<Task> tasks = new ArrayList<>();
        for (Parish parish : overlay.parishes()) {
            if (!parish.unparished()) {
                tasks.add(new Task(parish, null, parishPieces.getOrDefault(parish.code(), List.of())));
            }
        }
        for (Map.Entry<String, List<Integer>> e : unparishedPieces.entrySet()) {
            Lsoa lsoa = overlay.lsoa(e.getKey());
            if (overlay.parish(lsoa.code()) != null && !overlay.parish(lsoa.code()).unparished()) {
                throw new IllegalArgumentException("Block code clash: " + lsoa.code()
                        + " is both a parish code and the code of an LSOA with an unparished block");
            }
            tasks.add(new Task(null, lsoa, e.getValue()));
        }

        List<BuildingBlock> blocks = new ArrayList<>(tasks.parallelStream()
                .map(t -> t.build(overlay, apportionment, res, regs, sh))
                .toList());
        blocks.sort(Comparator.comparing(BuildingBlock::code));

        TreeSet<String> unplaced = new TreeSet<>(apportionment.unplaced(residents));
        unplaced.addAll(apportionment.unplaced(reg));
        return new BlockSet(blocks, apportionment, new ArrayList<>(unplaced));
    }

    /**
     * The same blocks (outlines, pieces, residents) with registered patients and PCN affinities from
     * another data release: what a new registrations release or practice map does to a region whose
     * blocks stay as they are.
     *
     * @param registered registered patients per LSOA code under the release
     * @param shares     PCN shares per LSOA under the release
     */
    public static List<BuildingBlock> rescored(List<BuildingBlock> blocks, Map<String, ? extends Number> registered,
                                               LsoaShares shares) {
        List<BuildingBlock> out = new ArrayList<>(blocks.size());
        for (BuildingBlock b : blocks) {
            List<BlockPiece> pieces = new ArrayList<>(b.pieces().size());
            double reg = 0;
            for (BlockPiece bp : b.pieces()) {
                Number r = registered.get(bp.lsoaCode());
                double v = r == null ? 0 : bp.weight() * r.doubleValue();
                reg += v;
                pieces.add(new BlockPiece(bp.lsoaCode(), bp.weight(), bp.residentPopulation(), v));
            }
            out.add(new BuildingBlock(b.code(), b.name(), b.kind(), b.districtCode(), b.geometry(), b.residentPopulation(),
                    reg, affinity(pieces, shares), pieces));
        }
        return out;
    }

    /** Σ over the pieces of (piece residents × share(lsoa, pcn)), positive values only, by PCN code. */
    static TreeMap<String, Double> affinity(List<BlockPiece> pieces, LsoaShares shares) {
        TreeMap<String, Double> affinity = new TreeMap<>();
        for (BlockPiece bp : pieces) {
            Map<String, Double> s = shares.sharesOf(bp.lsoaCode());
            if (s == null || s.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, Double> e : new TreeMap<>(s).entrySet()) {
                Double share = e.getValue();
                if (share != null && share > 0 && bp.residentPopulation() > 0) {
                    affinity.merge(e.getKey(), bp.residentPopulation() * share, Double::sum);
                }
            }
        }
        affinity.values().removeIf(v -> !(v > 0));
        return affinity;
    }

    private record Task(Parish parish, Lsoa lsoa, List<Integer> pieceIndices) {

        BuildingBlock build(OverlayResult overlay, Apportionment app, double[] res, double[] regs, LsoaShares shares) {
            List<LsoaPiece> pieces = overlay.pieces();
            // one BlockPiece per LSOA (indices are in piece order, so grouped by LSOA)
            List<BlockPiece> blockPieces = new ArrayList<>();
            String current = null;
            double w = 0;
            double r = 0;
            double g = 0;
            for (int i : pieceIndices) {
                String code = pieces.get(i).lsoaCode();
                if (!code.equals(current)) {
                    if (current != null) {
                        blockPieces.add(new BlockPiece(current, w, r, g));
                    }
                    current = code;
                    w = 0;
                    r = 0;
                    g = 0;
                }
                w += app.weight(i);
                r += res[i];
                g += regs[i];
            }
            if (current != null) {
                blockPieces.add(new BlockPiece(current, w, r, g));
            }

            double resident = 0;
            double registered = 0;
            for (BlockPiece bp : blockPieces) {
                resident += bp.residentPopulation();
                registered += bp.registeredPopulation();
            }
            TreeMap<String, Double> affinity = affinity(blockPieces, shares);

            if (parish != null) {
                return new BuildingBlock(parish.code(), parish.name(), BlockKind.PARISH, parish.districtCode(),
                        parish.geometry(), resident, registered, affinity, blockPieces);
            }
            Geometry geometry;
            if (overlay.piecesOf(lsoa.code()).size() == pieceIndices.size()) {
                geometry = lsoa.geometry();
            } else {
                List<Geometry> parts = new ArrayList<>(pieceIndices.size());
                for (int i : pieceIndices) {
                    parts.add(pieces.get(i).geometry());
                }
                geometry = Geometries.union(parts, lsoa.geometry().getFactory());
            }
            return new BuildingBlock(lsoa.code(), lsoa.name(), BlockKind.UNPARISHED, lsoa.districtCode(),
                    geometry, resident, registered, affinity, blockPieces);
        }
    }
}
