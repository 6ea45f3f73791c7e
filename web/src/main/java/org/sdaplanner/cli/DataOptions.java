package org.sdaplanner.cli;

import org.sdaplanner.importer.ImportedData;
import org.sdaplanner.importer.RegionImporter;
import org.sdaplanner.importer.manifest.RegionManifest;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/** Where a region's official files are and which manifest names them: shared by 'sda import' and 'sda start'. */
final class DataOptions {
    @Option(names = "--data", required = true, paramLabel = "DIR", converter = Converters.InputPath.class,
            description = "Folder holding the downloaded files; the manifest's paths are relative to it (and stay inside it).")
    Path data;

    @Option(names = "--region", paramLabel = "FILE", defaultValue = "data/cambridgeshire-peterborough.json",
            converter = Converters.InputPath.class, description = "Region manifest (JSON). Default: ${DEFAULT-VALUE}")
    Path region;

    /** Reads and validates every file the manifest names (nothing is written), saying so on the terminal. */
    ImportedData read(PrintWriter out, String what) {
        RegionManifest manifest = RegionManifest.load(region);
        out.println(what + manifest.region().name() + " from " + data.toAbsolutePath().normalize());
        return new RegionImporter(new ConsoleProgress(out)).read(manifest, data);
    }
}
