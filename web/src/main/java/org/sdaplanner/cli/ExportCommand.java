package org.sdaplanner.cli;

import org.sdaplanner.core.blocks.BlockSet;
import org.sdaplanner.core.cluster.BuiltPlan;
import org.sdaplanner.core.plan.PlanSummary;
import org.sdaplanner.export.GeoPackageExport;
import org.sdaplanner.export.PlanExport;
import org.sdaplanner.export.ShapefileExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

@Command(name = "export", mixinStandardHelpOptions = true,
        header = "Write a plan for QGIS, ArcGIS and spreadsheets (GeoJSON, GeoPackage, Shapefile, CSV).",
        description = {"Write a plan as files for GIS software and spreadsheets, through the same code as the map",
                "page's downloads. With --plan, the stored plan as it was edited ('sda plan list' lists them);",
                "without it, the plan 'sda build' makes with the same options and seed.",
                "  geojson  areas.geojson: the areas with their figures (EPSG:4326)",
                "  gpkg     plan.gpkg: GeoPackage tables areas and blocks (EPSG:27700)",
                "  shp      areas.shp and blocks.shp with .shx, .dbf, .prj and .cpg (EPSG:27700)",
                "  csv      parish_to_area.csv and lsoa_to_area.csv, with the areas' names",
                "  all      all of these"})
public final class ExportCommand extends PlanCommand {
    @Mixin
    SimplifyOption simplify;

    @Mixin
    PlanChoice choice;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", converter = ExportFormat.class,
            description = "geojson, gpkg, shp, csv or all.")
    String format;

    /** --format: one of the export's formats, checked when the command line is read. */
    static final class ExportFormat extends Converters.Checked<String> {
        ExportFormat() {
            super(v -> {
                String f = v == null ? "" : v.strip().toLowerCase(Locale.ROOT);
                if (!PlanExport.FORMATS.contains(f)) {
                    throw new picocli.CommandLine.TypeConversionException("expected one of "
                            + String.join(", ", PlanExport.FORMATS) + ", found '" + Converters.shown(v) + "'");
                }
                return f;
            });
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter console = console();
        long t0 = System.nanoTime();
        PlanChoice.Chosen chosen = choice.choose(spec, source, console);
        BuiltPlan built = chosen.plan();
        BlockSet blocks = chosen.region().blocks().blocks();
        String what = chosen.what();
        long t1 = System.nanoTime();
        List<Path> written = PlanExport.write(built, format, out.path, simplify.metres);
        long t2 = System.nanoTime();
        PlanSummary s = built.summary();
        console.println(String.format(Locale.ROOT, "%s: %d areas, %d blocks, PCN alignment %.1f%%, largest deviation %.1f%%,"
                        + " %d non-contiguous", what, s.areas(), built.state().problem().blockCount(), 100 * s.alignment(),
                100 * s.maxDeviation(), s.nonContiguousAreas()));
        SliverReport.summary(console, blocks);
        console.println("Written:");
        for (Path p : written) {
            console.println(String.format(Locale.ROOT, "  %-40s %,12d bytes%s", p, Files.size(p), describe(p, built)));
        }
        console.println(String.format(Locale.ROOT, "Timings: plan %.1f s, files %.1f s", (t1 - t0) / 1e9, (t2 - t1) / 1e9));
        return 0;
    }

    private static String describe(Path p, BuiltPlan plan) {
        String name = p.getFileName().toString();
        int areas = plan.areas().size();
        int blocks = plan.state().problem().blockCount();
        if (name.equals(GeoPackageExport.FILE_NAME)) {
            return String.format(Locale.ROOT, "  EPSG:27700, tables %s (%d areas), %s (%d blocks)",
                    GeoPackageExport.AREAS_TABLE, areas, GeoPackageExport.BLOCKS_TABLE, blocks);
        }
        if (name.endsWith(".shp")) {
            return String.format(Locale.ROOT, "  EPSG:27700, %d features", name.startsWith(ShapefileExport.AREAS) ? areas : blocks);
        }
        if (name.equals(PlanExport.AREAS_GEOJSON)) {
            return String.format(Locale.ROOT, "  EPSG:4326, %d areas", areas);
        }
        if (name.equals(PlanExport.BLOCKS_CSV)) {
            return String.format(Locale.ROOT, "  %d blocks", blocks);
        }
        if (name.equals(PlanExport.LSOAS_CSV)) {
            return String.format(Locale.ROOT, "  %d LSOAs", plan.bestFit().lsoas().size());
        }
        return "";
    }
}
