package org.sdaplanner.export;

import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.sdaplanner.core.blocks.BlockKind;
import org.sdaplanner.core.blocks.BuildingBlock;
import org.sdaplanner.core.cluster.Baselines;
import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.plan.AreaMetrics;
import org.sdaplanner.core.plan.LsoaBestFit;
import org.sdaplanner.core.plan.PlanState;
import org.sdaplanner.core.plan.PlanSummary;
import org.sdaplanner.core.plan.PlanningProblem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The committee report of a plan: one self-contained, printable A4 HTML document (no script, no file
 * beside it) with a labelled map of every area, the table of areas (name, parishes by name, residents,
 * deviation, main PCN and alignment, LSOAs), the parish → area appendix grouped by district, the
 * plan's baselines (and its bound when the plan has one), and the data sources with their dates.
 * {@code report.html?plan=ID} serves it and {@code sda report} writes it; every text is escaped. The
 * same plan and data give the same document, byte for byte (it is dated by the plan's last change).
 */
public final class CommitteeReport {
    /** Map colours: the page's area palette (neighbours differ). */
    private static final String[] PALETTE = {"#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69",
        "#fccde5", "#bc80bd", "#ccebc5", "#ffed6f", "#e5c494"};
    private static final double MAP_WIDTH = 1000;

    private CommitteeReport() {
    }

    /** An imported file, for "data sources and dates". */
    public record Source(String title, String vintage, String licence) {
    }

    /**
     * What the report says besides the plan's figures.
     *
     * @param bound a sentence on the plan's bound on alignment (the best possible under its rules), or null when
     *              the plan has none (made by hand, imported, or built before bounds were computed)
     */
    public record Context(String regionName, long planId, String planName, long revision, String changedAt,
                          Map<String, String> pcnNames, Map<String, String> districtNames, List<Source> sources,
                          List<String> attributions, String importedAt, Baselines.Result baselines, String bound) {
    }

    /**
     * The report as HTML; {@code areas} are the plan's outlines in EPSG:27700 ({@link PlanOutlines#bng}, one per area, null
     * for an empty one), simplified enough for a page.
     */
    /** The planner's icon inline, so that neither the saved file nor the served page asks for a favicon. */
    private static final String ICON = "data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 viewBox=%220 0 32 32%22%3E%3Crect width=%2232%22 height=%2232%22 rx=%226%22 fill=%22%231b1f24%22/%3E%3Cpath d=%22M5 7l9-2 3 6-4 7-8-1z%22 fill=%22%238dd3c7%22/%3E%3Cpath d=%22M14 5l12 3-1 9-8-6z%22 fill=%22%23fdb462%22/%3E%3Cpath d=%22M13 18l4-7 8 6-3 9-9-1z%22 fill=%22%23bebada%22/%3E%3Cpath d=%22M5 17l8 1 0 8-7 1z%22 fill=%22%23fb8072%22/%3E%3C/svg%3E";

    public static String html(BuiltPlan plan, List<MultiPolygon> areas, Context c) {
        StringBuilder h = new StringBuilder(200_000);
        String title = "Service delivery areas: " + c.planName();
        h.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(title))
                .append("</title>\n<link rel=\"icon\" href=\"").append(ICON).append("\">\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<p class=\"no-print hint\">To print or save as PDF, use the browser's Print (Ctrl+P): A4, portrait.</p>\n");
        h.append("<header><p class=\"kicker\">").append(esc(c.regionName())).append(" · committee report</p>\n<h1>")
                .append(esc(title)).append("</h1>\n<p class=\"sub\">Plan ").append(c.planId()).append(", revision ")
                .append(c.revision()).append(", as last changed on ").append(esc(day(c.changedAt()))).append(". ")
                .append(plan.areas().size()).append(" areas.</p></header>\n");
        summary(h, plan, c);
        map(h, plan, areas);
        areasTable(h, plan, c);
        appendix(h, plan, c);
        sources(h, c);
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void summary(StringBuilder h, BuiltPlan plan, Context c) {
        PlanSummary s = plan.summary();
        Baselines.Result b = c.baselines();
        h.append("<section class=\"summary\">\n<h2>The plan in figures</h2>\n<dl>\n");
        dt(h, "PCN alignment", pct(s.alignment()) + " of residents are registered with their area's main PCN (least aligned: "
                + s.worstArea() + ", " + pct(s.worstAlignment()) + ")");
        dt(h, "Size of the areas", String.format(Locale.ROOT, "%,.0f residents on average; the largest difference from the"
                + " average is %s", s.meanResidents(), pct(s.maxDeviation())));
        dt(h, "Areas in one piece", (s.areas() - s.nonContiguousAreas()) + " of " + s.areas());
        dt(h, "Building blocks", s.blocks() + " (" + s.parishes() + " parishes; LSOAs or their parts where there is no parish)");
        dt(h, "LSOA best fit", String.format(Locale.ROOT, "each of the %d LSOAs goes to the area holding most of its residents;"
                + " %,.0f residents live in another area than their LSOA's", s.lsoas(), s.lsoaMismatchResidents()));
        if (b != null) {
            dt(h, "Baseline: PCN footprints", String.format(Locale.ROOT, "%s, grouping each district's blocks by the PCN they lean"
                    + " to (%d groups, with no control of size, number or contiguity)", pct(b.dominantAlignment()), b.dominantAreas()));
            if (b.random().length > 0) {
                dt(h, "Baseline: random plans", String.format(Locale.ROOT, "%d random contiguous plans with the same areas per"
                                + " district align %s on average (5th–95th percentile %s–%s); this plan beats %.0f%% of them",
                        b.random().length, pct(b.randomMean()), pct(b.randomPercentile(0.05)), pct(b.randomPercentile(0.95)),
                        100 * b.shareBelow(s.alignment())));
            }
        }
        dt(h, "Bound", c.bound() != null ? c.bound() : "no bound was computed for this plan (it was edited, imported or built"
                + " without one): the baselines above are the yardsticks");
        h.append("</dl>\n<p class=\"hint\">Residents are Census 2021 usual residents shared out to parishes by postcode or land;"
                + " registered patients exceed residents (list inflation, cross-border registration), so shares come from"
                + " registrations and sizes from the census.</p>\n</section>\n");
    }

    private static void dt(StringBuilder h, String term, String text) {
        h.append("<dt>").append(esc(term)).append("</dt><dd>").append(esc(text)).append("</dd>\n");
    }

    // ---- the map -----------------------------------------------------------------------------

    private static void map(StringBuilder h, BuiltPlan plan, List<MultiPolygon> areas) {
        Envelope env = new Envelope();
        areas.stream().filter(a -> a != null).forEach(a -> env.expandToInclude(a.getEnvelopeInternal()));
        if (env.isNull()) {
            return;
        }
        double k = MAP_WIDTH / env.getWidth();
        double height = env.getHeight() * k;
        double tolerance = 0.6 / k; // about half a unit of the drawing: the label's place need not be finer
        int[] colour = colours(plan);
        h.append("<section class=\"map\">\n<h2>Map of the areas</h2>\n<svg id=\"report-map\" viewBox=\"0 0 ")
                .append(num(MAP_WIDTH)).append(' ').append(num(height)).append("\" role=\"img\" aria-label=\"Map of the ")
                .append(plan.areas().size()).append(" areas\">\n");
        List<String> labels = new ArrayList<>();
        for (int a = 0; a < areas.size(); a++) {
            MultiPolygon g = areas.get(a);
            if (g == null) {
                continue;
            }
            AreaMetrics m = plan.areas().get(a);
            h.append("<path class=\"area\" data-area=\"").append(esc(m.id())).append("\" fill=\"").append(PALETTE[colour[a]])
                    .append("\" d=\"").append(path(g, env, k)).append("\"><title>").append(esc(label(m))).append("</title></path>\n");
            Point p = labelPoint(g, tolerance);
            double x = (p.getX() - env.getMinX()) * k;
            double y = (env.getMaxY() - p.getY()) * k;
            labels.add("<text x=\"" + num(x) + "\" y=\"" + num(y) + "\">" + esc(m.id()) + "</text>");
        }
        h.append("<g class=\"labels\">\n");
        labels.forEach(l -> h.append(l).append('\n'));
        h.append("</g>\n</svg>\n<p class=\"hint\">Each colour is one area (neighbours differ); the labels are the areas' ids,"
                + " named in the table below.</p>\n</section>\n");
    }

    /** A point well inside the area's largest part, for its label. */
    private static Point labelPoint(MultiPolygon g, double tolerance) {
        Polygon largest = null;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            if (largest == null || p.getArea() > largest.getArea()) {
                largest = p;
            }
        }
        return MaximumInscribedCircle.getCenter(largest, Math.max(tolerance, 1));
    }

    private static String path(Geometry g, Envelope env, double k) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (!(g.getGeometryN(i) instanceof Polygon p)) {
                continue;
            }
            ring(d, p.getExteriorRing(), env, k);
            for (int r = 0; r < p.getNumInteriorRing(); r++) {
                ring(d, p.getInteriorRingN(r), env, k);
            }
        }
        return d.toString();
    }

    private static void ring(StringBuilder d, LineString ring, Envelope env, double k) {
        Coordinate[] cs = ring.getCoordinates();
        for (int i = 0; i < cs.length - 1; i++) {
            d.append(i == 0 ? 'M' : 'L').append(num((cs[i].x - env.getMinX()) * k)).append(',')
                    .append(num((env.getMaxY() - cs[i].y) * k));
        }
        d.append('Z');
    }

    /** Neighbouring areas get different colours (greedy, most neighbours first). */
    private static int[] colours(BuiltPlan plan) {
        PlanState s = plan.state();
        PlanningProblem p = s.problem();
        int n = s.areaCount();
        List<Set<Integer>> adj = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            adj.add(new TreeSet<>());
        }
        for (int b = 0; b < p.blockCount(); b++) {
            for (int nb : p.neighbours(b)) {
                if (s.areaOf(nb) != s.areaOf(b)) {
                    adj.get(s.areaOf(b)).add(s.areaOf(nb));
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            order.add(a);
        }
        order.sort(Comparator.comparingInt((Integer a) -> -adj.get(a).size()).thenComparingInt(a -> a));
        int[] out = new int[n];
        java.util.Arrays.fill(out, -1);
        int[] used = new int[PALETTE.length];
        for (int a : order) {
            Set<Integer> taken = new TreeSet<>();
            adj.get(a).forEach(x -> taken.add(out[x]));
            int pick = -1;
            for (int c = 0; c < PALETTE.length; c++) {
                if (!taken.contains(c) && (pick < 0 || used[c] < used[pick])) {
                    pick = c;
                }
            }
            out[a] = pick < 0 ? a % PALETTE.length : pick;
            used[out[a]]++;
        }
        return out;
    }

    // ---- the tables --------------------------------------------------------------------------

    private static void areasTable(StringBuilder h, BuiltPlan plan, Context c) {
        PlanState s = plan.state();
        PlanningProblem p = s.problem();
        List<List<String>> parishes = new ArrayList<>();
        List<List<String>> unparished = new ArrayList<>();
        List<List<String>> lsoas = new ArrayList<>();
        for (int a = 0; a < s.areaCount(); a++) {
            parishes.add(new ArrayList<>());
            unparished.add(new ArrayList<>());
            lsoas.add(new ArrayList<>());
        }
        for (int b = 0; b < p.blockCount(); b++) {
            BuildingBlock blk = p.block(b);
            (blk.kind() == BlockKind.PARISH ? parishes : unparished).get(s.areaOf(b)).add(blk.name());
        }
        for (LsoaBestFit.Fit f : plan.bestFit().lsoas()) {
            lsoas.get(f.area()).add(f.lsoaCode());
        }
        h.append("<section class=\"areas\">\n<h2>The areas</h2>\n<table class=\"data\">\n<colgroup><col class=\"area\">"
                + "<col class=\"blocks\"><col class=\"res\"><col class=\"dev\"><col class=\"pcn\"><col class=\"lsoas\"></colgroup>\n"
                + "<thead><tr><th>Area</th>"
                + "<th>Parishes and other building blocks</th><th class=\"num\">Residents</th><th class=\"num\">Deviation</th>"
                + "<th>Main PCN and alignment</th><th>LSOAs (best fit)</th></tr></thead>\n<tbody>\n");
        for (int a = 0; a < s.areaCount(); a++) {
            AreaMetrics m = plan.areas().get(a);
            parishes.get(a).sort(String.CASE_INSENSITIVE_ORDER);
            unparished.get(a).sort(String.CASE_INSENSITIVE_ORDER);
            StringBuilder blocks = new StringBuilder(esc(String.join(", ", parishes.get(a))));
            if (!unparished.get(a).isEmpty()) {
                blocks.append(blocks.length() > 0 ? "; " : "").append("without a parish council: ")
                        .append(esc(String.join(", ", unparished.get(a))));
            }
            String districts = String.join(", ", m.districtCodes().stream().map(d -> c.districtNames().getOrDefault(d, d)).toList());
            h.append("<tr data-area=\"").append(esc(m.id())).append("\"><th scope=\"row\">").append(esc(m.id())).append("<br><span>")
                    .append(esc(m.name())).append("</span><br><small>").append(esc(districts)).append("</small></th><td class=\"blocks\">")
                    .append(blocks).append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%,.0f", m.residents()))
                    .append("</td><td class=\"num\">").append(signedPct(m.deviation())).append("</td><td>")
                    .append(esc(m.mainPcn() == null ? "none" : c.pcnNames().getOrDefault(m.mainPcn(), m.mainPcn()))).append("<br>")
                    .append(pct(m.alignment())).append(" aligned").append(m.pieces() > 1 ? "<br><strong>not in one piece</strong>" : "")
                    .append("</td><td class=\"lsoas\">").append(lsoas.get(a).size()).append(": ")
                    .append(esc(String.join(", ", lsoas.get(a)))).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n<p class=\"hint\">Residents: the area's parishes and blocks (Census 2021). Deviation: from the"
                + " average area. Alignment: the share of the area's residents registered with its main PCN. LSOAs: those that"
                + " fit best in the area (for sharing data at LSOA level).</p>\n</section>\n");
    }

    private static void appendix(StringBuilder h, BuiltPlan plan, Context c) {
        PlanState s = plan.state();
        PlanningProblem p = s.problem();
        Map<String, List<Integer>> byDistrict = new TreeMap<>();
        for (int b = 0; b < p.blockCount(); b++) {
            String d = p.block(b).districtCode();
            byDistrict.computeIfAbsent(c.districtNames().getOrDefault(d, d == null ? "No district" : d), k -> new ArrayList<>()).add(b);
        }
        h.append("<section class=\"appendix\">\n<h2>Appendix: parishes and building blocks by district</h2>\n");
        for (Map.Entry<String, List<Integer>> e : byDistrict.entrySet()) {
            List<Integer> blocks = e.getValue();
            blocks.sort(Comparator.comparing((Integer b) -> p.block(b).name(), String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(b -> p.block(b).code()));
            h.append("<h3>").append(esc(e.getKey())).append("</h3>\n<table class=\"lookup\">\n<thead><tr><th>Parish or block</th>"
                    + "<th>Code</th><th>Area</th></tr></thead>\n<tbody>\n");
            for (int b : blocks) {
                BuildingBlock blk = p.block(b);
                int a = s.areaOf(b);
                h.append("<tr><td>").append(esc(blk.name())).append(blk.kind() == BlockKind.UNPARISHED ? " <small>(no parish)</small>" : "")
                        .append("</td><td>").append(esc(blk.code())).append("</td><td>").append(esc(label(plan.areas().get(a))))
                        .append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        h.append("</section>\n");
    }

    private static void sources(StringBuilder h, Context c) {
        h.append("<section class=\"sources\">\n<h2>Data sources and dates</h2>\n<table class=\"lookup\">\n<thead><tr><th>Data</th>"
                + "<th>Vintage</th><th>Licence</th></tr></thead>\n<tbody>\n");
        for (Source s : c.sources()) {
            h.append("<tr><td>").append(esc(s.title())).append("</td><td>").append(esc(s.vintage())).append("</td><td>")
                    .append(esc(s.licence())).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n<p>Imported into the planner on ").append(esc(day(c.importedAt()))).append(".</p>\n<p class=\"hint\">")
                .append(esc(String.join(" · ", c.attributions()))).append("</p>\n</section>\n");
    }

    // ---- words and numbers -------------------------------------------------------------------

    private static String label(AreaMetrics m) {
        return m.name() == null || m.name().equals(m.id()) ? m.id() : m.id() + " " + m.name();
    }

    private static String pct(double x) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * x);
    }

    private static String signedPct(double x) {
        return String.format(Locale.ROOT, "%s%.1f%%", x > 0.0005 ? "+" : x < -0.0005 ? "−" : "±", Math.abs(100 * x));
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** "2026-12-02T10:15:00Z" → "2 December 2026". */
    private static String day(String iso) {
        if (iso == null || iso.length() < 10) {
            return "an unknown date";
        }
        try {
            java.time.LocalDate d = java.time.LocalDate.parse(iso.substring(0, 10));
            return d.getDayOfMonth() + " " + d.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.UK) + " " + d.getYear();
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    /** Text for HTML content and attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    private static final String STYLE = """
            @page { size: A4 portrait; margin: 14mm 12mm 16mm 12mm; }
            * { box-sizing: border-box; }
            body { font: 10pt/1.35 "DejaVu Sans", Arial, sans-serif; color: #1b1f23; margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
            h1 { font-size: 18pt; margin: 0 0 2mm; }
            h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 1px solid #9aa3ab; break-after: avoid; }
            h3 { font-size: 11pt; margin: 4mm 0 1mm; break-after: avoid; }
            .kicker { text-transform: uppercase; letter-spacing: .05em; font-size: 8.5pt; color: #4a5159; margin: 0; }
            .sub, .hint { color: #4a5159; }
            .hint { font-size: 8.5pt; }
            dl { display: grid; grid-template-columns: 42mm 1fr; gap: 1mm 4mm; margin: 0; }
            dt { font-weight: bold; }
            dd { margin: 0; }
            .map { break-inside: avoid; }
            #report-map { width: 100%; height: 225mm; display: block; }
            #report-map path.area { stroke: #30363d; stroke-width: 0.8; stroke-linejoin: round; }
            #report-map text { font: bold 13px "DejaVu Sans", Arial, sans-serif; text-anchor: middle; dominant-baseline: middle;
              paint-order: stroke; stroke: #fff; stroke-width: 3px; fill: #111; }
            table { border-collapse: collapse; width: 100%; }
            thead { display: table-header-group; }
            table.lookup tr { break-inside: avoid; }
            th, td { text-align: left; vertical-align: top; padding: 1.2mm 1.5mm; border-bottom: 0.5pt solid #c9d1d9; }
            table.data { font-size: 8.5pt; table-layout: fixed; }
            table.data col.area { width: 14%; } table.data col.blocks { width: 31%; } table.data col.res { width: 11%; }
            table.data col.dev { width: 10%; } table.data col.pcn { width: 14%; } table.data col.lsoas { width: 20%; }
            table.data th[scope=row] span { font-weight: normal; }
            td.num, th.num { text-align: right; white-space: nowrap; }
            td.lsoas { font-size: 7pt; color: #30363d; }
            .appendix { columns: 2; column-gap: 8mm; }
            .appendix h2 { column-span: all; }
            table.lookup { font-size: 7.5pt; }
            table.lookup td, table.lookup th { padding: 0.6mm 1mm; }
            .map, .areas, .appendix, .sources { break-before: page; }
            @media print { .no-print { display: none; } body { padding: 0; max-width: none; } }
            """;
}
