package org.sdaplanner.export;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.sdaplanner.core.blocks.BlockOutlines;
import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.core.topology.Topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan's outlines as every output format writes them: each block, and each area dissolved from
 * its blocks, all from one {@link Topology}, so that neighbours share exactly the same edges, an
 * area whose blocks touch is one polygon, and every geometry is valid.
 *
 * @param blocks one outline per block, in block order
 * @param areas  one per area, in area order; {@code null} for an area without blocks
 */
public record PlanOutlines(List<MultiPolygon> blocks, List<MultiPolygon> areas) {

    public PlanOutlines {
        blocks = java.util.Collections.unmodifiableList(new ArrayList<>(blocks));
        areas = java.util.Collections.unmodifiableList(new ArrayList<>(areas));
    }

    /** In EPSG:27700 (GeoPackage, Shapefile), each shared edge simplified once by {@code simplifyMetres} when it is > 0. */
    public static PlanOutlines bng(BuiltPlan plan, double simplifyMetres) {
        return of(plan, plan.state().problem().outlines().bng().simplified(simplifyMetres));
    }

    /**
     * In EPSG:4326 on the 10⁻⁶° grid (GeoJSON), simplified in metres first when {@code simplifyMetres} > 0.
     * The unsimplified topologies are the problem's own (kept with the block snapshot), not noded again.
     */
    public static PlanOutlines lonLat(BuiltPlan plan, double simplifyMetres) {
        BlockOutlines outlines = plan.state().problem().outlines();
        return of(plan, simplifyMetres > 0 ? Outlines.lonLat(outlines.bng().simplified(simplifyMetres))
                : Outlines.lonLat(outlines));
    }

    /** The blocks and areas of {@code plan} drawn from {@code topology} (whose codes are the plan's block codes). */
    public static PlanOutlines of(BuiltPlan plan, Topology topology) {
        PlanState s = plan.state();
        PlanningProblem p = s.problem();
        Map<String, String> areaOf = new HashMap<>();
        List<MultiPolygon> blocks = new ArrayList<>();
        for (int b = 0; b < p.blockCount(); b++) {
            String code = p.block(b).code();
            areaOf.put(code, plan.areaIds().get(s.areaOf(b)));
            blocks.add(Outlines.multiPolygon(topology.outline(code)));
        }
        Map<String, Geometry> dissolved = topology.dissolve(areaOf::get);
        List<MultiPolygon> areas = new ArrayList<>();
        for (String id : plan.areaIds()) {
            areas.add(Outlines.multiPolygon(dissolved.get(id)));
        }
        return new PlanOutlines(blocks, areas);
    }
}
