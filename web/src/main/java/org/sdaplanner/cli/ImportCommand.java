package org.sdaplanner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.sdaplanner.importer.ImportReport;
import org.sdaplanner.importer.ImportedData;
import org.sdaplanner.store.ImportWriter;
import org.sdaplanner.store.ReleaseRepository;
import org.sdaplanner.store.SpatialStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;

@Command(name = "import", mixinStandardHelpOptions = true,
        header = "Read, check and store a region's official files.",
        description = {"Read, validate and store a region's official files (boundaries, GP practices and PCNs,",
                "registrations by LSOA, populations, census tables).",
                "With --release LABEL into a store that holds the region: read only the registrations, the practice",
                "map and the populations the manifest names, check them against the store (region, practices, LSOA",
                "vintage), and add them as a data release beside the others; plans, boundaries and comments stay.",
                "A manifest with \"base\": \"../region.json\" names only the files that differ (see data/releases/).",
                "The import is all or nothing: on any error the store keeps its previous import."})
public final class ImportCommand extends SdaCommand {
    @Mixin
    DataOptions data;

    @Mixin
    StoreOption store;

    @Option(names = "--report", paramLabel = "FILE.json", converter = Converters.File.class,
            description = "Also write what was loaded as JSON (checked before anything is read or stored).")
    Path report;

    @Option(names = "--release", paramLabel = "LABEL", converter = Converters.ReleaseLabel.class,
            description = "Add the files as the data release LABEL (e.g. oct2025) beside the store's others; into an empty"
                    + " store, the whole import, as its first release. Without it, a new import of the region replaces"
                    + " everything but plans, comments and accounts, as release 'initial'.")
    String release;

    @Option(names = "--replace", description = "Import again under a release label already in the store (replacing that release).")
    boolean replace;

    @Option(names = "--current", description = "Make the release the current one (the one the planner's figures use).")
    boolean current;

    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public Integer call() throws IOException {
        PrintWriter out = console();
        if ((replace || current) && release == null) {
            throw new IllegalArgumentException((replace ? "--replace" : "--current") + " goes with --release LABEL");
        }
        if (release != null) {
            SpatialStore s = store.open();
            if (!new ReleaseRepository(s).list().isEmpty() || storeHasImport(s)) {
                return new ReleaseImport(data, s, release, replace, current, report).run(out);
            }
        }
        long t0 = System.nanoTime();
        ImportedData imported = data.read(out, "Importing ");
        // The report is written next to its place before the store is touched, and moved there once the
        // import is committed: a report that cannot be written stops the import, and none claims a failed one.
        Path pending = report == null ? null : pendingReport(imported);
        try {
            ConsoleProgress progress = new ConsoleProgress(out);
            progress.step("Opening the store");
            SpatialStore s = store.open();
            progress.stepDone("");
            new ImportWriter(s, progress).write(imported, release == null ? ReleaseRepository.INITIAL : release);
            double secs = (System.nanoTime() - t0) / 1e9;
            print(out, imported.report(), s, secs);
        } catch (RuntimeException e) {
            if (pending != null) {
                Files.deleteIfExists(pending);
            }
            throw e;
        }
        if (pending != null) {
            Files.move(pending, report, StandardCopyOption.REPLACE_EXISTING);
            out.println("Report written to " + report);
        }
        return 0;
    }

    private Path pendingReport(ImportedData imported) throws IOException {
        return pendingReport(report, imported.report());
    }

    /** The report written beside its place, to be moved there once the import is committed. */
    static Path pendingReport(Path report, ImportReport r) throws IOException {
        Path target = report.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Path pending = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".pending");
        JSON.writeValue(pending.toFile(), r);
        return pending;
    }

    private static boolean storeHasImport(SpatialStore s) {
        try {
            new ReleaseRepository(s).facts();
            return true;
        } catch (org.sdaplanner.store.StoreException e) {
            return false;
        }
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
