package org.sdaplanner.web.plans;

import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.store.PlanRepository;
import org.sdaplanner.web.ApiException;
import org.sdaplanner.web.Region;
import org.sdaplanner.web.api.ChangedBlock;
import org.sdaplanner.web.api.Compare;
import org.sdaplanner.web.api.CompareSide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Two states of a plan side by side (saved versions or the current state): the blocks that moved and both sets of figures. */
public final class PlanComparison {
    private final PlanSessions sessions;
    private final Region region;
    private final PlanRepository repo;

    public PlanComparison(PlanSessions sessions) {
        this.sessions = sessions;
        this.region = sessions.region();
        this.repo = sessions.repo();
    }

    private record Sides(int[] a, int[] b, List<String> ids, List<String> names) {
    }

    /** {@code a}, {@code b}: version numbers or "current". */
    public Compare compare(long id, String a, String b) {
        Sides sides = sessions.atStoredRevision(id, s -> new Sides(assignment(s, a, "a"), assignment(s, b, "b"), s.areaIds,
                s.areaNames));
        PlanningProblem p = region.problem();
        List<String> ids = sides.ids();
        List<ChangedBlock> changed = new ArrayList<>();
        for (int i = 0; i < p.blockCount(); i++) {
            if (sides.a()[i] != sides.b()[i]) {
                changed.add(new ChangedBlock(p.block(i).code(), p.block(i).name(), ids.get(sides.a()[i]), ids.get(sides.b()[i])));
            }
        }
        return new Compare(changed, side(a, new PlanState(p, sides.a(), ids.size(), null), ids, sides.names()),
                side(b, new PlanState(p, sides.b(), ids.size(), null), ids, sides.names()));
    }

    private int[] assignment(PlanSession s, String which, String param) {
        if (which == null || which.isBlank()) {
            throw ApiException.badRequest("missing query parameter '" + param + "' (a version number or 'current')");
        }
        if (which.equals("current")) {
            return s.state.assignment();
        }
        int version;
        try {
            version = Integer.parseInt(which.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'" + param + "' must be a version number or 'current', not '" + which + "'");
        }
        Map<String, String> stored = repo.versionAssignment(s.id, version)
                .orElseThrow(() -> ApiException.notFound("no version " + version + " of plan " + s.id));
        return sessions.toIndexes(s.id, stored, s.areaIds);
    }

    private static CompareSide side(String label, PlanState st, List<String> ids, List<String> names) {
        BuiltPlan b = PlanSessions.built(st, ids, names);
        return new CompareSide(label, PlanAnswers.summary(b), PlanAnswers.areas(b));
    }
}
