package org.sdaplanner.cli;

import org.sdaplanner.importer.ImportedData;
import org.sdaplanner.importer.RegionImporter;
import org.sdaplanner.importer.manifest.RegionManifest;
import org.sdaplanner.store.ImportWriter;
import org.sdaplanner.store.MapDataReader;
import org.sdaplanner.store.SpatialStore;
import org.sdaplanner.web.MapServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "start", mixinStandardHelpOptions = true,
        header = "Import when the store is empty, build the default plan, then serve the map.",
        description = {"Everything in one go: import the region's files when the store is empty, build the default",
                "plan when there is none, and serve the map (as 'sda serve') until stopped (Ctrl+C)."})
public final class StartCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "Folder holding the downloaded files; the manifest's paths are relative to it.")
    Path data;

    @Option(names = "--region", paramLabel = "FILE", defaultValue = "data/cambridgeshire-peterborough.json",
            description = "Region manifest (JSON), used when the store is empty. Default: ${DEFAULT-VALUE}")
    Path region;

    @Mixin
    StoreOption store;

    @Mixin
    ServeCommand.Listen server;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        MapServer.Options options = server.options(); // a wrong basemap is refused before anything is imported
        SpatialStore s = store.open();
        if (new MapDataReader(s).hasImport()) {
            out.println("The store " + s.displayUrl() + " already holds an import: using it (run 'sda import' to replace it).");
        } else {
            long t0 = System.nanoTime();
            RegionManifest manifest = RegionManifest.load(region);
            out.println("The store is empty: importing " + manifest.region().name() + " from " + data.toAbsolutePath().normalize());
            ConsoleProgress progress = new ConsoleProgress(out);
            ImportedData imported = new RegionImporter(progress).read(manifest, data);
            new ImportWriter(s, progress).write(imported);
            ImportCommand.print(out, imported.report(), s, (System.nanoTime() - t0) / 1e9);
            out.println();
        }
        out.flush();
        return ServeCommand.serve(out, s, server, options);
    }
}
