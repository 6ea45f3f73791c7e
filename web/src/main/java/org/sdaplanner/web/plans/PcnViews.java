package org.sdaplanner.web.plans;

import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.dominance.LsoaDominance;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.export.Csv;
import org.sdaplanner.web.ApiException;
import org.sdaplanner.web.Region;
import org.sdaplanner.web.api.PcnAlignmentRow;
import org.sdaplanner.web.api.PcnArea;
import org.sdaplanner.web.api.PcnLsoa;
import org.sdaplanner.web.api.PcnView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.sdaplanner.export.Numbers.round;

/** The health partners' views of a plan: each PCN's patients by area (as JSON and as the PCN × area CSV), and where one PCN's patients live. */
public final class PcnViews {
    private final PlanSessions sessions;
    private final Region region;

    public PcnViews(PlanSessions sessions) {
        this.sessions = sessions;
        this.region = sessions.region();
    }

    /** Every PCN's figures in the plan and its patients by area (areas with fewer than half a patient left out). */
    public List<PcnAlignmentRow> alignment(long id) {
        PlanView view = sessions.view(id);
        PlanState st = view.state();
        BuiltPlan b = view.built();
        List<PcnAlignmentRow> out = new ArrayList<>();
        for (int q = 0; q < b.pcns().size(); q++) {
            Map<String, Double> byArea = new LinkedHashMap<>();
            for (int a = 0; a < st.areaCount(); a++) {
                double v = st.patients(a, q);
                if (v >= 0.5) {
                    byArea.put(view.areaIds().get(a), round(v, 0));
                }
            }
            out.add(new PcnAlignmentRow(PlanAnswers.pcn(b.pcns().get(q), region), byArea));
        }
        return out;
    }

    /** The PCN × area matrix of registered patients, one row per PCN. */
    public String alignmentCsv(long id) {
        PlanView view = sessions.view(id);
        PlanState st = view.state();
        PlanningProblem p = region.problem();
        StringBuilder sb = new StringBuilder("pcn_code,pcn_name");
        view.areaIds().forEach(a -> sb.append(',').append(Csv.field(a)));
        sb.append(",total\n");
        for (int q = 0; q < p.pcnCodes().size(); q++) {
            String code = p.pcnCodes().get(q);
            sb.append(Csv.field(code)).append(',').append(Csv.field(region.pcnName(code)));
            double total = 0;
            for (int a = 0; a < st.areaCount(); a++) {
                double v = st.patients(a, q);
                total += v;
                sb.append(',').append(String.format(Locale.ROOT, "%.0f", v));
            }
            sb.append(',').append(String.format(Locale.ROOT, "%.0f", total)).append('\n');
        }
        return sb.toString();
    }

    /** Where a PCN's patients live: by LSOA (its share there) and by area of the plan. */
    public PcnView pcn(long id, String pcnCode) {
        PlanView view = sessions.view(id);
        PlanState st = view.state();
        PlanningProblem p = region.problem();
        int q = p.pcnCodes().indexOf(pcnCode);
        if (q < 0 && !region.pcnNames().containsKey(pcnCode)) {
            throw ApiException.notFound("no PCN " + pcnCode + " in the region");
        }
        List<PcnLsoa> lsoas = new ArrayList<>();
        long lsoaPatients = 0;
        for (LsoaDominance d : region.analysis().dominance().lsoas()) {
            long n = d.patients(pcnCode);
            if (n > 0) {
                lsoas.add(new PcnLsoa(d.lsoaCode(), round(d.share(pcnCode), 4), n, pcnCode.equals(d.dominantPcnCode())));
                lsoaPatients += n;
            }
        }
        lsoas.sort(Comparator.comparingLong((PcnLsoa l) -> -l.patients()).thenComparing(PcnLsoa::lsoaCode));
        List<PcnArea> areas = new ArrayList<>();
        double total = 0;
        if (q >= 0) {
            for (int a = 0; a < st.areaCount(); a++) {
                total += st.patients(a, q);
            }
            for (int a = 0; a < st.areaCount(); a++) {
                double v = st.patients(a, q);
                if (v >= 0.5) {
                    areas.add(new PcnArea(view.areaIds().get(a), view.areaNames().get(a), round(v, 0), round(total > 0 ? v / total : 0, 4)));
                }
            }
            areas.sort(Comparator.comparingDouble((PcnArea a) -> -a.patients()));
        }
        return new PcnView(pcnCode, region.pcnName(pcnCode), q >= 0 ? round(total, 0) : (double) lsoaPatients, lsoas, areas);
    }
}
