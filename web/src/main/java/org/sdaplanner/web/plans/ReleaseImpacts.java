package org.sdaplanner.web.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sdaplanner.core.cluster.AreaCounts;
import org.sdaplanner.core.cluster.ClusterOptions;
import org.sdaplanner.core.cluster.Refit;
import org.sdaplanner.core.dominance.DominanceEngine;
import org.sdaplanner.core.dominance.DominanceInput;
import org.sdaplanner.core.dominance.DominanceResult;
import org.sdaplanner.core.geography.Geography;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.core.release.AreaImpact;
import org.sdaplanner.core.release.LsoaChange;
import org.sdaplanner.core.release.PcnChange;
import org.sdaplanner.core.release.ReleaseDiff;
import org.sdaplanner.store.NotFoundException;
import org.sdaplanner.store.PlanRepository;
import org.sdaplanner.store.ReleaseRepository;
import org.sdaplanner.store.ReleaseRepository.ReleaseInfo;
import org.sdaplanner.store.StoredPlans;
import org.sdaplanner.web.ApiException;
import org.sdaplanner.web.Region;
import org.sdaplanner.web.api.DataRelease;
import org.sdaplanner.web.api.DataReleases;
import org.sdaplanner.web.api.RefitOutcome;
import org.sdaplanner.web.api.ReleaseComparison;
import org.sdaplanner.web.api.ReplayOutcome;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.sdaplanner.export.Numbers.round;

/**
 * What the store's data releases do to the region and its plans: the releases, two of them compared
 * (LSOAs whose dominance changed, PCN and practice changes, and a plan's areas before and after), and
 * the re-fit of a plan's affected areas under a new release. The plan's blocks stay the region's; only
 * the registrations and the practice map (so the PCN shares and affinities) come from each release.
 * The command line (sda release) and the routes call the same methods.
 */
