package org.sdaplanner.core.cluster;

import org.sdaplanner.core.blocks.BlockKind;
import org.sdaplanner.core.plan.PlanningProblem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The groups of blocks areas are drawn from, and how many areas each gets. Under district
 * nesting a group is a district; with areas of parishes ({@link AreaCounts#partsOfTheirOwn()})
 * it is a district's parished side or one of its unparished parts. An area lies in one group.
 *
 * <p>An <b>unparished part</b> is a connected set of unparished blocks of a district (LSOAs of a
 * non-civil parished area, e.g. all of Cambridge) holding at least {@link #PART_SHARE} of a
 * mean parish area's residents. Smaller unparished pieces (LSOA remainders outside every
 * parish, a village-sized unparished pocket) cannot make an area of their own and are
 * clustered with the parishes around them.
 */
final class PlanGroups {
    /** An unparished part needs at least this share of a mean parish area's residents. */
    static final double PART_SHARE = 0.5;

    enum Side { ALL, PARISHED, UNPARISHED }

    /**
     * @param district district index, or −1 without nesting
     * @param blocks   the group's blocks, ascending
     */
    record Group(int district, Side side, int[] blocks, int areas, double residents, String label) {
    }

    private PlanGroups() {
    }

    static List<Group> of(PlanningProblem p, ClusterOptions o) {
        AreaCounts counts = o.counts();
        int n = p.blockCount();
        int districts = p.districtCodes().size();
        if (!counts.partsOfTheirOwn()) {
            if (!o.districtNesting()) {
                int[] all = java.util.stream.IntStream.range(0, n).toArray();
                return List.of(new Group(-1, Side.ALL, all, Math.min(counts.areas(), n), p.totalResidents(), "the region"));
            }
            int[] quota = DistrictQuota.allocate(p, o);
            List<Group> out = new ArrayList<>();
            for (int d = 0; d < districts; d++) {
                int[] blocks = blocksOf(p, d);
                out.add(new Group(d, Side.ALL, blocks, quota[d], residents(p, blocks), "district " + p.districtCodes().get(d)));
            }
            return out;
        }
        return withUnparishedParts(p, o);
    }

    private static List<Group> withUnparishedParts(PlanningProblem p, ClusterOptions o) {
        AreaCounts counts = o.counts();
        int n = p.blockCount();
        int districts = p.districtCodes().size();
        double parishResidents = 0;
        for (int b = 0; b < n; b++) {
            if (p.block(b).kind() == BlockKind.PARISH) {
                parishResidents += p.residents(b);
            }
        }
        double threshold = PART_SHARE * parishResidents / counts.areas();
        // unparished components within a district (or over the region without nesting)
        int[] part = new int[n];
        Arrays.fill(part, -1);
        List<int[]> parts = new ArrayList<>();
        List<Integer> partDistrict = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            if (part[s] >= 0 || p.block(s).kind() == BlockKind.PARISH) {
                continue;
            }
            List<Integer> members = new ArrayList<>();
            java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
            queue.add(s);
            part[s] = -2;
            while (!queue.isEmpty()) {
                int x = queue.poll();
                members.add(x);
                for (int y : p.neighbours(x)) {
                    if (part[y] == -1 && p.block(y).kind() != BlockKind.PARISH
                            && (!o.districtNesting() || p.district(y) == p.district(s))) {
                        part[y] = -2;
                        queue.add(y);
                    }
                }
            }
            int[] blocks = members.stream().mapToInt(Integer::intValue).sorted().toArray();
            boolean own = residents(p, blocks) >= threshold;
            for (int b : blocks) {
                part[b] = own ? parts.size() : -3;
            }
            if (own) {
                parts.add(blocks);
                partDistrict.add(o.districtNesting() ? p.district(s) : -1);
            }
        }
        // the parished side of each district (or of the region): parishes and small unparished pieces
        int sides = o.districtNesting() ? districts : 1;
        List<List<Integer>> parished = new ArrayList<>();
        for (int d = 0; d < sides; d++) {
            parished.add(new ArrayList<>());
        }
        for (int b = 0; b < n; b++) {
            if (part[b] < 0) {
                parished.get(o.districtNesting() ? p.district(b) : 0).add(b);
            }
        }
        List<int[]> sideBlocks = new ArrayList<>();
        List<Integer> sideDistrict = new ArrayList<>();
        for (int d = 0; d < sides; d++) {
            boolean anyParish = parished.get(d).stream().anyMatch(b -> p.block(b).kind() == BlockKind.PARISH);
            int largest = -1;
            for (int i = 0; i < parts.size(); i++) {
                if (partDistrict.get(i) == (o.districtNesting() ? d : -1)
                        && (largest < 0 || residents(p, parts.get(i)) > residents(p, parts.get(largest)))) {
                    largest = i;
                }
            }
            if (!anyParish && largest >= 0 && !parished.get(d).isEmpty()) {
                // no parishes here, only unparished scraps: they join the district's largest unparished part
                int[] merged = java.util.stream.IntStream.concat(Arrays.stream(parts.get(largest)),
                        parished.get(d).stream().mapToInt(Integer::intValue)).sorted().toArray();
                parts.set(largest, merged);
                continue;
            }
            if (!parished.get(d).isEmpty()) {
                sideBlocks.add(parished.get(d).stream().mapToInt(Integer::intValue).toArray());
                sideDistrict.add(o.districtNesting() ? d : -1);
            }
        }
        int[] parishQuota = quota(p, sideBlocks, sideDistrict, counts.areas(), counts.perDistrict(), "areas of parishes");
        double sideResidents = 0;
        for (int[] s : sideBlocks) {
            sideResidents += residents(p, s);
        }
        double partResidents = 0;
        for (int[] s : parts) {
            partResidents += residents(p, s);
        }
        int unparished;
        if (counts.unparishedAreas() != null) {
            unparished = counts.unparishedAreas();
        } else {
            double meanSize = sideResidents / Math.max(1, counts.areas());
            unparished = (int) Math.round(partResidents / meanSize);
        }
        unparished = Math.max(unparished, counts.unparishedPerDistrict().isEmpty() ? parts.size() : 0);
        int[] partQuota = parts.isEmpty() ? new int[0]
                : quota(p, parts, partDistrict, unparished, counts.unparishedPerDistrict(), "unparished areas");
        List<Group> out = new ArrayList<>();
        // district order; within a district the parished side first
        for (int d = 0; d < Math.max(1, sides); d++) {
            for (int i = 0; i < sideBlocks.size(); i++) {
                if (sideDistrict.get(i) == (o.districtNesting() ? d : -1) && parishQuota[i] > 0) {
                    out.add(new Group(sideDistrict.get(i), Side.PARISHED, sideBlocks.get(i), parishQuota[i],
                            residents(p, sideBlocks.get(i)), label(p, sideDistrict.get(i), "parished side")));
                } else if (sideDistrict.get(i) == (o.districtNesting() ? d : -1)) {
                    throw new IllegalArgumentException(label(p, sideDistrict.get(i), "parished side")
                            + " has blocks but gets no area of parishes: give it at least 1");
                }
            }
            for (int i = 0; i < parts.size(); i++) {
                if (partDistrict.get(i) == (o.districtNesting() ? d : -1)) {
                    if (partQuota[i] < 1) {
                        throw new IllegalArgumentException(label(p, partDistrict.get(i), "unparished part")
                                + " (" + p.block(parts.get(i)[0]).code() + " …) gets no area: give it at least 1");
                    }
                    out.add(new Group(partDistrict.get(i), Side.UNPARISHED, parts.get(i), partQuota[i],
                            residents(p, parts.get(i)), label(p, partDistrict.get(i), "unparished part")));
                }
            }
        }
        return out;
    }

    private static String label(PlanningProblem p, int district, String side) {
        return district < 0 ? "the region's " + side : "district " + p.districtCodes().get(district) + " (" + side + ")";
    }

    /**
     * Areas per group: fixed by district code, or one each and the rest by Sainte-Laguë on
     * residents, never more than a group's blocks.
     */
    private static int[] quota(PlanningProblem p, List<int[]> groups, List<Integer> district, int areas,
                               Map<String, Integer> fixed, String what) {
        int g = groups.size();
        int[] q = new int[g];
        if (!fixed.isEmpty()) {
            // a district's fixed count goes to its groups (one per district on the parished side;
            // several unparished parts of one district share it by Sainte-Laguë)
            for (int d = -1; d < p.districtCodes().size(); d++) {
                List<Integer> members = new ArrayList<>();
                for (int i = 0; i < g; i++) {
                    if (district.get(i) == d) {
                        members.add(i);
                    }
                }
                if (members.isEmpty()) {
                    continue;
                }
                String code = d < 0 ? null : p.districtCodes().get(d);
                Integer count = code == null ? null : fixed.get(code);
                if (count == null) {
                    throw new IllegalArgumentException(what + " per district: district " + (code == null ? "?" : code)
                            + " needs a count");
                }
                double[] r = new double[members.size()];
                int[] blocks = new int[members.size()];
                for (int j = 0; j < members.size(); j++) {
                    r[j] = residents(p, groups.get(members.get(j)));
                    blocks[j] = groups.get(members.get(j)).length;
                }
                int[] share = DistrictQuota.sainteLague(r, blocks, count, Math.min(1, count));
                for (int j = 0; j < members.size(); j++) {
                    q[members.get(j)] = share[j];
                }
            }
            return q;
        }
        if (areas < g) {
            throw new IllegalArgumentException(areas + " " + what + " cannot nest in the " + g
                    + " places that need one: ask for at least " + g + " or switch district nesting off");
        }
        double[] r = new double[g];
        int[] blocks = new int[g];
        for (int i = 0; i < g; i++) {
            r[i] = residents(p, groups.get(i));
            blocks[i] = groups.get(i).length;
        }
        return DistrictQuota.sainteLague(r, blocks, areas, 1);
    }

    static int[] blocksOf(PlanningProblem p, int district) {
        return java.util.stream.IntStream.range(0, p.blockCount()).filter(b -> p.district(b) == district).toArray();
    }

    static double residents(PlanningProblem p, int[] blocks) {
        double s = 0;
        for (int b : blocks) {
            s += p.residents(b);
        }
        return s;
    }
}
