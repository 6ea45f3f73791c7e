package org.sdaplanner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.sdaplanner.importer.ImportReport;
import org.sdaplanner.importer.ImportedData;
import org.sdaplanner.importer.RegionImporter;
import org.sdaplanner.importer.manifest.RegionManifest;
import org.sdaplanner.store.ImportWriter;
import org.sdaplanner.store.SpatialStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true,
        header = "Read, check and store a region's official files.",
        description = {"Read, validate and store a region's official files (boundaries, GP practices and PCNs,",
                "registrations by LSOA, populations, census tables).",
                "The import is all or nothing: on any error the store keeps its previous import."})
public final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "Folder holding the downloaded files; the manifest's paths are relative to it.")
    Path data;

    @Option(names = "--region", paramLabel = "FILE", defaultValue = "data/cambridgeshire-peterborough.json",
            description = "Region manifest (JSON). Default: ${DEFAULT-VALUE}")
    Path region;

    @Option(names = "--db", paramLabel = "URL",
            description = "Store: jdbc:postgresql://HOST:PORT/DB for PostGIS (user and password from the URL or PGUSER/PGPASSWORD);"
                    + " default: the embedded H2GIS store " + SpatialStore.DEFAULT_URL)
    String db;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Also write what was loaded as JSON.")
    Path report;

    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        RegionManifest manifest = RegionManifest.load(region);
        out.println("Importing " + manifest.region().name() + " from " + data.toAbsolutePath().normalize());
        ConsoleProgress progress = new ConsoleProgress(out);
        ImportedData imported = new RegionImporter(progress).read(manifest, data);
        progress.step("Opening the store");
        SpatialStore store = SpatialStore.open(db);
        progress.stepDone("");
        new ImportWriter(store, progress).write(imported);
        double secs = (System.nanoTime() - t0) / 1e9;
        print(out, imported.report(), store, secs);
        if (report != null) {
            Path parent = report.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            JSON.writeValue(report.toFile(), imported.report());
            out.println("Report written to " + report);
        }
        return 0;
    }

    static void print(PrintWriter out, ImportReport r, SpatialStore store, double secs) {
        out.println();
        out.println(String.format(Locale.ROOT, "Imported %s into %s (%s) in %.1f s", r.region(), store.displayUrl(),
                store.dialect().name(), secs));
        for (Map.Entry<String, Long> e : r.layers().entrySet()) {
            out.println(String.format(Locale.ROOT, "  %-20s %,12d", e.getKey().replace('_', ' '), e.getValue()));
        }
        out.println(String.format(Locale.ROOT, "  %-20s %,12d", "usual residents", r.residentPopulation()));
        out.println(String.format(Locale.ROOT, "  %-20s %,12d", "registered patients", r.registeredPatients()));
        out.println(String.format(Locale.ROOT, "  %-20s %,12d (living in the region's LSOAs)", "analysed patients",
                r.analysedPatients()));
        out.println(String.format(Locale.ROOT, "  kept out of the analysis: %,d rows, %,d patients",
                r.unmatchedRegistrations().rows(), r.unmatchedRegistrations().patients()));
        r.unmatchedRegistrations().byReason().forEach((reason, c) ->
                out.println(String.format(Locale.ROOT, "    %-58s %,8d rows %,10d patients", reason, c.rows(), c.patients())));
        out.println(String.format(Locale.ROOT, "  repaired geometries: %d", r.repairedGeometries()));
        if (!r.warnings().isEmpty()) {
            out.println("Warnings:");
            r.warnings().forEach(w -> out.println("  - " + w));
        }
    }
}
