package org.sdaplanner.web.plans;

import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.plan.AreaMatching;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.store.PlanRepository;
import org.sdaplanner.web.ApiException;
import org.sdaplanner.web.Region;
import org.sdaplanner.web.api.AreaMatch;
import org.sdaplanner.web.api.ChangedBlock;
import org.sdaplanner.web.api.Compare;
import org.sdaplanner.web.api.CompareSide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.sdaplanner.export.Numbers.round;

/**
 * Two plans, or two states of one (saved versions or the current state), side by side: which area is which,
 * the blocks that changed area with their residents, and both sides' figures. Within one plan the areas are
 * the same by id; between two plans, with as many areas or not, they are matched by the residents they share
 * ({@link AreaMatching}).
 */
public final class PlanComparison {
    private final PlanSessions sessions;
    private final Region region;
    private final PlanRepository repo;

    public PlanComparison(PlanSessions sessions) {
        this.sessions = sessions;
        this.region = sessions.region();
        this.repo = sessions.repo();
    }

    /** One side: a plan's assignment (current or a version), its areas and the plan's name. */
    private record Side(long planId, String planName, String version, int[] assignment, List<String> ids, List<String> names,
                        String optionsJson) {
    }

    /**
     * {@code a}, {@code b}: version numbers or "current"; {@code a} of plan {@code id}, {@code b} of plan
     * {@code with} (null: the same plan).
     */
    public Compare compare(long id, String a, String b, String with) {
        long other = id;
        if (with != null) {
            try {
                other = Long.parseLong(with.strip());
            } catch (NumberFormatException e) {
                throw ApiException.field("with", "'with' must be a plan id");
            }
        }
        // both sides read before any plan is opened
        Integer va = version(a, "a");
        Integer vb = version(b, "b");
        Side sa = side(id, a, va);
        Side sb = side(other, b, vb);
        PlanningProblem p = region.problem();
        AreaMatching m = id == other ? AreaMatching.identity(sa.ids().size(), p, sa.assignment(), sb.assignment())
                : AreaMatching.byResidents(p, sa.assignment(), sa.ids().size(), sb.assignment(), sb.ids().size());
        List<ChangedBlock> changed = new ArrayList<>();
        double moved = 0;
        for (int i = 0; i < p.blockCount(); i++) {
            if (m.changed(sa.assignment(), sb.assignment(), i)) {
                int x = sa.assignment()[i];
                int y = sb.assignment()[i];
                changed.add(new ChangedBlock(p.block(i).code(), p.block(i).name(), round(p.residents(i), 0), sa.ids().get(x),
                        sa.names().get(x), sb.ids().get(y), sb.names().get(y)));
                moved += p.residents(i);
            }
        }
        List<AreaMatch> matches = new ArrayList<>();
        for (int x = 0; x < sa.ids().size(); x++) {
            int y = m.aToB()[x];
            matches.add(new AreaMatch(sa.ids().get(x), sa.names().get(x), y < 0 ? null : sb.ids().get(y),
                    y < 0 ? null : sb.names().get(y), round(m.shared()[x], 0)));
        }
        for (int y = 0; y < sb.ids().size(); y++) {
            if (m.bToA()[y] < 0) {
                matches.add(new AreaMatch(null, null, sb.ids().get(y), sb.names().get(y), 0));
            }
        }
        return new Compare(changed, round(moved, 0), matches, figures(sa), figures(sb));
    }

    /** The version number a side asks for, or null for {@code current}. */
    private static Integer version(String which, String param) {
        if (which == null || which.isBlank()) {
            throw ApiException.field(param, "missing query parameter '" + param + "' (a version number or 'current')");
        }
        if (which.equals("current")) {
            return null;
        }
        try {
            return Integer.parseInt(which.strip());
        } catch (NumberFormatException e) {
            throw ApiException.field(param, "'" + param + "' must be a version number or 'current'");
        }
    }

    private Side side(long planId, String which, Integer version) {
        if (version == null) {
            PlanView v = sessions.view(planId);
            return new Side(planId, v.info().name(), which, v.state().assignment(), v.areaIds(), v.areaNames(), v.info().optionsJson());
        }
        Map<String, String> stored = repo.versionAssignment(planId, version)
                .orElseThrow(() -> ApiException.notFound("no version " + version + " of plan " + planId));
        PlanView v = sessions.view(planId);
        return new Side(planId, v.info().name(), which, sessions.toIndexes(planId, stored, v.areaIds()), v.areaIds(), v.areaNames(),
                v.info().optionsJson());
    }

    private CompareSide figures(Side s) {
        BuiltPlan b = PlanSessions.built(new PlanState(region.problem(), s.assignment(), s.ids().size(), null), s.ids(), s.names(),
                s.optionsJson());
        return new CompareSide(s.planId(), s.planName(), s.version(), PlanAnswers.summary(b, s.optionsJson()),
                PlanAnswers.areas(b));
    }
}
