package org.sdaplanner.cli;

import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.cluster.ClusterOptions;
import org.sdaplanner.core.cluster.PlanBuilder;
import org.sdaplanner.core.plan.PlanSummary;
import org.sdaplanner.export.GeoPackageExport;
import org.sdaplanner.export.PlanOutlines;
import org.sdaplanner.export.ShapefileExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Build the same plan as 'sda build' (same options and seed, same plan) and",
                "write it for GIS software, in British National Grid (EPSG:27700):",
                "  gpkg  plan.gpkg, a GeoPackage with feature tables areas and blocks",
                "  shp   areas.shp and blocks.shp (with .shx, .dbf, .prj and .cpg)",
                "  all   both"})
public final class ExportCommand extends PlanCommand {

    /** What can be written (case does not matter on the command line). */
    enum Format { GPKG, SHP, ALL }

    @Mixin
    SimplifyOption simplify;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "gpkg, shp or all.")
    Format format;

    @Override
    public Integer call() throws IOException {
        Format f = format;
        PrintWriter console = console();
        long t0 = System.nanoTime();
        PlanSource.Loaded loaded = source.load();
        ClusterOptions options = loaded.options();
        long t1 = System.nanoTime();
        // Random baseline plans do not change the plan and are not exported: draw none.
        BuiltPlan built = PlanBuilder.build(loaded.problem(), options, 0);
        long t2 = System.nanoTime();
        Path dir = out.path;
        Files.createDirectories(dir);
        PlanOutlines areas = PlanOutlines.bng(built, simplify.metres);
        List<Path> written = new ArrayList<>();
        if (f == Format.GPKG || f == Format.ALL) {
            written.add(GeoPackageExport.write(built, areas, dir.resolve(GeoPackageExport.FILE_NAME)));
        }
        if (f == Format.SHP || f == Format.ALL) {
            written.addAll(ShapefileExport.write(built, areas, dir));
        }
        long t3 = System.nanoTime();
        PlanSummary s = built.summary();
        console.println(String.format(Locale.ROOT, "Plan: %d areas, %d blocks, PCN alignment %.1f%%, largest deviation %.1f%%,"
                        + " %d non-contiguous (seed %d)", s.areas(), built.state().problem().blockCount(), 100 * s.alignment(),
                100 * s.maxDeviation(), s.nonContiguousAreas(), options.seed()));
        built.clustering().warnings().forEach(w -> console.println("Warning: " + w));
        SliverReport.summary(console, loaded.region().blocks().blocks());
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
