package org.sdaplanner.cli;

import org.sdaplanner.web.PlannerService;
import org.sdaplanner.web.api.ImportReport;
import org.sdaplanner.web.api.Plan;
import org.sdaplanner.web.api.PlanListItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code sda plan …}: the plans stored with the map server, from the terminal, through the same services
 * as the page ({@link PlannerService}): list them, import one from a file.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        header = "List the stored plans, or import one from a file (CSV, GeoJSON, GeoPackage).",
        description = {"The plans stored in the map server's store: list them, or import one from a file.",
                "Export one with 'sda export --plan ID|NAME'; print its committee report with 'sda report --plan ID|NAME'."},
        subcommands = {PlansCommand.ListPlans.class, PlansCommand.Import.class})
public final class PlansCommand extends CommandGroup {

    @Command(name = "list", mixinStandardHelpOptions = true, header = "List the stored plans.", description = "List the stored plans: id, name, areas, alignment, revision.")
    static final class ListPlans implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOption store;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (PlannerService service = PlannerService.open(store.openForReading())) {
                out.println(String.format(Locale.ROOT, "%5s  %-40s %6s %10s %9s  %s", "id", "name", "areas", "alignment", "revision",
                        "changed"));
                for (PlanListItem p : service.plans().list()) {
                    out.println(String.format(Locale.ROOT, "%5d  %-40.40s %6s %10s %9d  %s", p.id(), p.name(),
                            p.areas() == null ? "–" : p.areas().toString(),
                            p.alignment() == null ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * p.alignment()), p.revision(),
                            p.error() != null ? "cannot be opened: " + p.error() : p.updatedAt()));
                }
            }
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            header = "Import a plan from a block, LSOA or polygon file as a new stored plan.",
            description = {"Import a plan from a file as a new stored plan:",
                    "  a CSV of block_code,area_id[,area_name] (the planner's parish_to_area.csv),",
                    "  a CSV of lsoa_code,area_id[,area_name] (each block goes to the area holding most of its residents),",
                    "  or area polygons as GeoJSON or a GeoPackage (area_id or id, area_name or name; each block goes to",
                    "  the area holding the largest share of its residents).",
                    "Every block must get an area: codes missing from the file, or given two areas, refuse the import",
                    "(nothing is stored); unknown and repeated codes are reported."})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOption store;

        @Parameters(paramLabel = "FILE", description = "The plan file (.csv, .geojson or .gpkg).")
        Path file;

        @Option(names = "--name", paramLabel = "NAME", description = "The new plan's name (default: the file's name).")
        String name;

        @Option(names = "--check", description = "Only report what the file gives; store nothing.")
        boolean check;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no file " + file);
            }
            PrintWriter out = spec.commandLine().getOut();
            byte[] bytes = Files.readAllBytes(file);
            String fileName = file.getFileName().toString();
            try (PlannerService service = PlannerService.open(store.open())) {
                ImportReport r = service.imports().check(fileName, bytes);
                print(out, r);
                if (!r.ok()) {
                    spec.commandLine().getErr().println("Nothing was imported: " + r.errors().get(0));
                    return FailureHandler.INPUT_ERROR;
                }
                if (check) {
                    out.println("The file can be imported (--check: nothing was stored).");
                    return 0;
                }
                String planName = name != null && !name.isBlank() ? name.strip() : fileName.replaceAll("\\.[A-Za-z]+$", "");
                Plan p = service.imports().importPlan(planName, fileName, bytes, "cli:" + System.getProperty("user.name", "unknown"));
                out.println(String.format(Locale.ROOT, "Imported as plan %d \"%s\": %d areas, PCN alignment %.1f%%.", p.id(), p.name(),
                        p.areas().size(), 100 * ((Number) p.summary().get("alignment")).doubleValue()));
            }
            return 0;
        }

        private static void print(PrintWriter out, ImportReport r) {
            out.println(String.format(Locale.ROOT, "%s: %s, %d %s, %d areas", r.file(), r.format() == null ? "unreadable" : r.format(),
                    r.items(), "geojson".equals(r.format()) || "gpkg".equals(r.format()) ? "features" : "rows", r.areas()));
            r.errors().forEach(e -> out.println("  Error: " + e));
            r.warnings().forEach(w -> out.println("  Warning: " + w));
        }
    }
}
