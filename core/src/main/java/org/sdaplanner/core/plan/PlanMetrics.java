package org.sdaplanner.core.plan;

import org.sdaplanner.core.blocks.BlockKind;
import org.sdaplanner.core.blocks.BuildingBlock;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Reads the figures of a plan off its state: per area, per PCN and for the plan. */
public final class PlanMetrics {
    /** A PCN "spans" an area holding at least this share of its patients. */
    public static final double SPAN_SHARE = 0.05;

    private PlanMetrics() {
    }

    public static List<AreaMetrics> areas(PlanState s, List<String> ids, List<String> names) {
        PlanningProblem p = s.problem();
        double mean = p.totalResidents() / s.areaCount();
        List<List<Integer>> members = members(s);
        List<AreaMetrics> out = new ArrayList<>();
        for (int a = 0; a < s.areaCount(); a++) {
            TreeSet<String> districts = new TreeSet<>();
            int parishes = 0;
            for (int b : members.get(a)) {
                BuildingBlock blk = p.block(b);
                if (blk.districtCode() != null) {
                    districts.add(blk.districtCode());
                }
                if (blk.kind() == BlockKind.PARISH) {
                    parishes++;
                }
            }
            Map<String, Double> mix = new LinkedHashMap<>();
            double res = s.residents(a);
            List<Integer> pcns = new ArrayList<>();
            for (int q = 0; q < p.pcnCodes().size(); q++) {
                if (res > 0 && s.affinity(a, q) / res >= 0.01) {
                    pcns.add(q);
                }
            }
            int area = a;
            pcns.sort(Comparator.comparingDouble((Integer q) -> -s.affinity(area, q)).thenComparing(q -> q));
            for (int q : pcns) {
                mix.put(p.pcnCodes().get(q), s.affinity(a, q) / res);
            }
            int main = s.mainPcn(a);
            out.add(new AreaMetrics(ids.get(a), names.get(a), List.copyOf(districts), s.blocksIn(a), parishes, res,
                    s.registered(a), mean > 0 ? res / mean - 1 : 0, main < 0 ? null : p.pcnCodes().get(main), mix,
                    s.alignment(a), s.compactness(a), s.piecesOf(a)));
        }
        return out;
    }

    public static List<PcnMetrics> pcns(PlanState s, List<String> ids) {
        PlanningProblem p = s.problem();
        List<PcnMetrics> out = new ArrayList<>();
        for (int q = 0; q < p.pcnCodes().size(); q++) {
            double total = 0;
            double best = -1;
            int bestArea = -1;
            for (int a = 0; a < s.areaCount(); a++) {
                double v = s.patients(a, q);
                total += v;
                if (v > best + 1e-9) {
                    best = v;
                    bestArea = a;
                }
            }
            int spanned = 0;
            for (int a = 0; a < s.areaCount(); a++) {
                if (total > 0 && s.patients(a, q) / total >= SPAN_SHARE) {
                    spanned++;
                }
            }
            out.add(new PcnMetrics(p.pcnCodes().get(q), total, bestArea < 0 ? null : ids.get(bestArea),
                    total > 0 ? best / total : 0, spanned));
        }
        return out;
    }

    public static PlanSummary summary(PlanState s, List<AreaMetrics> areas, LsoaBestFit fit) {
        double maxDev = 0;
        double compact = 0;
        int broken = 0;
        AreaMetrics worst = null;
        for (AreaMetrics a : areas) {
            maxDev = Math.max(maxDev, Math.abs(a.deviation()));
            compact += a.compactness();
            if (!a.contiguous()) {
                broken++;
            }
            if (worst == null || a.alignment() < worst.alignment()) {
                worst = a;
            }
        }
        int parishes = areas.stream().mapToInt(AreaMetrics::parishes).sum();
        return new PlanSummary(areas.size(), s.alignment(), worst == null ? null : worst.id(),
                worst == null ? 0 : worst.alignment(), maxDev, s.problem().totalResidents() / Math.max(1, areas.size()),
                areas.isEmpty() ? 0 : compact / areas.size(), broken, s.problem().blockCount(), parishes,
                fit.lsoas().size(), fit.mismatchResidents());
    }

    static List<List<Integer>> members(PlanState s) {
        List<List<Integer>> m = new ArrayList<>();
        for (int a = 0; a < s.areaCount(); a++) {
            m.add(new ArrayList<>());
        }
        for (int b = 0; b < s.problem().blockCount(); b++) {
            m.get(s.areaOf(b)).add(b);
        }
        return m;
    }
}
