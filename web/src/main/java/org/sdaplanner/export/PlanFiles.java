package org.sdaplanner.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.locationtech.jts.geom.MultiPolygon;
import org.sdaplanner.core.blocks.SliverMerge;
import org.sdaplanner.core.blocks.BlockSet;
import org.sdaplanner.core.blocks.SliverRule;
import org.sdaplanner.core.blocks.BuildingBlock;
import org.sdaplanner.core.cluster.Baselines;
import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.cluster.Certificate;
import org.sdaplanner.core.cluster.Clusterer;
import org.sdaplanner.core.plan.AreaMetrics;
import org.sdaplanner.core.plan.LsoaBestFit;
import org.sdaplanner.core.plan.PcnMetrics;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanSummary;
import org.sdaplanner.core.plan.PlanningProblem;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.sdaplanner.export.Numbers.round;

/**
 * Writes a built plan as the files analysts share: dissolved areas and blocks (GeoJSON,
 * EPSG:4326), block → area and LSOA → area lookups, the PCN × area patients table and a JSON
 * summary. Every file is written the same way for the same plan, byte for byte.
 */
public final class PlanFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanFiles() {
    }

    /**
     * Writes every file of the plan, made on blocks cleaned with the default sliver rule;
     * {@code slivers} (may be empty) are listed in summary.json with where they went.
     */
    public static List<Path> write(BuiltPlan plan, List<SliverMerge> slivers, Path dir) throws IOException {
        return write(plan, PlanOutlines.lonLat(plan, 0), slivers, dir);
    }

    /** Writes every file of the plan with the given outlines (in EPSG:4326, from {@link PlanOutlines#lonLat}), on the default blocks. */
    public static List<Path> write(BuiltPlan plan, PlanOutlines outlines, List<SliverMerge> slivers, Path dir) throws IOException {
        return write(plan, outlines, SliverRule.DEFAULTS, slivers, dir);
    }

    /** Writes every file of the plan made on these blocks: summary.json says which sliver rule made them and what joined where. */
    public static List<Path> write(BuiltPlan plan, PlanOutlines outlines, BlockSet blocks, Path dir) throws IOException {
        SliverRule rule = java.util.Objects.requireNonNull(blocks.sliverRule(), "blocks not cleaned by SliverMerger");
        return write(plan, outlines, rule, blocks.sliverMerges(), dir);
    }

    private static List<Path> write(BuiltPlan plan, PlanOutlines outlines, SliverRule rule, List<SliverMerge> slivers,
                                    Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        out.add(areas(plan, outlines, dir.resolve("areas.geojson")));
        out.add(blocks(plan, outlines, dir.resolve("blocks.geojson")));
        out.add(blockLookup(plan, dir.resolve("parish_to_area.csv")));
        out.add(lsoaLookup(plan, dir.resolve("lsoa_to_area.csv")));
        out.add(pcnTable(plan, dir.resolve("pcn_alignment.csv")));
        out.add(summary(plan, outlines, rule, slivers, dir.resolve("summary.json")));
        return out;
    }

    /** The area's properties as written in areas.geojson and summary.json. */
    public static Map<String, Object> areaProperties(AreaMetrics a) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("area_id", a.id());
        p.put("area_name", a.name());
        p.put("district_codes", a.districtCodes());
        p.put("blocks", a.blocks());
        p.put("parishes", a.parishes());
        p.put("resident_population", round(a.residents(), 0));
        p.put("registered_population", round(a.registered(), 0));
        p.put("deviation", round(a.deviation(), 4));
        p.put("main_pcn_code", a.mainPcn());
        p.put("pcn_alignment", round(a.alignment(), 4));
        p.put("compactness", round(a.compactness(), 4));
        p.put("contiguous", a.contiguous());
        Map<String, Object> mix = new LinkedHashMap<>();
        a.pcnMix().forEach((k, v) -> mix.put(k, round(v, 4)));
        p.put("pcn_mix", mix);
        return p;
    }

    /** Writes areas.geojson: the dissolved areas with their properties, EPSG:4326. */
    public static Path areas(BuiltPlan plan, Path file) throws IOException {
        return areas(plan, PlanOutlines.lonLat(plan, 0), file);
    }

    /** Writes areas.geojson from the plan's outlines in EPSG:4326 ({@link PlanOutlines#lonLat}). */
    public static Path areas(BuiltPlan plan, PlanOutlines outlines, Path file) throws IOException {
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file)); GeoJsonWriter w = new GeoJsonWriter(os)) {
            for (int a = 0; a < plan.areas().size(); a++) {
                w.feature(areaProperties(plan.areas().get(a)), outlines.areas().get(a));
            }
        }
        return file;
    }

    private static Path blocks(BuiltPlan plan, PlanOutlines outlines, Path file) throws IOException {
        PlanState s = plan.state();
        PlanningProblem p = s.problem();
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file)); GeoJsonWriter w = new GeoJsonWriter(os)) {
            for (int b = 0; b < p.blockCount(); b++) {
                BuildingBlock blk = p.block(b);
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("block_code", blk.code());
                props.put("block_name", blk.name());
                props.put("block_kind", blk.kind().name().toLowerCase(Locale.ROOT));
                props.put("district_code", blk.districtCode());
                props.put("area_id", plan.areaIds().get(s.areaOf(b)));
                props.put("area_name", plan.areaNames().get(s.areaOf(b)));
                props.put("resident_population", round(blk.residentPopulation(), 1));
                props.put("dominant_pcn_code", blk.dominantPcn());
                props.put("dominant_pcn_share", round(blk.dominantShare(), 4));
                w.feature(props, outlines.blocks().get(b));
            }
        }
        return file;
    }

    /** Writes parish_to_area.csv: every block with its area (id and name). */
    public static Path blockLookup(BuiltPlan plan, Path file) throws IOException {
        PlanState s = plan.state();
        PlanningProblem p = s.problem();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("block_code,block_name,block_kind,district_code,area_id,area_name\n");
            for (int b = 0; b < p.blockCount(); b++) {
                BuildingBlock blk = p.block(b);
                w.write(String.join(",", Csv.field(blk.code()), Csv.field(blk.name()),
                        blk.kind().name().toLowerCase(Locale.ROOT), Csv.field(blk.districtCode()),
                        Csv.field(plan.areaIds().get(s.areaOf(b))), Csv.field(plan.areaNames().get(s.areaOf(b)))));
                w.write('\n');
            }
        }
        return file;
    }

    /**
     * Writes lsoa_to_area.csv: every LSOA with its best-fit area (the name last, so that the columns
     * before it keep their places).
     */
    public static Path lsoaLookup(BuiltPlan plan, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("lsoa_code,area_id,population_share_in_area,area_name\n");
            for (LsoaBestFit.Fit f : plan.bestFit().lsoas()) {
                w.write(Csv.field(f.lsoaCode()) + "," + Csv.field(plan.areaIds().get(f.area())) + ","
                        + String.format(Locale.ROOT, "%.4f", f.shareInArea()) + "," + Csv.field(plan.areaNames().get(f.area())) + "\n");
            }
        }
        return file;
    }

    private static Path pcnTable(BuiltPlan plan, Path file) throws IOException {
        PlanState s = plan.state();
        PlanningProblem p = s.problem();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("pcn_code,area_id,patients,share_of_pcn_patients,share_of_area_residents\n");
            for (int q = 0; q < p.pcnCodes().size(); q++) {
                double total = 0;
                for (int a = 0; a < s.areaCount(); a++) {
                    total += s.patients(a, q);
                }
                for (int a = 0; a < s.areaCount(); a++) {
                    double v = s.patients(a, q);
                    if (v < 0.5) {
                        continue;
                    }
                    w.write(String.format(Locale.ROOT, "%s,%s,%.0f,%.4f,%.4f%n", Csv.field(p.pcnCodes().get(q)),
                            Csv.field(plan.areaIds().get(a)), v,
                            total > 0 ? v / total : 0, s.residents(a) > 0 ? s.affinity(a, q) / s.residents(a) : 0));
                }
            }
        }
        return file;
    }

    /** The plan's figures as written under "plan" in summary.json. */
    public static Map<String, Object> summaryProperties(PlanSummary s) {
        Map<String, Object> pl = new LinkedHashMap<>();
        pl.put("areas", s.areas());
        pl.put("alignment", round(s.alignment(), 4));
        pl.put("worst_area", s.worstArea());
        pl.put("worst_area_alignment", round(s.worstAlignment(), 4));
        pl.put("max_deviation", round(s.maxDeviation(), 4));
        pl.put("mean_residents", round(s.meanResidents(), 0));
        pl.put("mean_compactness", round(s.meanCompactness(), 4));
        pl.put("non_contiguous_areas", s.nonContiguousAreas());
        pl.put("blocks", s.blocks());
        pl.put("parishes", s.parishes());
        pl.put("lsoas", s.lsoas());
        pl.put("lsoa_mismatch_residents", round(s.lsoaMismatchResidents(), 0));
        return pl;
    }

    /**
     * The bound on the best alignment possible under the plan's rules, and the gap to it, as
     * written under "plan" in summary.json (nulls for a plan without a certificate).
     */
    public static Map<String, Object> certificateProperties(Certificate c) {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean known = c != null && Double.isFinite(c.upperBound());
        m.put("alignment_upper_bound", known ? Numbers.roundUp(c.upperBound(), 4) : null);
        m.put("optimality_gap", known ? Numbers.roundUp(c.gap(), 4) : null);
        m.put("optimal", c == null ? null : c.optimal());
        return m;
    }

    /**
     * Each group areas were drawn from (a district, or its parished side and unparished parts):
     * its areas, the population limits they were held to, aligned residents and the bound.
     */
    public static List<Object> groupProperties(BuiltPlan plan) {
        List<Object> out = new ArrayList<>();
        for (Clusterer.GroupResult g : plan.certificate().groups()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("group", g.label());
            m.put("district_code", g.districtCode());
            m.put("side", g.side());
            List<String> ids = new ArrayList<>();
            for (int a : g.areas()) {
                ids.add(plan.areaIds().get(a));
            }
            m.put("areas", ids.size());
            m.put("area_ids", ids);
            m.put("min_residents", round(g.limits().min(), 0));
            m.put("max_residents", g.limits().max() == Double.POSITIVE_INFINITY ? null : round(g.limits().max(), 0));
            m.put("max_deviation", g.limits().deviation() == null ? null : round(g.limits().deviation(), 4));
            m.put("within_limits", g.feasible());
            m.put("aligned_residents", round(g.aligned(), 0));
            m.put("aligned_residents_upper_bound", Double.isFinite(g.upperBound()) ? Numbers.roundUp(g.upperBound(), 0) : null);
            m.put("optimal", g.optimal());
            out.add(m);
        }
        return out;
    }

    /**
     * The slivers folded into their neighbours, as written under "slivers" in summary.json: how
     * many, the land and people that moved, and where each went, under the rule that judged them.
     */
    public static Map<String, Object> sliverProperties(SliverRule rule, List<SliverMerge> merges) {
        Map<String, Object> m = new LinkedHashMap<>();
        java.util.Set<String> slivers = new java.util.TreeSet<>();
        java.util.Set<String> detached = new java.util.TreeSet<>();
        double area = 0;
        double residents = 0;
        double registered = 0;
        List<Object> list = new ArrayList<>();
        for (SliverMerge x : merges) {
            (x.whole() ? slivers : detached).add(x.sliverCode());
            area += x.area();
            residents += x.residents();
            registered += x.registered();
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("sliver_code", x.sliverCode());
            e.put("kind", x.whole() ? "sliver" : "detached part");
            e.put("district_code", x.districtCode());
            e.put("into_block_code", x.intoCode());
            e.put("into_block_name", x.intoName());
            e.put("area_m2", round(x.area(), 0));
            e.put("resident_population", round(x.residents(), 1));
            e.put("registered_population", round(x.registered(), 1));
            list.add(e);
        }
        m.put("rule", rule.off()
                ? "none (--slivers keep): no LSOA piece outside the parishes was treated as a sliver; each is a block of"
                        + " its own, its detached parts included, as before the sliver rule"
                : String.format(java.util.Locale.ROOT, "an LSOA piece outside every parish under %.0f%% of its LSOA's land"
                        + " and %.0f%% of its residents is not a block: it joins the neighbouring block of its district"
                        + " it shares most boundary with", 100 * rule.maxAreaShare(), 100 * rule.maxResidentShare()));
        m.put("merged", slivers.size());
        m.put("detached_parts", detached.size());
        m.put("area_km2", round(area / 1e6, 3));
        m.put("resident_population", round(residents, 1));
        m.put("registered_population", round(registered, 1));
        m.put("into", list);
        return m;
    }

    /** A PCN's figures as written under "pcns" in summary.json. */
    public static Map<String, Object> pcnProperties(PcnMetrics m) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("pcn_code", m.pcnCode());
        x.put("patients", round(m.patients(), 0));
        x.put("best_area", m.bestArea());
        x.put("coterminosity", round(m.coterminosity(), 4));
        x.put("areas_spanned", m.areasSpanned());
        return x;
    }

    private static Path summary(BuiltPlan plan, PlanOutlines outlines, SliverRule rule, List<SliverMerge> slivers, Path file)
            throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Object> areas = new ArrayList<>();
        for (int a = 0; a < plan.areas().size(); a++) {
            Map<String, Object> p = areaProperties(plan.areas().get(a));
            MultiPolygon outline = outlines.areas().get(a);
            p.put("polygons", outline == null ? 0 : outline.getNumGeometries());
            p.put("polygons_note", AreaPolygons.note(plan, a, outline));
            areas.add(p);
        }
        root.put("areas", areas);
        PlanSummary s = plan.summary();
        Map<String, Object> pl = summaryProperties(s);
        pl.putAll(certificateProperties(plan.certificate()));
        root.put("plan", pl);
        if (plan.certificate() != null && !plan.certificate().groups().isEmpty()) {
            root.put("groups", groupProperties(plan));
        }
        List<Object> pcns = new ArrayList<>();
        for (PcnMetrics m : plan.pcns()) {
            pcns.add(pcnProperties(m));
        }
        root.put("pcns", pcns);
        Baselines.Result b = plan.baselines();
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("dominant_pcn_grouping_alignment", round(b.dominantAlignment(), 4));
        base.put("dominant_pcn_grouping_areas", b.dominantAreas());
        base.put("random_plans", b.random().length);
        base.put("random_alignment_mean", round(b.randomMean(), 4));
        base.put("random_alignment_p5", round(b.randomPercentile(0.05), 4));
        base.put("random_alignment_p95", round(b.randomPercentile(0.95), 4));
        base.put("random_alignment_max", round(b.randomPercentile(1), 4));
        base.put("plan_beats_random_share", round(b.shareBelow(s.alignment()), 4));
        root.put("baselines", base);
        root.put("slivers", sliverProperties(rule, slivers));
        root.put("warnings", plan.clustering().warnings());
        try (OutputStream os = Files.newOutputStream(file)) {
            JSON.writeValue(os, root);
        }
        return file;
    }
}
