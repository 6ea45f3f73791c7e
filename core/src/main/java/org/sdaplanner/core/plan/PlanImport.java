package org.sdaplanner.core.plan;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.sdaplanner.core.blocks.BlockPiece;
import org.sdaplanner.core.blocks.BuildingBlock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A plan read from a file, turned into a block → area assignment over the region's building blocks,
 * with a report of what did not fit. Three kinds of file:
 * <ul>
 *   <li>block → area rows ({@code block_code,area_id[,area_name]}, what {@code parish_to_area.csv} holds);</li>
 *   <li>LSOA → area rows: each block goes to the area holding most of its residents (by land when it has
 *       none), as the LSOA best fit works the other way round;</li>
 *   <li>area polygons (EPSG:27700): each block goes to the polygon holding the largest share of its
 *       residents, its residents spread over each of its LSOA pieces by land.</li>
 * </ul>
 * Nothing is invented: a block the file does not place (missing, or placed twice in different areas)
 * refuses the whole import, with every such block listed by name. Codes the region does not have, rows
 * that repeat, and blocks split between polygons are listed as warnings.
 */
public final class PlanImport {
    /** Longest area id and name the store keeps. */
    public static final int MAX_ID = 40;
    public static final int MAX_NAME = 300;
    /** At most this many items of a kind are listed in the report's sentences (the lists hold them all). */
    private static final int SHOWN = 12;

    private PlanImport() {
    }

    /** A row of a block → area or LSOA → area file; {@code line} as a spreadsheet numbers it (header = 1). */
    public record Row(long line, String code, String areaId, String areaName) {
    }

    /** An area of a polygon file, in EPSG:27700; {@code feature} counts from 1. */
    public record Area(int feature, String areaId, String areaName, Geometry geometry) {
    }

    /** A code given more than once: the areas it was given, in file order. */
    public record Duplicate(String code, List<String> areas) {
    }

    /**
     * What the file gave.
     *
     * @param kind          "blocks", "lsoas" or "polygons"
     * @param items         rows or features read
     * @param unknownCodes  codes that are no block (or LSOA) of the region
     * @param missingBlocks blocks the file gives no area: their names (and codes)
     * @param duplicates    codes given more than once (an error when the areas differ)
     * @param errors        why the import is refused (empty: it can be made)
     * @param warnings      what the analyst should know but does not stop it
     */
    public record Report(String kind, int items, int areas, List<String> unknownCodes, List<String> missingBlocks,
                         List<Duplicate> duplicates, List<String> errors, List<String> warnings) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** The report and, when it is ok, the areas (by id) with their names and every block's area index. */
    public record Result(Report report, List<String> areaIds, List<String> areaNames, int[] assignment) {
    }

    // ---- block → area ------------------------------------------------------------------------

    public static Result ofBlocks(PlanningProblem p, List<Row> rows) {
        Reading r = new Reading("blocks", rows.size());
        Map<Integer, String> areaOf = new TreeMap<>();
        Map<String, List<String>> given = new LinkedHashMap<>();
        for (Row row : rows) {
            if (!r.checkRow(row, "block_code")) {
                continue;
            }
            given.computeIfAbsent(row.code(), k -> new ArrayList<>()).add(row.areaId());
            int b = p.indexOf(row.code());
            if (b < 0) {
                r.unknown.add(row.code());
                continue;
            }
            r.nameArea(row.areaId(), row.areaName(), row.line());
            String before = areaOf.putIfAbsent(b, row.areaId());
            if (before != null && !before.equals(row.areaId())) {
                r.conflicting.add(label(p, b));
            }
        }
        r.duplicates(given);
        return r.finish(p, areaOf);
    }

    // ---- LSOA → area -------------------------------------------------------------------------

