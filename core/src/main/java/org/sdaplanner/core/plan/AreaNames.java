package org.sdaplanner.core.plan;

import org.sdaplanner.core.blocks.BlockKind;
import org.sdaplanner.core.blocks.BuildingBlock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Default ids and names of areas: ids {@code SDA01}, {@code SDA02}, …; a name from the most
 * populous parish in the area, or, in an unparished area, from its LSOAs' district part
 * ("Cambridge 012A" → "Cambridge"). Repeated names get " 2", " 3", … in id order.
 */
public final class AreaNames {
    private AreaNames() {
    }

    public static List<String> ids(int areas) {
        int width = Math.max(2, Integer.toString(areas).length());
        List<String> out = new ArrayList<>();
        for (int a = 0; a < areas; a++) {
            out.add(String.format("SDA%0" + width + "d", a + 1));
        }
        return out;
    }

    public static List<String> names(PlanningProblem p, int[] assignment, int areas) {
        double[] bestParish = new double[areas];
        String[] parishName = new String[areas];
        double[] bestOther = new double[areas];
        String[] otherName = new String[areas];
        java.util.Arrays.fill(bestParish, -1);
        java.util.Arrays.fill(bestOther, -1);
        for (int b = 0; b < p.blockCount(); b++) {
            int a = assignment[b];
            BuildingBlock blk = p.block(b);
            double r = blk.residentPopulation();
            if (blk.kind() == BlockKind.PARISH) {
                if (r > bestParish[a]) {
                    bestParish[a] = r;
                    parishName[a] = blk.name();
                }
            } else if (r > bestOther[a]) {
                bestOther[a] = r;
                otherName[a] = blk.name() == null ? blk.code() : blk.name().replaceFirst(" \\d{3}[A-Z]$", "");
            }
        }
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int a = 0; a < areas; a++) {
            String base = parishName[a] != null ? parishName[a] : otherName[a] != null ? otherName[a] : "Area " + (a + 1);
            int k = seen.merge(base, 1, Integer::sum);
            names.add(k == 1 ? base : base + " " + k);
        }
        return names;
    }
}