public final class ReleaseImpacts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlanSessions sessions;
    private final Region region;
    private final PlanRepository repo;
    private final ReleaseRepository releases;
    private final PlanEditing editing;
    /** A release scored on the region's blocks, by label and import time (a replaced release is scored again). */
    private final Map<String, Scored> scored = new ConcurrentHashMap<>();

    /** One release read and scored: what the diff reads of it, and the region's blocks under it. */
    public record Scored(ReleaseInfo info, ReleaseDiff.Release release, PlanningProblem problem) {
    }

    public ReleaseImpacts(PlanSessions sessions, ReleaseRepository releases, PlanEditing editing) {
        this.sessions = sessions;
        this.region = sessions.region();
        this.repo = sessions.repo();
        this.releases = releases;
        this.editing = editing;
    }

    public DataReleases list() {
        List<DataRelease> out = releases.list().stream().map(ReleaseImpacts::answer).toList();
        return new DataReleases(out.stream().filter(DataRelease::current).map(DataRelease::label).findFirst().orElse(null), out);
    }

    private static DataRelease answer(ReleaseInfo r) {
        return new DataRelease(r.label(), r.position(), r.importedAt(), r.current(), r.practiceMap(), r.registrations(),
                r.practices(), r.pcns(), r.patients());
    }

    /** The release read from the store and scored on the region's blocks (cached while it is not replaced). */
    public Scored scored(String label) {
        ReleaseInfo info = find(label);
        String key = info.label() + "@" + info.importedAt();
        return scored.computeIfAbsent(key, k -> {
            ReleaseRepository.ReleaseData d = releases.read(info.label());
            Geography live = region.analysis().geography();
            Geography g = new Geography(live.lsoas(), live.parishes(), live.districts(), d.pcns(), d.practices(),
                    d.registrations(), live.residents(), live.postcodes());
            DominanceResult dominance = new DominanceEngine().compute(DominanceInput.of(g), Region.RULE);
            return new Scored(info, new ReleaseDiff.Release(info.label(), dominance, d.pcns(), d.practices(), d.registrations()),
                    region.problem().underRelease(dominance));
        });
    }

    private ReleaseInfo find(String label) {
        if (label == null || label.isBlank()) {
            throw ApiException.badRequest("name a data release (sda release list shows them)");
        }
        try {
            return releases.require(label);
        } catch (NotFoundException e) {
            throw ApiException.notFound(e.getMessage());
        }
    }

    /** The label of the current release; 409 when the store has none (imported before releases, never migrated). */
    public String currentLabel() {
        return releases.current().map(ReleaseInfo::label)
                .orElseThrow(() -> ApiException.conflict("the store has no current data release: import the region again"));
    }

    /**
     * Two releases compared, with a plan's areas when {@code planId} is given.
     *
     * @param threshold the change of dominant share that counts when the dominant PCN stays (0.05: 5 points)
     */
    public ReleaseDiff diff(String from, String to, Long planId, double threshold) {
        Scored a = scored(from == null ? currentLabel() : from);
        Scored b = scored(to == null ? currentLabel() : to);
        ReleaseDiff d;
        try {
            d = ReleaseDiff.of(a.release(), b.release(), region.analysis().geography().lsoas(), threshold);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        if (planId == null) {
            return d;
        }
        PlanView v = sessions.view(planId);
        return d.withPlan(new PlanState(a.problem(), v.state().assignment(), v.areaIds().size(), null),
                new PlanState(b.problem(), v.state().assignment(), v.areaIds().size(), null), v.areaIds(), v.areaNames());
    }

    /** The comparison as the page reads it. */
    public ReleaseComparison compare(String from, String to, Long planId, double threshold) {
        ReleaseDiff d = diff(from, to, planId, threshold);
        List<ReleaseComparison.LsoaChangeRow> lsoas = new ArrayList<>();
        for (LsoaChange c : d.lsoas()) {
            lsoas.add(new ReleaseComparison.LsoaChangeRow(c.code(), c.name(), c.what(), c.before().pcnCode(),
                    c.before().pcnName(), round(c.before().share(), 4), c.before().contested(), c.after().pcnCode(),
                    c.after().pcnName(), round(c.after().share(), 4), c.after().contested()));
        }
        List<ReleaseComparison.PcnChangeRow> pcns = new ArrayList<>();
        for (PcnChange c : d.pcns()) {
            pcns.add(new ReleaseComparison.PcnChangeRow(c.kind().key(), c.pcnCode(), c.nameBefore(), c.nameAfter(),
                    c.practiceCode(), c.practiceName(), c.fromPcn(), c.toPcn(), c.patients()));
        }
        List<ReleaseComparison.AreaImpactRow> areas = new ArrayList<>();
        for (AreaImpact a : d.areas()) {
            areas.add(new ReleaseComparison.AreaImpactRow(a.areaId(), a.areaName(), round(a.alignmentBefore(), 4),
                    round(a.alignmentAfter(), 4), a.mainPcnBefore(), a.mainPcnAfter(), Math.round(a.residents()),
                    Math.round(a.residentsChanged()), a.changedLsoas(), a.affected()));
        }
        ReleaseDiff.Summary s = d.summary();
        return new ReleaseComparison(d.from(), d.to(), planId, rounded(s), lsoas, pcns, areas);
    }

    private static ReleaseDiff.Summary rounded(ReleaseDiff.Summary s) {
        return new ReleaseDiff.Summary(s.from(), s.to(), s.shareThreshold(), s.lsoasCompared(), s.lsoasChanged(),
                s.dominantChanged(), s.contestedChanged(), s.shareChanged(), s.pcnsNew(), s.pcnsGone(), s.pcnsRenamed(),
                s.practicesMoved(), s.practicesNew(), s.practicesGone(), s.patientsAtMovedPractices(), s.areas(),
                s.areasAffected(), s.areasGained(), s.areasLost(), s.alignmentBefore() == null ? null : round(s.alignmentBefore(), 6),
                s.alignmentAfter() == null ? null : round(s.alignmentAfter(), 6),
                s.residentsChanged() == null ? null : (double) Math.round(s.residentsChanged()));
    }

    /**
     * Re-optimises the plan's areas that the change from {@code from} to {@code to} touches, under {@code to},
     * keeping every other block and every locked block where it is. The plan as it was and the re-fit are
     * saved as two versions, and the plan becomes the re-fit by restoring the second: one edit, which undo
     * takes back. When the search finds nothing better, nothing is changed or saved.
     */
    public RefitOutcome refit(long id, String from, String to, Long revision, String user) {
        String fromLabel = from == null || from.isBlank() ? currentLabel() : from;
        if (to == null || to.isBlank()) {
            throw ApiException.badRequest("name the release to re-fit the plan to (\"to\")");
        }
        if (fromLabel.equals(to)) {
            throw ApiException.badRequest("the plan is re-fitted from one release to another: 'from' and 'to' are both " + to);
        }
        ReleaseDiff d = diff(fromLabel, to, id, ReleaseDiff.DEFAULT_THRESHOLD);
        Scored target = scored(to);
        List<String> affected = d.affectedAreas();
        record Work(Refit.Result result, Map<String, String> proposed, String planName, long revision) {
        }
        Work w = sessions.atStoredRevision(id, s -> {
            PlanSessions.checkRevision(s, revision);
            List<Integer> areas = affected.stream().map(s::areaIndex).filter(a -> a >= 0).toList();
            boolean[] locked = new boolean[s.state.problem().blockCount()];
            for (int b = 0; b < locked.length; b++) {
                locked[b] = s.state.locked(b);
            }
            Refit.Result r = Refit.of(target.problem(), s.state.assignment(), s.areaIds.size(), locked, areas,
                    options(s.info, s.areaIds.size()));
            Map<String, String> proposed = new HashMap<>();
            for (int b = 0; b < r.assignment().length; b++) {
                proposed.put(target.problem().block(b).code(), s.areaIds.get(r.assignment()[b]));
            }
            return new Work(r, proposed, s.info.name(), s.revision);
        });
        Refit.Result r = w.result();
        if (r.moved() == 0) {
            return new RefitOutcome(id, fromLabel, to, false, affected, 0, round(r.alignmentBefore(), 6),
                    round(r.alignmentBefore(), 6), null, null, r.warnings(), null, w.revision());
        }
        int before = repo.saveVersion(id, "Before re-fit to release " + to, user).version();
        int after = repo.saveVersion(id, "Re-fit under release " + to, user, w.proposed()).version();
        ReplayOutcome done = editing.restore(id, after, w.revision(), user);
        return new RefitOutcome(id, fromLabel, to, true, affected, r.moved(), round(r.alignmentBefore(), 6),
                round(r.alignmentAfter(), 6), before, after, r.warnings(), done.edit(), done.revision());
    }

    /** The plan's own options (as it stored them), for the search; a plan made otherwise gets the defaults. */
    static ClusterOptions options(StoredPlans.PlanInfo info, int areas) {
        JsonNode o;
        try {
            o = JSON.readTree(info.optionsJson() == null ? "{}" : info.optionsJson());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            o = JSON.createObjectNode();
        }
        AreaCounts counts = "parishes".equals(o.path("areas_of").asText(null)) && o.path("areas").isInt()
                ? AreaCounts.ofParishes(o.path("areas").asInt(), o.path("unparished_areas").isInt()
                        ? o.path("unparished_areas").asInt() : null)
                : AreaCounts.inAll(areas);
        ClusterOptions c = ClusterOptions.of(counts, o.path("seed").asLong(PlanSpec.DEFAULT_SEED))
                .withDistrictNesting(info.districtNesting())
                .withBounds(o.path("min_population").asDouble(0), o.path("max_population").asDouble(0))
                .withWeights(o.path("balance_weight").asDouble(ClusterOptions.BALANCE_WEIGHT),
                        o.path("compactness_weight").asDouble(ClusterOptions.COMPACTNESS_WEIGHT))
                .withEffort(o.path("effort").asDouble(1.0));
        return o.path("max_deviation").isNumber() ? c.withMaxDeviation(o.path("max_deviation").asDouble()) : c;
    }
}
