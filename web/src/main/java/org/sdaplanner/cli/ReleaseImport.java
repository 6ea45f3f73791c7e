package org.sdaplanner.cli;

import org.sdaplanner.importer.ImportedRelease;
import org.sdaplanner.importer.RegionImporter;
import org.sdaplanner.importer.manifest.RegionManifest;
import org.sdaplanner.store.ReleaseRepository;
import org.sdaplanner.store.ReleaseRepository.ReleaseInfo;
import org.sdaplanner.store.SpatialStore;
import org.sdaplanner.store.StoreConflictException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * {@code sda import --release LABEL} into a store that holds the region: reads the release's files, checks
 * them against the store and adds them as a release, in one transaction. A label already there is refused
 * before any file is read, unless {@code --replace}.
 */
final class ReleaseImport {
    private final DataOptions data;
    private final SpatialStore store;
    private final String label;
    private final boolean replace;
    private final boolean current;
    private final Path report;

    ReleaseImport(DataOptions data, SpatialStore store, String label, boolean replace, boolean current, Path report) {
        this.data = data;
        this.store = store;
        this.label = label;
        this.replace = replace;
        this.current = current;
        this.report = report;
    }

    int run(PrintWriter out) throws IOException {
        long t0 = System.nanoTime();
        ReleaseRepository releases = new ReleaseRepository(store);
        var existing = releases.find(label);
        if (existing.isPresent() && !replace) {
            throw new StoreConflictException("the store already has a release '" + label + "' (imported "
                    + existing.get().importedAt() + "): give --replace to import it again under this label, or choose another"
                    + " label (sda release list shows them)");
        }
        ReleaseRepository.StoreFacts facts = releases.facts();
        RegionManifest manifest = RegionManifest.load(data.region);
        out.println("Importing data release " + label + " of " + manifest.region().name() + " from "
                + data.data.toAbsolutePath().normalize());
        ImportedRelease r = new RegionImporter(new ConsoleProgress(out)).readRelease(manifest, data.data, facts.region());
        Path pending = report == null ? null : ImportCommand.pendingReport(report, r.report());
        ReleaseInfo stored;
        try {
            stored = releases.add(label, r, replace, current);
        } catch (RuntimeException e) {
            if (pending != null) {
                Files.deleteIfExists(pending);
            }
            throw e;
        }
        out.println();
        out.println(String.format(Locale.ROOT, "%s release %s in %.1f s: %d practices in %d PCNs, %,d registered patients in the"
                        + " region's LSOAs", existing.isPresent() ? "Replaced" : "Added", label, (System.nanoTime() - t0) / 1e9,
                stored.practices(), stored.pcns(), stored.patients()));
        if (!r.report().warnings().isEmpty()) {
            out.println("Warnings:");
            r.report().warnings().forEach(w -> out.println("  - " + w));
        }
        String now = releases.current().map(ReleaseInfo::label).orElse("none");
        out.println(stored.current() ? "It is the current release: the planner's figures use it (restart a running sda serve)."
                : "The current release is still " + now + ": compare them with 'sda release diff --from " + now + " --to " + label
                + " --out DIR', make it current with 'sda release use " + label + "'.");
        if (pending != null) {
            Files.move(pending, report, StandardCopyOption.REPLACE_EXISTING);
            out.println("Report written to " + report);
        }
        return 0;
    }
}
