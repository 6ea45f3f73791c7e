package org.sdaplanner.core.plan;

import org.sdaplanner.core.blocks.BuildingBlock;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * "Why is my parish in this area?": the block's leaning to each PCN, its area's main PCN, and
 * for each neighbouring area what moving the block there would do to plan alignment, in plain words.
 */
public record BlockExplanation(String blockCode, String blockName, String areaId, String areaName, String areaMainPcn,
                               List<Lean> leanings, List<Option> alternatives, String text) {

    /** Share of the block's residents registered with a PCN. */
    public record Lean(String pcnCode, double share) {
    }

    /**
     * @param alignmentChange change in plan alignment (share points, e.g. −0.002) if the block moved there
     * @param allowed         false when the move would cut its current area in two
     */
    public record Option(String areaId, String areaName, String mainPcn, double alignmentChange, boolean allowed) {
    }

    public static BlockExplanation of(PlanState s, List<String> ids, List<String> names, int block) {
        return of(s, ids, names, block, java.util.Map.of());
    }

    /**
     * @param pcnNames PCN names by code, so the text reads "ELY NORTH PCN" rather than "U30123"
     *                 (codes stay in the records)
     */
    public static BlockExplanation of(PlanState s, List<String> ids, List<String> names, int block,
                                      java.util.Map<String, String> pcnNames) {
        PlanningProblem p = s.problem();
        BuildingBlock b = p.block(block);
        int area = s.areaOf(block);
        List<Lean> leans = new ArrayList<>();
        int[] pcs = p.affinityPcns(block);
        double[] av = p.affinityValues(block);
        double res = p.residents(block);
        for (int k = 0; k < pcs.length; k++) {
            double share = res > 0 ? av[k] / res : 0;
            if (share >= 0.01) {
                leans.add(new Lean(p.pcnCodes().get(pcs[k]), share));
            }
        }
        leans.sort(Comparator.comparingDouble((Lean l) -> -l.share()).thenComparing(Lean::pcnCode));
        TreeSet<Integer> near = new TreeSet<>();
        for (int nb : p.neighbours(block)) {
            if (s.areaOf(nb) != area) {
                near.add(s.areaOf(nb));
            }
        }
        boolean removable = s.removable(block);
        List<Option> options = new ArrayList<>();
        double all = p.totalResidents();
        for (int a : near) {
            double change = all > 0 ? s.alignedDelta(block, a) / all : 0;
            options.add(new Option(ids.get(a), names.get(a), pcn(p, s.mainPcn(a)), change, removable));
        }
        String mainPcn = pcn(p, s.mainPcn(area));
        StringBuilder t = new StringBuilder();
        t.append(b.name()).append(" is in ").append(names.get(area)).append(" (").append(ids.get(area)).append(")");
        if (!leans.isEmpty()) {
            Lean top = leans.get(0);
            t.append(String.format(Locale.ROOT, ". %.0f%% of its residents are registered with %s", 100 * top.share(),
                    label(pcnNames, top.pcnCode())));
            t.append(top.pcnCode().equals(mainPcn) ? ", the main PCN of its area"
                    : ", while its area's main PCN is " + label(pcnNames, mainPcn));
        } else {
            t.append(". It has no registered residents, so it sits with the area it joins up");
        }
        for (Option o : options) {
            t.append(String.format(Locale.ROOT, "; moving it to %s (main PCN %s) would %s plan alignment by %.2f points",
                    o.areaName(), label(pcnNames, o.mainPcn()), o.alignmentChange() >= 0 ? "raise" : "lower", 100 * Math.abs(o.alignmentChange())));
            if (!o.allowed()) {
                t.append(s.blocksIn(area) <= 1 ? " but would leave " + names.get(area) + " empty"
                        : " but would cut " + names.get(area) + " in two");
            }
        }
        t.append('.');
        return new BlockExplanation(b.code(), b.name(), ids.get(area), names.get(area), mainPcn, List.copyOf(leans),
                List.copyOf(options), t.toString());
    }

    private static String label(java.util.Map<String, String> names, String code) {
        if (code == null) {
            return "none";
        }
        String name = names.get(code);
        return name == null ? code : name;
    }

    private static String pcn(PlanningProblem p, int index) {
        return index < 0 ? null : p.pcnCodes().get(index);
    }
}
