package org.sdaplanner.core.release;

import org.sdaplanner.core.blocks.BlockPiece;
import org.sdaplanner.core.dominance.DominanceResult;
import org.sdaplanner.core.dominance.LsoaDominance;
import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.core.geography.Pcn;
import org.sdaplanner.core.geography.Practice;
import org.sdaplanner.core.geography.Registration;
import org.sdaplanner.core.plan.PlanState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What changed from one data release to another: every LSOA whose dominant PCN, contested flag or dominant
 * share (by more than {@code threshold}) changed, the region's PCNs new, gone or renamed and its practices
 * that moved, came or went, and, for a plan, each area's alignment and main PCN before and after. Rows are
 * in code order, so the same releases give the same diff.
 */
public record ReleaseDiff(String from, String to, double threshold, List<LsoaChange> lsoas, List<PcnChange> pcns,
                          List<AreaImpact> areas, int lsoasCompared) {
    /** The share change that counts when the dominant PCN stays: 5 percentage points. */
    public static final double DEFAULT_THRESHOLD = 0.05;

    public ReleaseDiff {
        lsoas = List.copyOf(lsoas);
        pcns = List.copyOf(pcns);
        areas = List.copyOf(areas);
    }

    /** One release as the diff reads it: its dominance result, PCNs, practices and registrations in the region. */
    public record Release(String label, DominanceResult dominance, List<Pcn> pcns, List<Practice> practices,
                          List<Registration> registrations) {
        Map<String, String> pcnNames() {
            Map<String, String> out = new HashMap<>();
            pcns.forEach(p -> out.put(p.code(), p.name()));
            return out;
        }

        /** The region's own practices by code. */
        Map<String, Practice> regionPractices() {
            Map<String, Practice> out = new TreeMap<>();
            practices.stream().filter(Practice::inRegion).forEach(p -> out.put(p.code(), p));
            return out;
        }

        Map<String, Long> patientsByPractice() {
            Map<String, Long> out = new HashMap<>();
            registrations.forEach(r -> out.merge(r.practiceCode(), r.patients(), Long::sum));
            return out;
        }
    }

    /**
     * @param lsoas     the region's LSOAs (for their names)
     * @param threshold the change of dominant share that counts when the dominant PCN stays (0.05 = 5 points)
     */
    public static ReleaseDiff of(Release a, Release b, List<Lsoa> lsoas, double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("the share threshold is a share from 0 to 1 (0.05 = 5 points), not " + threshold);
        }
        Map<String, LsoaDominance> before = new HashMap<>();
        a.dominance().lsoas().forEach(l -> before.put(l.lsoaCode(), l));
        Map<String, LsoaDominance> after = new HashMap<>();
        b.dominance().lsoas().forEach(l -> after.put(l.lsoaCode(), l));
        Map<String, String> namesA = a.pcnNames();
        Map<String, String> namesB = b.pcnNames();
        List<LsoaChange> changes = new ArrayList<>();
        List<Lsoa> sorted = new ArrayList<>(lsoas);
        sorted.sort(Comparator.comparing(Lsoa::code));
        for (Lsoa l : sorted) {
            LsoaDominance x = before.get(l.code());
            LsoaDominance y = after.get(l.code());
            if (x == null || y == null) {
                continue;
            }
            List<String> what = new ArrayList<>();
            if (!Objects.equals(x.dominantPcnCode(), y.dominantPcnCode())) {
                what.add(LsoaChange.DOMINANT);
            }
            if (x.contested() != y.contested()) {
                what.add(LsoaChange.CONTESTED);
            }
            if (what.isEmpty() && Math.abs(x.dominantShare() - y.dominantShare()) > threshold + 1e-12) {
                what.add(LsoaChange.SHARE);
            }
            if (!what.isEmpty()) {
                changes.add(new LsoaChange(l.code(), l.name(), what, side(x, namesA), side(y, namesB)));
            }
        }
        return new ReleaseDiff(a.label(), b.label(), threshold, changes, pcnChanges(a, b), List.of(), lsoas.size());
    }

    private static LsoaChange.Side side(LsoaDominance d, Map<String, String> names) {
        return new LsoaChange.Side(d.dominantPcnCode(), d.dominantPcnCode() == null ? null : names.get(d.dominantPcnCode()),
                d.dominantShare(), d.contested(), d.registeredPatients());
    }

    private static List<PcnChange> pcnChanges(Release a, Release b) {
        Map<String, Practice> pa = a.regionPractices();
        Map<String, Practice> pb = b.regionPractices();
        Map<String, Long> patientsA = a.patientsByPractice();
        Map<String, Long> patientsB = b.patientsByPractice();
        Map<String, String> namesA = a.pcnNames();
        Map<String, String> namesB = b.pcnNames();
        Map<String, Long> pcnA = pcnPatients(pa, patientsA);
        Map<String, Long> pcnB = pcnPatients(pb, patientsB);
        List<PcnChange> out = new ArrayList<>();
        for (String p : pcnB.keySet()) {
            if (!pcnA.containsKey(p)) {
                out.add(new PcnChange(PcnChange.Kind.PCN_NEW, p, null, namesB.get(p), null, null, null, null, pcnB.get(p)));
            }
        }
        for (String p : pcnA.keySet()) {
            if (!pcnB.containsKey(p)) {
                out.add(new PcnChange(PcnChange.Kind.PCN_GONE, p, namesA.get(p), null, null, null, null, null, pcnA.get(p)));
            }
        }
        for (String p : pcnB.keySet()) {
            if (pcnA.containsKey(p) && !Objects.equals(namesA.get(p), namesB.get(p))) {
                out.add(new PcnChange(PcnChange.Kind.PCN_RENAMED, p, namesA.get(p), namesB.get(p), null, null, null, null,
                        pcnB.get(p)));
            }
        }
        for (Practice x : pb.values()) {
            Practice w = pa.get(x.code());
            if (w != null && !Objects.equals(pcnOf(w), pcnOf(x))) {
                // from and to as the maps say (U: unallocated), so a practice that joined a PCN shows where it came from
                out.add(new PcnChange(PcnChange.Kind.PRACTICE_MOVED, pcnOf(x), namesA.get(pcnOf(w)), namesB.get(pcnOf(x)),
                        x.code(), x.name(), w.pcnCode(), x.pcnCode(), patientsB.getOrDefault(x.code(), 0L)));
            }
        }
        for (Practice x : pb.values()) {
            if (!pa.containsKey(x.code())) {
                out.add(new PcnChange(PcnChange.Kind.PRACTICE_NEW, pcnOf(x), null, namesB.get(pcnOf(x)), x.code(), x.name(),
                        null, pcnOf(x), patientsB.getOrDefault(x.code(), 0L)));
            }
        }
        for (Practice w : pa.values()) {
            if (!pb.containsKey(w.code())) {
                out.add(new PcnChange(PcnChange.Kind.PRACTICE_GONE, pcnOf(w), namesA.get(pcnOf(w)), null, w.code(), w.name(),
                        pcnOf(w), null, patientsA.getOrDefault(w.code(), 0L)));
            }
        }
        return out;
    }

    /** A practice's PCN, null for none or unallocated. */
    private static String pcnOf(Practice p) {
        return p.pcnCode() == null || Pcn.UNALLOCATED.equals(p.pcnCode()) ? null : p.pcnCode();
    }

    private static Map<String, Long> pcnPatients(Map<String, Practice> practices, Map<String, Long> patients) {
        Map<String, Long> out = new TreeMap<>();
        for (Practice p : practices.values()) {
            String pcn = pcnOf(p);
            if (pcn != null) {
                out.merge(pcn, patients.getOrDefault(p.code(), 0L), Long::sum);
            }
        }
        return out;
    }

    /**
     * The diff with a plan's areas: {@code before} and {@code after} are the plan (one assignment) scored
     * under the first and the second release (the same blocks: {@code PlanningProblem.underRelease}).
     */
    public ReleaseDiff withPlan(PlanState before, PlanState after, List<String> ids, List<String> names) {
        if (before.areaCount() != after.areaCount() || before.problem().blockCount() != after.problem().blockCount()) {
            throw new IllegalArgumentException("the plan must be scored on the same blocks under both releases");
        }
        Set<String> dominantChanged = new HashSet<>();
        Set<String> anyChanged = new HashSet<>();
        for (LsoaChange c : lsoas) {
            anyChanged.add(c.code());
            if (c.dominantChanged()) {
                dominantChanged.add(c.code());
            }
        }
        int k = before.areaCount();
        double[] changed = new double[k];
        List<Set<String>> touched = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            touched.add(new HashSet<>());
        }
        for (int bl = 0; bl < before.problem().blockCount(); bl++) {
            int a = before.areaOf(bl);
            for (BlockPiece piece : before.problem().block(bl).pieces()) {
                if (piece.residentPopulation() <= 0) {
                    continue;
                }
                if (dominantChanged.contains(piece.lsoaCode())) {
                    changed[a] += piece.residentPopulation();
                }
                if (anyChanged.contains(piece.lsoaCode())) {
                    touched.get(a).add(piece.lsoaCode());
                }
            }
        }
        List<AreaImpact> out = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            out.add(new AreaImpact(ids.get(a), names.get(a), before.alignment(a), after.alignment(a), mainPcn(before, a),
                    mainPcn(after, a), before.residents(a), changed[a], touched.get(a).size()));
        }
        return new ReleaseDiff(from, to, threshold, lsoas, pcns, out, lsoasCompared);
    }

    private static String mainPcn(PlanState s, int a) {
        int q = s.mainPcn(a);
        return q < 0 ? null : s.problem().pcnCodes().get(q);
    }

    /** The areas a re-fit looks at: those the change touches. */
    public List<String> affectedAreas() {
        return areas.stream().filter(AreaImpact::affected).map(AreaImpact::areaId).toList();
    }

    /** An area's alignment change that counts as gained or lost: 0.05 percentage points (below, it is rounding). */
    public static final double ALIGNMENT_STEP = 0.0005;

    /**
     * The diff in figures, for the printed summary, summary.json and the page. Plan figures are null when the
     * diff has no plan.
     */
    public record Summary(String from, String to, double shareThreshold, int lsoasCompared, int lsoasChanged,
                          long dominantChanged, long contestedChanged, long shareChanged, long pcnsNew, long pcnsGone,
                          long pcnsRenamed, long practicesMoved, long practicesNew, long practicesGone,
                          long patientsAtMovedPractices, Integer areas, Integer areasAffected, Integer areasGained,
                          Integer areasLost, Double alignmentBefore, Double alignmentAfter, Double residentsChanged) {
    }

    public Summary summary() {
        long moved = pcns.stream().filter(c -> c.kind() == PcnChange.Kind.PRACTICE_MOVED).mapToLong(PcnChange::patients).sum();
        Integer n = null;
        Integer affected = null;
        Integer gained = null;
        Integer lost = null;
        Double before = null;
        Double after = null;
        Double changed = null;
        if (!areas.isEmpty()) {
            n = areas.size();
            affected = (int) areas.stream().filter(AreaImpact::affected).count();
            gained = (int) areas.stream().filter(a -> a.alignmentAfter() - a.alignmentBefore() > ALIGNMENT_STEP).count();
            lost = (int) areas.stream().filter(a -> a.alignmentBefore() - a.alignmentAfter() > ALIGNMENT_STEP).count();
            double residents = areas.stream().mapToDouble(AreaImpact::residents).sum();
            before = residents <= 0 ? 0 : areas.stream().mapToDouble(a -> a.alignmentBefore() * a.residents()).sum() / residents;
            after = residents <= 0 ? 0 : areas.stream().mapToDouble(a -> a.alignmentAfter() * a.residents()).sum() / residents;
            changed = areas.stream().mapToDouble(AreaImpact::residentsChanged).sum();
        }
        return new Summary(from, to, threshold, lsoasCompared, lsoas.size(), count(LsoaChange.DOMINANT),
                count(LsoaChange.CONTESTED), count(LsoaChange.SHARE), count(PcnChange.Kind.PCN_NEW),
                count(PcnChange.Kind.PCN_GONE), count(PcnChange.Kind.PCN_RENAMED), count(PcnChange.Kind.PRACTICE_MOVED),
                count(PcnChange.Kind.PRACTICE_NEW), count(PcnChange.Kind.PRACTICE_GONE), moved, n, affected, gained, lost,
                before, after, changed);
    }

    public long count(String what) {
        return lsoas.stream().filter(c -> c.what().contains(what)).count();
    }

    public long count(PcnChange.Kind kind) {
        return pcns.stream().filter(c -> c.kind() == kind).count();
    }
}