    public static Result ofLsoas(PlanningProblem p, List<Row> rows) {
        Reading r = new Reading("lsoas", rows.size());
        Set<String> lsoas = new TreeSet<>();
        for (int b = 0; b < p.blockCount(); b++) {
            p.block(b).pieces().forEach(piece -> lsoas.add(piece.lsoaCode()));
        }
        Map<String, String> areaOfLsoa = new LinkedHashMap<>();
        Map<String, List<String>> given = new LinkedHashMap<>();
        for (Row row : rows) {
            if (!r.checkRow(row, "lsoa_code")) {
                continue;
            }
            given.computeIfAbsent(row.code(), k -> new ArrayList<>()).add(row.areaId());
            if (!lsoas.contains(row.code())) {
                r.unknown.add(row.code());
                continue;
            }
            r.nameArea(row.areaId(), row.areaName(), row.line());
            String before = areaOfLsoa.putIfAbsent(row.code(), row.areaId());
            if (before != null && !before.equals(row.areaId())) {
                r.conflicting.add(row.code());
            }
        }
        r.duplicates(given);
        Set<String> missingLsoas = new TreeSet<>(lsoas);
        missingLsoas.removeAll(areaOfLsoa.keySet());
        if (!missingLsoas.isEmpty()) {
            r.missingExplained = true;
            r.errors.add(count(missingLsoas.size(), "LSOA") + " of the region " + (missingLsoas.size() == 1 ? "is" : "are")
                    + " not in the file, so the blocks they reach cannot be placed: " + shown(new ArrayList<>(missingLsoas)));
        }
        Map<Integer, String> areaOf = new TreeMap<>();
        for (int b = 0; b < p.blockCount(); b++) {
            Map<String, double[]> by = new TreeMap<>();
            boolean complete = true;
            for (BlockPiece piece : p.block(b).pieces()) {
                String a = areaOfLsoa.get(piece.lsoaCode());
                if (a == null) {
                    complete = false;
                    continue;
                }
                double[] v = by.computeIfAbsent(a, k -> new double[2]);
                v[0] += piece.residentPopulation();
                v[1] += piece.weight();
            }
            if (complete && !by.isEmpty()) {
                areaOf.put(b, largest(by));
            }
        }
        return r.finish(p, areaOf);
    }

    // ---- polygons ----------------------------------------------------------------------------

