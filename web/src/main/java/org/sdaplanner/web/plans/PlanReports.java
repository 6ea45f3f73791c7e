package org.sdaplanner.web.plans;

import org.sdaplanner.core.cluster.Baselines;
import org.sdaplanner.core.cluster.ClusterOptions;
import org.sdaplanner.core.cluster.PlanBuilder;
import org.sdaplanner.core.plan.AreaMetrics;
import org.sdaplanner.export.PlanOutlines;
import org.sdaplanner.export.CommitteeReport;
import org.sdaplanner.store.StoredPlans.PlanInfo;
import org.sdaplanner.web.Region;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A plan's committee report ({@link CommitteeReport}) at its current revision: served as
 * {@code report.html?plan=ID} and written by {@code sda report}. The baselines (random contiguous plans
 * with the plan's areas per district) depend only on those counts and the seed, so they are computed
 * once and kept.
 */
public final class PlanReports {
    /** The report's map is a page wide: bends under this many metres cannot be printed (each shared edge simplified once). */
    static final double MAP_SIMPLIFY_METRES = 50;

    private final PlanSessions sessions;
    private final Region region;
    private final PlanDownloads downloads;
    private final Map<String, Baselines.Result> baselines = new ConcurrentHashMap<>();

    public PlanReports(PlanSessions sessions, PlanDownloads downloads) {
        this.sessions = sessions;
        this.region = sessions.region();
        this.downloads = downloads;
    }

    /** The report of the plan as it is now, as one HTML document. */
    public String html(long id) {
        PlanDownloads.Snapshot s = downloads.snapshot(id);
        record Info(String changedAt, boolean nesting, long seed) {
        }
        PlanInfo x = sessions.view(id).info();
        Info info = new Info(x.updatedAt(), x.districtNesting(), seed(x.optionsJson()));
        CommitteeReport.Context c = new CommitteeReport.Context(region.name(), id, s.name(), s.revision(), info.changedAt(),
                region.pcnNames(), region.districtNames(),
                region.sources().stream().map(src -> new CommitteeReport.Source(src.title(), src.vintage(), src.licence())).toList(),
                region.attributions(), region.importedAt(), baselines(s.plan().areas(), info.nesting(), info.seed()),
                bound(s.plan()));
        return CommitteeReport.html(s.plan(), PlanOutlines.bng(s.plan(), MAP_SIMPLIFY_METRES).areas(), c);
    }

    /**
     * The proven bound in words, as the page says it, with the gap of the plan as it is now (hand edits keep the
     * bound of the rules the plan was built with); null when the plan has none (imported, or built before bounds).
     */
    static String bound(org.sdaplanner.core.cluster.BuiltPlan plan) {
        org.sdaplanner.core.cluster.Certificate c = plan.certificate();
        if (c == null || !Double.isFinite(c.upperBound())) {
            return null;
        }
        double upper = org.sdaplanner.export.Numbers.roundUp(c.upperBound(), 4);
        double alignment = plan.summary().alignment();
        if (alignment > c.upperBound() + 1e-9) {
            return String.format(java.util.Locale.ROOT, "no plan under the rules this plan was built with aligns more than"
                    + " %.1f%%; hand edits have taken it outside those rules (such as its population limits)", 100 * upper);
        }
        double gap = org.sdaplanner.export.Numbers.roundUp(c.upperBound() - alignment, 4);
        return String.format(java.util.Locale.ROOT, "no plan under the rules this plan was built with (its areas per district,"
                + " population limits and contiguity) can align more than %.1f%%: this plan is %s", 100 * upper,
                gap <= 1e-9 ? "optimal" : String.format(java.util.Locale.ROOT, "within %.1f points of it", 100 * gap));
    }

    /** Random contiguous plans with the plan's areas per district (or in all, when its areas cross districts). */
    private Baselines.Result baselines(List<AreaMetrics> areas, boolean nesting, long seed) {
        Map<String, Integer> perDistrict = new TreeMap<>();
        for (AreaMetrics a : areas) {
            if (a.districtCodes().size() != 1) {
                nesting = false;
            }
            a.districtCodes().stream().findFirst().ifPresent(d -> perDistrict.merge(d, 1, Integer::sum));
        }
        boolean nested = nesting;
        String key = nested + ":" + seed + ":" + (nested ? perDistrict : areas.size());
        return baselines.computeIfAbsent(key, k -> {
            ClusterOptions o = ClusterOptions.of(areas.size(), seed).withDistrictNesting(nested);
            if (nested) {
                o = o.withAreasPerDistrict(perDistrict);
            }
            return Baselines.of(region.problem(), o, PlanBuilder.RANDOM_PLANS);
        });
    }

    private static long seed(String optionsJson) {
        try {
            var n = org.sdaplanner.web.http.ApiJson.MAPPER.readTree(optionsJson == null ? "{}" : optionsJson).path("seed");
            return n.canConvertToLong() ? n.asLong() : PlanSpec.DEFAULT_SEED;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return PlanSpec.DEFAULT_SEED;
        }
    }
}
