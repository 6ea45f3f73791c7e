package org.sdaplanner.export;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.sdaplanner.core.blocks.AdjacencyOptions;
import org.sdaplanner.core.blocks.BlockAdjacency;
import org.sdaplanner.core.blocks.BlockKind;
import org.sdaplanner.core.blocks.BuildingBlock;
import org.sdaplanner.core.cluster.Baselines;
import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.cluster.Clusterer;
import org.sdaplanner.core.plan.AreaMetrics;
import org.sdaplanner.core.plan.LsoaBestFit;
import org.sdaplanner.core.plan.PlanMetrics;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A hand-made plan (EPSG:27700, near Cambridge) built to produce what breaks outlines: an enclave,
 * blocks overlapping by 0.4 m, a 0.2 m gap closed at its ends, and two blocks touching at a corner.
 * <pre>
 *   B1  [0,1000]² with a hole where B2 lies      (area A)
 *   B2  [400,600]², the enclave                   (area B)
 *   B3  [999.6,2000]×[0,1000]: 0.4 m over B1      (area A)
 *   B4  wraps B1 and B3 from above, 0.2 m off     (area B)
 *   B5  [3000,3500]×[0,500]                       (area A)
 *   B6  [3500,4000]×[500,1000]: a corner of B5    (area A)
 * </pre>
 * Area A is one polygon with a hole (B2) plus the two corner-touching squares; area B is the
 * enclave plus B4, which do not touch.
 */
public final class OutlineFixtures {
    private static final GeometryFactory GF = new GeometryFactory();
    static final double X = 545_000;
    static final double Y = 257_000;

    private OutlineFixtures() {
    }

    static Polygon rect(double x0, double y0, double x1, double y1) {
        return GF.createPolygon(new Coordinate[] {
            new Coordinate(X + x0, Y + y0), new Coordinate(X + x1, Y + y0), new Coordinate(X + x1, Y + y1),
            new Coordinate(X + x0, Y + y1), new Coordinate(X + x0, Y + y0)});
    }

    private static BuildingBlock block(String code, Geometry g, double residents, String pcn) {
        return new BuildingBlock(code, code + " parish", BlockKind.PARISH, "E07000008", g, residents, residents,
                new TreeMap<>(Map.of(pcn, residents)), List.of());
    }

    /** The plan above: areas A (B1, B3, B5, B6) and B (B2, B4). */
    public static BuiltPlan plan() {
        Geometry b4 = rect(-10, 0, 2010, 2000).difference(rect(0, 0, 2000, 1000.2));
        List<BuildingBlock> blocks = List.of(
                block("B1", rect(0, 0, 1000, 1000).difference(rect(400, 400, 600, 600)), 1000, "P1"),
                block("B2", rect(400, 400, 600, 600), 300, "P2"),
                block("B3", rect(999.6, 0, 2000, 1000), 900, "P1"),
                block("B4", b4, 1200, "P2"),
                block("B5", rect(3000, 0, 3500, 500), 400, "P1"),
                block("B6", rect(3500, 500, 4000, 1000), 500, "P1"));
        PlanningProblem p = PlanningProblem.of(blocks, BlockAdjacency.of(blocks, AdjacencyOptions.DEFAULTS));
        int[] assignment = {0, 1, 0, 1, 0, 0};
        PlanState st = new PlanState(p, assignment, 2, null);
        List<String> ids = List.of("A", "B");
        List<String> names = List.of("Area A", "Area B");
        List<AreaMetrics> areas = PlanMetrics.areas(st, ids, names);
        LsoaBestFit fit = LsoaBestFit.of(st);
        return new BuiltPlan(st, ids, names, areas, PlanMetrics.pcns(st, ids), PlanMetrics.summary(st, areas, fit), fit,
                new Baselines.Result(0, 0, new double[0]), new Clusterer.Result(assignment, 2, new int[0], List.of(), 0, 0));
    }
}
