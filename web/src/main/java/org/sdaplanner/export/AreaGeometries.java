package org.sdaplanner.export;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;

import java.util.ArrayList;
import java.util.List;

/** The areas of a plan as dissolved polygons (EPSG:27700): one place for every output format. */
public final class AreaGeometries {
    private AreaGeometries() {
    }

    /**
     * The areas dissolved from their blocks (EPSG:27700), one per area in area order, each as a
     * MultiPolygon; {@code null} for an area without blocks.
     */
    public static List<MultiPolygon> dissolve(BuiltPlan plan) {
        PlanState s = plan.state();
        PlanningProblem p = s.problem();
        List<List<Geometry>> parts = new ArrayList<>();
        for (int a = 0; a < s.areaCount(); a++) {
            parts.add(new ArrayList<>());
        }
        for (int b = 0; b < p.blockCount(); b++) {
            parts.get(s.areaOf(b)).add(p.block(b).geometry());
        }
        List<MultiPolygon> out = new ArrayList<>();
        for (List<Geometry> part : parts) {
            out.add(part.isEmpty() ? null : multiPolygon(OverlayNGRobust.union(part, part.get(0).getFactory())));
        }
        return out;
    }

    /** The polygons of {@code g} as one MultiPolygon (lines and points dropped); {@code null} stays null. */
    public static MultiPolygon multiPolygon(Geometry g) {
        if (g == null) {
            return null;
        }
        if (g instanceof MultiPolygon mp) {
            return mp;
        }
        GeometryFactory f = g.getFactory();
        @SuppressWarnings("unchecked")
        List<Polygon> polygons = PolygonExtracter.getPolygons(g);
        return f.createMultiPolygon(polygons.toArray(new Polygon[0]));
    }
}
