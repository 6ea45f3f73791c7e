package org.sdaplanner.cli;

import org.sdaplanner.core.blocks.BlockSet;
import org.sdaplanner.core.blocks.SliverMerge;
import org.sdaplanner.core.blocks.SliverRule;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** What 'sda blocks' and 'sda build' print about the slivers folded into their neighbours. */
final class SliverReport {
    private SliverReport() {
    }

    /** How many slivers (and detached parts of other remainders), how much land and how many people went into how many blocks. */
    static void summary(PrintWriter out, BlockSet set) {
        Set<String> slivers = new TreeSet<>();
        Set<String> detached = new TreeSet<>();
        Set<String> into = new TreeSet<>();
        double area = 0;
        double residents = 0;
        for (SliverMerge m : set.sliverMerges()) {
            (m.whole() ? slivers : detached).add(m.sliverCode());
            into.add(m.intoCode());
            area += m.area();
            residents += m.residents();
        }
        if (set.sliverRule() != null && set.sliverRule().off()) {
            out.println("Slivers: kept (--slivers keep): no LSOA piece outside the parishes was treated as a sliver, nor any"
                    + " detached part of one; each is a block of its own, as before the sliver rule");
        } else if (slivers.isEmpty() && detached.isEmpty()) {
            out.println("Slivers: none (no LSOA piece outside the parishes is under " + rule(set) + ")");
        } else {
            out.println(String.format(Locale.ROOT, "Slivers: %d LSOA pieces outside every parish were too small to be blocks"
                            + " (under %s) and %d detached parts of other such pieces likewise: each joined the neighbouring"
                            + " block of its district it shares most boundary with (%.2f km² and %,.0f residents, into %d blocks)",
                    slivers.size(), rule(set), detached.size(), area / 1e6, residents, into.size()));
        }
        if (!set.keptSlivers().isEmpty()) {
            out.println("Slivers kept as blocks (no part of them touches a block of their district): "
                    + String.join(", ", set.keptSlivers()));
        }
    }

    /** One line per block that took slivers in: which. */
    static void whereTheyWent(PrintWriter out, BlockSet set) {
        Map<String, Set<String>> byTarget = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        for (SliverMerge m : set.sliverMerges()) {
            byTarget.computeIfAbsent(m.intoCode(), k -> new TreeSet<>()).add(m.sliverCode());
            names.put(m.intoCode(), m.intoName());
        }
        byTarget.forEach((code, from) -> out.println("  into " + names.get(code) + " (" + code + "): " + String.join(", ", from)));
    }

    /** The thresholds the set's slivers were judged by (the default rule's for a set not cleaned). */
    private static String rule(BlockSet set) {
        SliverRule r = set.sliverRule() == null ? SliverRule.DEFAULTS : set.sliverRule();
        return String.format(Locale.ROOT, "%.0f%% of their LSOA's land and %.0f%% of its residents",
                100 * r.maxAreaShare(), 100 * r.maxResidentShare());
    }
}
