package org.sdaplanner.bench;

import org.sdaplanner.core.blocks.LsoaParishOverlay;
import org.sdaplanner.core.blocks.LsoaPiece;
import org.sdaplanner.core.blocks.OverlayResult;
import org.sdaplanner.core.dominance.DominanceEngine;
import org.sdaplanner.core.dominance.DominanceInput;
import org.sdaplanner.core.dominance.DominanceResult;
import org.sdaplanner.core.dominance.DominanceRule;
import org.sdaplanner.core.dominance.LsoaDominance;
import org.sdaplanner.core.geography.Geography;
import org.sdaplanner.importer.Progress;
import org.sdaplanner.importer.RegionImporter;
import org.sdaplanner.importer.manifest.RegionManifest;
import org.sdaplanner.store.GeographyReader;
import org.sdaplanner.store.ImportWriter;
import org.sdaplanner.store.SpatialStore;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Dominance and the parish × LSOA overlay, done by the engine in memory and by the SQL an
 * analyst would write in PostGIS, side by side in one run on the same data, with the answers
 * compared. Usage: {@code EngineVsPostgis DATA_DIR MANIFEST POSTGIS_URL [RUNS]}.
 */
public final class EngineVsPostgis {
    static final String DOMINANCE_SQL = """
            WITH cell AS (
              SELECT r.lsoa_code, p.pcn_code, SUM(r.patients) AS n
              FROM registration r JOIN practice p ON p.code = r.practice_code
              GROUP BY r.lsoa_code, p.pcn_code),
            total AS (SELECT lsoa_code, SUM(n) AS tot FROM cell GROUP BY lsoa_code),
            ranked AS (
              SELECT c.lsoa_code, c.pcn_code, c.n::float8 / t.tot AS share,
                     ROW_NUMBER() OVER (PARTITION BY c.lsoa_code
                       ORDER BY (c.pcn_code IS NULL OR c.pcn_code = 'U'), c.n DESC, c.pcn_code) AS rk
              FROM cell c JOIN total t USING (lsoa_code))
            SELECT lsoa_code, pcn_code, share FROM ranked WHERE rk = 1""";
    static final String OVERLAY_SQL = """
            SELECT l.code, p.code, ST_Area(ST_Intersection(l.geom, p.geom))
            FROM lsoa l JOIN parish p ON ST_Intersects(l.geom, p.geom)""";
    static final String MAKE_VALID_SQL = "SELECT COUNT(*) FROM (SELECT ST_MakeValid(geom) FROM lsoa UNION ALL SELECT ST_MakeValid(geom) FROM parish) v";

