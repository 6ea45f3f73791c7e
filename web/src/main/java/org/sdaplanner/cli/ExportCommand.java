package org.sdaplanner.cli;

import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.cluster.ClusterOptions;
import org.sdaplanner.core.cluster.PlanBuilder;
import org.sdaplanner.core.plan.PlanSummary;
import org.sdaplanner.core.plan.PlanningProblem;
import org.sdaplanner.export.GeoPackageExport;
import org.sdaplanner.export.PlanOutlines;
import org.sdaplanner.export.ShapefileExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        header = "Write the plan for QGIS and ArcGIS (GeoPackage, Shapefile).",
        description = {"Build the same plan as 'sda build' (same options and seed, same plan) and",
                "write it for GIS software, in British National Grid (EPSG:27700):",
                "  gpkg  plan.gpkg, a GeoPackage with feature tables areas and blocks",
                "  shp   areas.shp and blocks.shp (with .shx, .dbf, .prj and .cpg)",
                "  all   both"})
public final class ExportCommand implements Callable<Integer> {

    /** What can be written. */
    enum Format {
        GPKG, SHP, ALL;

        static Format parse(String s) {
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(s == null ? "" : s.trim())) {
                    return f;
                }
            }
            return null;
        }
    }


    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Mixin
    RuleOption rule;

    @Mixin
    PlanOptions plan;

    @Mixin
    SimplifyOption simplify;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "gpkg, shp or all.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the files (created if missing).")
    Path out;

    @Override
    public Integer call() throws IOException {
        Format f = Format.parse(format);
        if (f == null) {
            throw new ParameterException(spec.commandLine(),
                    "Unknown --format '" + format + "': use gpkg (GeoPackage), shp (Shapefiles) or all (both).");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ParameterException(spec.commandLine(), "--out " + out + " is a file, not a folder.");
        }
        PrintWriter console = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        RegionAnalysis region = RegionAnalysis.load(store.open(), rule.parse());
        ClusterOptions options = plan.clusterOptions(region.defaultAreas());
        long t1 = System.nanoTime();
        PlanningProblem problem = PlanningProblem.of(region.blocks(), region.dominance());
        // Random baseline plans do not change the plan and are not exported: draw none.
        BuiltPlan built = PlanBuilder.build(problem, options, 0);
        long t2 = System.nanoTime();
        Files.createDirectories(out);
        PlanOutlines areas = PlanOutlines.bng(built, simplify.metres());
        List<Path> written = new ArrayList<>();
        if (f == Format.GPKG || f == Format.ALL) {
            written.add(GeoPackageExport.write(built, areas, out.resolve(GeoPackageExport.FILE_NAME)));
        }
        if (f == Format.SHP || f == Format.ALL) {
            written.addAll(ShapefileExport.write(built, areas, out));
        }
        long t3 = System.nanoTime();
        PlanSummary s = built.summary();
        console.println(String.format(Locale.ROOT, "Plan: %d areas, %d blocks, PCN alignment %.1f%%, largest deviation %.1f%%,"
                        + " %d non-contiguous (seed %d)", s.areas(), built.state().problem().blockCount(), 100 * s.alignment(),
                100 * s.maxDeviation(), s.nonContiguousAreas(), options.seed()));
        built.clustering().warnings().forEach(w -> console.println("Warning: " + w));
        SliverReport.summary(console, region.blocks().blocks());
        console.println("Written (EPSG:27700, British National Grid):");
        for (Path p : written) {
            console.println(String.format(Locale.ROOT, "  %-40s %,12d bytes%s", p, Files.size(p), describe(p, built)));
        }
        console.println(String.format(Locale.ROOT, "Timings: data and blocks %.1f s, clustering and metrics %.1f s, files %.1f s",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9));
        return 0;
    }


    private static String describe(Path p, BuiltPlan plan) {
        String name = p.getFileName().toString();
        int areas = plan.areas().size();
        int blocks = plan.state().problem().blockCount();
        if (name.equals(GeoPackageExport.FILE_NAME)) {
            return String.format(Locale.ROOT, "  tables %s (%d areas), %s (%d blocks)",
                    GeoPackageExport.AREAS_TABLE, areas, GeoPackageExport.BLOCKS_TABLE, blocks);
        }
        if (name.endsWith(".shp")) {
            return String.format(Locale.ROOT, "  %d features", name.startsWith(ShapefileExport.AREAS) ? areas : blocks);
        }
        return "";
    }
}
