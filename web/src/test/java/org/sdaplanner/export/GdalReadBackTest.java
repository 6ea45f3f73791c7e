package org.sdaplanner.export;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdaplanner.cli.SdaMain;
import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.realdata.RealRegion;
import org.sdaplanner.web.TestData;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every file the planner writes for GIS software, read back by GDAL's {@code ogrinfo} (Debian's
 * gdal-bin; {@code .ci/gdal.sh} installs it): each layer opens, every geometry is valid by
 * GEOS's rules, and GDAL says nothing about geometry. Outside CI the test is skipped when ogrinfo is
 * missing; in CI it must run.
 */
class GdalReadBackTest {
    /** GDAL 3.6 (Debian 12) reads GeoPackage 1.4, which geopackage-java writes, but says it "may only be partially supported". */
    private static final String GPKG_VERSION_NOTE = "may only be partially supported";

    private static Path ogrinfo() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "ogrinfo");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        if (TestData.inCi()) {
            fail("CI must read the exports back with GDAL: ogrinfo is missing (run bash .ci/gdal.sh)");
        }
        Assumptions.abort("ogrinfo (GDAL) is not installed: run `bash .ci/gdal.sh` to run this test");
        return null;
    }

    @Test
    void handMadeEnclavesOverlapsAndCornersReadBackValid(@TempDir Path dir) throws Exception {
        Path ogr = ogrinfo();
        BuiltPlan plan = OutlineFixtures.plan();
        GeoPackageExport.write(plan, dir.resolve("plan.gpkg"));
        ShapefileExport.write(plan, dir);
        Path json = Files.createDirectories(dir.resolve("json"));
        PlanFiles.write(plan, List.of(), json);
        checkAll(ogr, dir, json, 2, 6);
    }

    @Test
    void theRealPlansExportsAndDownloadsReadBackValid(@TempDir Path dir) throws Exception {
        Path ogr = ogrinfo();
        BuiltPlan plan = RealRegion.defaultPlan();
        String db = RealRegion.store().url();
        // sda export, as a user runs it
        assertEquals(0, sda("export", "--db", db, "--format", "all", "--out", dir.toString()));
        // sda build's GeoJSON files (the page's GeoJSON download is the same areas file)
        Path json = Files.createDirectories(dir.resolve("json"));
        PlanFiles.write(plan, RealRegion.analysis().blocks().blocks().sliverMerges(), json);
        int blocks = plan.state().problem().blockCount();
        checkAll(ogr, dir, json, plan.areas().size(), blocks);
        // sda blocks
        Path blocksFile = dir.resolve("cli-blocks.geojson");
        assertEquals(0, sda("blocks", "--db", db, "--out", blocksFile.toString()));
        check(ogr, blocksFile, "cli-blocks", "geometry", blocks);
        // the page's GeoPackage download: the same writer at full detail
        Path download = dir.resolve("download.gpkg");
        GeoPackageExport.write(plan, download);
        check(ogr, download, "areas", "geom", plan.areas().size());
    }

    private static void checkAll(Path ogr, Path dir, Path json, int areas, int blocks) throws Exception {
        check(ogr, dir.resolve("plan.gpkg"), "areas", "geom", areas);
        check(ogr, dir.resolve("plan.gpkg"), "blocks", "geom", blocks);
        check(ogr, dir.resolve("areas.shp"), "areas", "geometry", areas);
        check(ogr, dir.resolve("blocks.shp"), "blocks", "geometry", blocks);
        check(ogr, json.resolve("areas.geojson"), "areas", "geometry", areas);
        check(ogr, json.resolve("blocks.geojson"), "blocks", "geometry", blocks);
    }

    /** ogrinfo reads every geometry of the layer; all valid, the count right, and no warning but the GeoPackage version note. */
    private static void check(Path ogr, Path file, String layer, String column, int features) throws Exception {
        String sql = "SELECT COUNT(*) AS n, SUM(ST_IsValid(" + column + ")) AS valid, SUM(ST_NumGeometries(" + column
                + ")) AS polygons FROM \"" + layer + "\"";
        String out = run(ogr.toString(), "-ro", "-q", "-dialect", "SQLite", "-sql", sql, file.toString());
        List<String> complaints = new ArrayList<>();
        for (String line : out.split("\n")) {
            String l = line.toLowerCase(java.util.Locale.ROOT);
            if ((l.contains("warning") || l.contains("error") || l.contains("geos")) && !line.contains(GPKG_VERSION_NOTE)) {
                complaints.add(line.strip());
            }
        }
        assertTrue(complaints.isEmpty(), file.getFileName() + " " + layer + ": GDAL says " + complaints);
        assertEquals(features, value(out, "n"), file.getFileName() + " " + layer + ": features\n" + out);
        assertEquals(features, value(out, "valid"), file.getFileName() + " " + layer + ": every geometry valid for GEOS\n" + out);
        assertTrue(value(out, "polygons") >= features, out);
    }

    private static int value(String ogrOutput, String field) {
        Matcher m = Pattern.compile("\\b" + field + " \\(Integer\\) = (\\d+)").matcher(ogrOutput);
        assertTrue(m.find(), "no " + field + " in " + ogrOutput);
        return Integer.parseInt(m.group(1));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ogrinfo finished");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + text);
        return text;
    }

    private static int sda(String... args) {
        PrintStream old = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream()));
        try {
            return SdaMain.run(args);
        } finally {
            System.setOut(old);
        }
    }
}
