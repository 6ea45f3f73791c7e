package org.sdaplanner.core.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.sdaplanner.core.blocks.AdjacencyOptions;
import org.sdaplanner.core.blocks.BlockAdjacency;
import org.sdaplanner.core.blocks.BlockKind;
import org.sdaplanner.core.blocks.BlockPiece;
import org.sdaplanner.core.blocks.BuildingBlock;

/**
 * Hand-made planning problems for the plan and cluster tests: square blocks of 1 km × 1 km on a
 * grid in EPSG:27700 (origin 500000 250000, near Cambridge). Block (col, row) covers
 * [500000 + 1000·col, 500000 + 1000·(col+1)] × [250000 + 1000·row, …]; blocks sharing an edge are
 * neighbours (shared length 1000 m), blocks touching at a corner are not.
 *
 * <p>Unless said otherwise a block's residents are the sum of its PCN affinities, its registered
 * patients are 1.2 × its residents, and it is one piece of its own LSOA {@code "L" + code}.
 */
public final class PlanFixtures {

    public static final GeometryFactory GF = new GeometryFactory();
    public static final double X0 = 500_000;
    public static final double Y0 = 250_000;
    public static final double SIDE = 1_000;
    public static final double REGISTERED_RATIO = 1.2;

    private PlanFixtures() {
    }

    public static Polygon rect(double x0, double y0, double x1, double y1) {
        return GF.createPolygon(new Coordinate[] {
            new Coordinate(x0, y0), new Coordinate(x1, y0), new Coordinate(x1, y1),
            new Coordinate(x0, y1), new Coordinate(x0, y0)});
    }

    /** The square of grid cell (col, row). */
    public static Polygon cell(int col, int row) {
        return rect(X0 + SIDE * col, Y0 + SIDE * row, X0 + SIDE * (col + 1), Y0 + SIDE * (row + 1));
    }

    /** PCN affinity from pairs: {@code aff("X", 900, "Y", 100)}. */
    public static SortedMap<String, Double> aff(Object... pairs) {
        SortedMap<String, Double> m = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return m;
    }

    /** A parish block in a grid cell; residents = Σ affinity. */
    public static BuildingBlock parish(String code, String name, String district, int col, int row,
                                       SortedMap<String, Double> affinity) {
        return block(code, name, BlockKind.PARISH, district, col, row, affinity);
    }

    public static BuildingBlock block(String code, String name, BlockKind kind, String district, int col, int row,
                                      SortedMap<String, Double> affinity) {
        double residents = affinity.values().stream().mapToDouble(Double::doubleValue).sum();
        return block(code, name, kind, district, col, row, residents, affinity,
                List.of(new BlockPiece("L" + code, 1.0, residents, REGISTERED_RATIO * residents)));
    }

    public static BuildingBlock block(String code, String name, BlockKind kind, String district, int col, int row,
                                      double residents, SortedMap<String, Double> affinity, List<BlockPiece> pieces) {
        return new BuildingBlock(code, name, kind, district, cell(col, row), residents,
                REGISTERED_RATIO * residents, affinity, pieces);
    }

    /** Blocks sorted by code, with the adjacency of their geometries (default tolerances). */
    public static PlanningProblem problem(List<BuildingBlock> blocks) {
        List<BuildingBlock> sorted = new ArrayList<>(blocks);
        sorted.sort(Comparator.comparing(BuildingBlock::code));
        return PlanningProblem.of(sorted, BlockAdjacency.of(sorted, AdjacencyOptions.DEFAULTS));
    }

    public static PlanningProblem problem(BuildingBlock... blocks) {
        return problem(List.of(blocks));
    }

    /** An assignment from area indexes given in block-code order (the problem's order). */
    public static int[] areas(int... areaByBlock) {
        return areaByBlock;
    }

    /** The area of the block with this code. */
    public static int areaOf(PlanningProblem p, int[] assignment, String code) {
        int i = p.indexOf(code);
        if (i < 0) {
            throw new IllegalArgumentException("no block " + code);
        }
        return assignment[i];
    }

    /**
     * A random grid of {@code w × h} parish blocks "Bccrr" (column, row), in {@code districts}
     * vertical bands D1, D2, … (each band contiguous), residents 500–2000, each leaning to one
     * to three of the PCNs P1 … P{pcns} with random shares adding to 0.85–1 (the rest are
     * registered outside the region). Repeatable for a given seed.
     */
    public static List<BuildingBlock> randomGrid(int w, int h, int districts, int pcns, long seed) {
        Random r = new Random(seed);
        List<BuildingBlock> out = new ArrayList<>();
        for (int c = 0; c < w; c++) {
            for (int row = 0; row < h; row++) {
                String code = String.format("B%02d%02d", c, row);
                String district = "D" + (1 + c * districts / w);
                double residents = 500 + Math.floor(r.nextDouble() * 1500);
                int k = 1 + r.nextInt(3);
                double[] weights = new double[k];
                double sum = 0;
                for (int i = 0; i < k; i++) {
                    weights[i] = 0.05 + r.nextDouble();
                    sum += weights[i];
                }
                double registeredShare = 0.85 + 0.15 * r.nextDouble();
                SortedMap<String, Double> a = new TreeMap<>();
                for (int i = 0; i < k; i++) {
                    String pcn = "P" + (1 + r.nextInt(pcns));
                    a.merge(pcn, residents * registeredShare * weights[i] / sum, Double::sum);
                }
                out.add(block(code, "Parish " + code, BlockKind.PARISH, district, c, row, residents, a,
                        List.of(new BlockPiece("L" + code, 1.0, residents, REGISTERED_RATIO * residents))));
            }
        }
        return out;
    }
}