    /** The engine's defaults, or floating-precision overlay with -Dsda.bench.grid=0. */
    static final org.sdaplanner.core.blocks.OverlayOptions OVERLAY = org.sdaplanner.core.blocks.OverlayOptions.DEFAULTS
            .withGridSize(Double.parseDouble(System.getProperty("sda.bench.grid",
                    Double.toString(org.sdaplanner.core.blocks.OverlayOptions.DEFAULTS.gridSize()))));

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path manifest = Path.of(args[1]);
        String pg = args[2];
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        boolean reuse = args.length > 4 && args[4].equals("reuse");
        SpatialStore store = SpatialStore.open(pg);
        if (!reuse) {
            System.out.println("Importing " + manifest + " into PostGIS …");
            new ImportWriter(store, Progress.SILENT).write(new RegionImporter(Progress.SILENT).read(RegionManifest.load(manifest), data));
        }
        try (Connection c = store.connect(); Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
        Geography g = new GeographyReader(store).read();
        System.out.printf(Locale.ROOT, "%,d LSOAs, %,d parishes, %,d registration cells, %d cores, %s%n", g.lsoas().size(),
                g.parishes().size(), g.registrations().size(), Runtime.getRuntime().availableProcessors(), postgisVersion(store));

        DominanceInput input = DominanceInput.of(g);
        DominanceResult ours = null;
        Map<String, String> theirs = null;
        for (int run = 1; run <= runs; run++) {
            long t0 = System.nanoTime();
            ours = new DominanceEngine().compute(input, DominanceRule.PLURALITY);
            long t1 = System.nanoTime();
            theirs = postgisDominance(store);
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "dominance run %d: engine %.3f s, PostGIS %.3f s%n", run, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        }
        int same = 0;
        for (LsoaDominance l : ours.lsoas()) {
            if (l.dominantPcnCode() != null && l.dominantPcnCode().equals(theirs.get(l.lsoaCode()))) {
                same++;
            }
        }
        System.out.printf(Locale.ROOT, "dominance answers: %,d of %,d LSOAs have the same dominant PCN%n", same, ours.lsoas().size());

        OverlayResult overlay = null;
        double[] pg2 = null;
        for (int run = 1; run <= runs; run++) {
            long t0 = System.nanoTime();
            overlay = new LsoaParishOverlay(OVERLAY).overlay(g.lsoas(), g.parishes());
            long t1 = System.nanoTime();
            long v = timeOnly(store, MAKE_VALID_SQL);
            long t2 = System.nanoTime();
            pg2 = postgisOverlay(store);
            long t3 = System.nanoTime();
            System.out.printf(Locale.ROOT, "overlay run %d: engine %.3f s (%,d pieces), PostGIS %.3f s (%,d pieces) + ST_MakeValid %.3f s%n",
                    run, (t1 - t0) / 1e9, overlay.pieces().size(), (t3 - t2) / 1e9, (long) pg2[0], (t2 - t1) / 1e9);
        }
        double ourArea = overlay.pieces().stream().filter(p -> !p.outsideParishes()).mapToDouble(LsoaPiece::area).sum();
        System.out.printf(Locale.ROOT, "overlay answers: parish-covered area engine %.1f km², PostGIS %.1f km² (difference %.4f%%);"
                        + " engine dropped %d slivers totalling %.0f m²%n", ourArea / 1e6, pg2[1] / 1e6,
                100 * (ourArea - pg2[1]) / pg2[1], overlay.droppedSlivers(), overlay.droppedSliverArea());
        comparePieces(overlay, store);

        // the engine's answer is the areas, as the SQL's is; outlines are built when a block needs one
        long t0 = System.nanoTime();
        overlay.pieces().parallelStream().forEach(LsoaPiece::geometry);
        System.out.printf(Locale.ROOT, "building all %,d piece outlines as well (no command needs them all): %.3f s%n",
                overlay.pieces().size(), (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Piece by piece, untimed: every PostGIS piece is an engine piece of the same area, or one
     * the engine dropped as a sliver (under its LSOA's tolerance); and no engine parish piece is
     * missing from PostGIS.
     */
    private static void comparePieces(OverlayResult overlay, SpatialStore store) throws SQLException {
        Map<String, Double> ours = new HashMap<>();
        for (LsoaPiece p : overlay.pieces()) {
            if (!p.outsideParishes()) {
                ours.put(p.lsoaCode() + "|" + p.parishCode(), p.area());
            }
        }
        int same = 0;
        int slivers = 0;
        int missing = 0;
        double maxDiff = 0;
        double maxRel = 0;
        try (Connection c = store.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(OVERLAY_SQL)) {
            while (rs.next()) {
                double a = rs.getDouble(3);
                if (!(a > 0)) {
                    continue;
                }
                Double e = ours.remove(rs.getString(1) + "|" + rs.getString(2));
                if (e != null) {
                    same++;
                    maxDiff = Math.max(maxDiff, Math.abs(e - a));
                    maxRel = Math.max(maxRel, Math.abs(e - a) / a);
                } else if (a < overlay.options().sliverThreshold(overlay.lsoa(rs.getString(1)).geometry().getArea())) {
                    slivers++;
                } else {
                    missing++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "overlay pieces: %,d in both (largest area difference %.2g m², %.2g relative),"
                        + " %,d dropped by the engine as slivers, %,d missing from the engine, %,d missing from PostGIS%n",
                same, maxDiff, maxRel, slivers, missing, ours.size());
    }

    private static String postgisVersion(SpatialStore store) throws SQLException {
        try (Connection c = store.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT postgis_lib_version() || ' on ' || split_part(version(), ',', 1)")) {
            rs.next();
            return "PostGIS " + rs.getString(1);
        }
    }

    private static Map<String, String> postgisDominance(SpatialStore store) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Connection c = store.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(DOMINANCE_SQL)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    /** Piece count (non-empty intersections) and total intersected area. */
    private static double[] postgisOverlay(SpatialStore store) throws SQLException {
        double n = 0;
        double area = 0;
        try (Connection c = store.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(OVERLAY_SQL)) {
            while (rs.next()) {
                double a = rs.getDouble(3);
                if (a > 0) {
                    n++;
                    area += a;
                }
            }
        }
        return new double[]{n, area};
    }

    private static long timeOnly(SpatialStore store, String sql) throws SQLException {
        try (Connection c = store.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
