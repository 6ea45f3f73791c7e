package org.sdaplanner.web.plans;

import org.locationtech.jts.geom.Geometry;
import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.export.PlanFiles;
import org.sdaplanner.web.CachedBody;
import org.sdaplanner.web.Features;
import org.sdaplanner.web.Region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A plan's figures at its current revision: as JSON, and as the map of its dissolved areas (both computed once per revision). */
public final class PlanFigures {
    private final PlanSessions sessions;
    private final Region region;

    public PlanFigures(PlanSessions sessions) {
        this.sessions = sessions;
        this.region = sessions.region();
    }

    /** The metrics answer as JSON, computed once per revision. */
    public CachedBody metrics(long id) {
        return sessions.view(id).metricsJson();
    }

    /**
     * The plan's areas with their figures as GeoJSON for the zoom (null: full detail), dissolved from
     * the blocks as the map draws them at that zoom, so their lines are the blocks' lines.
     */
    public CachedBody areas(long id, Integer zoom) {
        return sessions.view(id).areasLayer(zoom);
    }

    /** A plan's areas with their figures as GeoJSON, dissolved from the region's block outlines at the zoom (null: full detail). */
    static CachedBody areasLayer(Region region, BuiltPlan b, Integer zoom) {
        PlanningProblem p = b.state().problem();
        Map<String, String> areaOf = new HashMap<>();
        for (int i = 0; i < p.blockCount(); i++) {
            areaOf.put(p.block(i).code(), b.areaIds().get(b.state().areaOf(i)));
        }
        Map<String, Geometry> dissolved = region.blockOutlines().at(zoom).dissolve(areaOf::get);
        List<Features.Feature> features = new ArrayList<>();
        for (int a = 0; a < b.areas().size(); a++) {
            features.add(new Features.Feature(PlanFiles.areaProperties(b.areas().get(a)), dissolved.get(b.areaIds().get(a))));
        }
        return CachedBody.of(Features.render(features), "application/geo+json");
    }
}
