package org.sdaplanner.export;

import org.locationtech.jts.geom.MultiPolygon;
import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Why an area's outline is in more than one polygon, in plain words for the summary: an area
 * whose blocks touch dissolves into one, so several polygons always have a cause worth telling.
 */
public final class AreaPolygons {
    private AreaPolygons() {
    }

    /** {@code null} when the area is one polygon (or has none). */
    public static String note(BuiltPlan plan, int area, MultiPolygon outline) {
        if (outline == null || outline.getNumGeometries() <= 1) {
            return null;
        }
        PlanState s = plan.state();
        PlanningProblem p = s.problem();
        List<String> why = new ArrayList<>();
        int groups = s.piecesOf(area);
        if (groups > 1) {
            why.add("its blocks form " + groups + " groups that share no boundary (touching at a corner does not count)");
        }
        for (int b = 0; b < p.blockCount(); b++) {
            if (s.areaOf(b) != area) {
                continue;
            }
            int parts = plan.state().problem().block(b).geometry().getNumGeometries();
            if (parts > 1) {
                why.add(p.block(b).name() + " (" + p.block(b).code() + ") is itself in " + parts + " parts");
            }
            int[] ns = p.neighbours(b);
            double[] len = p.sharedLengths(b);
            for (int k = 0; k < ns.length; k++) {
                if (ns[k] > b && s.areaOf(ns[k]) == area && len[k] == 0) {
                    why.add(p.block(b).name() + " and " + p.block(ns[k]).name() + " are joined by a declared bridge");
                }
            }
        }
        if (why.isEmpty()) {
            why.add("some of its blocks meet only at a point, or across a gap of under 2 m that the adjacency bridges");
        }
        return String.format(Locale.ROOT, "%d polygons: %s", outline.getNumGeometries(), String.join("; ", why));
    }
}
