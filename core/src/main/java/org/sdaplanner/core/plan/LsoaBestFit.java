package org.sdaplanner.core.plan;

import org.sdaplanner.core.blocks.BlockPiece;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each LSOA given to the area holding most of its residents (by land share when it has none),
 * so data can be shared at LSOA level; the residents that land in another area than their
 * block's are the mismatch.
 */
public record LsoaBestFit(List<Fit> lsoas, double mismatchResidents) {

    /** @param shareInArea share of the LSOA's residents (or land) that lies in its best-fit area */
    public record Fit(String lsoaCode, int area, double shareInArea, double residents) {
    }

    public static LsoaBestFit of(PlanState s) {
        PlanningProblem p = s.problem();
        // lsoa -> area -> {residents, weight}
        Map<String, Map<Integer, double[]>> by = new TreeMap<>();
        for (int b = 0; b < p.blockCount(); b++) {
            int a = s.areaOf(b);
            for (BlockPiece piece : p.block(b).pieces()) {
                double[] v = by.computeIfAbsent(piece.lsoaCode(), k -> new TreeMap<>()).computeIfAbsent(a, k -> new double[2]);
                v[0] += piece.residentPopulation();
                v[1] += piece.weight();
            }
        }
        List<Fit> out = new ArrayList<>();
        double mismatch = 0;
        for (Map.Entry<String, Map<Integer, double[]>> e : by.entrySet()) {
            double total = 0;
            double totalWeight = 0;
            int best = -1;
            double bestKey = -1;
            for (Map.Entry<Integer, double[]> ae : e.getValue().entrySet()) {
                total += ae.getValue()[0];
                totalWeight += ae.getValue()[1];
            }
            boolean byResidents = total > 0;
            for (Map.Entry<Integer, double[]> ae : e.getValue().entrySet()) {
                double key = byResidents ? ae.getValue()[0] : ae.getValue()[1];
                if (key > bestKey + 1e-9) {
                    bestKey = key;
                    best = ae.getKey();
                }
            }
            double share = byResidents ? bestKey / total : (totalWeight > 0 ? bestKey / totalWeight : 1);
            mismatch += total - (byResidents ? bestKey : 0);
            out.add(new Fit(e.getKey(), best, share, total));
        }
        return new LsoaBestFit(List.copyOf(out), mismatch);
    }
}
