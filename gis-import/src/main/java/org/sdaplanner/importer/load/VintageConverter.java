package org.sdaplanner.importer.load;

import org.sdaplanner.importer.load.LoadedRecords.LsoaLink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts counts keyed by LSOA codes of one vintage into the other through the ONS exact-fit
 * lookup. The rule (docs/methodology.md):
 * <ul>
 *   <li>U (unchanged) and M (several old LSOAs merged into one new): the whole count goes to the one target.</li>
 *   <li>S (split) and X (redrawn): the count is shared among the targets in proportion to their
 *       usual residents (equally when populations are unknown), rounded by largest remainder so no
 *       patient is lost or invented.</li>
 * </ul>
 * Only 2011 → 2021 is needed here (registrations before mid-2024 use 2011 codes); the reverse
 * direction uses the same rule with the weights of the 2011 areas.
 */
public final class VintageConverter {
    private final Map<String, List<String>> targets = new HashMap<>();
    private final Map<String, Long> weights;

    /**
     * @param toVintage2021 true to convert 2011 codes into 2021 codes, false for the reverse
     * @param weights       population of each target code, may be empty
     */
    public VintageConverter(List<LsoaLink> lookup, boolean toVintage2021, Map<String, Long> weights) {
        for (LsoaLink l : lookup) {
            String from = toVintage2021 ? l.lsoa11Code() : l.lsoa21Code();
            String to = toVintage2021 ? l.lsoa21Code() : l.lsoa11Code();
            List<String> list = targets.computeIfAbsent(from, k -> new ArrayList<>());
            if (!list.contains(to)) {
                list.add(to);
            }
        }
        targets.values().forEach(l -> l.sort(String::compareTo));
        this.weights = weights;
    }

    public boolean converts(String code) {
        return targets.containsKey(code);
    }

    /** The count shared among the target codes (sorted by code); the parts add up to {@code count}. */
    public Map<String, Long> convert(String code, long count) {
        List<String> to = targets.get(code);
        Map<String, Long> out = new LinkedHashMap<>();
        if (to.size() == 1) {
            out.put(to.get(0), count);
            return out;
        }
        double[] w = new double[to.size()];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = weights.getOrDefault(to.get(i), 0L);
            sum += w[i];
        }
        if (sum == 0) {
            java.util.Arrays.fill(w, 1);
            sum = w.length;
        }
        long[] parts = largestRemainder(count, w, sum);
        for (int i = 0; i < parts.length; i++) {
            out.put(to.get(i), parts[i]);
        }
        return out;
    }

    static long[] largestRemainder(long count, double[] w, double sum) {
        long[] parts = new long[w.length];
        double[] rem = new double[w.length];
        long given = 0;
        for (int i = 0; i < w.length; i++) {
            double exact = count * w[i] / sum;
            parts[i] = (long) Math.floor(exact);
            rem[i] = exact - parts[i];
            given += parts[i];
        }
        // hand out what rounding down left over, biggest remainders first, ties to the lower code
        for (long left = count - given; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < w.length; i++) {
                if (rem[i] > rem[best]) {
                    best = i;
                }
            }
            parts[best]++;
            rem[best] = -1;
        }
        return parts;
    }
}