    /**
     * @param lsoaGeometries each LSOA's outline by code (EPSG:27700), to spread a block's residents over
     *                       its LSOA pieces; a block whose LSOAs are not given is weighed by land alone
     */
    public static Result ofPolygons(PlanningProblem p, List<Area> areas, Map<String, Geometry> lsoaGeometries) {
        Reading r = new Reading("polygons", areas.size());
        Map<String, Geometry> byId = new LinkedHashMap<>();
        Map<String, List<String>> given = new LinkedHashMap<>();
        for (Area a : areas) {
            if (!r.checkRow(new Row(a.feature(), "feature " + a.feature(), a.areaId(), a.areaName()), "feature")) {
                continue;
            }
            if (a.geometry() == null || a.geometry().isEmpty() || a.geometry().getDimension() < 2) {
                r.errors.add("feature " + a.feature() + " (area " + a.areaId() + ") has no polygon");
                continue;
            }
            given.computeIfAbsent(a.areaId(), k -> new ArrayList<>()).add("feature " + a.feature());
            r.nameArea(a.areaId(), a.areaName(), a.feature());
            Geometry g = a.geometry().isValid() ? a.geometry() : GeometryFixer.fix(a.geometry());
            byId.merge(a.areaId(), g, (x, y) -> OverlayNGRobust.overlay(x, y, OverlayNG.UNION));
        }
        for (Map.Entry<String, List<String>> e : given.entrySet()) {
            if (e.getValue().size() > 1) {
                r.warnings.add("area " + e.getKey() + " is drawn by " + e.getValue().size() + " features ("
                        + String.join(", ", e.getValue()) + "): they are taken together");
            }
        }
        STRtree index = new STRtree();
        List<String> ids = new ArrayList<>(byId.keySet());
        List<PreparedGeometry> prepared = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Geometry g = byId.get(ids.get(i));
            prepared.add(PreparedGeometryFactory.prepare(g));
            index.insert(g.getEnvelopeInternal(), i);
        }
        Map<Integer, String> areaOf = new TreeMap<>();
        List<String> split = new ArrayList<>();
        for (int b = 0; b < p.blockCount(); b++) {
            BuildingBlock blk = p.block(b);
            Geometry g = blk.geometry();
            @SuppressWarnings("unchecked")
            List<Integer> candidates = index.query(g.getEnvelopeInternal());
            Map<String, Double> land = new TreeMap<>();
            double blockArea = g.getArea();
            for (int i : candidates) {
                if (prepared.get(i).covers(g)) {
                    land.put(ids.get(i), blockArea);
                } else if (prepared.get(i).intersects(g)) {
                    land.merge(ids.get(i), intersectionArea(g, byId.get(ids.get(i))), Double::sum);
                }
            }
            double covered = land.values().stream().mapToDouble(Double::doubleValue).sum();
            if (blockArea <= 0 || covered < 0.5 * blockArea) {
                continue; // not placed: reported as missing
            }
            String best = land.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            if (land.get(best) < 0.99 * blockArea) {
                Map<String, double[]> shares = residentShares(blk, land.keySet(), byId, lsoaGeometries);
                best = largest(shares);
                double total = shares.values().stream().mapToDouble(v -> v[0]).sum();
                double share = total > 0 ? shares.get(best)[0] / total : land.get(best) / covered;
                if (share < 0.95) {
                    split.add(String.format(Locale.ROOT, "%s (%.0f%% of its residents in %s)", blk.name(), 100 * share, best));
                }
            }
            areaOf.put(b, best);
        }
        if (!split.isEmpty()) {
            r.warnings.add(count(split.size(), "block") + " lie across area outlines and go to the area holding most of"
                    + " their residents: " + shown(split));
        }
        for (String id : ids) {
            if (!areaOf.containsValue(id)) {
                r.warnings.add("area " + id + " holds no block's largest share: it is left out");
            }
        }
        return r.finish(p, areaOf);
    }

    /** Each candidate area's residents (and land) from the block's LSOA pieces, each piece spread by land. */
    private static Map<String, double[]> residentShares(BuildingBlock blk, Set<String> candidates, Map<String, Geometry> areas,
                                                        Map<String, Geometry> lsoaGeometries) {
        Map<String, double[]> out = new TreeMap<>();
        for (String c : candidates) {
            out.put(c, new double[2]);
        }
        Geometry g = blk.geometry();
        for (BlockPiece piece : blk.pieces()) {
            Geometry lsoa = lsoaGeometries.get(piece.lsoaCode());
            Geometry part = lsoa == null || blk.pieces().size() == 1 ? g : OverlayNGRobust.overlay(g, lsoa, OverlayNG.INTERSECTION);
            double partArea = part.getArea();
            if (partArea <= 0) {
                continue;
            }
            for (String c : candidates) {
                double f = intersectionArea(part, areas.get(c)) / partArea;
                out.get(c)[0] += f * piece.residentPopulation();
                out.get(c)[1] += f * partArea;
            }
        }
        return out;
    }

    private static double intersectionArea(Geometry a, Geometry b) {
        return OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION).getArea();
    }

    /** The key with the most residents ([0]), by land ([1]) when none has residents; ties: the smaller key. */
    private static String largest(Map<String, double[]> by) {
        boolean residents = by.values().stream().anyMatch(v -> v[0] > 0);
        String best = null;
        double key = -1;
        for (Map.Entry<String, double[]> e : by.entrySet()) {
            double v = residents ? e.getValue()[0] : e.getValue()[1];
            if (v > key + 1e-9) {
                key = v;
                best = e.getKey();
            }
        }
        return best;
    }

    // ---- what every kind shares --------------------------------------------------------------

    /** The state of one reading: areas met (with names), unknown and conflicting codes, errors and warnings. */
    private static final class Reading {
        final String kind;
        final int items;
        final Map<String, String> names = new TreeMap<>();
        final Set<String> unknown = new LinkedHashSet<>();
        final Set<String> conflicting = new LinkedHashSet<>();
        final List<Duplicate> duplicates = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final Set<String> renamed = new TreeSet<>();
        /** An error already says why blocks are missing (LSOAs missing from an LSOA file). */
        boolean missingExplained;

        Reading(String kind, int items) {
            this.kind = kind;
            this.items = items;
        }

        /** False (with an error) for a row without a code or an area, or with one too long to keep. */
        boolean checkRow(Row row, String codeColumn) {
            String where = kind.equals("polygons") ? "feature " + row.line() : "row " + row.line();
            if (row.code() == null || row.code().isBlank()) {
                errors.add(where + ": the " + codeColumn + " is empty");
                return false;
            }
            if (row.areaId() == null || row.areaId().isBlank()) {
                errors.add(kind.equals("polygons") ? where + " has no area_id (or id) property"
                        : where + " (" + row.code() + "): the area_id is empty");
                return false;
            }
            if (row.areaId().length() > MAX_ID) {
                errors.add(where + ": the area_id \"" + row.areaId().substring(0, 20) + "…\" is longer than " + MAX_ID + " characters");
                return false;
            }
            if (row.areaName() != null && row.areaName().length() > MAX_NAME) {
                errors.add(where + ": the area_name is longer than " + MAX_NAME + " characters");
                return false;
            }
            return true;
        }

        void nameArea(String id, String name, long line) {
            String n = name == null || name.isBlank() ? null : name.strip();
            if (!names.containsKey(id) || names.get(id) == null) {
                names.put(id, n);
            } else if (n != null && !n.equals(names.get(id)) && renamed.add(id)) {
                warnings.add("area " + id + " is named both \"" + names.get(id) + "\" and \"" + n + "\" (line or feature "
                        + line + "): the first name is kept");
            }
        }

        void duplicates(Map<String, List<String>> given) {
            for (Map.Entry<String, List<String>> e : given.entrySet()) {
                if (e.getValue().size() > 1) {
                    duplicates.add(new Duplicate(e.getKey(), List.copyOf(e.getValue())));
                }
            }
            List<String> same = duplicates.stream().filter(d -> new LinkedHashSet<>(d.areas()).size() == 1)
                    .map(Duplicate::code).toList();
            if (!same.isEmpty()) {
                warnings.add(count(same.size(), "code") + " appear more than once with the same area: " + shown(same));
            }
        }

        Result finish(PlanningProblem p, Map<Integer, String> areaOf) {
            if (items == 0) {
                errors.add("the file has no " + (kind.equals("polygons") ? "features" : "rows") + " to read");
            }
            if (!unknown.isEmpty()) {
                warnings.add(count(unknown.size(), "code") + " in the file " + (unknown.size() == 1 ? "is" : "are") + " not "
                        + (kind.equals("lsoas") ? "an LSOA" : "a building block") + " of this region and "
                        + (unknown.size() == 1 ? "is" : "are") + " left out: " + shown(new ArrayList<>(unknown)));
            }
            if (!conflicting.isEmpty()) {
                errors.add(count(conflicting.size(), kind.equals("lsoas") ? "LSOA" : "block") + " " + (conflicting.size() == 1
                        ? "is" : "are") + " given two different areas: " + shown(new ArrayList<>(conflicting)));
            }
            List<String> missing = new ArrayList<>();
            for (int b = 0; b < p.blockCount(); b++) {
                if (!areaOf.containsKey(b)) {
                    missing.add(label(p, b));
                }
            }
            if (!missing.isEmpty() && !missingExplained) {
                errors.add(count(missing.size(), "building block") + " of the region " + (missing.size() == 1 ? "has" : "have")
                        + " no area in the file, and the planner does not guess: " + shown(missing));
            }
            Report report = new Report(kind, items, new TreeSet<>(areaOf.values()).size(), List.copyOf(unknown), List.copyOf(missing),
                    List.copyOf(duplicates), List.copyOf(errors), List.copyOf(warnings));
            if (!report.ok()) {
                return new Result(report, List.of(), List.of(), null);
            }
            List<String> ids = new ArrayList<>(new TreeSet<>(areaOf.values()));
            List<String> areaNames = ids.stream().map(id -> names.get(id) == null ? id : names.get(id)).toList();
            int[] assignment = new int[p.blockCount()];
            for (Map.Entry<Integer, String> e : areaOf.entrySet()) {
                assignment[e.getKey()] = ids.indexOf(e.getValue());
            }
            return new Result(report, List.copyOf(ids), areaNames, assignment);
        }
    }

    private static String label(PlanningProblem p, int b) {
        BuildingBlock blk = p.block(b);
        return blk.name() == null || blk.name().isBlank() || blk.name().equals(blk.code()) ? blk.code()
                : blk.name() + " (" + blk.code() + ")";
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static String shown(List<String> items) {
        String s = String.join(", ", items.subList(0, Math.min(SHOWN, items.size())));
        return items.size() > SHOWN ? s + " and " + (items.size() - SHOWN) + " more" : s;
    }
}
