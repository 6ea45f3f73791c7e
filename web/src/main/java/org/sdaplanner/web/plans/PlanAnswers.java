package org.sdaplanner.web.plans;

import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.plan.PcnMetrics;
import org.sdaplanner.core.plan.PlanEditor;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.export.PlanFiles;
import org.sdaplanner.store.StoredPlans.PlanInfo;
import org.sdaplanner.store.StoredPlans.VersionInfo;
import org.sdaplanner.web.Region;
import org.sdaplanner.web.api.AreaChange;
import org.sdaplanner.web.api.BlockState;
import org.sdaplanner.web.api.PcnFigures;
import org.sdaplanner.web.api.Plan;
import org.sdaplanner.web.api.Version;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.sdaplanner.export.Numbers.round;

/** The answers more than one plan service gives, read off a plan view, a session or a stored record. */
final class PlanAnswers {
    private PlanAnswers() {
    }

    /** The plan with its figures and each block's area and lock, at the view's revision. */
    static Plan plan(PlanView v, PlanningProblem p) {
        BuiltPlan b = v.built();
        PlanState st = v.state();
        PlanInfo info = v.info();
        Map<String, BlockState> blocks = new LinkedHashMap<>();
        for (int i = 0; i < p.blockCount(); i++) {
            blocks.put(p.block(i).code(), new BlockState(v.areaIds().get(st.areaOf(i)), st.locked(i)));
        }
        return new Plan(v.id(), info.name(), v.revision(), info.createdAt(), info.updatedAt(), info.districtNesting(),
                PlanBound.shownOptions(info.optionsJson()), summary(b, info.optionsJson()), areas(b), blocks);
    }

    /**
     * The plan's summary figures, as in summary.json, with the bound of its rules and the gap
     * ({@link PlanBound}; {@code optionsJson}: the stored plan's, telling whether {@code b} is the assignment built).
     */
    static Map<String, Object> summary(BuiltPlan b, String optionsJson) {
        Map<String, Object> m = PlanFiles.summaryProperties(b.summary());
        m.putAll(PlanBound.properties(b.certificate(), PlanBound.edited(optionsJson, b.state(), b.areaIds())));
        return m;
    }

    /** Each area's figures, as in summary.json and areas.geojson. */
    static List<Map<String, Object>> areas(BuiltPlan b) {
        return b.areas().stream().map(PlanFiles::areaProperties).toList();
    }

    static PcnFigures pcn(PcnMetrics m, Region region) {
        return new PcnFigures(m.pcnCode(), region.pcnName(m.pcnCode()), round(m.patients(), 0), m.bestArea(),
                round(m.coterminosity(), 4), m.areasSpanned());
    }

    static List<AreaChange> changes(PlanSession s, List<PlanEditor.AreaChange> changes) {
        List<AreaChange> out = new ArrayList<>();
        for (PlanEditor.AreaChange c : changes) {
            int a = s.areaIndex(c.areaId());
            out.add(new AreaChange(c.areaId(), a < 0 ? null : s.areaNames.get(a), round(c.residentsBefore(), 0),
                    round(c.residentsAfter(), 0), round(c.alignmentBefore(), 4), round(c.alignmentAfter(), 4), c.mainPcnBefore(),
                    c.mainPcnAfter(), round(c.compactnessBefore(), 4), round(c.compactnessAfter(), 4), c.piecesAfter()));
        }
        return out;
    }

    static Version version(VersionInfo v) {
        return new Version(v.version(), v.label(), v.createdAt(), v.createdBy());
    }
}
