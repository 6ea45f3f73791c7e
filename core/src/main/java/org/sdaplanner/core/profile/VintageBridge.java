package org.sdaplanner.core.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings LSOA 2011 values onto LSOA 2021 codes through the ONS exact-fit lookup, so every
 * indicator aggregates over the same LSOAs:
 * <ul>
 *   <li>additive values (counts): an unchanged or merged LSOA passes its count on whole (merged
 *       counts add up); a split LSOA shares its count among its 2021 parts in proportion to their
 *       residents;</li>
 *   <li>other values (ranks, deciles, classes): each 2021 LSOA takes the value of its 2011
 *       parent; where several 2011 LSOAs merged into one, it takes the value of the first of them
 *       in code order (a simplification: merges are few, 8 of 516 in C&P).</li>
 * </ul>
 */
public final class VintageBridge {
    /** One lookup row. */
    public record Link(String lsoa11, String lsoa21) {
    }

    private final Map<String, List<String>> childrenOf = new HashMap<>();
    private final Map<String, List<String>> parentsOf = new HashMap<>();
    private final Map<String, ? extends Number> residents21;

    public VintageBridge(List<Link> lookup, Map<String, ? extends Number> residents21) {
        for (Link l : lookup) {
            childrenOf.computeIfAbsent(l.lsoa11(), k -> new ArrayList<>()).add(l.lsoa21());
            parentsOf.computeIfAbsent(l.lsoa21(), k -> new ArrayList<>()).add(l.lsoa11());
        }
        childrenOf.values().forEach(v -> v.sort(null));
        parentsOf.values().forEach(v -> v.sort(null));
        this.residents21 = residents21;
    }

    /** Adds a 2011 value to the builder under 2021 codes. */
    public void add(LsoaData.Builder b, String dataset, String lsoa11, String field, Object value, boolean additive) {
        List<String> kids = childrenOf.get(lsoa11);
        if (kids == null) {
            return; // not a 2011 LSOA of the region
        }
        if (value instanceof Double d && additive) {
            double total = 0;
            for (String k : kids) {
                total += weight(k);
            }
            for (String k : kids) {
                double share = total > 0 ? weight(k) / total : 1.0 / kids.size();
                b.number(dataset, k, field, d * share);
            }
            return;
        }
        for (String k : kids) {
            // a merged 2021 LSOA keeps its first parent's rank or class
            if (parentsOf.get(k).get(0).equals(lsoa11)) {
                if (value instanceof Double d) {
                    b.number(dataset, k, field, d);
                } else {
                    b.text(dataset, k, field, value.toString());
                }
            }
        }
    }

    private double weight(String lsoa21) {
        Number n = residents21.get(lsoa21);
        return n == null ? 0 : n.doubleValue();
    }
}
